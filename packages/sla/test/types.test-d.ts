import { describe, expectTypeOf, it } from "vitest";
import {
  CN_PUBLIC_HOLIDAYS,
  computeSlaClocks,
  type BusinessCalendar,
  type CalendarSpec,
  type SlaClocks,
  type SlaCycle,
  type SlaMetric,
  compileCalendar,
} from "@ops/sla";

describe("public types", () => {
  it("accepts the readonly holiday data spread into a calendar spec", () => {
    const spec = { timeZone: "Asia/Shanghai", weekly: {}, ...CN_PUBLIC_HOLIDAYS } as const;
    expectTypeOf(spec).toMatchTypeOf<CalendarSpec>();
    expectTypeOf(compileCalendar).returns.toEqualTypeOf<BusinessCalendar>();
  });
  it("keys the clocks' cycles by metric", () => {
    expectTypeOf<keyof SlaClocks["cycles"]>().toEqualTypeOf<SlaMetric>();
    expectTypeOf<SlaClocks["cycles"]["first_reply"]>().toEqualTypeOf<readonly SlaCycle[]>();
    expectTypeOf(computeSlaClocks).returns.toEqualTypeOf<SlaClocks>();
  });
  it("refuses a plain object where a compiled calendar is expected", () => {
    // @ts-expect-error a spec is not a compiled calendar
    const c: BusinessCalendar = { timeZone: "UTC", weekly: {} };
    void c;
  });
});
