import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { OpsError, parseInstant, parseOrThrow } from "@ops/core";
import { CalendarSpecSchema, compileCalendar, WEEKDAYS, type CalendarSpec } from "@ops/sla";
import { INTERVALS } from "../src/calendar/_lib/calendarData";
import { expandCalendar } from "../src/calendar/_lib/expandCalendar";

// compileCalendar checks the spec by hand (src/calendar/_lib/readCalendarSpec.ts) to keep zod out of
// its bundle; these tests hold it to CalendarSpecSchema read through parseOrThrow, which is
// what it ran before: the same verdict, and the same path, message and received value for
// the first issue; for an accepted spec, the same compiled intervals as zod's parsed copy.
const fn = "compileCalendar";
const from = parseInstant("2026-01-01T00:00:00Z");
const to = parseInstant("2026-01-15T00:00:00Z");

const issue = (e: unknown) => {
  if (!(e instanceof OpsError)) throw e;
  return { code: e.code, fn: e.fn, path: e.path, message: e.message, received: e.received };
};
const outcome = (run: () => unknown) => {
  try {
    return { value: run() };
  } catch (e) {
    return { error: issue(e) };
  }
};

/** Compares compileCalendar with the schema on one spec; tells whether the schema accepted it. */
function agrees(spec: unknown): boolean {
  let parsed: CalendarSpec | undefined;
  let expected: ReturnType<typeof issue> | undefined;
  try {
    parsed = parseOrThrow(CalendarSpecSchema, spec, { fn, path: ["spec"] });
  } catch (e) {
    expected = issue(e);
  }
  // the horizon may leave the spec's years: that rule is the horizon's, tested with it
  const actual = outcome(
    () => compileCalendar(spec as CalendarSpec, { from, to, allowOutsideHolidayYears: true })[INTERVALS],
  );
  if (parsed === undefined) expect(actual).toEqual({ error: expected });
  else expect(actual).toEqual(outcome(() => expandCalendar(parsed, from, to)));
  return parsed !== undefined;
}

describe("compileCalendar", () => {
  it("accepts and refuses the edge cases of every field exactly as CalendarSpecSchema does", () => {
    const lunch = [
      { open: "09:00", close: "12:00" },
      { open: "13:00", close: "18:00" },
    ];
    const base = { timeZone: "UTC", weekly: { mon: lunch } };
    const night = { open: "22:00", close: "06:00", overnight: true };
    // biome-ignore lint/suspicious/noSparseArray: a hole, which zod reads as undefined
    const holes = [lunch[0], , lunch[1]];
    const accepted: unknown[] = [
      { ...base, weekly: { mon: [night], tue: lunch } },
      { ...base, weekly: { fri: [{ open: "00:00", close: "24:00" }], xmas: "ignored" }, extra: 1 },
      { ...base, holidays: [{ date: "2024-02-29", name: "a".repeat(200) }] },
      // zod counts a name's length in code points: 150 emoji are 300 UTF-16 units
      { ...base, holidays: [{ date: "2026-01-05", name: "😀".repeat(150) }] },
      { ...base, workdays: [{ date: "2026-01-10", hoursOf: "mon" }, { date: "2026-01-10" }] },
      // intervals are read as their union: in any order, overlapping, running into the next day
      { ...base, weekly: { mon: [night], tue: [{ open: "05:00", close: "07:00" }] } },
      { ...base, weekly: { wed: [lunch[1], lunch[0]] } },
      { ...base, weekly: { wed: [lunch[0], { open: "11:00", close: "12:30" }, { open: "10:00", close: "11:00" }] } },
      { ...base, weekly: { thu: [night, { open: "23:00", close: "23:30" }] } },
      { ...base, overrides: [{ date: "2026-01-05", hours: [lunch[1], lunch[0]] }] },
      // the years a holiday data set covers
      { ...base, years: [2024, 2026] },
      { ...base, years: [2026, 2026] },
      { ...base, years: [1, 9999] },
      { ...base, years: undefined },
    ];
    const refused: unknown[] = [
      undefined,
      null,
      "UTC",
      1,
      [],
      [base],
      new Date(0),
      {},
      { timeZone: "UTC" },
      { weekly: {} },
      { ...base, timeZone: "Asia/Beijing" },
      { ...base, timeZone: "CST" },
      { ...base, timeZone: "+08:00" },
      { ...base, timeZone: 8 },
      { ...base, weekly: [] },
      { ...base, weekly: null },
      { ...base, weekly: { mon: {} } },
      { ...base, weekly: { mon: holes } },
      { ...base, weekly: { sun: [null] } },
      { ...base, weekly: { mon: [{ open: "09:00" }] } },
      { ...base, weekly: { mon: [{ close: "09:00" }] } },
      { ...base, weekly: { mon: [{ open: "24:00", close: "24:00" }] } },
      { ...base, weekly: { mon: [{ open: "9:00", close: "8:00" }] } },
      { ...base, weekly: { mon: [{ open: "18:00", close: "09:00" }] } },
      { ...base, weekly: { mon: [{ open: "18:00", close: "09:00", overnight: "yes" }] } },
      { ...base, weekly: { mon: [{ open: "18:00", close: "24:00", overnight: true }] } },
      { ...base, weekly: { mon: [{ open: "09:00", close: "18:00", overnight: true }] } },
      { ...base, holidays: {} },
      { ...base, holidays: [null] },
      { ...base, holidays: [{}] },
      { ...base, holidays: [{ date: "2026-02-30" }] },
      { ...base, holidays: [{ date: "2026-2-3" }] },
      { ...base, holidays: [{ date: "2026-01-05", name: "a".repeat(201) }] },
      // a lone surrogate counts as one code point
      { ...base, holidays: [{ date: "2026-01-05", name: `${"😀".repeat(200)}\ud800` }] },
      { ...base, holidays: [{ date: "2026-01-05", name: 5 }] },
      { ...base, workdays: [{ date: "2026-01-10", hoursOf: "Mon" }] },
      { ...base, workdays: [{ date: "2026-01-10", hoursOf: null }] },
      { ...base, workdays: [{ date: "2026-01-10", hoursOf: "tue" }, { date: "2026-01-10" }] },
      {
        ...base,
        holidays: [{ date: "2026-01-10" }],
        workdays: [{ date: "2026-01-10", hoursOf: "tue" }, { date: "2026-01-10" }],
      },
      { ...base, overrides: [{ date: "2026-01-05" }] },
      {
        ...base,
        overrides: [
          { date: "2026-01-05", hours: [] },
          { date: "2026-01-05", hours: lunch },
        ],
      },
      { ...base, years: [2026, 2024] },
      { ...base, years: [2024] },
      { ...base, years: [2024, 2025, 2026] },
      { ...base, years: [2024.5, 2026] },
      { ...base, years: [0, 2026] },
      { ...base, years: [2024, 10_000] },
      { ...base, years: ["2024", "2026"] },
      { ...base, years: "2024–2026" },
      { ...base, years: null },
      // biome-ignore lint/suspicious/noSparseArray: a hole
      { ...base, years: [, 2026] },
      { ...base, years: { 0: 2024, 1: 2026, length: 2 } },
      // the first issue in zod's order: a value's form, its fields in the schema's order, then rules across fields
      { timeZone: "Nowhere", weekly: { mon: [{ open: "9:00", close: "18:00" }] }, holidays: [{ date: "x" }] },
      { ...base, weekly: { mon: [lunch[1], { open: "9:00", close: "18:00" }] } },
      {
        ...base,
        overrides: [
          { date: "2026-01-05", hours: [] },
          { date: "2026-01-05", hours: [] },
        ],
        workdays: [{ date: "x" }],
      },
      {
        ...base,
        overrides: [
          { date: "2026-01-05", hours: [] },
          { date: "2026-01-05", hours: [] },
        ],
        holidays: [{ date: "2026-01-10" }],
        workdays: [{ date: "2026-01-10" }],
      },
    ];
    expect(accepted.filter((spec) => !agrees(spec))).toEqual([]);
    expect(refused.filter(agrees)).toEqual([]);
  });

  it("accepts and refuses random specs exactly as CalendarSpecSchema does, with the same first issue", () => {
    // mostly well-formed specs with, now and then, a field, entry or list replaced by an edge
    // value; few dates and times, so that overlaps (a union, accepted), duplicates and
    // clashes are common
    const edge = fc.constantFrom<unknown>(
      undefined,
      null,
      0,
      1.5,
      Number.NaN,
      true,
      "",
      "x",
      "24:00",
      "2026-01-05",
      "mon",
      {},
      [],
      [{}],
      new Date(0),
      1n,
    );
    const junk = fc.oneof(edge, fc.anything());
    const maybe = <T>(valid: fc.Arbitrary<T>) =>
      fc.oneof({ arbitrary: valid, weight: 50 }, { arbitrary: junk, weight: 1 });
    const list = <T>(item: fc.Arbitrary<T>, maxLength: number) =>
      maybe(fc.oneof({ arbitrary: fc.array(item, { maxLength }), weight: 20 }, fc.sparseArray(item, { maxLength })));
    const pad = (n: number) => String(n).padStart(2, "0");
    const time = maybe(
      fc.oneof(
        {
          arbitrary: fc.constantFrom("00:00", "06:00", "09:00", "12:00", "13:00", "18:00", "22:00", "24:00"),
          weight: 8,
        },
        fc
          .tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 60 }))
          .map(([h, m]) => `${pad(h)}:${pad(m)}`),
        fc.constantFrom("9:00", "12:60", " 09:00", "0900", "２３:00"),
      ),
    );
    const range = maybe(
      fc.oneof(
        { arbitrary: fc.record({ open: time, close: time }), weight: 4 },
        fc.record({ open: time, close: time, overnight: maybe(fc.boolean()) }, { requiredKeys: [] }),
      ),
    );
    const goodDays = fc.constantFrom(
      [],
      [{ open: "09:00", close: "18:00" }],
      [
        { open: "09:00", close: "12:00" },
        { open: "13:00", close: "18:00" },
      ],
      [{ open: "22:00", close: "06:00", overnight: true }],
      [{ open: "00:00", close: "24:00" }],
    );
    const dayHours = fc.oneof({ arbitrary: goodDays, weight: 12 }, list(range, 3));
    const date = maybe(
      fc.oneof(
        {
          arbitrary: fc.constantFrom("2026-01-03", "2026-01-05", "2026-01-06", "2026-01-10", "2026-01-13"),
          weight: 20,
        },
        fc.constantFrom("2026-02-30", "2026-2-03", "2024-02-29", "2026-02-29", "0000-01-01", "2026-13-01", "20260105"),
      ),
    );
    const name = maybe(
      fc.oneof(
        { arbitrary: fc.string({ maxLength: 8 }), weight: 20 },
        fc.constantFrom("a".repeat(200), "a".repeat(201), "😀".repeat(150), "😀".repeat(201), "\ud800".repeat(201)),
      ),
    );
    const hoursOf = maybe(
      fc.oneof({ arbitrary: fc.constantFrom(...WEEKDAYS), weight: 12 }, fc.constantFrom("Mon", "")),
    );
    const holiday = maybe(fc.record({ date, name }, { requiredKeys: ["date"] }));
    const workday = maybe(fc.record({ date, name, hoursOf }, { requiredKeys: ["date"] }));
    const override = maybe(fc.record({ date, name, hours: dayHours }, { requiredKeys: ["date", "hours"] }));
    const weekly = maybe(
      fc.record(Object.fromEntries(WEEKDAYS.map((d) => [d, maybe(dayHours)])), { requiredKeys: [] }),
    );
    const spec = maybe(
      fc.record(
        {
          timeZone: maybe(
            fc.oneof(
              { arbitrary: fc.constantFrom("UTC", "Asia/Shanghai", "America/New_York", "Europe/London"), weight: 12 },
              fc.constantFrom("Asia/Beijing", "+08:00", "utc", "CST", "US/Eastern", ""),
            ),
          ),
          weekly,
          holidays: list(holiday, 3),
          workdays: list(workday, 3),
          overrides: list(override, 3),
          years: maybe(
            fc.oneof(
              { arbitrary: fc.constantFrom([2024, 2026], [2026, 2026], [2026, 2024]), weight: 8 },
              fc.tuple(fc.integer({ min: -1, max: 10_001 }), fc.integer({ min: -1, max: 10_001 })),
              fc.array(fc.integer({ min: 2020, max: 2030 }), { maxLength: 3 }),
            ),
          ),
        },
        { requiredKeys: ["timeZone", "weekly"] },
      ),
    );
    const verdicts = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(spec, (s) => {
        verdicts[agrees(s) ? "accepted" : "refused"]++;
      }),
      { numRuns: 2000 },
    );
    // both verdicts are common, so that both paths were compared
    expect(verdicts.accepted).toBeGreaterThan(200);
    expect(verdicts.refused).toBeGreaterThan(200);
  });

  it("compiles the spec it checked, reading each field once", () => {
    // a getter that turns an interval around after its first read: zod's parsed copy kept
    // the first answer; the hand-written check keeps a copy too, so it cannot be fooled
    let reads = 0;
    const spec = {
      timeZone: "UTC",
      weekly: {
        get mon() {
          reads++;
          return reads === 1 ? [{ open: "09:00", close: "18:00" }] : [{ open: "18:00", close: "09:00" }];
        },
      },
    };
    const c = compileCalendar(spec, { from, to });
    expect(reads).toBe(1);
    expect(c.openTime).toBe(2 * 9 * 3_600_000); // Mondays 5 and 12 January
  });

  it("keeps zod out of a bundle of compileCalendar and addBusinessTime", async () => {
    // the reason the spec is checked by hand (the exported schema would bring ~6 kB min+gz)
    const packages = fileURLToPath(new URL("../../", import.meta.url));
    const result = await build({
      stdin: {
        contents: 'export { compileCalendar, addBusinessTime } from "@ops/sla";',
        loader: "js",
        resolveDir: packages,
      },
      alias: Object.fromEntries(
        readdirSync(packages).map((name) => [`@ops/${name}`, `${packages}${name}/src/index.ts`]),
      ),
      bundle: true,
      minify: true,
      format: "esm",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const [output] = Object.values(result.metafile.outputs);
    const inputs = Object.entries(output?.inputs ?? {})
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => path);
    expect(inputs.filter((path) => path.endsWith("sla/src/calendar/_lib/readCalendarSpec.ts"))).toHaveLength(1);
    expect(inputs.filter((path) => /zod|parseOrThrow|issueRule/.test(path))).toEqual([]);
  });
});
