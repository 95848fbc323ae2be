import { describe, expectTypeOf, it } from "vitest";
import {
  buildEventColumns,
  engagementRate,
  funnel,
  rate,
  timeBuckets,
  type EventColumns,
  type EventInput,
  type MetricEvent,
  type Rate,
  type RateNullReason,
} from "@ops/metrics";

describe("public types", () => {
  it("a rate's value is number | null, with a typed reason", () => {
    expectTypeOf(rate(1, 2)).toEqualTypeOf<Rate>();
    expectTypeOf<Rate["value"]>().toEqualTypeOf<number | null>();
    expectTypeOf<Rate["reason"]>().toEqualTypeOf<RateNullReason | null>();
    expectTypeOf(engagementRate([]).aggregation).toEqualTypeOf<"ratioOfSums" | "meanOfRatios">();
  });
  it("heavy functions take objects or columns", () => {
    expectTypeOf(buildEventColumns([])).toEqualTypeOf<EventColumns>();
    expectTypeOf<readonly MetricEvent[]>().toMatchTypeOf<EventInput>();
    expectTypeOf<EventColumns>().toMatchTypeOf<EventInput>();
    expectTypeOf(timeBuckets).parameter(0).toEqualTypeOf<EventInput>();
    expectTypeOf(funnel).parameter(1).toHaveProperty("steps");
  });
  it("refuses a wrong option at compile time", () => {
    // @ts-expect-error — "clicks" is not a denominator
    engagementRate([], { denominator: "clicks" });
  });
});
