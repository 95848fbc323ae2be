import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, hexToBytes } from "@noble/hashes/utils.js";
import { describe, expect, it } from "vitest";
import {
  answerKeyCommitment,
  commitSeed,
  foldAnswer,
  QUICKNET,
  rubricHash,
  runAward,
  runQuiz,
  verifyAward,
  verifyQuiz,
  type QuizCertificate,
} from "@ops/raffle";

const SECRET = "07".repeat(32);
const answerKey = { salt: "5a".repeat(32), key: { q1: "b", q2: ["28", "二十八"] } };
const quizSpec = {
  format: "ops-raffle/v1.1",
  type: "quiz",
  campaignId: "riddles",
  places: 2,
  closeAt: 10_000,
  answerKeyCommitment: answerKeyCommitment(answerKey),
  randomness: { kind: "commit", commitment: commitSeed(SECRET) },
} as const;
const sub = (id: string, q1: string, q2: string, receivedAt: number) => ({ id, answers: { q1, q2 }, receivedAt });
const subs = () => [
  sub("weibo::1", "B", "28", 2000),
  sub("weibo::2", "b", "二十八", 1000),
  sub("weibo::3", "a", "28", 500),
  sub("weibo::3", "b", "28", 600),
  sub("weibo::4", "b", "28", 10_001),
];
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
/** §2: the ASCII name right-padded with zero bytes to 32. */
const tag = (name: string): Uint8Array => {
  const out = new Uint8Array(32);
  out.set(utf8(name));
  return out;
};
const codes = (r: { ok: boolean; error?: readonly { code: string }[] }): string[] =>
  r.ok ? [] : [...new Set((r.error ?? []).map((f) => f.code))].sort();

describe("foldAnswer", () => {
  it.each([
    ["Ｂ", "b"], // full-width Latin: NFKC compatibility mapping (UAX #15)
    ["\u3000b\u3000", "b"], // ideographic space: NFKC → U+0020, then trimmed
    [" 二十八\n", "二十八"],
    ["İ", "i\u0307"], // SpecialCasing.txt: U+0130 lower-cases to i + combining dot above
    ["ǅ", "dž"], // title-case digraph: NFKC splits it (d + ž) before lower-casing
    ["ﬁ", "fi"], // ligature: NFKC
    ["Ⅻ", "xii"], // Roman numeral twelve: NFKC → "XII", then lower-case
    ["", ""],
  ])("folds %j to %j", (text, folded) => {
    expect(foldAnswer(text)).toBe(folded);
  });

  it("gives null for text with a code point unassigned in the engine's Unicode version", () => {
    expect(foldAnswer("b\u{40000}")).toBeNull(); // plane 4 is unassigned
    expect(foldAnswer("\u{E0080}")).toBeNull();
  });

  it("refuses what is not a well-formed string", () => {
    expect(() => foldAnswer("a\uD800")).toThrowOpsError("invalid_argument", { message: /foldAnswer: text/ });
    expect(() => foldAnswer(3 as never)).toThrowOpsError("invalid_argument");
    expect(() => foldAnswer("x".repeat(10_001))).toThrowOpsError("invalid_argument");
  });
});

describe("runQuiz", () => {
  it("counts first, on-time submissions, ranks them and lists proofs that verify", () => {
    const cert = runQuiz(quizSpec, answerKey, subs(), { secret: SECRET });
    expect(cert.places.map((p) => [p.id, p.correct, p.receivedAt])).toEqual([
      ["weibo::2", 2, 1000],
      ["weibo::1", 2, 2000],
    ]);
    expect(cert.submissions).toMatchObject({ size: 5, counted: 3, late: 1, resubmissions: 1 });
    expect(verifyQuiz(cert)).toEqual({ ok: true, value: { listChecked: false } });
    expect(verifyQuiz(cert, subs())).toEqual({ ok: true, value: { listChecked: true } });
  });

  it("does not depend on the order of the submissions and does not mutate them", () => {
    const given = subs();
    const copy = structuredClone(given);
    const a = runQuiz(quizSpec, answerKey, given, { secret: SECRET });
    expect(given).toEqual(copy);
    expect(runQuiz(quizSpec, answerKey, [...given].reverse(), { secret: SECRET })).toEqual(a);
  });

  it("lists one submission delivered twice once, and takes an NFD id as its NFC form", () => {
    const twice = [sub("qq::José", "b", "28", 5), sub("qq::José", "b", "28", 5), sub("qq::Jose\u0301", "b", "1", 6)];
    const cert = runQuiz(quizSpec, answerKey, twice, { secret: SECRET });
    expect(cert.submissions).toMatchObject({ size: 2, counted: 1, resubmissions: 1 });
    expect(cert.places[0]!.id).toBe("qq::José");
  });

  it("handles no submissions: an empty list whose root is SHA-256 of nothing (RFC 6962)", () => {
    const cert = runQuiz(quizSpec, answerKey, [], { secret: SECRET });
    expect(cert.places).toEqual([]);
    expect(cert.submissions.root).toBe(bytesToHex(sha256(new Uint8Array())));
    expect(verifyQuiz(cert, []).ok).toBe(true);
  });

  it("refuses a key that does not open the commitment, and ambiguous or bad input", () => {
    const other = { ...answerKey, key: { q1: "c", q2: "28" } };
    expect(() => runQuiz(quizSpec, other, [], { secret: SECRET })).toThrowOpsError("conflict", {
      message: /answerKeyCommitment/,
    });
    expect(() =>
      runQuiz(quizSpec, answerKey, [sub("qq::1", "a", "1", 5), sub("qq::1", "b", "1", 5)], { secret: SECRET }),
    ).toThrowOpsError("conflict", { message: /submissions\[1\].*same instant/ });
    expect(() => runQuiz(quizSpec, answerKey, [sub("qq::\u0001", "a", "1", 5)], { secret: SECRET })).toThrowOpsError(
      "invalid_argument",
      { message: /submissions\[0\]\.id/ },
    );
    expect(() => runQuiz(quizSpec, answerKey, [], { secret: "08".repeat(32) })).toThrowOpsError("conflict");
    expect(() => runQuiz({ ...quizSpec, places: 0 }, answerKey, [], { secret: SECRET })).toThrowOpsError(
      "invalid_argument",
      { message: /spec\.places/ },
    );
    expect(() => runQuiz(quizSpec, answerKey, [], { secret: SECRET }, null as never)).toThrowOpsError(
      "invalid_argument",
    );
    expect(() => runQuiz(quizSpec, answerKey, { length: 2_000_000 } as never, { secret: SECRET })).toThrowOpsError(
      "invalid_argument",
    );
  });

  it("refuses more than the documented maximum of submissions before reading them", () => {
    const many = new Array(1_000_001);
    expect(() => runQuiz(quizSpec, answerKey, many, { secret: SECRET })).toThrowOpsError("out_of_range");
  });

  it("refuses a drand chain that is neither pinned nor trusted", () => {
    const chain = { ...QUICKNET, hash: "11".repeat(32) };
    const spec = { ...quizSpec, randomness: { kind: "drand", chain, delaySeconds: 0 } } as const;
    expect(() => runQuiz(spec, answerKey, [], { secret: SECRET })).toThrowOpsError("invalid_argument");
  });
});

describe("verifyQuiz", () => {
  const cert = (): QuizCertificate => runQuiz(quizSpec, answerKey, subs(), { secret: SECRET });

  it("catches a better entrant left out, but only with the published submissions", () => {
    const c = cert();
    // drop weibo::2 (first place) and move weibo::1 up: consistent on its own face
    const forged = { ...c, places: [{ ...c.places[1]!, rank: 1 }], spec: { ...c.spec } };
    forged.spec.places = 2;
    const alone = verifyQuiz(forged);
    expect(codes(alone)).toEqual(["places"]); // min(places, counted) = 2 but one is listed
    expect(codes(verifyQuiz(forged, subs()))).toEqual(["places", "rerun"]);
  });

  it("compares with the spec hash and list root published beforehand", () => {
    const c = cert();
    expect(codes(verifyQuiz(c, undefined, { expectedSpecHash: "00".repeat(32) }))).toEqual(["expected_spec_hash"]);
    expect(codes(verifyQuiz(c, undefined, { expectedListRoot: "00".repeat(32) }))).toEqual(["expected_list_root"]);
    expect(
      verifyQuiz(c, undefined, {
        expectedSpecHash: c.specHash.toUpperCase(),
        expectedListRoot: c.submissions.root,
      }).ok,
    ).toBe(true);
  });

  it("catches a key changed after the fact, a late place and a wrong tiebreak", () => {
    const c = cert();
    // weibo::2 answered "二十八", which the substituted key no longer accepts
    expect(codes(verifyQuiz({ ...c, answerKey: { ...c.answerKey, key: { q1: "b", q2: "28" } } }))).toEqual([
      "answer_key",
      "correct",
    ]);
    const late = { ...c, spec: { ...c.spec, closeAt: 1500 } };
    expect(codes(verifyQuiz(late))).toEqual(["received_at", "spec_hash"]);
    const tb = { ...c, places: [{ ...c.places[0]!, tiebreak: "00".repeat(32) }, c.places[1]!] };
    expect(codes(verifyQuiz(tb))).toEqual(["tiebreak"]);
  });

  it("reports published submissions that break §11.3 instead of throwing", () => {
    const bad = [...subs(), sub("weibo::1", "x", "x", 2000)];
    expect(codes(verifyQuiz(cert(), bad))).toEqual(["inputs"]);
  });

  it("refuses other versions, other types, unknown members and malformed certificates", () => {
    const c = cert();
    expect(() => verifyQuiz({ ...c, format: "ops-raffle/v2" } as never)).toThrowOpsError("unsupported_version");
    expect(() => verifyQuiz({ ...c, type: "award" } as never)).toThrowOpsError("invalid_argument", {
      message: /must be a quiz certificate/,
    });
    expect(() => verifyQuiz({ ...c, extra: 1 } as never)).toThrowOpsError("corrupt_data");
    expect(() => verifyQuiz({ ...c, seed: "zz" })).toThrowOpsError("corrupt_data", { message: /certificate\.seed/ });
    expect(() => verifyQuiz(null as never)).toThrowOpsError("corrupt_data");
    expect(() => verifyQuiz(c, undefined, { trusted: [] } as never)).toThrowOpsError("invalid_argument");
  });
});

const rubric = {
  version: "1",
  criteria: [
    { id: "story", weight: 2, max: 10 },
    { id: "photo", weight: 1, max: 5 },
  ],
};
const awardSpec = {
  format: "ops-raffle/v1.1",
  type: "award",
  campaignId: "trip",
  rubricHash: rubricHash(rubric),
  judges: ["j1", "j2"],
  places: 2,
  closeAt: 5000,
  randomness: { kind: "commit", commitment: commitSeed(SECRET) },
} as const;
const sc = (judge: string, entry: string, criterion: string, score: number) => ({ judge, entry, criterion, score });
const full = (entry: string, a: number, b: number, c: number, d: number) => [
  sc("j1", entry, "story", a),
  sc("j1", entry, "photo", b),
  sc("j2", entry, "story", c),
  sc("j2", entry, "photo", d),
];
const inputs = () => ({
  entries: ["A", "B", "C"],
  // A: 2·7+4+2·8+2 = 36; B: 2·9+0+2·6+5 = 35; C: 2·10+1+2·5+5 = 36
  scores: [...full("A", 7, 4, 8, 2), ...full("B", 9, 0, 6, 5), ...full("C", 10, 1, 5, 5)],
});

describe("runAward", () => {
  it("sums score × weight over the panel, breaks the tie with the seed and verifies", () => {
    const cert = runAward(awardSpec, rubric, inputs(), { secret: SECRET });
    expect(cert.places.map((p) => p.total)).toEqual([36, 36]);
    expect(cert.places.map((p) => p.entry).sort()).toEqual(["A", "C"]);
    expect(cert.places[0]!.tiebreak < cert.places[1]!.tiebreak).toBe(true);
    expect(verifyAward(cert, inputs())).toEqual({ ok: true, value: { listChecked: true } });
  });

  it("refuses a missing, duplicate, unknown or out-of-range score, naming judge, entry and criterion", () => {
    const run = (scores: ReturnType<typeof sc>[], entries = ["A"]) =>
      runAward(awardSpec, rubric, { entries, scores }, { secret: SECRET });
    expect(() => run(full("A", 1, 1, 1, 1).slice(1))).toThrowOpsError("invalid_argument", {
      message: /judge j1 has no score for entry A on criterion story/,
    });
    expect(() => run([...full("A", 1, 1, 1, 1), sc("j2", "A", "photo", 3)])).toThrowOpsError("duplicate", {
      message: /inputs\.scores\[4\].*judge j2 scored entry A on criterion photo twice/,
    });
    expect(() => run([sc("j9", "A", "story", 1)])).toThrowOpsError("invalid_argument", {
      message: /inputs\.scores\[0\]\.judge must be a judge of the panel/,
    });
    expect(() => run([sc("j1", "Z", "story", 1)])).toThrowOpsError("invalid_argument", {
      message: /inputs\.scores\[0\]\.entry/,
    });
    expect(() => run([sc("j1", "A", "humour", 1)])).toThrowOpsError("invalid_argument", {
      message: /inputs\.scores\[0\]\.criterion/,
    });
    expect(() => run([sc("j1", "A", "photo", 6)])).toThrowOpsError("out_of_range", { message: /from 0 to 5/ });
    // an entry nobody scored is missing scores, never silently unranked
    expect(() => run(full("A", 1, 1, 1, 1), ["A", "B"])).toThrowOpsError("invalid_argument", {
      message: /entry B/,
    });
    expect(() => run([], ["José", "Jose\u0301"])).toThrowOpsError("duplicate", { message: /inputs\.entries\[1\]/ });
  });

  it("refuses a rubric other than the one published, and bad specs", () => {
    const changed = { ...rubric, criteria: [{ id: "story", weight: 3, max: 10 }, rubric.criteria[1]!] };
    expect(() => runAward(awardSpec, changed, inputs(), { secret: SECRET })).toThrowOpsError("conflict");
    expect(() =>
      runAward({ ...awardSpec, judges: ["j1", "j1"] }, rubric, inputs(), { secret: SECRET }),
    ).toThrowOpsError("invalid_argument", { message: /spec\.judges.*once/ });
    expect(() =>
      runAward(awardSpec, { ...rubric, criteria: [...rubric.criteria, rubric.criteria[0]!] }, inputs(), {
        secret: SECRET,
      }),
    ).toThrowOpsError("invalid_argument", { message: /distinct/ });
  });

  it("does not mutate its inputs and handles an award with no entries", () => {
    const given = inputs();
    const copy = structuredClone(given);
    runAward(awardSpec, rubric, given, { secret: SECRET });
    expect(given).toEqual(copy);
    const empty = runAward(awardSpec, rubric, { entries: [], scores: [] }, { secret: SECRET });
    expect([empty.places, empty.entries.size, verifyAward(empty).ok]).toEqual([[], 0, true]);
  });
});

describe("verifyAward", () => {
  it("catches a sheet, total or rubric changed, without the inputs", () => {
    const cert = runAward(awardSpec, rubric, inputs(), { secret: SECRET });
    const p0 = cert.places[0]!;
    const lowered = { ...cert, places: [{ ...p0, scores: p0.scores.slice(1) }, cert.places[1]!] };
    expect(codes(verifyAward(lowered))).toEqual(["inclusion", "scores", "total"]);
    const heavier = {
      ...cert,
      rubric: { ...cert.rubric, criteria: [{ id: "story", weight: 3, max: 10 }, rubric.criteria[1]!] },
    };
    expect(codes(verifyAward(heavier))).toEqual(["rubric_hash", "total"]);
  });

  it("catches a better entry left out with the inputs, and reports inputs that do not fit", () => {
    const cert = runAward(awardSpec, rubric, inputs(), { secret: SECRET });
    // put B (35) in second place instead of the 36 it beat: B's own sheet, proof and tiebreak are genuine
    const three = runAward({ ...awardSpec, places: 3 }, rubric, inputs(), { secret: SECRET });
    expect(three.places[2]!.entry).toBe("B");
    const tiebreak = bytesToHex(
      sha256(new Uint8Array([...tag("ops-raffle/v1/tiebreak"), ...hexToBytes(cert.seed), ...utf8("B")])),
    );
    const forged = { ...cert, places: [cert.places[0]!, { ...three.places[2]!, rank: 2, tiebreak }] };
    expect(verifyAward(forged).ok).toBe(true); // the certificate alone cannot see who is missing
    expect(codes(verifyAward(forged, inputs()))).toEqual(["rerun"]);
    const extra = { ...inputs(), scores: [...inputs().scores, sc("j3", "A", "story", 1)] };
    expect(codes(verifyAward(cert, extra))).toEqual(["inputs"]);
    const lower = { ...inputs(), scores: inputs().scores.map((s, i) => (i === 0 ? { ...s, score: 0 } : s)) };
    expect(codes(verifyAward(cert, lower))).toEqual(["list_root", "rerun"]);
  });
});
