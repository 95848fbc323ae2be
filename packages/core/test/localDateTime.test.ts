// Issue 19: local date-times as platform exports write them ("2026-11-03 21:15:07", Beijing
// time, no offset) and as reports should show them. Outside reference: @date-fns/tz's TZDate
// (the IANA data of the runtime through Intl, independent of core's offset arithmetic) for the
// property tests; fixed cases from the zones' published rules (China: UTC+8, no DST since 1991;
// New York: DST 2026-03-08 02:00 → 03:00 and 2026-11-01 02:00 → 01:00).
import { TZDate } from "@date-fns/tz";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatInstant, formatLocalDateTime, parseInstant, parseLocalDateTime } from "@ops/core";

const iso = (s: string) => parseInstant(s);

describe("parseLocalDateTime", () => {
  it("reads the shapes exports write, in the zone given", () => {
    const at = iso("2026-11-03T13:15:07Z");
    for (const text of [
      "2026-11-03 21:15:07",
      "2026-11-03T21:15:07",
      "2026/11/03 21:15:07",
      "2026/11/3 21:15:07",
      " 2026-11-03 21:15:07 ",
      "2026-11-03 21:15:07.000",
    ]) {
      expect(parseLocalDateTime(text, "Asia/Shanghai"), text).toBe(at);
    }
    expect(parseLocalDateTime("2026-11-03", "Asia/Shanghai")).toBe(iso("2026-11-02T16:00:00Z"));
    expect(parseLocalDateTime("2026-11-03 9:05", "Asia/Shanghai")).toBe(iso("2026-11-03T01:05:00Z"));
    expect(parseLocalDateTime("2026-11-03 21:15:07.5", "Asia/Shanghai")).toBe(at + 500);
    expect(parseLocalDateTime("2026-11-03 21:15:07.25", "Asia/Shanghai")).toBe(at + 250);
  });

  it("resolves DST gaps and overlaps as fromLocalParts (Temporal's disambiguation)", () => {
    // 02:30 does not exist in New York on 2026-03-08
    expect(formatInstant(parseLocalDateTime("2026-03-08 02:30", "America/New_York"))).toBe("2026-03-08T07:30:00.000Z");
    expect(
      formatInstant(parseLocalDateTime("2026-03-08 02:30", "America/New_York", { disambiguation: "earlier" })),
    ).toBe("2026-03-08T06:30:00.000Z");
    expect(() =>
      parseLocalDateTime("2026-03-08 02:30", "America/New_York", { disambiguation: "reject" }),
    ).toThrowOpsError("invalid_argument", { fn: "parseLocalDateTime", path: ["text"] });
    // 01:30 happens twice on 2026-11-01
    expect(formatInstant(parseLocalDateTime("2026-11-01 01:30", "America/New_York"))).toBe("2026-11-01T05:30:00.000Z");
    expect(formatInstant(parseLocalDateTime("2026-11-01 01:30", "America/New_York", { disambiguation: "later" }))).toBe(
      "2026-11-01T06:30:00.000Z",
    );
  });

  it("refuses other shapes, offsets, impossible dates and times, naming text and the rule", () => {
    for (const text of [
      "2026-11-03T21:15:07Z",
      "2026-11-03 21:15:07+08:00",
      "2026-11-03 21",
      "2026-11-3 21:15:7",
      "2026-11/03",
      "26-11-03",
      "11/03/2026",
      "2026-11-03 21:15:07.1234",
      "",
      "２０２６-11-03",
      "x".repeat(100),
    ]) {
      expect(() => parseLocalDateTime(text, "Asia/Shanghai"), text).toThrowOpsError("invalid_argument", {
        fn: "parseLocalDateTime",
        path: ["text"],
        message: /must be a local date-time without offset/,
      });
    }
    for (const text of [
      "2026-02-29",
      "2026-13-01",
      "2026-00-10",
      "2026-04-31 10:00",
      "2026-11-03 24:00",
      "2026-11-03 12:60",
    ]) {
      expect(() => parseLocalDateTime(text, "Asia/Shanghai"), text).toThrowOpsError("invalid_argument", {
        path: ["text"],
        message: /must name a date and time that exist/,
      });
    }
    expect(parseLocalDateTime("2024-02-29", "UTC")).toBe(iso("2024-02-29T00:00:00Z"));
    expect(() => parseLocalDateTime(20261103 as unknown as string, "Asia/Shanghai")).toThrowOpsError(
      "invalid_argument",
      {
        path: ["text"],
      },
    );
    expect(() => parseLocalDateTime("2026-11-03", "CST")).toThrowOpsError("invalid_time_zone");
    expect(() => parseLocalDateTime("2026-11-03", "UTC", null as never)).toThrowOpsError("invalid_argument", {
      path: ["options"],
    });
    expect(() => parseLocalDateTime("2026-11-03", "UTC", { disambiguation: "first" as never })).toThrowOpsError(
      "invalid_argument",
      { path: ["options", "disambiguation"] },
    );
  });
});

describe("formatLocalDateTime", () => {
  it("writes the wall clock, with the precision and offset asked", () => {
    const at = iso("2026-11-03T13:15:07.042Z");
    expect(formatLocalDateTime(at, "Asia/Shanghai")).toBe("2026-11-03 21:15:07");
    expect(formatLocalDateTime(at, "Asia/Shanghai", { precision: "minute" })).toBe("2026-11-03 21:15");
    expect(formatLocalDateTime(at, "Asia/Shanghai", { precision: "millisecond", offset: true })).toBe(
      "2026-11-03 21:15:07.042+08:00",
    );
    expect(formatLocalDateTime(iso("2026-11-01T05:30:00Z"), "America/New_York", { offset: true })).toBe(
      "2026-11-01 01:30:00-04:00",
    );
    expect(formatLocalDateTime(iso("2026-11-01T06:30:00Z"), "America/New_York", { offset: true })).toBe(
      "2026-11-01 01:30:00-05:00",
    );
    expect(formatLocalDateTime(iso("2026-01-01T00:00:00Z"), "Asia/Kolkata", { offset: true })).toBe(
      "2026-01-01 05:30:00+05:30",
    );
  });

  it("writes the years an instant can reach (ISO 8601 expanded years outside 0000–9999)", () => {
    expect(formatLocalDateTime(8.64e15, "UTC")).toBe("+275760-09-13 00:00:00");
    expect(formatLocalDateTime(-8.64e15, "UTC")).toBe("-271821-04-20 00:00:00");
    expect(formatLocalDateTime(iso("0050-06-15T12:00:00Z"), "UTC")).toBe("0050-06-15 12:00:00");
    expect(formatLocalDateTime(8.64e15, "Asia/Tokyo")).toBe("+275760-09-13 09:00:00");
  });

  it("refuses a bad instant, zone or option", () => {
    expect(() => formatLocalDateTime(Number.NaN, "UTC")).toThrowOpsError("invalid_argument", { path: ["instant"] });
    expect(() => formatLocalDateTime(0, "Mars/Base")).toThrowOpsError("invalid_time_zone");
    expect(() => formatLocalDateTime(0, "UTC", { precision: "hour" as never })).toThrowOpsError("invalid_argument", {
      path: ["options", "precision"],
    });
    expect(() => formatLocalDateTime(0, "UTC", { offset: "yes" as never })).toThrowOpsError("invalid_argument", {
      path: ["options", "offset"],
    });
  });
});

describe("against @date-fns/tz (property)", () => {
  const zones = ["Asia/Shanghai", "America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kolkata", "UTC"];
  const instants = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) });

  it("formats the wall clock TZDate reads", () => {
    fc.assert(
      fc.property(instants, fc.constantFrom(...zones), (t, zone) => {
        const d = new TZDate(t, zone);
        const p = (n: number, w = 2) => String(n).padStart(w, "0");
        const expected = `${p(d.getFullYear(), 4)}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
        expect(formatLocalDateTime(t, zone, { precision: "millisecond" })).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it("round-trips: parse(format(t)) = t, with the offset choosing the side of an overlap", () => {
    fc.assert(
      fc.property(instants, fc.constantFrom(...zones), (t, zone) => {
        const text = formatLocalDateTime(t, zone, { precision: "millisecond" });
        const back = parseLocalDateTime(text, zone);
        const later = parseLocalDateTime(text, zone, { disambiguation: "later" });
        expect([back, later]).toContain(t);
      }),
      { numRuns: 500 },
    );
  });
});
