import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, hexToBytes } from "@noble/hashes/utils.js";
import { describe, expect, it } from "vitest";
import { rankAwards, rankQuiz, rubricHash } from "@ops/raffle";

const SEED = "9f".repeat(32);
const tb = (id: string): string => {
  const tag = new Uint8Array(32);
  tag.set(new TextEncoder().encode("ops-raffle/v1/tiebreak"));
  return bytesToHex(sha256(new Uint8Array([...tag, ...hexToBytes(SEED), ...new TextEncoder().encode(id)])));
};

describe("rankQuiz", () => {
  const key = { q1: "b", q2: ["28", "二十八"], q3: "黄皮" };

  it("ranks by correct answers, then receive time, then the seeded tie-break", () => {
    const ranking = rankQuiz(
      [
        { id: "qq::slow", answers: { q1: "b", q2: "28", q3: "黄皮" }, receivedAt: 9000 },
        { id: "qq::fast", answers: { q1: "Ｂ", q2: " 二十八 ", q3: "黄皮" }, receivedAt: 1000 },
        { id: "qq::tie1", answers: { q1: "b", q2: "28" }, receivedAt: 5000 },
        { id: "qq::tie2", answers: { q1: "b", q2: "28" }, receivedAt: 5000 },
        { id: "qq::wrong", answers: { q1: "c" }, receivedAt: 1 },
      ],
      key,
      SEED,
    );
    const tieOrder = tb("qq::tie1") < tb("qq::tie2") ? ["qq::tie1", "qq::tie2"] : ["qq::tie2", "qq::tie1"];
    expect(ranking.places.map((p) => p.id)).toEqual(["qq::fast", "qq::slow", ...tieOrder, "qq::wrong"]);
    expect(ranking.places.map((p) => p.correct)).toEqual([3, 3, 2, 2, 0]);
    expect(ranking.places[2]!.tiebreak).toBe(tb(tieOrder[0]!));
  });

  it("counts only an entrant's first submission and ignores late ones", () => {
    const ranking = rankQuiz(
      [
        { id: "qq::a", answers: { q1: "a" }, receivedAt: 100 },
        { id: "qq::a", answers: { q1: "b", q2: "28", q3: "黄皮" }, receivedAt: 200 },
        { id: "qq::b", answers: { q1: "b" }, receivedAt: 99_999 },
      ],
      key,
      SEED,
      { closeAt: 1000 },
    );
    expect(ranking.places.map((p) => [p.id, p.correct])).toEqual([["qq::a", 0]]);
    expect([ranking.resubmissions, ranking.late]).toEqual([1, 1]);
  });

  it("handles no submissions and refuses bad input", () => {
    expect(rankQuiz([], key, SEED).places).toEqual([]);
    expect(() => rankQuiz([{ id: "", answers: {}, receivedAt: 1 }], key, SEED)).toThrowOpsError("invalid_argument", {
      message: /rankQuiz: submissions\[0\]\.id/,
    });
    expect(() => rankQuiz([], key, "zz")).toThrowOpsError("invalid_argument", {
      message: /rankQuiz: seed must be 32 bytes/,
    });
    expect(() => rankQuiz([{ id: "a", answers: {}, receivedAt: 1.5 }], key, SEED)).toThrowOpsError("invalid_argument", {
      message: /receivedAt/,
    });
  });

  it("does not mutate its input and does not depend on input order", () => {
    const subs = [
      { id: "qq::1", answers: { q1: "b" }, receivedAt: 3 },
      { id: "qq::2", answers: { q1: "b" }, receivedAt: 3 },
      { id: "qq::3", answers: { q1: "x" }, receivedAt: 1 },
    ];
    const copy = structuredClone(subs);
    const a = rankQuiz(subs, key, SEED);
    expect(subs).toEqual(copy);
    expect(rankQuiz([...subs].reverse(), key, SEED)).toEqual(a);
  });
});

describe("rankAwards", () => {
  const rubric = {
    version: "2026-05",
    criteria: [
      { id: "story", weight: 3, max: 10 },
      { id: "photo", weight: 1, max: 5 },
    ],
  };
  const s = (judge: string, entry: string, criterion: string, score: number) => ({ judge, entry, criterion, score });

  it("sums score × weight over judges and breaks ties with the seed", () => {
    const scores = [
      s("j1", "A", "story", 7),
      s("j1", "A", "photo", 4),
      s("j2", "A", "story", 8),
      s("j2", "A", "photo", 2),
      s("j1", "B", "story", 9),
      s("j1", "B", "photo", 0),
      s("j2", "B", "story", 6),
      s("j2", "B", "photo", 6 - 1),
      s("j1", "C", "story", 10),
      s("j1", "C", "photo", 1),
      s("j2", "C", "story", 5),
      s("j2", "C", "photo", 5),
    ];
    // A: 3·7+4+3·8+2 = 51; B: 27+0+18+5 = 50; C: 30+1+15+5 = 51
    const places = rankAwards(rubric, scores, SEED, { rubricHash: rubricHash(rubric) });
    expect(places.map((p) => p.total)).toEqual([51, 51, 50]);
    const tieOrder = tb("A") < tb("C") ? ["A", "C"] : ["C", "A"];
    expect(places.map((p) => p.entry)).toEqual([...tieOrder, "B"]);
  });

  it("refuses a rubric that does not match the published hash", () => {
    const changed = {
      ...rubric,
      criteria: [
        { id: "story", weight: 4, max: 10 },
        { id: "photo", weight: 1, max: 5 },
      ],
    };
    expect(() => rankAwards(changed, [], SEED, { rubricHash: rubricHash(rubric) })).toThrowOpsError("conflict");
  });

  it("refuses missing, duplicate, unknown and out-of-range scores", () => {
    expect(() => rankAwards(rubric, [s("j1", "A", "story", 5)], SEED)).toThrowOpsError("invalid_argument", {
      message: /judge j1 has no score for entry A on criterion photo/,
    });
    expect(() => rankAwards(rubric, [s("j1", "A", "story", 5), s("j1", "A", "story", 6)], SEED)).toThrowOpsError(
      "duplicate",
    );
    expect(() => rankAwards(rubric, [s("j1", "A", "humour", 5)], SEED)).toThrowOpsError("invalid_argument", {
      message: /scores\[0\]\.criterion/,
    });
    expect(() => rankAwards(rubric, [s("j1", "A", "photo", 6)], SEED)).toThrowOpsError("out_of_range", {
      message: /from 0 to 5/,
    });
    expect(() => rankAwards(rubric, [s("j1", "A", "photo", 1.5)], SEED)).toThrowOpsError("invalid_argument");
  });

  it("returns nothing for no scores and does not mutate its input", () => {
    expect(rankAwards(rubric, [], SEED)).toEqual([]);
    const scores = [s("j1", "A", "story", 1), s("j1", "A", "photo", 1)];
    const copy = structuredClone(scores);
    rankAwards(rubric, scores, SEED);
    expect(scores).toEqual(copy);
  });
});
