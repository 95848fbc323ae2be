// The ddsketch format against the peer library: @datadog/sketches-js 2.1.1 (toProto / fromProto).
import { createRequire } from "node:module";
import { DDSketch } from "@datadog/sketches-js";
import { createRandom } from "@ops/core";
import {
  createQuantileSketch,
  ddSketchProto,
  deserializeSketch,
  detectSketchFormat,
  type QuantileSketch,
} from "@ops/metrics";
import { describe, expect, it } from "vitest";
import { decodeDDSketch, encodeDDSketch } from "../src/sketch/_lib/ddsketchProto";

// sketches-js's toProto/fromProto load `protobufjs/minimal`, which it lists only as its own
// devDependency: without protobufjs installed beside it the peer cannot encode or decode at all.
const peerProto = (() => {
  try {
    createRequire(createRequire(import.meta.url).resolve("@datadog/sketches-js")).resolve("protobufjs/minimal");
    return true;
  } catch {
    return false;
  }
})();

const QS = [0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999, 1];

function data(seed: number, n: number): number[] {
  const rnd = createRandom(seed);
  // reply minutes: log-normal, a few zeros and negative corrections (a peer's negative store is exercised too)
  return Array.from({ length: n }, (_, i) =>
    i % 97 === 0 ? 0 : i % 89 === 0 ? -Math.exp(rnd.normal(1, 1)) : Math.exp(rnd.normal(3, 1.5)),
  );
}
function ours(values: readonly number[], relativeAccuracy = 0.01): QuantileSketch {
  // sketches-js's DDSketch never folds bins: give ours room enough not to either
  const s = createQuantileSketch({ format: ddSketchProto, relativeAccuracy, maxBins: 1 << 16 });
  for (const v of values) s.add(v);
  return s;
}
function theirs(values: readonly number[], relativeAccuracy = 0.01): DDSketch {
  const s = new DDSketch({ relativeAccuracy });
  for (const v of values) s.accept(v);
  return s;
}

describe("createQuantileSketch({ format: 'ddsketch' }) without the peer's protobuf", () => {
  it("bins values as @datadog/sketches-js does: the same quantiles, value for value", () => {
    for (const alpha of [0.01, 0.02, 0.001]) {
      const values = data(7, 20_000);
      const a = ours(values, alpha);
      const b = theirs(values, alpha);
      // 0 < q < 1: neither is clamped, both return the representative value of the same bin
      for (const q of QS.slice(1, -1)) expect(a.quantile(q), `α ${alpha} q ${q}`).toBe(b.getValueAtQuantile(q));
      // and the same bins: the peer's dense store (its in-memory state, no protobuf needed) against our message
      const decoded = decodeDDSketch(a.serialize(), "test");
      const peerStore = (b as unknown as { store: { bins: number[]; offset: number } }).store;
      const peerBins = new Map<number, number>();
      peerStore.bins.forEach((c, i) => {
        if (c > 0) peerBins.set(peerStore.offset + i, c);
      });
      const ourBins = new Map<number, number>();
      decoded.positive.counts.forEach((c, i) => {
        if (c > 0) ourBins.set(decoded.positive.offset + i, c);
      });
      expect(ourBins).toEqual(peerBins);
      expect(decoded.gamma).toBe((b as unknown as { mapping: { gamma: number } }).mapping.gamma);
    }
  });

  it("merges with the peer's bins (its in-memory stores, encoded as its toProto lays them out: zero padding included)", () => {
    const x = data(29, 4_000);
    const y = data(31, 6_000);
    const peer = theirs(y) as unknown as {
      mapping: { gamma: number; _offset: number };
      store: { bins: number[]; offset: number };
      negativeStore: { bins: number[]; offset: number };
      zeroCount: number;
    };
    const bytes = encodeDDSketch({
      gamma: peer.mapping.gamma,
      indexOffset: peer.mapping._offset,
      positive: { offset: peer.store.offset, counts: peer.store.bins },
      negative: { offset: peer.negativeStore.offset, counts: peer.negativeStore.bins },
      zeroCount: peer.zeroCount,
      summary: null,
    });
    const fromPeer = deserializeSketch(bytes, "quantile", { formats: [ddSketchProto] });
    expect(fromPeer.relativeAccuracy).toBe(0.01); // the shortest α that gives the peer's γ
    const merged = ours(x).merge(fromPeer);
    const onePass = theirs([...x, ...y]);
    expect(merged.count).toBe(10_000);
    for (const q of QS.slice(1, -1)) expect(merged.quantile(q), `q ${q}`).toBe(onePass.getValueAtQuantile(q));
    expect(() =>
      ours(x).merge(deserializeSketch(ours(y, 0.02).serialize(), "quantile", { formats: [ddSketchProto] })),
    ).toThrowOpsError("conflict", {
      message: /same gamma/,
    });
  });

  it("writes the message of ddsketch.proto, field by field (hand-assembled from the schema)", () => {
    const s = createQuantileSketch({ format: ddSketchProto }).add(1).add(2).add(3);
    const f64 = (x: number) => {
      const b = new Uint8Array(8);
      new DataView(b.buffer).setFloat64(0, x, true);
      return hex(b);
    };
    const gamma = 1 + 0.02 / 0.99;
    // keys ⌈log₂(x)·ln 2/ln γ⌉: 1 → 0, 2 → 35, 3 → 55 (ln 3/ln γ = 54.93)
    const counts = Array.from({ length: 56 }, (_, i) => f64(i === 0 || i === 35 || i === 55 ? 1 : 0)).join("");
    const positive = `12c003${counts}1800`; // contiguousBinCounts (packed, 448 bytes), contiguousBinIndexOffset 0
    const expected =
      `0a14 09${f64(gamma)} 11${f64(0)} 1800` + // mapping: gamma, indexOffset 0, interpolation NONE
      ` 12c503${positive}` + // positiveValues (453 bytes)
      " 1a021800" + // negativeValues: empty, offset 0
      ` 21${f64(0)}` + // zeroCount 0
      ` a906${f64(6)} b106${f64(1)} b906${f64(3)} c006${"8010"}`; // @ops: sum 101, min 102, max 103, maxBins 104 (2048)
    expect(hex(s.serialize())).toBe(expected.replaceAll(" ", ""));
  });
});

describe.skipIf(!peerProto)(
  "createQuantileSketch({ format: 'ddsketch' }) through @datadog/sketches-js toProto/fromProto",
  () => {
    it("is read by the peer's DDSketch.fromProto with the same counts and quantiles", () => {
      const values = data(11, 5_000);
      const a = ours(values);
      const bytes = a.serialize();
      expect(detectSketchFormat(bytes)).toEqual({ kind: "quantile", format: "ddsketch" });
      const peer = DDSketch.fromProto(bytes);
      expect(peer.count).toBe(values.length);
      expect(peer.zeroCount).toBe(values.filter((v) => v === 0).length);
      // the peer rebuilds its mapping from the message's gamma via α = (γ − 1)/(γ + 1), which can move γ by an
      // ulp: compare with the peer reading its own bytes for the same values (bit for bit), and with ours within 1e-12
      const peerSelf = DDSketch.fromProto(theirs(values).toProto());
      for (const q of QS.slice(1, -1)) {
        expect(peer.getValueAtQuantile(q)).toBe(peerSelf.getValueAtQuantile(q));
        expect(Math.abs(peer.getValueAtQuantile(q) / (a.quantile(q) as number) - 1)).toBeLessThan(1e-12);
      }
    });

    it("reads the peer's toProto bytes: counts and every quantile equal, sum/min/max within α", () => {
      const values = data(13, 5_000);
      const b = theirs(values);
      const a = deserializeSketch(b.toProto(), "quantile", { formats: [ddSketchProto] });
      expect([a.format, a.count, a.relativeAccuracy]).toEqual(["ddsketch", b.count, expect.closeTo(0.01, 15)]);
      for (const q of QS.slice(1, -1)) expect(a.quantile(q)).toBe(b.getValueAtQuantile(q));
      // the message carries no summary: the extreme bins' values and Σ count × bin value, within α
      const lo = Math.min(...values);
      const hi = Math.max(...values);
      expect(Math.abs((a.min as number) / lo - 1)).toBeLessThanOrEqual(0.01 + 1e-12);
      expect(Math.abs((a.max as number) / hi - 1)).toBeLessThanOrEqual(0.01 + 1e-12);
      const sumAbs = values.reduce((s, v) => s + Math.abs(v), 0);
      expect(Math.abs(a.sum - b.sum)).toBeLessThanOrEqual(0.01 * sumAbs);
    });

    it("round-trips ours → peer → ours with the same bins, and keeps its exact summary ours → ours", () => {
      const values = data(17, 3_000);
      const a = ours(values);
      const back = deserializeSketch(DDSketch.fromProto(a.serialize()).toProto(), "quantile", {
        formats: [ddSketchProto],
      });
      for (const q of QS.slice(1, -1)) expect(back.quantile(q)).toBe(a.quantile(q));
      expect(back.count).toBe(a.count);
      const self = deserializeSketch(a.serialize(), "quantile", { formats: [ddSketchProto] });
      expect([self.count, self.sum, self.min, self.max, self.maxBins]).toEqual([
        a.count,
        a.sum,
        a.min,
        a.max,
        a.maxBins,
      ]);
      for (const q of QS) expect(self.quantile(q)).toBe(a.quantile(q));
    });

    it("merges with a peer's sketch: one pass over both inputs' values", () => {
      const x = data(19, 4_000);
      const y = data(23, 6_000);
      const fromPeer = deserializeSketch(theirs(y).toProto(), "quantile", { formats: [ddSketchProto] });
      const merged = ours(x).merge(fromPeer);
      const onePass = theirs([...x, ...y]);
      expect(merged.count).toBe(10_000);
      for (const q of QS.slice(1, -1)) expect(merged.quantile(q)).toBe(onePass.getValueAtQuantile(q));
      // and the peer reads the merge
      const peer = DDSketch.fromProto(merged.serialize());
      expect(peer.getValueAtQuantile(0.99)).toBe(DDSketch.fromProto(onePass.toProto()).getValueAtQuantile(0.99));
    });

    it("reads empty sketches both ways", () => {
      const empty = deserializeSketch(new DDSketch().toProto(), "quantile", { formats: [ddSketchProto] });
      expect([empty.count, empty.quantile(0.5), empty.min]).toEqual([0, null, null]);
      expect(DDSketch.fromProto(createQuantileSketch({ format: ddSketchProto }).serialize()).count).toBe(0);
    });

    it("refuses fractional weights written by the peer", () => {
      const weighted = new DDSketch();
      weighted.accept(5, 0.5);
      expect(() => deserializeSketch(weighted.toProto(), "quantile", { formats: [ddSketchProto] })).toThrowOpsError(
        "corrupt_data",
        {
          message: /whole bin counts/,
        },
      );
    });
  },
);

describe("deserializeSketch of DDSketch messages", () => {
  it("refuses forged or foreign messages with typed errors", () => {
    const good = ours([1, 2, 3]).serialize();
    // mapping: 0a 14 | 09 <gamma> | 11 <offset> | 18 <interpolation>
    expect(hex(good).slice(0, 6)).toBe("0a1409");
    const linear = good.slice();
    linear[2 + 18 + 1] = 1; // interpolation LINEAR
    expect(() => deserializeSketch(linear, "quantile", { formats: [ddSketchProto] })).toThrowOpsError(
      "unsupported_version",
      {
        message: /logarithmic/,
      },
    );
    const gammaOne = good.slice();
    new DataView(gammaOne.buffer).setFloat64(3, 1, true);
    expect(() => deserializeSketch(gammaOne, "quantile", { formats: [ddSketchProto] })).toThrowOpsError(
      "corrupt_data",
      { message: /gamma/ },
    );
    const tinyGamma = good.slice();
    new DataView(tinyGamma.buffer).setFloat64(3, 1 + 1e-300, true);
    expect(() => deserializeSketch(tinyGamma, "quantile", { formats: [ddSketchProto] })).toThrowOpsError(
      "corrupt_data",
    );
    expect(() =>
      deserializeSketch(good.subarray(0, good.length - 3), "quantile", { formats: [ddSketchProto] }),
    ).toThrowOpsError("corrupt_data");
    expect(() =>
      deserializeSketch(fromHex(`${hex(good)}2b`), "quantile", { formats: [ddSketchProto] }),
    ).toThrowOpsError("corrupt_data", {
      message: /wire type 3/,
    });
    expect(() =>
      deserializeSketch(fromHex(`${hex(good)}210000000000000000`), "quantile", { formats: [ddSketchProto] }),
    ).toThrowOpsError("corrupt_data", {
      message: /repeat field 4/,
    });
    // bins beyond the largest double (index 2^31 − 2 at α = 1 %), fractional counts, a gamma of 1 + 1e-300
    const parts = decodeDDSketch(good, "test");
    const far = encodeDDSketch({ ...parts, summary: null, positive: { offset: 2 ** 31 - 2, counts: [1] } });
    expect(() => deserializeSketch(far, "quantile", { formats: [ddSketchProto] })).toThrowOpsError("corrupt_data", {
      message: /bin indexes within/,
    });
    const half = encodeDDSketch({ ...parts, summary: null, positive: { offset: 3, counts: [0.5] } });
    expect(() => deserializeSketch(half, "quantile", { formats: [ddSketchProto] })).toThrowOpsError("corrupt_data", {
      message: /whole bin counts/,
    });
    const lying = encodeDDSketch({ ...parts, summary: { sum: 6, min: -Infinity, max: 3, maxBins: 2048 } });
    expect(() => deserializeSketch(lying, "quantile", { formats: [ddSketchProto] })).toThrowOpsError("corrupt_data", {
      message: /sum, min and max/,
    });
  });
});

function hex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
}
function fromHex(h: string): Uint8Array {
  return Uint8Array.from(h.match(/../g) ?? [], (x) => Number.parseInt(x, 16));
}
