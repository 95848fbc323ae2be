import {
  deserializeSketch,
  loyalFans,
  mergeSketches,
  createCounter,
  scoreFans,
  type Counter,
  type HyperLogLog,
  type KllSketch,
  type QuantileSketch,
  type ScoredFan,
} from "@ops/metrics";
import { describe, expectTypeOf, it } from "vitest";

describe("deserializeSketch", () => {
  it("returns the sketch type of the kind asked for", () => {
    const bytes = new Uint8Array();
    expectTypeOf(deserializeSketch(bytes, "hyperloglog")).toEqualTypeOf<HyperLogLog>();
    expectTypeOf(deserializeSketch(bytes, "quantile")).toEqualTypeOf<QuantileSketch>();
    expectTypeOf(deserializeSketch(bytes, "kll")).toEqualTypeOf<KllSketch>();
    // @ts-expect-error unknown kind
    deserializeSketch(bytes, "bloom");
  });
});

describe("mergeSketches", () => {
  it("keeps the sketch type", () => {
    expectTypeOf(mergeSketches([createCounter()])).toEqualTypeOf<Counter>();
  });
});

describe("scoreFans", () => {
  it("keeps the caller's fan type", () => {
    const fans = [{ id: "a", lastActiveAt: 0, interactions: 1, engagement: 2, nickname: "小红" }];
    expectTypeOf(scoreFans(fans, { now: 1 })).toEqualTypeOf<ScoredFan<(typeof fans)[number]>[]>();
    expectTypeOf(loyalFans(fans, { now: 1 })[0]!.fan.nickname).toEqualTypeOf<string>();
  });
});
