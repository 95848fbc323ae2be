import { describe, expect, it } from "vitest";
import { formatInstant, fromLocalParts, isOpsError, parseInstant, startOfLocalDay } from "@ops/core";

describe("fromLocalParts", () => {
  it("moves a wall-clock time in the New York spring-forward gap forward by the gap", () => {
    // 2026-03-08 02:30 does not exist in America/New_York (tzdb: DST starts 02:00 → 03:00)
    const t = fromLocalParts({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, "America/New_York");
    expect(formatInstant(t)).toBe("2026-03-08T07:30:00.000Z");
  });
  it("refuses the gap with disambiguation reject", () => {
    expect(() =>
      fromLocalParts({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, "America/New_York", { disambiguation: "reject" }),
    ).toThrow(/fromLocalParts: parts names a wall-clock time that is skipped/);
  });
});

describe("startOfLocalDay", () => {
  it("starts a Shanghai day at 16:00 UTC the day before", () => {
    expect(formatInstant(startOfLocalDay(parseInstant("2026-03-08T20:00:00Z"), "Asia/Shanghai"))).toBe("2026-03-08T16:00:00.000Z");
  });
  it("throws invalid_time_zone for an unknown zone", () => {
    try {
      startOfLocalDay(0, "Mars/Base");
      expect.unreachable();
    } catch (error) {
      expect(isOpsError(error, "invalid_time_zone")).toBe(true);
    }
  });
});
