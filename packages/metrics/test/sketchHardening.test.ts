// Issue 17's hardening list: each hostile probe that found a hole is a test here.
import {
  createHyperLogLog,
  createQuantileSketch,
  dataSketchesHll,
  ddSketchProto,
  deserializeSketch,
  mergeSketches,
  rollUpSketches,
  type QuantileSketch,
} from "@ops/metrics";
import { describe, expect, it } from "vitest";
import { fromHex, hllEntries } from "./fixtures/datasketches/manifest";

/** Recomputes the trailing CRC-32 of ops-format bytes (to forge well-formed but semantically bad bytes). */
function recrc(b: Uint8Array): Uint8Array {
  let crc = 0xffffffff;
  for (let i = 0; i < b.length - 4; i++) {
    crc ^= b[i] as number;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  new DataView(b.buffer, b.byteOffset).setUint32(b.length - 4, (crc ^ 0xffffffff) >>> 0, true);
  return b;
}
function forge(bytes: Uint8Array, edit: (v: DataView) => void): Uint8Array {
  const c = bytes.slice();
  edit(new DataView(c.buffer));
  return recrc(c);
}
function sketchOf(values: readonly number[], relativeAccuracy = 0.01): QuantileSketch {
  const s = createQuantileSketch({ relativeAccuracy });
  for (const v of values) s.add(v);
  return s;
}
// ops quantile layout after the 4-byte header: α f64 @4, maxBins u32 @12, n @16, zeros @24, sum @32,
// min @40, max @48, positive store (first index i32 @56, bins u32 @60, counts f64 @64…), negative store
const ALPHA = 4;
const SUM = 32;
const MIN = 40;
const MAX = 48;
const POS_INDEX = 56;
const POS_COUNTS = 64;

describe("createQuantileSketch hardening", () => {
  it("bounds relativeAccuracy to [1e-6, 1): 1e-17 (γ = 1, a quantile that never returned) is refused", () => {
    expect(() => createQuantileSketch({ relativeAccuracy: 1e-17 })).toThrowOpsError("invalid_argument", {
      message: /createQuantileSketch: options\.relativeAccuracy must be ≥ 0\.000001, got 1e-17/,
    });
    expect(() => createQuantileSketch({ relativeAccuracy: 9.99e-7 })).toThrowOpsError("invalid_argument");
    expect(() => createQuantileSketch({ maxBins: 2 ** 20 + 1 })).toThrowOpsError("invalid_argument");
    expect(() => createQuantileSketch({ maxBins: 15 })).toThrowOpsError("invalid_argument");
  });

  it("keeps every bin index inside 32 bits at the finest accuracy: 2999, 3000, 3001 stay distinct through bytes", () => {
    // at 1e-9 the indexes passed 2^31 and wrapped when written: the three came back as 2999 three times
    const s = sketchOf([2999, 3000, 3001], 1e-6);
    const back = deserializeSketch(s.serialize(), "quantile");
    const [q0, q5, q1] = [0, 0.5, 1].map((q) => back.quantile(q) as number) as [number, number, number];
    expect(Math.abs(q0 / 2999 - 1)).toBeLessThanOrEqual(1e-6);
    expect(Math.abs(q5 / 3000 - 1)).toBeLessThanOrEqual(1e-6);
    expect(q1).toBe(3001); // clamped to the exact maximum
    expect(q0 < q5 && q5 < q1).toBe(true);
    // the extreme doubles too: ln(MAX_VALUE)/ln γ ≈ 3.5e8 and ln(5e-324)/ln γ ≈ −3.7e8 at α = 1e-6
    const wide = sketchOf([Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE / 2], 1e-6);
    expect(deserializeSketch(wide.serialize(), "quantile").quantile(1)).toBe(Number.MAX_VALUE);
  });

  it("refuses non-numbers on the hot path: '10', true, [7], { valueOf }, 10n, Symbol(), Object.create(null)", () => {
    const s = createQuantileSketch().add(1);
    const hostile: unknown[] = [
      "10",
      true,
      [7],
      { valueOf: () => 7 },
      10n,
      Symbol("x"),
      Object.create(null),
      null,
      undefined,
    ];
    for (const v of hostile) {
      expect(() => s.add(v as number)).toThrowOpsError("invalid_argument", {
        message: /QuantileSketch\.add: value must be a finite number/,
      });
    }
    // the sum stays a number (it became the string "0105" when "10" and "5" were accepted)
    expect([s.count, s.sum]).toEqual([1, 1]);
  });

  it("refuses an add or a merge that would overflow the sum, leaving the sketch as it was (its bytes stay readable)", () => {
    const s = createQuantileSketch().add(1.7e308);
    expect(() => s.add(1.7e308)).toThrowOpsError("out_of_range", {
      message: /QuantileSketch\.add: value would make the sum/,
    });
    expect([s.count, s.sum, s.max]).toEqual([1, 1.7e308, 1.7e308]);
    expect(deserializeSketch(s.serialize(), "quantile").sum).toBe(1.7e308);
    expect(() => s.merge(createQuantileSketch().add(1.7e308))).toThrowOpsError("out_of_range");
    expect(s.add(-1.7e308).sum).toBe(0); // the other sign is fine
  });

  it("reads its own bytes when n additions of the largest value round above n × it", () => {
    const s = createQuantileSketch();
    for (let i = 0; i < 1000; i++) s.add(0.30000000000000004);
    expect(s.sum).toBeGreaterThan(s.count * 0.30000000000000004); // the rounding the sum check must allow
    expect(deserializeSketch(s.serialize(), "quantile").sum).toBe(s.sum);
  });

  it("validates every field of forged ops bytes that pass the CRC", () => {
    const good = sketchOf([1, 2, 3, 50]).serialize();
    const cases: [string, (v: DataView) => void, RegExp][] = [
      ["min −∞", (v) => v.setFloat64(MIN, -Infinity, true), /sum, min or max/],
      ["max +∞", (v) => v.setFloat64(MAX, Infinity, true), /sum, min or max/],
      ["max in another bin", (v) => v.setFloat64(MAX, 5000, true), /sum, min or max/],
      ["sum beyond n·max", (v) => v.setFloat64(SUM, 1e6, true), /sum, min or max/],
      ["declared accuracy 1e-300", (v) => v.setFloat64(ALPHA, 1e-300, true), /relativeAccuracy outside/],
      ["bin index 2^31 − 1", (v) => v.setInt32(POS_INDEX, 2 ** 31 - 1, true), /bin indexes outside/],
      ["fractional bin count", (v) => v.setFloat64(POS_COUNTS, 0.5, true), /not a whole number/],
      ["negative bin count", (v) => v.setFloat64(POS_COUNTS, -1, true), /not a whole number/],
    ];
    for (const [label, edit, message] of cases) {
      expect(() => deserializeSketch(forge(good, edit), "quantile"), label).toThrowOpsError("corrupt_data", {
        message,
      });
    }
  });
});

describe("createHyperLogLog hardening", () => {
  it("refuses forged ops registers of 65 − p (all of them made the estimate Infinity)", () => {
    const p = 8;
    const bytes = createHyperLogLog({ precision: p }).add("a").serialize();
    const forged = forge(bytes, (v) => {
      for (let i = 0; i < 1 << p; i++) v.setUint8(4 + 1 + 4 + i, 65 - p);
    });
    expect(() => deserializeSketch(forged, "hyperloglog")).toThrowOpsError("corrupt_data", {
      message: /hold a register value above 56/,
    });
    // the largest legal register everywhere still gives a finite estimate
    const full = forge(bytes, (v) => {
      for (let i = 0; i < 1 << p; i++) v.setUint8(4 + 1 + 4 + i, 64 - p);
    });
    expect(Number.isFinite(deserializeSketch(full, "hyperloglog").estimate())).toBe(true);
  });

  it("validates every field of a DataSketches image (there is no checksum to pass)", () => {
    const hll8 = hllEntries.find((e) => e.name === "single" && e.type === "HLL_8" && e.mode === "HLL" && e.lgK === 8)!;
    const hll4 = hllEntries.find(
      (e) => e.name === "single" && e.type === "HLL_4" && e.mode === "HLL" && /[^0]/.test(e.image?.slice(72, 80) ?? ""),
    )!;
    const list = hllEntries.find((e) => e.mode === "LIST" && e.parts?.[0]?.to === 7)!;
    const edit = (hex: string, f: (b: Uint8Array, v: DataView) => void) => {
      const b = fromHex(hex);
      f(b, new DataView(b.buffer));
      return b;
    };
    const cases: [string, Uint8Array, string, RegExp][] = [
      ["serial version 2", edit(hll8.image!, (b) => (b[1] = 2)), "unsupported_version", /serial version 1/],
      ["lgK 22", edit(hll8.image!, (b) => (b[3] = 22)), "corrupt_data", /lgK from 4 to 21/],
      ["register 64", edit(hll8.image!, (b) => (b[40] = 64)), "corrupt_data", /register values ≤ 63|KxQ/],
      [
        "numAtCurMin off by one",
        edit(hll8.image!, (_, v) => v.setUint32(32, v.getUint32(32, true) + 1, true)),
        "corrupt_data",
        /numAtCurMin/,
      ],
      ["KxQ forged", edit(hll8.image!, (_, v) => v.setFloat64(16, 1, true)), "corrupt_data", /KxQ/],
      ["HIP Infinity", edit(hll8.image!, (_, v) => v.setFloat64(8, Infinity, true)), "corrupt_data", /HIP/],
      ["truncated", fromHex(hll8.image!.slice(0, -2)), "corrupt_data", /every register/],
      ["trailing byte", fromHex(`${hll8.image!}00`), "corrupt_data", /bytes long/],
      [
        "aux count off",
        edit(hll4.image!, (_, v) => v.setUint32(36, v.getUint32(36, true) + 1, true)),
        "corrupt_data",
        /aux|bytes long for its HLL_4 content/,
      ],
      ["list count 8", edit(list.image!, (b) => (b[6] = 8)), "corrupt_data", /fewer than 8/],
      [
        "list coupon value 0",
        edit(list.image!, (_, v) => v.setUint32(8, 5, true)),
        "corrupt_data",
        /values from 1 to 63/,
      ],
      [
        "list duplicate coupon",
        edit(list.image!, (_, v) => v.setUint32(12, v.getUint32(8, true), true)),
        "corrupt_data",
        /repeat/,
      ],
      ["unknown flag", edit(list.image!, (b) => (b[5] = (b[5] as number) | 64)), "corrupt_data", /flags/],
    ];
    for (const [label, bytes, code, message] of cases) {
      expect(() => deserializeSketch(bytes, "hyperloglog", { formats: [dataSketchesHll] }), label).toThrowOpsError(
        code as "corrupt_data",
        { message },
      );
    }
  });
});

describe("mergeSketches and rollUpSketches hardening", () => {
  it("refuse a non-array and items that are not sketches with invalid_argument (they threw TypeError)", () => {
    for (const bad of [undefined, null, "x", 7, {}]) {
      expect(() => mergeSketches(bad as never)).toThrowOpsError("invalid_argument", {
        message: /sketches must be an array/,
      });
    }
    for (const item of [null, {}, "a", { kind: "hyperloglog" }]) {
      expect(() => mergeSketches([item] as never)).toThrowOpsError("invalid_argument", {
        message: /sketches\[0\] must be a sketch/,
      });
    }
    expect(() => rollUpSketches("x" as never, { unit: "week", timeZone: "UTC" })).toThrowOpsError("invalid_argument");
    expect(() => rollUpSketches([{ at: 0, sketch: {} }] as never, { unit: "week", timeZone: "UTC" })).toThrowOpsError(
      "invalid_argument",
      { message: /entries\[0\]\.sketch must be a sketch/ },
    );
  });

  it("refuse mixing formats with a typed conflict", () => {
    const ops = createQuantileSketch().add(1);
    const dd = createQuantileSketch({ format: ddSketchProto }).add(1);
    expect(() => mergeSketches([ops, dd])).toThrowOpsError("conflict", { message: /formats do not mix/ });
    const h = createHyperLogLog().add(1);
    const ds = createHyperLogLog({ format: dataSketchesHll }).add(1);
    expect(() => mergeSketches([h, ds])).toThrowOpsError("conflict", { message: /formats do not mix/ });
    expect(() =>
      rollUpSketches(
        [
          { at: 0, sketch: h },
          { at: 1, sketch: ds },
        ],
        { unit: "week", timeZone: "UTC" },
      ),
    ).toThrowOpsError("conflict");
  });
});
