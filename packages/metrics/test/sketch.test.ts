import { createRandom } from "@ops/core";
import {
  createCounter,
  createHyperLogLog,
  createQuantileSketch,
  createSum,
  deserializeSketch,
  mergeSketches,
  rollUpSketches,
  type HyperLogLog,
  type QuantileSketch,
} from "@ops/metrics";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

function hllOf(values: readonly (string | number)[], precision = 10, seed = 0): HyperLogLog {
  const h = createHyperLogLog({ precision, seed });
  for (const v of values) h.add(v);
  return h;
}

describe("createHyperLogLog", () => {
  it("has a relative standard error of 1.04/√m over many seeds", () => {
    const precision = 10;
    const m = 1 << precision;
    const expected = 1.04 / Math.sqrt(m); // Flajolet et al. 2007: 3.25 % at m = 1024
    for (const n of [2_000, 20_000]) {
      const errors: number[] = [];
      for (let seed = 0; seed < 150; seed++) {
        const h = createHyperLogLog({ precision, seed });
        const base = seed * 10_000_000;
        for (let i = 0; i < n; i++) h.add(base + i);
        errors.push(h.estimate() / n - 1);
      }
      const rse = Math.sqrt(errors.reduce((a, e) => a + e * e, 0) / errors.length);
      const bias = errors.reduce((a, e) => a + e, 0) / errors.length;
      // the sample RSE of 150 runs lies within ±~12 % of the true one (χ² with 150 df)
      expect(rse).toBeGreaterThan(0.75 * expected);
      expect(rse).toBeLessThan(1.25 * expected);
      // unbiased: mean error within 3 standard errors of 0
      expect(Math.abs(bias)).toBeLessThan((3 * expected) / Math.sqrt(errors.length));
    }
  });
  it("has the same error for string ids", () => {
    const m = 1 << 10;
    const errors: number[] = [];
    for (let seed = 0; seed < 100; seed++) {
      const h = createHyperLogLog({ precision: 10, seed });
      for (let i = 0; i < 5000; i++) h.add(`weibo::${seed}-${i}`);
      errors.push(h.estimate() / 5000 - 1);
    }
    const rse = Math.sqrt(errors.reduce((a, e) => a + e * e, 0) / errors.length);
    expect(rse).toBeLessThan((1.3 * 1.04) / Math.sqrt(m));
  });
  it("is nearly exact in the small range", () => {
    for (const n of [0, 1, 2, 10, 100]) {
      expect(
        Math.abs(
          hllOf(
            Array.from({ length: n }, (_, i) => `u${i}`),
            14,
          ).estimate() - n,
        ),
      ).toBeLessThan(Math.max(0.5, n * 0.01));
    }
  });
  it("ignores duplicates and counts CJK ids", () => {
    const h = hllOf(["微博:小红", "微博:小红", "抖音:小明", "", "a"], 14);
    expect(Math.round(h.estimate())).toBe(4);
  });
  it("distinguishes numbers beyond 2^32", () => {
    const h = hllOf([1, 1 + 2 ** 32, 1 + 2 ** 40, -1, Number.MAX_SAFE_INTEGER], 14);
    expect(Math.round(h.estimate())).toBe(5);
  });
  it("merges by register maximum: equal to one pass, associative and commutative", () => {
    const ids = fc.array(fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.string()), { maxLength: 300 });
    fc.assert(
      fc.property(ids, ids, ids, (a, b, c) => {
        const [x, y, z] = [hllOf(a, 8), hllOf(b, 8), hllOf(c, 8)];
        const all = hllOf([...a, ...b, ...c], 8).serialize();
        expect(x.merge(y).merge(z).serialize()).toEqual(all);
        expect(x.merge(y.merge(z)).serialize()).toEqual(all);
        expect(z.merge(x).merge(y).serialize()).toEqual(all);
      }),
      { numRuns: 60 },
    );
  });
  it("does not change its inputs when merging", () => {
    const a = hllOf(["a"]);
    const before = a.serialize();
    a.merge(hllOf(["b", "c"]));
    expect(a.serialize()).toEqual(before);
  });
  it("round-trips through bytes", () => {
    const h = hllOf(
      Array.from({ length: 5000 }, (_, i) => i),
      12,
      7,
    );
    const copy = deserializeSketch(h.serialize(), "hyperloglog");
    expect([copy.precision, copy.seed, copy.estimate()]).toEqual([12, 7, h.estimate()]);
  });
  it("refuses to merge sketches of different precision or seed", () => {
    expect(() => hllOf(["a"], 10).merge(hllOf(["a"], 12))).toThrowOpsError("conflict", {
      message: /HyperLogLog\.merge: other must have the same precision and seed \(10, 0\)/,
    });
    expect(() => hllOf(["a"], 10, 1).merge(hllOf(["a"], 10, 2))).toThrowOpsError("conflict");
  });
  it("rejects bad options and bad values", () => {
    expect(() => createHyperLogLog({ precision: 3 })).toThrowOpsError("invalid_argument", {
      message: /createHyperLogLog: options\.precision must be ≥ 4/,
    });
    expect(() => createHyperLogLog().add(1.5)).toThrowOpsError("invalid_argument", {
      message: /HyperLogLog\.add: value must be a safe integer or a string, got 1\.5/,
    });
    expect(() => createHyperLogLog().add(null as never)).toThrowOpsError("invalid_argument");
  });
});

describe("deserializeSketch", () => {
  const bytes = hllOf(["a", "b"], 6).serialize();
  it("detects corruption of any byte", () => {
    for (const i of [0, 2, 4, 5, 20, bytes.length - 1]) {
      const damaged = bytes.slice();
      damaged[i] = (damaged[i] as number) ^ 0x10;
      expect(() => deserializeSketch(damaged, "hyperloglog")).toThrowOpsError("corrupt_data");
    }
  });
  it("detects truncation and trailing garbage", () => {
    expect(() => deserializeSketch(bytes.slice(0, 20), "hyperloglog")).toThrowOpsError("corrupt_data");
    expect(() => deserializeSketch(new Uint8Array(3), "hyperloglog")).toThrowOpsError("corrupt_data");
  });
  it("refuses an unknown format version and a sketch of another kind", () => {
    const counter = createCounter().add(2).serialize();
    expect(() => deserializeSketch(counter, "hyperloglog")).toThrowOpsError("conflict");
    // rewrite the version byte and its CRC as a future writer would
    const future = withByte(counter, 3, 2);
    expect(() => deserializeSketch(future, "counter")).toThrowOpsError("unsupported_version");
  });
  it("rejects consistent-looking bytes with impossible content", () => {
    const c = createCounter().serialize();
    const view = new DataView(c.buffer.slice(0));
    view.setFloat64(4, -3, true);
    expect(() => deserializeSketch(recrc(new Uint8Array(view.buffer)), "counter")).toThrowOpsError("corrupt_data", {
      message: /bytes hold a count that is not a whole number/,
    });
    expect(() => deserializeSketch("OS" as never, "counter")).toThrowOpsError("invalid_argument");
  });
});

/** Recomputes the trailing CRC-32 (to forge well-formed but semantically bad bytes). */
function recrc(b: Uint8Array): Uint8Array {
  let crc = 0xffffffff;
  for (let i = 0; i < b.length - 4; i++) {
    crc ^= b[i] as number;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  new DataView(b.buffer, b.byteOffset).setUint32(b.length - 4, (crc ^ 0xffffffff) >>> 0, true);
  return b;
}
function withByte(b: Uint8Array, i: number, v: number): Uint8Array {
  const c = b.slice();
  c[i] = v;
  return recrc(c);
}

function sketchOf(values: readonly number[], relativeAccuracy = 0.01, maxBins = 2048): QuantileSketch {
  const s = createQuantileSketch({ relativeAccuracy, maxBins });
  for (const v of values) s.add(v);
  return s;
}

describe("createQuantileSketch", () => {
  const qs = [0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1];
  it("keeps every quantile within 1 % of the exact order statistic (log-normal data)", () => {
    const rnd = createRandom(11);
    const values = Array.from({ length: 50_000 }, () => Math.exp(rnd.normal(3, 1.5)));
    const s = sketchOf(values);
    const sorted = [...values].sort((a, b) => a - b);
    for (const q of qs) {
      const exact = sorted[Math.floor(q * (sorted.length - 1))] as number;
      expect(Math.abs((s.quantile(q) as number) - exact) / exact).toBeLessThanOrEqual(0.01 + 1e-12);
    }
  });
  it("handles negative values, zeros and mixed signs", () => {
    const values = [-100, -10, -1, 0, 0, 1, 10, 100, 1000];
    const s = sketchOf(values);
    values.forEach((v, i) => {
      const got = s.quantile(i / (values.length - 1)) as number;
      expect(Math.abs(got - v)).toBeLessThanOrEqual(Math.abs(v) * 0.01);
    });
    expect([s.min, s.max, s.count, s.sum]).toEqual([-100, 1000, 9, 1000]);
  });
  it("returns null while empty and the value itself for one item", () => {
    expect(createQuantileSketch().quantile(0.5)).toBeNull();
    expect(sketchOf([42]).quantile(0.5)).toBe(42);
  });
  it("keeps the high quantiles accurate when the lowest bins collapse", () => {
    const values = Array.from({ length: 2000 }, (_, i) => 1.05 ** i); // spans far more than 64 bins
    const s = sketchOf(values, 0.01, 64);
    const exact = values[Math.floor(0.99 * 1999)] as number;
    expect(Math.abs((s.quantile(0.99) as number) - exact) / exact).toBeLessThanOrEqual(0.01);
  });
  it("reads -0 as 0, so min and max do not depend on input order (fast-check counterexample [[-0],[],[0]])", () => {
    expect(Object.is(sketchOf([-0, 0]).min, 0)).toBe(true);
    expect(Object.is(sketchOf([0, -0]).max, 0)).toBe(true);
    expect(Object.is(sketchOf([-0]).merge(sketchOf([0])).min, 0)).toBe(true);
  });
  it("merges to the same sketch as one pass, associatively and commutatively", () => {
    const arr = fc.array(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(0)), { maxLength: 200 });
    fc.assert(
      fc.property(arr, arr, arr, (a, b, c) => {
        const [x, y, z] = [sketchOf(a, 0.01, 128), sketchOf(b, 0.01, 128), sketchOf(c, 0.01, 128)];
        const one = sketchOf([...a, ...b, ...c], 0.01, 128);
        for (const merged of [x.merge(y).merge(z), x.merge(y.merge(z)), z.merge(y).merge(x)]) {
          expect(merged.count).toBe(one.count);
          expect([merged.min, merged.max]).toEqual([one.min, one.max]);
          for (const q of qs) expect(merged.quantile(q)).toBe(one.quantile(q));
        }
      }),
      { numRuns: 80 },
    );
  });
  it("round-trips through bytes and leaves merged inputs alone", () => {
    const s = sketchOf([1, 2, 3, -4, 0, 1e9]);
    const before = s.serialize();
    const copy = deserializeSketch(before, "quantile");
    s.merge(sketchOf([5]));
    expect(s.serialize()).toEqual(before);
    expect(copy.serialize()).toEqual(before);
    expect(qs.map((q) => copy.quantile(q))).toEqual(qs.map((q) => s.quantile(q)));
  });
  it("refuses to merge sketches of different accuracy", () => {
    expect(() => sketchOf([1]).merge(sketchOf([1], 0.02))).toThrowOpsError("conflict");
  });
  it("rejects non-finite values and q outside [0, 1]", () => {
    expect(() => createQuantileSketch().add(Number.NaN)).toThrowOpsError("invalid_argument", {
      message: /QuantileSketch\.add: value must be a finite number, got NaN/,
    });
    expect(() => createQuantileSketch().add(Infinity)).toThrowOpsError("invalid_argument");
    expect(() => sketchOf([1]).quantile(1.1)).toThrowOpsError("invalid_argument");
    expect(() => createQuantileSketch({ relativeAccuracy: 0 })).toThrowOpsError("invalid_argument", {
      message: /options\.relativeAccuracy must be ≥ 0\.000001/,
    });
  });
});

describe("shards through bytes", () => {
  it("combine into the same answer as one pass, whatever the shard boundaries", () => {
    const rnd = createRandom(99);
    const ids = Array.from({ length: 20_000 }, () => rnd.int(0, 50_000));
    const times = ids.map(() => Math.exp(rnd.normal(2, 1)));
    const cuts = [0, 3_000, 11_000, 11_001, 20_000];
    const hllBytes: Uint8Array[] = [];
    const qBytes: Uint8Array[] = [];
    for (let k = 0; k + 1 < cuts.length; k++) {
      // as a worker would: build a shard, send only its bytes
      hllBytes.push(hllOf(ids.slice(cuts[k], cuts[k + 1]), 12).serialize());
      qBytes.push(sketchOf(times.slice(cuts[k], cuts[k + 1])).serialize());
    }
    const hll = mergeSketches(hllBytes.map((b) => deserializeSketch(b, "hyperloglog")));
    const q = mergeSketches(qBytes.reverse().map((b) => deserializeSketch(b, "quantile")));
    expect(hll.serialize()).toEqual(hllOf(ids, 12).serialize());
    const one = sketchOf(times);
    expect(q.count).toBe(one.count);
    for (const p of [0.5, 0.9, 0.99]) expect(q.quantile(p)).toBe(one.quantile(p));
  });
  it("refuses quantile bytes whose bins do not add up to the count", () => {
    const bytes = sketchOf([1, 2, 3]).serialize();
    const view = new DataView(bytes.buffer.slice(0));
    view.setFloat64(4 + 8 + 4, 4, true); // count: 3 → 4
    expect(() => deserializeSketch(recrc(new Uint8Array(view.buffer)), "quantile")).toThrowOpsError("corrupt_data", {
      message: /bytes have a count that is not the sum of their bins/,
    });
  });
});

describe("createCounter", () => {
  it("merges associatively and commutatively", () => {
    fc.assert(
      fc.property(fc.nat(1e9), fc.nat(1e9), fc.nat(1e9), (a, b, c) => {
        const [x, y, z] = [createCounter().add(a), createCounter().add(b), createCounter().add(c)];
        expect(x.merge(y).merge(z).estimate()).toBe(a + b + c);
        expect(z.merge(y.merge(x)).estimate()).toBe(a + b + c);
      }),
    );
  });
  it("round-trips and rejects bad amounts", () => {
    expect(deserializeSketch(createCounter().add(12).serialize(), "counter").estimate()).toBe(12);
    expect(() => createCounter().add(-1)).toThrowOpsError("invalid_argument");
    expect(() => createCounter().add(Number.MAX_SAFE_INTEGER).add()).toThrowOpsError("out_of_range");
  });
});

describe("createSum", () => {
  it("gives bit-identical totals whatever the order and grouping (exact until one final rounding)", () => {
    const arr = fc.array(fc.double({ min: -1e12, max: 1e12, noNaN: true }), { maxLength: 50 });
    fc.assert(
      fc.property(arr, arr, arr, (a, b, c) => {
        const of = (v: number[]) => v.reduce((s, x) => s.add(x), createSum());
        const [x, y, z] = [of(a), of(b), of(c)];
        const one = of([...c, ...a, ...b]).estimate();
        expect(x.merge(y).merge(z).estimate()).toBe(one);
        expect(z.merge(x.merge(y)).estimate()).toBe(one);
      }),
    );
  });
  it("matches Python's math.fsum", () => {
    // Python: math.fsum([1e100, 1.0, -1e100, 1e-100]) == 1.0; math.fsum([0.1] * 10) == 1.0
    expect([1e100, 1, -1e100, 1e-100].reduce((s, x) => s.add(x), createSum()).estimate()).toBe(1);
    expect(
      Array.from({ length: 10 }, () => 0.1)
        .reduce((s, x) => s.add(x), createSum())
        .estimate(),
    ).toBe(1);
  });
  it("reports count, mean, min and max, null while empty", () => {
    const s = createSum().add(2).add(-1).add(5);
    expect([s.count, s.estimate(), s.mean(), s.min, s.max]).toEqual([3, 6, 2, -1, 5]);
    expect([createSum().mean(), createSum().min, createSum().estimate()]).toEqual([null, null, 0]);
    const copy = deserializeSketch(s.serialize(), "sum");
    expect([copy.count, copy.estimate(), copy.min, copy.max]).toEqual([3, 6, -1, 5]);
    expect(() => createSum().add(Number.NaN)).toThrowOpsError("invalid_argument");
  });
});

describe("mergeSketches", () => {
  it("folds a list and refuses an empty one or mixed kinds", () => {
    expect(mergeSketches([createCounter().add(1), createCounter().add(2)]).estimate()).toBe(3);
    expect(() => mergeSketches([])).toThrowOpsError("invalid_argument");
    expect(() => mergeSketches([createCounter(), createSum()] as never[])).toThrowOpsError("conflict");
  });
  it("does not return its single input itself", () => {
    const c = createCounter().add(1);
    const merged = mergeSketches([c]);
    merged.add(5);
    expect(c.estimate()).toBe(1);
  });
});

describe("rollUpSketches", () => {
  it("rolls days into months in the zone's calendar, by merging", () => {
    const day = (ids: string[]) => hllOf(ids, 12);
    // 2026-03-31T20:00Z is already 1 April in Shanghai
    const months = rollUpSketches(
      [
        { at: Date.UTC(2026, 2, 1), sketch: day(["a", "b"]) },
        { at: Date.UTC(2026, 2, 31, 20), sketch: day(["b", "c"]) },
        { at: Date.UTC(2026, 2, 15), sketch: day(["a"]) },
      ],
      { unit: "month", timeZone: "Asia/Shanghai" },
    );
    expect(months.map((m) => [m.start, Math.round(m.sketch.estimate())])).toEqual([
      [Date.UTC(2026, 1, 28, 16), 2],
      [Date.UTC(2026, 2, 31, 16), 2],
    ]);
  });
  it("rolls a rate up from merged numerators and denominators, not from averaged daily rates", () => {
    // Mon: 1 reply of 2 DMs; Tue: 90 of 100 — the week is 91/102, not (50 % + 90 %)/2
    const days = [
      { at: Date.UTC(2026, 2, 9), replied: 1, received: 2 },
      { at: Date.UTC(2026, 2, 10), replied: 90, received: 100 },
    ];
    const num = rollUpSketches(
      days.map((d) => ({ at: d.at, sketch: createCounter().add(d.replied) })),
      { unit: "week", timeZone: "UTC" },
    );
    const den = rollUpSketches(
      days.map((d) => ({ at: d.at, sketch: createCounter().add(d.received) })),
      { unit: "week", timeZone: "UTC" },
    );
    expect(num.length).toBe(1);
    expect(num[0]!.sketch.estimate() / den[0]!.sketch.estimate()).toBe(91 / 102);
    expect(num[0]!.start).toBe(Date.UTC(2026, 2, 9));
  });
  it("does not mutate the day sketches", () => {
    const monday = createCounter().add(2);
    rollUpSketches(
      [
        { at: 0, sketch: monday },
        { at: 1, sketch: createCounter().add(3) },
      ],
      { unit: "week", timeZone: "UTC" },
    );
    expect(monday.estimate()).toBe(2);
  });
  it("returns an empty list for no entries and rejects a bad zone", () => {
    expect(rollUpSketches([], { unit: "week", timeZone: "UTC" })).toEqual([]);
    expect(() => rollUpSketches([], { unit: "week", timeZone: "Nowhere/City" })).toThrowOpsError("invalid_argument", {
      message: /rollUpSketches: options\.timeZone/,
    });
  });
});
