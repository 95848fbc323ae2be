// The DataSketches-compatible HyperLogLog against images, estimates and bounds written by Apache
// DataSketches C++ (test/fixtures/datasketches/generate.cpp; the commit is in the manifest).
import {
  createHyperLogLog,
  dataSketchesHll,
  deserializeSketch,
  detectSketchFormat,
  type HyperLogLog,
} from "@ops/metrics";
import { describe, expect, it } from "vitest";
import { dsHllUnion } from "../src/sketch/_lib/dsHllCore";
import type { DsHyperLogLogImpl } from "../src/sketch/_lib/dsHyperLogLog";
import { murmurHash3x64 } from "../src/sketch/_lib/murmurHash3";
import {
  fromHex,
  type HllEntry,
  type HllPart,
  hllEntries,
  intInput,
  sha256,
  strInput,
  toHex,
} from "./fixtures/datasketches/manifest";

function build(p: HllPart): HyperLogLog {
  const h = createHyperLogLog({ format: dataSketchesHll, precision: p.lgK, targetType: p.type });
  for (let i = p.from; i < p.to; i++) h.add(p.input === "int" ? intInput(i) : strInput(i));
  return h;
}

function expectImage(bytes: Uint8Array, e: HllEntry): void {
  if (e.image !== undefined) expect(toHex(bytes)).toBe(e.image);
  else {
    expect(bytes.length).toBe(e.imageLength);
    expect(sha256(bytes)).toBe(e.imageSha256);
  }
}

function expectEstimates(h: HyperLogLog, e: HllEntry): void {
  // equal to the reference's doubles, not merely close
  expect(h.estimate()).toBe(e.estimate);
  for (const sd of [1, 2, 3] as const) {
    expect(h.bounds(sd)).toEqual({ lower: e.lower[sd - 1], upper: e.upper[sd - 1] });
  }
}

const label = (e: HllEntry) =>
  `${e.name} ${e.parts?.map((p) => `${p.type}/lgK ${p.lgK}/${p.input} ${p.from}…${p.to}`).join(" ∪ ")}${
    e.lgMaxK ? ` lgMaxK ${e.lgMaxK} → ${e.type}` : ""
  } (${e.mode})`;

describe("MurmurHash3_x64_128", () => {
  it("matches SMHasher's published vectors", () => {
    const out = new Uint32Array(4);
    const hex = (s: string, seed: number) => {
      const b = new TextEncoder().encode(s);
      murmurHash3x64(b, b.length, seed, out);
      return [out[1], out[0], out[3], out[2]].map((x) => (x as number).toString(16).padStart(8, "0")).join("");
    };
    // h1 ‖ h2 of MurmurHash3_x64_128 (smhasher; the same in Python's mmh3.hash128 and Guava's murmur3_128)
    expect(hex("The quick brown fox jumps over the lazy dog", 0)).toBe("e34bbc7bbc071b6c7a433ca9c49a9347");
    expect(hex("hello", 0)).toBe("cbd8a7b341bd9b025b1e906a48ae1d19");
    expect(hex("", 0)).toBe("00000000000000000000000000000000");
  });
});

describe("createHyperLogLog({ format: 'datasketches' })", () => {
  const singles = hllEntries.filter((e) => e.name === "single");
  it(`writes the reference's compact image byte for byte, with its estimate and bounds (${singles.length} sketches: HLL_4/6/8, lgK 4–21, LIST/SET/HLL)`, () => {
    const modes = new Set<string>();
    for (const e of singles) {
      const h = build(e.parts?.[0] as HllPart);
      try {
        expectImage(h.serialize(), e);
        expectEstimates(h, e);
      } catch (error) {
        throw new Error(`${label(e)}: ${(error as Error).message}`);
      }
      modes.add(`${e.type} ${e.mode} lgK ${e.lgK}`);
    }
    for (const m of ["HLL_4 LIST lgK 4", "HLL_4 HLL lgK 4", "HLL_6 SET lgK 21", "HLL_8 HLL lgK 21", "HLL_4 HLL lgK 21"])
      expect(modes).toContain(m);
  });

  it("reads every reference image back (compact LIST, SET, HLL_4 with aux entries, HLL_6, HLL_8) and writes it again unchanged", () => {
    for (const e of hllEntries.filter((x) => x.image !== undefined)) {
      const bytes = fromHex(e.image as string);
      expect(detectSketchFormat(bytes)).toEqual({ kind: "hyperloglog", format: "datasketches" });
      const h = deserializeSketch(bytes, "hyperloglog", { formats: [dataSketchesHll] });
      expect([h.format, h.precision, h.targetType]).toEqual(["datasketches", e.lgK, e.type]);
      expect(h.estimate()).toBe(e.estimate);
      expect(h.bounds(2)).toEqual({ lower: e.lower[1], upper: e.upper[1] });
      const again = h.serialize();
      const auxEntries = e.mode === "HLL" && e.type === "HLL_4" && /[^0]/.test(e.image?.slice(72, 80) ?? "");
      if (e.mode === "LIST" || (e.mode === "HLL" && !auxEntries)) expect(toHex(again)).toBe(e.image);
      else {
        // a compact SET table and an HLL_4 aux table are rebuilt on read (as the reference does), so their
        // entries may come out in another order: same preamble, same entries
        const start = e.mode === "SET" ? 12 : again.length - 4 * Number.parseInt(e.image?.slice(72, 74) ?? "0", 16);
        expect(toHex(again.subarray(0, start))).toBe(e.image?.slice(0, 2 * start));
        expect(words(again.subarray(start))).toEqual(words(bytes.subarray(start)));
      }
    }
  });

  it("unions sketches of different lgK, modes and types as hll_union does (image, estimate, bounds)", () => {
    const unions = hllEntries.filter((e) => e.name === "union");
    expect(unions.length).toBeGreaterThanOrEqual(21);
    for (const e of unions) {
      const [a, b] = (e.parts as HllPart[]).map(build) as [HyperLogLog, HyperLogLog];
      const states = [a, b].map((h) => (h as DsHyperLogLogImpl).state);
      const u = dsHllUnion(states, e.lgMaxK as number, e.type);
      try {
        expectImage(u.toBytes(), e);
        expect(u.estimate()).toBe(e.estimate);
        expect([u.lowerBound(1), u.upperBound(3)]).toEqual([e.lower[0], e.upper[2]]);
        expect(u.compositeEstimate()).toBe(e.composite);
      } catch (error) {
        throw new Error(`${label(e)}: ${(error as Error).message}`);
      }
      // merge() is the union with lgMaxK = the larger lgK and the receiver's type
      const parts = e.parts as HllPart[];
      if (e.lgMaxK === Math.max(parts[0]!.lgK, parts[1]!.lgK) && e.type === parts[0]!.type) {
        const m = a.merge(b);
        expectImage(m.serialize(), e);
        expect(m.estimate()).toBe(e.estimate);
      }
    }
  });

  it("maps JavaScript numbers to update(int64_t): −0 is 0, negatives are two's complement, 2^53 − 1 works", () => {
    const a = createHyperLogLog({ format: dataSketchesHll }).add(-0);
    const b = createHyperLogLog({ format: dataSketchesHll }).add(0);
    expect(a.serialize()).toEqual(b.serialize());
    // the fixtures' int inputs start at −1 000 000 (i = 0): covered byte for byte above
    const big = createHyperLogLog({ format: dataSketchesHll })
      .add(Number.MAX_SAFE_INTEGER)
      .add(-Number.MAX_SAFE_INTEGER);
    expect(big.estimate()).toBeCloseTo(2, 6); // the coupon estimator's cubic interpolation: 2.000000004967054
  });

  it("skips the empty string (as update(std::string) does) and refuses what has no DataSketches bytes", () => {
    const h = createHyperLogLog({ format: dataSketchesHll });
    h.add("");
    expect(h.estimate()).toBe(0);
    for (const bad of [1.5, Number.NaN, Infinity, 2 ** 53, "\uD800", "a\uDC00b", null, true, 10n, {}]) {
      expect(() => h.add(bad as never)).toThrowOpsError("invalid_argument", {
        message: /HyperLogLog\.add: value must be a safe integer or a well-formed string/,
      });
    }
    expect(h.estimate()).toBe(0);
  });

  it("refuses options that do not fit the format", () => {
    expect(() => createHyperLogLog({ format: dataSketchesHll, seed: 1 })).toThrowOpsError("invalid_argument", {
      message: /options\.seed must be absent with the datasketches format/,
    });
    expect(() => createHyperLogLog({ targetType: "HLL_8" })).toThrowOpsError("invalid_argument");
    expect(() => createHyperLogLog({ precision: 19 })).toThrowOpsError("invalid_argument", { message: /≤ 18/ });
    expect(() => createHyperLogLog({ format: dataSketchesHll, precision: 22 })).toThrowOpsError("invalid_argument");
    expect(createHyperLogLog({ format: dataSketchesHll, precision: 21 }).precision).toBe(21);
  });

  it("refuses to merge with an ops-format HyperLogLog (typed conflict), and merging leaves both inputs alone", () => {
    const ds = createHyperLogLog({ format: dataSketchesHll }).add(1);
    const ops = createHyperLogLog().add(1);
    expect(() => ds.merge(ops)).toThrowOpsError("conflict", { message: /formats do not mix/ });
    expect(() => ops.merge(ds)).toThrowOpsError("conflict", { message: /formats do not mix/ });
    const before = ds.serialize();
    const other = createHyperLogLog({ format: dataSketchesHll, precision: 8 }).add(2);
    const otherBefore = other.serialize();
    ds.merge(other);
    expect(ds.serialize()).toEqual(before);
    expect(other.serialize()).toEqual(otherBefore);
  });
});

/** The little-endian uint32 words of `b`, sorted. */
function words(b: Uint8Array): number[] {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return Array.from({ length: b.length / 4 }, (_, i) => v.getUint32(4 * i, true)).sort((x, y) => x - y);
}
