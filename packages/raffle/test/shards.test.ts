import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assembleCertificate,
  compileEntrants,
  drawSeed,
  drawWinners,
  mergeShards,
  scoreShard,
  specHash,
} from "@ops/raffle";
import { drandSpec, round, sampleEntrants, verified } from "./helpers";

const spec = drandSpec(1000);
const entrants = sampleEntrants(120);
const list = compileEntrants(entrants);
const seed = drawSeed(specHash(spec), list.root, round(1000).randomness);
const summary = { root: list.root, size: list.size, totalWeight: list.totalWeight, privacy: "public" as const };
const whole = drawWinners(spec, list, verified(1000));

describe("scoreShard + mergeShards + assembleCertificate", () => {
  it("give the same certificate as drawWinners for any range partition", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 119 }), { maxLength: 8 }), (cuts) => {
        const bounds = [0, ...[...cuts].sort((a, b) => a - b), 120];
        const shards = bounds.slice(1).map((end, i) => scoreShard(seed, { list, start: bounds[i]!, end }, 6));
        return JSON.stringify(assembleCertificate(spec, summary, verified(1000), shards)) === JSON.stringify(whole);
      }),
      { numRuns: 25 },
    );
  });

  it("give the same result for shards of raw entrants split in any order (e.g. by hash on each machine)", () => {
    const byParity = [
      entrants.filter((_, i) => i % 3 === 0),
      entrants.filter((_, i) => i % 3 === 1),
      entrants.filter((_, i) => i % 3 === 2),
    ];
    const shards = byParity.map((part) => scoreShard(seed, part, 6));
    expect(assembleCertificate(spec, summary, verified(1000), shards)).toEqual(whole);
    expect(shards.reduce((n, s) => n + s.hashes, 0)).toBe(list.totalWeight);
  });

  it("handles empty shards and top 0", () => {
    const shards = [scoreShard(seed, { list, start: 0, end: 0 }, 6), scoreShard(seed, { list, start: 0, end: 120 }, 6)];
    expect(assembleCertificate(spec, summary, verified(1000), shards)).toEqual(whole);
    expect(scoreShard(seed, entrants, 0).top).toEqual([]);
    expect(mergeShards([], 3)).toEqual([]);
  });

  it("refuse shards under another seed, overlapping shards and shards that do not cover the list", () => {
    const other = scoreShard("00".repeat(32), { list, start: 0, end: 120 }, 6);
    expect(() => assembleCertificate(spec, summary, verified(1000), [other])).toThrowOpsError("conflict", {
      fn: "assembleCertificate",
      path: ["shards", 0, "seed"],
    });
    const a = scoreShard(seed, { list, start: 0, end: 70 }, 6);
    const b = scoreShard(seed, { list, start: 50, end: 120 }, 6);
    expect(() => assembleCertificate(spec, summary, verified(1000), [a, b])).toThrowOpsError(undefined, {
      message: /covered|cover|duplicate|another shard/,
    });
    expect(() => assembleCertificate(spec, summary, verified(1000), [a])).toThrowOpsError("conflict", {
      message: /must cover the list's 120 entrants/,
    });
    expect(() => mergeShards([a, scoreShard("11".repeat(32), entrants, 1)], 3)).toThrowOpsError("conflict");
  });

  it("refuse a forged beacon and an early round with the same codes and rules as drawWinners", () => {
    const forged = { round: 1000, signature: round(123).signature } as never;
    const shards = [scoreShard(seed, { list, start: 0, end: 120 }, 6)];
    const unverified = { path: ["randomness"], message: /randomness must be a beacon returned by verifyBeacon/ };
    expect(() => assembleCertificate(spec, summary, forged, shards)).toThrowOpsError("invalid_argument", {
      fn: "assembleCertificate",
      ...unverified,
    });
    expect(() => drawWinners(spec, list, forged)).toThrowOpsError("invalid_argument", {
      fn: "drawWinners",
      ...unverified,
    });
    expect(() => assembleCertificate(drandSpec(4810223), summary, verified(1000), shards)).toThrowOpsError(
      "out_of_range",
      { path: ["randomness", "round"] },
    );
  });

  it("refuse a bad slice, seed or top", () => {
    expect(() => scoreShard(seed, { list, start: 5, end: 500 }, 3)).toThrowOpsError("invalid_argument", {
      message: /scoreShard: shard must be/,
    });
    expect(() => scoreShard("x", entrants, 3)).toThrowOpsError("invalid_argument", { message: /seed/ });
    expect(() => scoreShard(seed, entrants, -1)).toThrowOpsError("invalid_argument", { message: /top/ });
    expect(() => mergeShards([], 1.5)).toThrowOpsError("invalid_argument", { message: /top/ });
  });
});
