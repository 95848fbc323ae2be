// A second implementation of docs/raffle-spec.md §11 written from the doc alone (plain
// @noble/hashes calls; its own JCS, Merkle tree and rules; no code from src/), checked against
// test/vectors/contest-v1.1.json; then the library's verifiers checked against the tamper
// corpus test/vectors/contest-tampers-v1.1.json.
import { readFileSync } from "node:fs";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, concatBytes, hexToBytes } from "@noble/hashes/utils.js";
import { isOpsError } from "@ops/core";
import { describe, expect, it } from "vitest";
import { verifyAward, verifyQuiz } from "@ops/raffle";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`./vectors/${name}`, import.meta.url), "utf8"));
const enc = new TextEncoder();
const utf8 = (s: string): Uint8Array => enc.encode(s);
const H = (...parts: Uint8Array[]): Uint8Array => sha256(concatBytes(...parts));
const hex = bytesToHex;
const tag = (name: string): Uint8Array => {
  const t = new Uint8Array(32);
  t.set(utf8(name));
  return t;
};
/** Byte-string order (§1). */
const cmpBytes = (a: Uint8Array, b: Uint8Array): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
};
const cmpUtf8 = (a: string, b: string): number => cmpBytes(utf8(a), utf8(b));

/** RFC 8785 for the values of these vectors (strings, integers, arrays, objects). */
function jcs(v: Json): string {
  if (Array.isArray(v)) return `[${v.map(jcs).join(",")}]`;
  if (v !== null && typeof v === "object") {
    const keys = Object.keys(v).sort(); // UTF-16 code unit order, as RFC 8785 §3.2.3
    return `{${keys.map((k) => `${JSON.stringify(k)}:${jcs(v[k] as Json)}`).join(",")}}`;
  }
  return JSON.stringify(v);
}
const jsonHash = (v: Json): string => hex(H(utf8(jcs(v))));
const leafOf = (record: Json): Uint8Array => H(Uint8Array.of(0), utf8(jcs(record)));

/** RFC 6962 MTH (§4.7). */
function mth(leaves: Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return sha256(new Uint8Array());
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return H(Uint8Array.of(1), mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}
/** RFC 6962 §2.1.1 audit path, deepest first. */
function path(m: number, leaves: Uint8Array[]): Uint8Array[] {
  if (leaves.length <= 1) return [];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return m < k
    ? [...path(m, leaves.slice(0, k)), mth(leaves.slice(k))]
    : [...path(m - k, leaves.slice(k)), mth(leaves.slice(0, k))];
}
const seedOf = (specHash: string, root: string, randomness: string): string =>
  hex(H(tag("ops-raffle/v1/seed"), hexToBytes(specHash), hexToBytes(root), hexToBytes(randomness)));
const tiebreak = (seed: string, x: string): string => hex(H(tag("ops-raffle/v1/tiebreak"), hexToBytes(seed), utf8(x)));

/** §11.2 fold; null for text with an unassigned code point. */
const fold = (s: string): string | null => (/\p{Cn}/u.test(s) ? null : s.normalize("NFKC").trim().toLowerCase());

interface QuizVector {
  inputs: {
    spec: Json & { closeAt: number; places: number; answerKeyCommitment: string };
    answerKey: { salt: string; key: Record<string, string | string[]> };
    submissions: { id: string; answers: Record<string, string>; receivedAt: number }[];
    beacon: { round: number; signature: string; randomness: string };
  };
  specJcs: string;
  specHash: string;
  answerKeyJcs: string;
  answerKeyCommitment: string;
  foldedKey: Record<string, (string | null)[]>;
  certificate: Record<string, Json> & {
    submissions: { root: string; size: number; counted: number; late: number; resubmissions: number };
    randomness: { randomness: string; round: number; signature: string };
    seed: string;
    places: Json[];
  };
}
interface AwardVector {
  inputs: {
    spec: Json & { judges: string[]; places: number; randomness: { commitment: string } };
    rubric: Json & { criteria: { id: string; weight: number; max: number }[] };
    entries: string[];
    scores: { judge: string; entry: string; criterion: string; score: number }[];
    secret: string;
  };
  specJcs: string;
  specHash: string;
  rubricJcs: string;
  rubricHash: string;
  certificate: Record<string, Json> & { entries: { root: string; size: number }; seed: string; places: Json[] };
}
const vectors = read("contest-v1.1.json") as { quiz: QuizVector; award: AwardVector };

describe("contest vectors (docs/raffle-spec.md §11), re-derived by a second implementation", () => {
  it("quiz: spec hash, answer-key commitment, list, counts, seed and places", () => {
    const v = vectors.quiz;
    const { spec, answerKey, submissions, beacon } = v.inputs;
    expect(jcs(spec)).toBe(v.specJcs);
    expect(jsonHash(spec)).toBe(v.specHash);
    // §11.1: SHA-256(tag ‖ salt ‖ UTF-8(JCS(key)))
    expect(jcs(answerKey.key as Json)).toBe(v.answerKeyJcs);
    const commitment = hex(H(tag("ops-raffle/v1.1/answer-key"), hexToBytes(answerKey.salt), utf8(v.answerKeyJcs)));
    expect(commitment).toBe(v.answerKeyCommitment);
    expect(commitment).toBe(spec.answerKeyCommitment);
    const key = Object.entries(answerKey.key).map(
      ([q, a]) => [q, (typeof a === "string" ? [a] : a).map(fold)] as const,
    );
    expect(Object.fromEntries(key)).toEqual(v.foldedKey);
    // §11.3: leaves, order, duplicates
    const rows = submissions.map((s) => {
      const record = { answers: s.answers, id: s.id.normalize("NFC"), receivedAt: s.receivedAt };
      return { ...record, leaf: leafOf(record) };
    });
    rows.sort((a, b) => a.receivedAt - b.receivedAt || cmpUtf8(a.id, b.id) || cmpBytes(a.leaf, b.leaf));
    const listed = rows.filter((r, i) => i === 0 || cmpBytes(rows[i - 1]!.leaf, r.leaf) !== 0);
    const leaves = listed.map((r) => r.leaf);
    const root = hex(mth(leaves));
    // §11.2: late, resubmissions, counted
    const seen = new Set<string>();
    let late = 0;
    let resubmissions = 0;
    const counted: ((typeof listed)[number] & { index: number })[] = [];
    listed.forEach((r, index) => {
      if (r.receivedAt > spec.closeAt) late++;
      else if (seen.has(r.id)) resubmissions++;
      else {
        seen.add(r.id);
        counted.push({ ...r, index });
      }
    });
    expect(v.certificate.submissions).toEqual({
      root,
      size: listed.length,
      counted: counted.length,
      late,
      resubmissions,
    });
    expect([late, resubmissions, listed.length]).toEqual([1, 1, submissions.length - 1]); // one exact duplicate
    // §6.1 randomness = SHA-256(signature); §7 seed over the submissions' root
    expect(hex(sha256(hexToBytes(beacon.signature)))).toBe(v.certificate.randomness.randomness);
    const seed = seedOf(v.specHash, root, beacon.randomness);
    expect(v.certificate.seed).toBe(seed);
    const correctOf = (answers: Record<string, string>): number =>
      key.filter(([q, accepted]) => {
        if (!Object.hasOwn(answers, q)) return false;
        const f = fold(answers[q]!);
        return f !== null && accepted.includes(f);
      }).length;
    const ranked = counted
      .map((c) => ({ ...c, correct: correctOf(c.answers), tiebreak: tiebreak(seed, c.id) }))
      .sort(
        (a, b) =>
          b.correct - a.correct ||
          a.receivedAt - b.receivedAt ||
          cmpBytes(hexToBytes(a.tiebreak), hexToBytes(b.tiebreak)) ||
          cmpUtf8(a.id, b.id),
      );
    const places = ranked.slice(0, spec.places).map((r, i) => ({
      rank: i + 1,
      id: r.id,
      receivedAt: r.receivedAt,
      answers: r.answers,
      correct: r.correct,
      tiebreak: r.tiebreak,
      index: r.index,
      proof: path(r.index, leaves).map(hex),
    }));
    expect(v.certificate.places).toEqual(places);
    // the vector exercises the rules it claims to: a tie broken by receive time, one by the seed
    expect(places.map((p) => p.correct)).toEqual([4, 4, 4, 2]);
    expect(places[0]!.receivedAt).toBe(places[1]!.receivedAt);
  });

  it("award: spec and rubric hashes, sheets, root, seed, totals and places", () => {
    const v = vectors.award;
    const { spec, rubric, entries, scores, secret } = v.inputs;
    expect(jcs(spec)).toBe(v.specJcs);
    expect(jsonHash(spec)).toBe(v.specHash);
    expect(jcs(rubric)).toBe(v.rubricJcs);
    expect(jsonHash(rubric)).toBe(v.rubricHash);
    // §6.2 commit and reveal
    expect(hex(H(tag("ops-raffle/v1/commit"), hexToBytes(secret)))).toBe(spec.randomness.commitment);
    const randomness = hex(H(tag("ops-raffle/v1/reveal"), hexToBytes(secret)));
    const weight = new Map(rubric.criteria.map((c) => [c.id, c.weight]));
    const sheets = [...entries]
      .map((e) => e.normalize("NFC"))
      .sort(cmpUtf8)
      .map((entry) => {
        const own = scores
          .filter((s) => s.entry === entry)
          .map((s) => ({ criterion: s.criterion, judge: s.judge, score: s.score }))
          .sort((a, b) => cmpUtf8(a.judge, b.judge) || cmpUtf8(a.criterion, b.criterion));
        expect(own).toHaveLength(spec.judges.length * rubric.criteria.length);
        return {
          entry,
          scores: own,
          leaf: leafOf({ entry, scores: own }),
          total: own.reduce((t, s) => t + s.score * weight.get(s.criterion)!, 0),
        };
      });
    const leaves = sheets.map((s) => s.leaf);
    const root = hex(mth(leaves));
    expect(v.certificate.entries).toEqual({ root, size: entries.length });
    const seed = seedOf(v.specHash, root, randomness);
    expect(v.certificate.seed).toBe(seed);
    const ranked = sheets
      .map((s, index) => ({ ...s, index, tiebreak: tiebreak(seed, s.entry) }))
      .sort(
        (a, b) =>
          b.total - a.total || cmpBytes(hexToBytes(a.tiebreak), hexToBytes(b.tiebreak)) || cmpUtf8(a.entry, b.entry),
      );
    const places = ranked.slice(0, spec.places).map((r, i) => ({
      rank: i + 1,
      entry: r.entry,
      total: r.total,
      tiebreak: r.tiebreak,
      scores: r.scores.map((s) => ({ judge: s.judge, criterion: s.criterion, score: s.score })),
      index: r.index,
      proof: path(r.index, leaves).map(hex),
    }));
    expect(v.certificate.places).toEqual(places);
    // hand-computed in generate-contest.ts: A = C = 75 (a tie for the seed), B = 74
    expect(places.map((p) => p.total)).toEqual([75, 75, 74]);
  });

  it("the library verifies both vector certificates, with and without their inputs", () => {
    const q = vectors.quiz;
    const a = vectors.award;
    expect(verifyQuiz(q.certificate as never)).toEqual({ ok: true, value: { listChecked: false } });
    expect(verifyQuiz(q.certificate as never, q.inputs.submissions)).toEqual({
      ok: true,
      value: { listChecked: true },
    });
    expect(
      verifyQuiz(q.certificate as never, q.inputs.submissions, {
        expectedSpecHash: q.specHash,
        expectedListRoot: q.certificate.submissions.root,
      }).ok,
    ).toBe(true);
    expect(verifyAward(a.certificate as never, { entries: a.inputs.entries, scores: a.inputs.scores }).ok).toBe(true);
    expect(verifyAward(a.certificate as never, undefined, { expectedSpecHash: a.specHash }).ok).toBe(true);
  });
});

interface TamperCase {
  name: string;
  field: string | null;
  certificate: Json;
  inputs: Json;
  ok?: boolean;
  codes?: string[];
  throws?: string;
}
const corpus = read("contest-tampers-v1.1.json") as { cases: TamperCase[] };

function leafPaths(value: Json, prefix = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leafPaths(v, `${prefix}[${i}]`));
  if (value !== null && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, prefix === "" ? k : `${prefix}.${k}`));
  return [prefix];
}

describe("contest tamper corpus (test/vectors/contest-tampers-v1.1.json)", () => {
  it("tampers every field of both certificates, with and without the inputs", () => {
    for (const [type, cert] of [
      ["quiz", vectors.quiz.certificate],
      ["award", vectors.award.certificate],
    ] as const) {
      const fields = leafPaths(cert as Json);
      expect(fields.length).toBeGreaterThan(50);
      for (const withInputs of [false, true]) {
        const covered = new Set(
          corpus.cases
            .filter((c) => c.name.startsWith(`${type}:`) && (c.inputs !== null) === withInputs && c.field !== null)
            .map((c) => c.field),
        );
        expect([...covered].sort()).toEqual([...fields].sort());
      }
    }
  });

  it("accepts the honest certificates and refuses every tamper", () => {
    for (const c of corpus.cases) {
      if (c.name.includes("honest")) expect(c, c.name).toMatchObject({ ok: true, codes: [] });
      else expect(c.ok === false || c.throws !== undefined, c.name).toBe(true);
    }
  });

  it("verifyQuiz and verifyAward give exactly what each case says", { timeout: 120_000 }, () => {
    for (const c of corpus.cases) {
      const type = (c.certificate as { type?: string }).type;
      let got: { ok?: boolean; codes?: string[]; throws?: string };
      try {
        const inputs = (c.inputs ?? undefined) as never;
        const r =
          type === "award" ? verifyAward(c.certificate as never, inputs) : verifyQuiz(c.certificate as never, inputs);
        got = { ok: r.ok, codes: r.ok ? [] : [...new Set(r.error.map((f) => f.code))].sort() };
      } catch (error) {
        if (!isOpsError(error)) throw error;
        got = { throws: error.code };
      }
      const want = c.throws !== undefined ? { throws: c.throws } : { ok: c.ok, codes: c.codes };
      expect(got, c.name).toEqual(want);
    }
  });
});
