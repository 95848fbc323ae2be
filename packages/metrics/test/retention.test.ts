import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseInstant } from "@ops/core";
import { buildEventColumns, groupRetention, retentionTable, type MetricEvent } from "@ops/metrics";
import { DAY } from "./_helpers";

const rows = (t: ReturnType<typeof retentionTable>): [string, number, readonly (number | null)[]][] =>
  t.cohorts.map((c) => [c.label, c.size, c.retained]);

describe("retentionTable", () => {
  // "x" liked on day 0 before joining on day 1; "y" joined on days 0 and 2
  const events: MetricEvent[] = [
    { at: 0, actor: "x", kind: "like" },
    { at: DAY, actor: "x", kind: "join" },
    { at: 2 * DAY, actor: "x", kind: "like" },
    { at: 0, actor: "y", kind: "join" },
    { at: DAY, actor: "y", kind: "like" },
    { at: 2 * DAY, actor: "y", kind: "join" },
    { at: 3 * DAY, actor: "y", kind: "like" },
  ];
  const base = { timeZone: "UTC", startEvent: "join", periods: 3 };

  it("puts actors in the cohort of their first start event (firstTime, PostHog 'first time')", () => {
    expect(rows(retentionTable(events, base))).toEqual([
      ["1970-01-01", 1, [1, 1, 1]],
      ["1970-01-02", 1, [1, 1, 0]],
      ["1970-01-03", 0, [0, 0, null]],
      ["1970-01-04", 0, [0, null, null]],
    ]);
  });

  it("puts actors in the cohort of their first start event ever, whatever came before it (firstEver, PostHog 'first-ever occurrence')", () => {
    // "x" liked on day 0 and joined on day 1: PostHog's first-ever occurrence is the first event of the
    // start event's type, so x is in the day-1 cohort (it used to be dropped: first event of any kind)
    expect(rows(retentionTable(events, { ...base, type: "firstEver" })).slice(0, 2)).toEqual([
      ["1970-01-01", 1, [1, 1, 1]],
      ["1970-01-02", 1, [1, 1, 0]],
    ]);
  });

  it("gives firstEver the same table as firstTime, as start events carry no property filter (property)", () => {
    fc.assert(
      fc.property(arbEvents, fc.boolean(), (evs, cumulative) => {
        const options = { timeZone: "UTC", startEvent: "join", periods: 4, cumulative };
        expect(retentionTable(evs, { ...options, type: "firstEver" }).cohorts).toEqual(
          retentionTable(evs, options).cohorts,
        );
      }),
    );
  });

  it("puts actors in every interval where they did the start event (recurring)", () => {
    expect(rows(retentionTable(events, { ...base, type: "recurring" }))).toEqual([
      ["1970-01-01", 1, [1, 1, 1]],
      ["1970-01-02", 1, [1, 1, 0]],
      ["1970-01-03", 1, [1, 1, null]],
      ["1970-01-04", 0, [0, null, null]],
    ]);
  });

  it("counts only the return event when one is named", () => {
    const t = retentionTable(events, { ...base, returnEvent: "join" });
    expect(t.cohorts[0]?.retained).toEqual([1, 0, 1]);
    expect(t.cohorts[0]?.rates).toEqual([1, 0, 1]);
  });

  it("builds weekly cohorts on the local calendar across a DST change", () => {
    const at = (iso: string): number => parseInstant(iso);
    const weekly = retentionTable(
      [
        { at: at("2026-03-01T23:30:00-05:00"), actor: "a" }, // Sunday: ISO week of 2026-02-23
        { at: at("2026-03-08T12:00:00-04:00"), actor: "a" }, // Sunday after spring-forward
        { at: at("2026-03-09T00:30:00-04:00"), actor: "b" }, // Monday: new ISO week
        { at: at("2026-03-16T00:30:00-04:00"), actor: "a" },
      ],
      { timeZone: "America/New_York", interval: "week", periods: 4 },
    );
    expect(rows(weekly)).toEqual([
      ["2026-02-23", 1, [1, 1, 0, 1]],
      ["2026-03-02", 0, [0, 0, 0, null]],
      ["2026-03-09", 1, [1, 0, null, null]],
      ["2026-03-16", 0, [0, null, null, null]],
    ]);
  });

  it("limits cohorts to a range", () => {
    const t = retentionTable(events, { ...base, range: { start: DAY, end: 2 * DAY } });
    expect(t.cohorts.map((c) => c.label)).toEqual(["1970-01-02"]);
  });

  describe("with a range (PostHog's date range)", () => {
    const at = (date: string): number => parseInstant(`${date}T12:00:00Z`);
    const day = (date: string): number => parseInstant(`${date}T00:00:00Z`);
    // the range 2026-03-01 … 2026-03-04, both days included
    const range = { start: day("2026-03-01"), end: day("2026-03-05") };

    it("does not count a return after the range's end, cumulative or not", () => {
      // issue 20: a return on 03-05 for a range ending 03-04 turned [1, 0, 0, 0] into [1, 1, 1, 1]
      const evs = [
        { at: at("2026-03-01"), actor: "a", kind: "join" },
        { at: at("2026-03-05"), actor: "a", kind: "post" },
      ];
      const options = { timeZone: "UTC", startEvent: "join", returnEvent: "post", range };
      const cumulative = retentionTable(evs, { ...options, cumulative: true });
      expect(cumulative.cohorts[0]?.retained).toEqual([1, 0, 0, 0, null, null, null, null]);
      expect(retentionTable(evs, options).cohorts[0]?.retained).toEqual([1, 0, 0, 0, null, null, null, null]);
      // the same table as without the event after the range
      expect(retentionTable(evs.slice(0, 1), { ...options, cumulative: true })).toEqual(cumulative);
    });

    it("keeps the row of an interval the range starts inside, counting that whole interval", () => {
      // issue 20: a range starting on Wednesday 2026-03-04 dropped the row of the ISO week of Monday 03-02
      const evs = [
        { at: at("2026-03-02"), actor: "a", kind: "join" }, // Monday, before the range's start, same week
        { at: at("2026-03-05"), actor: "b", kind: "join" }, // Thursday
        { at: at("2026-03-10"), actor: "a", kind: "post" },
        { at: at("2026-03-11"), actor: "b", kind: "post" },
      ];
      const t = retentionTable(evs, {
        timeZone: "UTC",
        interval: "week",
        startEvent: "join",
        returnEvent: "post",
        periods: 3,
        range: { start: day("2026-03-04"), end: day("2026-03-16") },
      });
      expect(rows(t)).toEqual([
        ["2026-03-02", 2, [2, 2, null]],
        ["2026-03-09", 0, [0, null, null]],
      ]);
    });

    it("gives one row per interval of the range, also after the last event, with 0 (not null) inside the range", () => {
      // issue 20: rows stopped at the last event
      const evs = [
        { at: at("2026-03-01"), actor: "a", kind: "join" },
        { at: at("2026-03-02"), actor: "a", kind: "post" },
      ];
      const t = retentionTable(evs, { timeZone: "UTC", startEvent: "join", returnEvent: "post", periods: 4, range });
      expect(rows(t)).toEqual([
        ["2026-03-01", 1, [1, 1, 0, 0]],
        ["2026-03-02", 0, [0, 0, 0, null]],
        ["2026-03-03", 0, [0, 0, null, null]],
        ["2026-03-04", 0, [0, null, null, null]],
      ]);
      expect(rows(retentionTable([], { timeZone: "UTC", periods: 2, range }))).toEqual([
        ["2026-03-01", 0, [0, 0]],
        ["2026-03-02", 0, [0, 0]],
        ["2026-03-03", 0, [0, 0]],
        ["2026-03-04", 0, [0, null]],
      ]);
    });

    it("leaves out actors whose first start event precedes the range (firstTime), not recurring ones", () => {
      const evs = [
        { at: at("2026-02-20"), actor: "a", kind: "join" },
        { at: at("2026-03-02"), actor: "a", kind: "join" },
        { at: at("2026-03-03"), actor: "a", kind: "post" },
      ];
      const options = { timeZone: "UTC", startEvent: "join", returnEvent: "post", periods: 2, range };
      expect(retentionTable(evs, options).cohorts.map((c) => c.size)).toEqual([0, 0, 0, 0]);
      expect(rows(retentionTable(evs, { ...options, type: "recurring" }))[1]).toEqual(["2026-03-02", 1, [1, 1]]);
    });

    it("agrees with a direct count over the range (property)", () => {
      fc.assert(
        fc.property(
          arbEvents,
          fc.integer({ min: 0, max: 10 * DAY }),
          fc.integer({ min: 1, max: 6 * DAY }),
          fc.constantFrom("firstTime", "recurring") as fc.Arbitrary<"firstTime" | "recurring">,
          fc.boolean(),
          (evs, start, length, type, cumulative) => {
            const end = start + length;
            const periods = 4;
            const t = retentionTable(evs, {
              timeZone: "UTC",
              startEvent: "join",
              returnEvent: "post",
              periods,
              type,
              cumulative,
              range: { start, end },
            });
            const firstRow = Math.floor(start / DAY);
            const lastRow = Math.floor((end - 1) / DAY);
            const seen = evs.filter((e) => e.at < end);
            const dayOf = (ms: number): number => Math.floor(ms / DAY);
            const returnedOn = (a: string, d: number): boolean =>
              seen.some((e) => e.actor === a && e.kind === "post" && dayOf(e.at) === d);
            expect(t.cohorts.map((c) => dayOf(c.start))).toEqual(
              Array.from({ length: lastRow - firstRow + 1 }, (_, i) => firstRow + i),
            );
            for (const c of t.cohorts) {
              const d = dayOf(c.start);
              const joins = seen.filter((e) => e.kind === "join");
              const members = [
                ...new Set(
                  type === "recurring"
                    ? joins.filter((e) => dayOf(e.at) === d).map((e) => e.actor)
                    : joins
                        .filter((e) => dayOf(e.at) === d && !joins.some((f) => f.actor === e.actor && f.at < e.at))
                        .map((e) => e.actor),
                ),
              ];
              expect(c.size).toBe(members.length);
              for (let k = 1; k < periods; k++) {
                const last = Math.min(lastRow, d + periods - 1);
                const expected =
                  d + k > lastRow
                    ? null
                    : members.filter((a) =>
                        cumulative
                          ? Array.from({ length: last - (d + k) + 1 }, (_, j) => d + k + j).some((x) =>
                              returnedOn(a, x),
                            )
                          : returnedOn(a, d + k),
                      ).length;
                expect(c.retained[k]).toBe(expected);
              }
            }
          },
        ),
      );
    });
  });

  it("returns no cohorts for no events and one for one event", () => {
    expect(retentionTable([], { timeZone: "UTC" }).cohorts).toEqual([]);
    expect(rows(retentionTable([{ at: 5, actor: "用户甲" }], { timeZone: "UTC", periods: 2 }))).toEqual([
      ["1970-01-01", 1, [1, null]],
    ]);
  });

  const arbEvents = fc.array(
    fc.record({
      at: fc.integer({ min: 0, max: 12 * DAY }),
      actor: fc.constantFrom("a", "b", "c", "d", "e"),
      kind: fc.constantFrom("join", "post"),
    }),
    { maxLength: 60 },
  );

  it("agrees with a direct count per cohort and interval (property)", () => {
    fc.assert(
      fc.property(arbEvents, (evs) => {
        const t = retentionTable(evs, { timeZone: "UTC", startEvent: "join", returnEvent: "post", periods: 5 });
        const first = new Map<string, number>();
        for (const e of evs)
          if (e.kind === "join") first.set(e.actor, Math.min(first.get(e.actor) ?? Infinity, Math.floor(e.at / DAY)));
        const day0 = Math.floor(Math.min(...evs.map((e) => e.at)) / DAY);
        const lastDay = Math.floor(Math.max(...evs.map((e) => e.at)) / DAY);
        for (const c of t.cohorts) {
          const d = Math.floor(c.start / DAY);
          const members = [...first].filter(([, fd]) => fd === d).map(([a]) => a);
          expect(c.size).toBe(members.length);
          for (let k = 1; k < 5; k++) {
            const expected =
              d + k > lastDay
                ? null
                : members.filter((a) =>
                    evs.some((e) => e.actor === a && e.kind === "post" && Math.floor(e.at / DAY) === d + k),
                  ).length;
            expect(c.retained[k]).toBe(expected);
          }
        }
        if (evs.length > 0) expect(t.cohorts.length).toBe(lastDay - day0 + 1);
      }),
    );
  });

  it("makes cumulative rows non-increasing and never below the plain rows (property)", () => {
    fc.assert(
      fc.property(
        arbEvents,
        fc.constantFrom("firstTime", "firstEver", "recurring") as fc.Arbitrary<"firstTime" | "firstEver" | "recurring">,
        (evs, type) => {
          const options = { timeZone: "UTC", startEvent: "join", periods: 6, type };
          const plain = retentionTable(evs, options);
          const cum = retentionTable(evs, { ...options, cumulative: true });
          cum.cohorts.forEach((c, i) => {
            for (let k = 1; k < 6; k++) {
              const v = c.retained[k];
              const prev = c.retained[k - 1];
              if (v === null || v === undefined || prev === null || prev === undefined) continue;
              expect(v).toBeLessThanOrEqual(prev);
              expect(v).toBeGreaterThanOrEqual(plain.cohorts[i]?.retained[k] ?? 0);
            }
          });
        },
      ),
    );
  });

  it("gives the same table for columns and does not mutate its input", () => {
    const copy = structuredClone(events);
    expect(retentionTable(buildEventColumns(events), base)).toEqual(retentionTable(events, base));
    expect(events).toEqual(copy);
  });

  it("refuses a table of more than 2^31 (actor, interval) cells instead of exhausting memory", () => {
    const many = Array.from({ length: 50_000 }, (_, i) => ({ at: i * 3 * DAY, actor: `u${i}` }));
    expect(() => retentionTable(many, { timeZone: "UTC" })).toThrowOpsError("out_of_range");
  });

  it("refuses bad options and events", () => {
    expect(() => retentionTable(events, { ...base, periods: 0 })).toThrowOpsError("invalid_argument", {
      message: /^retentionTable: options\.periods must be an integer from 1 to 1000, got 0$/,
    });
    expect(() => retentionTable(events, { ...base, type: "weekly" as "recurring" })).toThrowOpsError(
      "invalid_argument",
    );
    expect(() => retentionTable(events, { ...base, timeZone: "GMT+8" })).toThrowOpsError("invalid_argument");
    expect(() => retentionTable([{ at: -Infinity, actor: "a" }], base)).toThrowOpsError("invalid_argument");
  });
});

describe("groupRetention", () => {
  it("follows each snapshot's newcomers through later snapshots, counting rejoiners", () => {
    const rows = groupRetention([
      { at: 0, members: ["a", "b"] },
      { at: 1, members: ["b", "c", "c"] },
      { at: 2, members: ["a", "c"] },
    ]);
    expect(rows.map((r) => [r.size, r.retained, r.rates])).toEqual([
      [2, [2, 1, 1], [1, 0.5, 0.5]],
      [1, [1, 1], [1, 1]],
      [1, [1], [1]], // "a" rejoined
    ]);
  });
  it("handles no snapshot and an empty group", () => {
    expect(groupRetention([])).toEqual([]);
    expect(groupRetention([{ at: 0, members: [] }])).toEqual([{ at: 0, size: 0, retained: [0], rates: [null] }]);
  });
  it("refuses unsorted or repeated snapshots and empty member keys", () => {
    expect(() =>
      groupRetention([
        { at: 1, members: [] },
        { at: 0, members: [] },
      ]),
    ).toThrowOpsError("out_of_order");
    expect(() =>
      groupRetention([
        { at: 1, members: [] },
        { at: 1, members: [] },
      ]),
    ).toThrowOpsError("duplicate");
    expect(() => groupRetention([{ at: 1, members: [""] }])).toThrowOpsError("invalid_argument");
  });
  it("does not mutate its input", () => {
    const input = [{ at: 0, members: ["b", "a"] }];
    groupRetention(input);
    expect(input).toEqual([{ at: 0, members: ["b", "a"] }]);
  });
});
