// Regenerates contest-v1.1.json and contest-tampers-v1.1.json from the implementation:
// `npx tsx test/vectors/generate-contest.ts` (from packages/raffle), then
// `biome check --write test/vectors/contest-v1.1.json` (the house JSON layout).
// test/contest-vectors.test.ts re-derives every value of contest-v1.1.json with an
// independent reading of docs/raffle-spec.md §11 (plain @noble/hashes calls), and checks that
// verifyQuiz / verifyAward give exactly what contest-tampers-v1.1.json says for every case.
import { writeFileSync } from "node:fs";
import { isOpsError } from "@ops/core";
import {
  answerKeyCommitment,
  canonicalJson,
  commitSeed,
  foldAnswer,
  QUICKNET,
  rubricHash,
  runAward,
  runQuiz,
  verifyAward,
  verifyBeacon,
  verifyQuiz,
  type AwardCertificate,
  type QuizCertificate,
} from "../../src/index";

const here = new URL(".", import.meta.url);

// drand quicknet round 1000 (https://api.drand.sh/52db9ba7…/public/1000), as in raffle-v1.json.
const round1000 = {
  round: 1000,
  signature: "b44679b9a59af2ec876b1a6b1ad52ea9b1615fc3982b19576350f93447cb1125e342b73a8dd2bacbe47e4b6b63ed5e39",
  randomness: "fe290beca10872ef2fb164d2aa4442de4566183ec51c56ff3cd603d930e54fdd",
};
// Round 1000 is the first round at or after closeAt + 60 s.
const QUIZ_CLOSE = 1692806304000;

const answerKey = {
  salt: "a7".repeat(32),
  key: { q1: "b", q2: ["28", "二十八"], q3: "黄皮", q4: "Ａpple" },
};
const quizSpec = {
  format: "ops-raffle/v1.1",
  type: "quiz",
  campaignId: "lantern-riddles-2026",
  title: "元宵猜灯谜 · Lantern riddles",
  answerKeyCommitment: answerKeyCommitment(answerKey),
  places: 4,
  closeAt: QUIZ_CLOSE,
  randomness: { kind: "drand", chain: QUICKNET, delaySeconds: 60 },
} as const;
const t = (msBeforeClose: number) => QUIZ_CLOSE - msBeforeClose;
const submissions = [
  { id: "weibo::1", answers: { q1: "Ｂ", q2: " 二十八 ", q3: "黄皮", q4: "APPLE" }, receivedAt: t(5000) },
  { id: "weibo::2", answers: { q1: "b", q2: "28", q3: "黄皮", q4: "apple" }, receivedAt: t(9000) },
  { id: "weibo::2", answers: { q1: "x" }, receivedAt: t(100) },
  { id: "bilibili::小明", answers: { q1: "b", q2: "二十八", q3: "黄皮 ", q4: "ａｐｐｌｅ" }, receivedAt: t(9000) },
  { id: "xiaohongshu::Jose\u0301", answers: { q1: "B", q2: "28" }, receivedAt: t(7000) },
  { id: "douyin:app7:😀fan", answers: { q1: "b", q2: "28", q9: "unknown question" }, receivedAt: t(7000) },
  { id: "x::44196397", answers: { q1: "a" }, receivedAt: t(8000) },
  { id: "x::44196397", answers: { q1: "a" }, receivedAt: t(8000) },
  { id: "qq::10001", answers: { q1: "b\u{40000}", q2: "28" }, receivedAt: t(6000) },
  { id: "qq::late", answers: { q1: "b", q2: "28", q3: "黄皮", q4: "apple" }, receivedAt: QUIZ_CLOSE + 1 },
];

const rubric = {
  version: "2026-05",
  criteria: [
    { id: "story", description: "a trip worth retelling", weight: 3, max: 10 },
    { id: "photo", weight: 1, max: 5 },
    { id: "文笔", weight: 2, max: 10 },
  ],
};
const SECRET = "5e".repeat(32);
const awardSpec = {
  format: "ops-raffle/v1.1",
  type: "award",
  campaignId: "memorable-trip-2026",
  rubricHash: rubricHash(rubric),
  judges: ["editor-wang", "editor-li"],
  places: 3,
  closeAt: 1772933400000,
  randomness: { kind: "commit", commitment: commitSeed(SECRET) },
} as const;
const sheet = (entry: string, wang: [number, number, number], li: [number, number, number]) =>
  (["story", "photo", "文笔"] as const).flatMap((criterion, i) => [
    { judge: "editor-wang", entry, criterion, score: wang[i] as number },
    { judge: "editor-li", entry, criterion, score: li[i] as number },
  ]);
const awardInputs = {
  entries: ["post-A", "post-B", "帖子-丁", "post-C"],
  scores: [
    // totals: A = 3·(7+8) + (4+2) + 2·(6+6) = 75; C = 3·(9+6) + (1+5) + 2·(5+7) = 75 (a tie);
    // B = 3·(9+9) + (5+5) + 2·(2+3) = 74; 丁 = 3·(2+3) + (5+5) + 2·(10+10) = 65
    ...sheet("post-A", [7, 4, 6], [8, 2, 6]),
    ...sheet("post-B", [9, 5, 2], [9, 5, 3]),
    ...sheet("post-C", [9, 1, 5], [6, 5, 7]),
    ...sheet("帖子-丁", [2, 5, 10], [3, 5, 10]),
  ],
};

const beacon = verifyBeacon(round1000, QUICKNET);
if (!beacon.ok) throw new Error("round 1000 does not verify");
const quiz = runQuiz(quizSpec, answerKey, submissions, beacon.value);
const award = runAward(awardSpec, rubric, awardInputs, { secret: SECRET });

const vectors = {
  description:
    "ops-raffle/v1.1 quiz and award vectors (docs/raffle-spec.md §11–§12). Every value is re-derived from the doc by packages/raffle/test/contest-vectors.test.ts.",
  quiz: {
    inputs: { spec: quizSpec, answerKey, submissions, beacon: round1000 },
    specJcs: canonicalJson(quizSpec),
    specHash: quiz.specHash,
    answerKeyJcs: canonicalJson(answerKey.key),
    answerKeyCommitment: quizSpec.answerKeyCommitment,
    foldedKey: Object.fromEntries(
      Object.entries(answerKey.key).map(([q, a]) => [q, (typeof a === "string" ? [a] : a).map(foldAnswer)]),
    ),
    certificate: quiz,
  },
  award: {
    inputs: { spec: awardSpec, rubric, ...awardInputs, secret: SECRET },
    specJcs: canonicalJson(awardSpec),
    specHash: award.specHash,
    rubricJcs: canonicalJson(rubric),
    rubricHash: awardSpec.rubricHash,
    certificate: award,
  },
};

writeFileSync(new URL("contest-v1.1.json", here), `${JSON.stringify(vectors, null, 2)}\n`);

// ---- tamper corpus ----

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

function leafPaths(value: Json, path: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leafPaths(v, [...path, i]));
  if (value !== null && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...path, k]));
  return [path];
}

/** The path as text: `places[0].answers.q1`. */
export function pathText(path: Path): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

function changed(value: Json): Json {
  if (typeof value === "number") return value + 1;
  if (typeof value === "boolean") return !value;
  if (typeof value === "string") {
    if (/^[0-9a-f]+$/.test(value) && value.length % 2 === 0)
      return value.slice(0, -1) + (value.endsWith("0") ? "1" : "0");
    return `${value}x`;
  }
  return "x";
}

function tamper(cert: Json, path: Path): Json {
  const copy = structuredClone(cert) as Json;
  let at = copy as Record<string | number, Json>;
  for (const p of path.slice(0, -1)) at = at[p] as Record<string | number, Json>;
  const last = path[path.length - 1] as string | number;
  at[last] = changed(at[last] as Json);
  return copy;
}

interface Case {
  name: string;
  field: string | null;
  certificate: Json;
  inputs: Json;
  ok?: boolean;
  codes?: string[];
  throws?: string;
}

function outcome(c: Omit<Case, "ok" | "codes" | "throws">): Case {
  const cert = c.certificate as { type?: unknown };
  try {
    const r =
      cert.type === "award"
        ? verifyAward(c.certificate as never, (c.inputs ?? undefined) as never)
        : verifyQuiz(c.certificate as never, (c.inputs ?? undefined) as never);
    return { ...c, ok: r.ok, codes: r.ok ? [] : [...new Set(r.error.map((f) => f.code))].sort() };
  } catch (error) {
    if (!isOpsError(error)) throw error;
    return { ...c, throws: error.code };
  }
}

const cases: Case[] = [];
const corpora: [string, QuizCertificate | AwardCertificate, Json][] = [
  ["quiz", quiz, submissions as unknown as Json],
  ["award", award, awardInputs as unknown as Json],
];
for (const [label, cert, inputs] of corpora) {
  for (const withInputs of [false, true]) {
    const given = withInputs ? inputs : null;
    const mode = withInputs ? "with inputs" : "certificate only";
    cases.push(outcome({ name: `${label}: honest (${mode})`, field: null, certificate: cert as Json, inputs: given }));
    for (const path of leafPaths(cert as Json)) {
      cases.push(
        outcome({
          name: `${label}: ${pathText(path)} changed (${mode})`,
          field: pathText(path),
          certificate: tamper(cert as Json, path),
          inputs: given,
        }),
      );
    }
    const c = cert as unknown as { places: Json[] };
    const structural: [string, Json][] = [
      ["places[0] and places[1] swapped", { ...c, places: [c.places[1], c.places[0], ...c.places.slice(2)] } as Json],
      ["last place dropped", { ...c, places: c.places.slice(0, -1) } as Json],
      ["an unknown member added", { ...c, note: "trust me" } as Json],
      ["format ops-raffle/v1.2", { ...c, format: "ops-raffle/v1.2" } as Json],
    ];
    for (const [what, certificate] of structural)
      cases.push(outcome({ name: `${label}: ${what} (${mode})`, field: null, certificate, inputs: given }));
  }
}
const dropOne = [...submissions.slice(0, 4), ...submissions.slice(5)];
const changedAnswer = submissions.map((s, i) => (i === 1 ? { ...s, answers: { ...s.answers, q4: "pear" } } : s));
cases.push(
  outcome({
    name: "quiz: one published submission left out",
    field: null,
    certificate: quiz as Json,
    inputs: dropOne as Json,
  }),
  outcome({
    name: "quiz: a published answer changed",
    field: null,
    certificate: quiz as Json,
    inputs: changedAnswer as Json,
  }),
  outcome({
    name: "award: one published score changed",
    field: null,
    certificate: award as Json,
    inputs: {
      ...awardInputs,
      scores: awardInputs.scores.map((s, i) => (i === 0 ? { ...s, score: s.score - 1 } : s)),
    } as Json,
  }),
  outcome({
    name: "award: one published score missing",
    field: null,
    certificate: award as Json,
    inputs: { ...awardInputs, scores: awardInputs.scores.slice(1) } as Json,
  }),
);

// One case per line (as tampers-v1.1.json), so that the file stays small and diffs stay readable.
const about =
  "verifyQuiz / verifyAward (certificate, inputs) on the honest quiz and award certificates of contest-v1.1.json and on one change of every field (`field`: its path), each with and without the published inputs (`inputs`: the submissions, or { entries, scores }; null: certificate only), plus reorderings, removals, an unknown member, another version and changed inputs. ok/codes: the verification's result (codes: the distinct failure codes, sorted); throws: the OpsError code the verifier throws when the certificate is not well-formed. Generated by generate-contest.ts; test/contest-vectors.test.ts keeps it true.";
writeFileSync(
  new URL("contest-tampers-v1.1.json", here),
  `{"format":"ops-raffle/v1.1 contest tamper corpus","about":${JSON.stringify(about)},"cases":[\n${cases
    .map((c) => JSON.stringify(c))
    .join(",\n")}\n]}\n`,
);
console.log(`${cases.length} tamper cases`);
