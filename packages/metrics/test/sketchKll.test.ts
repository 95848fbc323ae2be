// KLL against images and query results written by Apache DataSketches C++ (test/fixtures/datasketches).
import {
  createKllSketch,
  dataSketchesKll,
  deserializeSketch,
  detectSketchFormat,
  mergeSketches,
  type KllSketch,
} from "@ops/metrics";
import { describe, expect, it } from "vitest";
import { fromHex, type KllEntry, kllEntries, kllInput, toHex } from "./fixtures/datasketches/manifest";

const label = (e: KllEntry) => `${e.name} ${e.item} k ${e.k} n ${e.n}`;

/** Every query the generator recorded, compared with the reference's double exactly. */
function expectQueries(s: KllSketch, e: KllEntry): void {
  expect([s.count, s.retained, s.k, s.isEstimationMode]).toEqual([e.n, e.retained, e.k, e.estimationMode]);
  expect(s.normalizedRankError(false)).toBeCloseTo(e.normalizedRankError[0], 15);
  expect(s.normalizedRankError(true)).toBeCloseTo(e.normalizedRankError[1], 15);
  if (e.empty) {
    expect([s.quantile(0.5), s.rank(1), s.min, s.max]).toEqual([null, null, null, null]);
    return;
  }
  expect([s.min, s.max]).toEqual([e.min, e.max]);
  for (const inclusive of [true, false]) {
    const sfx = inclusive ? "Inclusive" : "Exclusive";
    for (const [rank, q] of e[`quantiles${sfx}`] ?? [])
      expect(s.quantile(rank, { inclusive }), `quantile(${rank})`).toBe(q);
    for (const [x, r] of e[`ranks${sfx}`] ?? []) expect(s.rank(x, { inclusive }), `rank(${x})`).toBe(r);
    const splits = e[`splits${sfx}`] ?? [];
    expect(s.cdf(splits, { inclusive })).toEqual(e[`cdf${sfx}`]);
    expect(s.pmf(splits, { inclusive })).toEqual(e[`pmf${sfx}`]);
  }
}

describe("deserializeSketch(bytes, 'kll')", () => {
  it("answers every query on a reference image exactly as the reference (doubles and floats, k 8–400, n 0–100 000)", () => {
    for (const e of kllEntries) {
      const bytes = fromHex(e.image);
      expect(detectSketchFormat(bytes)).toEqual({ kind: "kll", format: "datasketches" });
      const s = deserializeSketch(bytes, "kll", { formats: [dataSketchesKll] });
      // (an empty image is the same for doubles and floats: it reads as doubles)
      expect(s.itemType).toBe(e.empty ? "double" : e.item);
      try {
        expectQueries(s, e);
      } catch (error) {
        throw new Error(`${label(e)}: ${(error as Error).message}`);
      }
      // and writes the image back unchanged (the queries sorted level zero, as they did in the reference)
      expect(toHex(s.serialize()), label(e)).toBe(e.image);
    }
  });

  it("merges reference images as kll_sketch::merge does: byte for byte without compaction, within the error bound with it", () => {
    for (const e of kllEntries.filter((x) => x.name === "merge")) {
      const a = deserializeSketch(fromHex(e.partA as string), "kll", { formats: [dataSketchesKll] });
      const b = deserializeSketch(fromHex(e.partB as string), "kll", { formats: [dataSketchesKll] });
      const m = a.merge(b);
      expect(m.count).toBe(e.n);
      if (!e.estimationMode) {
        expectQueries(m, e);
        expect(toHex(m.serialize())).toBe(e.image);
      } else {
        // compaction flips coins: compare ranks with the exact ones, within the reference's own error bound
        const values = Array.from({ length: e.n }, (_, i) => kllInput(i)).sort((x, y) => x - y);
        const eps = m.normalizedRankError(false);
        for (const r of [0.01, 0.1, 0.5, 0.9, 0.99]) {
          const q = m.quantile(r) as number;
          const exactRank = values.filter((v) => v <= q).length / values.length;
          expect(Math.abs(exactRank - r), `rank ${r}`).toBeLessThanOrEqual(eps);
        }
      }
    }
  });
});

describe("createKllSketch", () => {
  it("writes the reference's image byte for byte up to k items (no compaction yet)", () => {
    for (const e of kllEntries.filter((x) => x.name === "single" && !x.estimationMode)) {
      const s = createKllSketch({ k: e.k, itemType: e.item });
      for (let i = 0; i < e.n; i++) s.add(kllInput(i));
      if (!e.empty) s.quantile(0.5); // the generator queried before serialising: level zero is sorted in its image
      expect(toHex(s.serialize()), label(e)).toBe(e.image);
    }
  });

  it("keeps ranks within the normalised rank error with compaction, and is deterministic for a seed", () => {
    const n = 100_000;
    const a = createKllSketch({ seed: 7 });
    const b = createKllSketch({ seed: 7 });
    for (let i = 0; i < n; i++) {
      a.add(kllInput(i));
      b.add(kllInput(i));
    }
    expect(a.serialize()).toEqual(b.serialize());
    expect(a.isEstimationMode).toBe(true);
    const values = Array.from({ length: n }, (_, i) => kllInput(i)).sort((x, y) => x - y);
    const eps = a.normalizedRankError(false); // 1.65 % at k = 200 (DataSketches' table)
    expect(eps).toBeCloseTo(2.296 / 200 ** 0.9723, 15);
    for (const r of [0.001, 0.01, 0.25, 0.5, 0.75, 0.99, 0.999]) {
      const q = a.quantile(r) as number;
      let lo = 0;
      let hi = values.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((values[mid] as number) <= q) lo = mid + 1;
        else hi = mid;
      }
      expect(Math.abs(lo / n - r), `rank ${r}`).toBeLessThanOrEqual(eps);
    }
    // the reference reads what we write
    const back = deserializeSketch(a.serialize(), "kll", { formats: [dataSketchesKll] });
    expect([back.count, back.retained, back.quantile(0.5)]).toEqual([a.count, a.retained, a.quantile(0.5)]);
  });

  it("merges shards (also of different k) with mergeSketches, leaving the inputs alone", () => {
    const shards = [createKllSketch(), createKllSketch({ k: 100 }), createKllSketch({ k: 400 })];
    for (let i = 0; i < 30_000; i++) (shards[i % 3] as KllSketch).add(kllInput(i));
    const before = shards.map((s) => s.serialize());
    const m = mergeSketches(shards);
    expect(m.count).toBe(30_000);
    expect(m.k).toBe(200);
    expect(m.normalizedRankError()).toBeCloseTo(2.296 / 100 ** 0.9723, 15); // min k
    shards.forEach((s, i) => {
      expect(s.serialize()).toEqual(before[i]);
    });
  });

  it("refuses bad input with typed errors", () => {
    const s = createKllSketch({ itemType: "float" }).add(1);
    for (const v of [Number.NaN, Infinity, "1", null, {}])
      expect(() => s.add(v as never)).toThrowOpsError("invalid_argument");
    expect(() => s.add(1e39)).toThrowOpsError("out_of_range");
    expect(() => s.quantile(1.5)).toThrowOpsError("invalid_argument");
    expect(() => s.cdf([2, 1])).toThrowOpsError("invalid_argument", { message: /increasing order/ });
    // query options are read as every hand-checked option of @ops/metrics (src/_lib/readOptions.ts)
    expect(() => s.quantile(0.5, { inclusive: 1 as never })).toThrowOpsError("invalid_argument", {
      message: /^KllSketch\.quantile: options\.inclusive must be a boolean, got 1/,
    });
    for (const bad of [null, [], "x"])
      expect(() => s.rank(1, bad as never)).toThrowOpsError("invalid_argument", {
        message: /^KllSketch\.rank: options must be an object/,
      });
    expect(() => s.merge(createKllSketch().add(1))).toThrowOpsError("conflict", { message: /floats/ });
    expect(() => createKllSketch({ k: 7 })).toThrowOpsError("invalid_argument");
    const good = fromHex(kllEntries.find((e) => e.n === 1000 && e.item === "double" && e.k === 200)!.image);
    const forge = (f: (b: Uint8Array, v: DataView) => void) => {
      const b = good.slice();
      f(b, new DataView(b.buffer));
      return b;
    };
    const cases: [Uint8Array, RegExp][] = [
      [forge((_, v) => v.setUint32(8, 999, true)), /weights add up to n/],
      [forge((b) => (b[6] = 4)), /m = 8/],
      [forge((b) => (b[18] = 40)), /levels/],
      [forge((_, v) => v.setFloat64(v.byteLength - 8, Number.NaN, true)), /finite items/],
      [forge((_, v) => v.setFloat64(v.byteLength - 8, 1e300, true)), /between min and max/],
      [good.subarray(0, good.length - 4), /as long as its levels say/],
    ];
    for (const [bytes, message] of cases)
      expect(() => deserializeSketch(bytes, "kll", { formats: [dataSketchesKll] })).toThrowOpsError("corrupt_data", {
        message,
      });
    expect(() =>
      deserializeSketch(
        forge((b) => (b[1] = 3)),
        "kll",
        { formats: [dataSketchesKll] },
      ),
    ).toThrowOpsError("unsupported_version");
  });
});
