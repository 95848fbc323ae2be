// Issue 19: reply figures at the end of a period. An item whose target has not run out when
// the data was taken is pending, not a miss; targets per kind/channel; reply time measured in
// business hours when asked. Expected values are worked out by hand below (a 09:00–18:00
// UTC business day, Monday–Friday), the rule @ops/sla's publicReplyRate and Zendesk's SLA
// clocks apply: a target runs only in business hours (Zendesk, "Defining and using SLA
// policies": "SLA targets are measured in business hours if the policy uses business hours").
import { describe, expect, it } from "vitest";
import { renderMarkdown, replyRate, weeklyReport, type ReplyItem } from "@ops/metrics";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Monday 2026-03-02 00:00 UTC
const MON = Date.UTC(2026, 2, 2);
const at = (day: number, hour: number) => MON + day * DAY + hour * HOUR;

/** Business time between two instants: 09:00–18:00 UTC, Monday (day 0) to Friday (day 4) of each week. */
const businessTime = (from: number, to: number): number => {
  let ms = 0;
  for (let d = Math.floor((from - MON) / DAY); MON + d * DAY < to; d++) {
    if (((d % 7) + 7) % 7 >= 5) continue;
    const open = MON + d * DAY + 9 * HOUR;
    const close = MON + d * DAY + 18 * HOUR;
    ms += Math.max(0, Math.min(to, close) - Math.max(from, open));
  }
  return ms;
};

describe("replyRate with elapsed (business time)", () => {
  it("judges the target in business hours and keeps an open item pending", () => {
    const items: ReplyItem[] = [
      // Friday 17:30, answered Monday 09:45: 30 + 45 min of business time, within 2 h (calendar: 64 h 15 min)
      { receivedAt: at(4, 17.5), firstReplyAt: at(7, 9.75) },
      // Friday 17:30, unanswered; measured Saturday 12:00: 30 min of business time used, still open
      { receivedAt: at(4, 17.5) },
      // Friday 10:00, unanswered: 8 business hours passed by Friday 18:00, missed
      { receivedAt: at(4, 10) },
    ];
    const calendar = replyRate(items, { within: 2 * HOUR, now: at(5, 12) });
    expect(calendar).toMatchObject({ numerator: 0, denominator: 3, pending: 0 });
    const business = replyRate(items, { within: 2 * HOUR, now: at(5, 12), elapsed: businessTime });
    // the first is answered after now (Monday), so it is pending too at Saturday noon
    expect(business).toMatchObject({ numerator: 0, denominator: 1, pending: 2 });
    const later = replyRate(items, { within: 2 * HOUR, now: at(7, 12), elapsed: businessTime });
    // Monday 12:00: the first answered in 1 h 15 min of business time; the second used 30 min + 3 h: missed
    expect(later).toMatchObject({ numerator: 1, denominator: 3, pending: 0, value: 1 / 3 });
  });

  it("refuses an elapsed function that returns NaN, a negative or a non-number", () => {
    const items = [{ receivedAt: 0, firstReplyAt: HOUR }];
    for (const bad of [() => Number.NaN, () => -1, () => "1", () => Number.POSITIVE_INFINITY]) {
      expect(() => replyRate(items, { within: HOUR, elapsed: bad as never })).toThrowOpsError("invalid_argument", {
        fn: "replyRate",
        path: ["options", "elapsed"],
        message: /must return a finite duration ≥ 0 in ms/,
      });
    }
    expect(() => replyRate(items, { within: HOUR, elapsed: 5 as never })).toThrowOpsError("invalid_argument", {
      path: ["options", "elapsed"],
    });
  });
});

describe("weeklyReport: reply targets per kind, asOf and business time", () => {
  // the week of Monday 2026-03-09 (UTC); the data was exported Friday 2026-03-13 at 20:00
  const W = MON + 7 * DAY;
  const wk = (day: number, hour: number) => W + day * DAY + hour * HOUR;
  const inbound: ReplyItem[] = [
    { kind: "dm", receivedAt: wk(0, 10), firstReplyAt: wk(0, 10.5) }, // DM, 30 min: within 1 h
    { kind: "dm", receivedAt: wk(1, 10), firstReplyAt: wk(1, 12) }, // DM, 2 h: missed (1 h)
    { kind: "comment", receivedAt: wk(2, 10), firstReplyAt: wk(2, 11.5) }, // comment, 1.5 h: within 2 h
    { kind: "comment", receivedAt: wk(4, 17) }, // Friday 17:00, unanswered: 1 business hour used by 20:00
    { kind: "comment", receivedAt: wk(4, 19) }, // Friday 19:00, after hours: 0 used
    { kind: "comment", receivedAt: wk(4, 21) }, // after the export: not counted
    { kind: "mention", receivedAt: wk(3, 10), firstReplyAt: wk(3, 15) }, // no target for mentions
  ];
  const base = { timeZone: "UTC", at: wk(2, 0) } as const;
  const targets = [
    { kind: "dm", withinMs: HOUR },
    { kind: "comment", withinMs: 2 * HOUR },
  ];
  const value = (r: ReturnType<typeof weeklyReport>, key: string) => r.indicators.find((i) => i.key === key)?.current;

  it("counts Friday evening's open comments as misses without asOf (what the analyst saw)", () => {
    const r = weeklyReport({ inbound }, { ...base, replyTargets: targets });
    // judged: 2 DMs, 5 comments (the mention has no target); within: DM 1, comment 1
    expect(value(r, "replyRateWithinTarget")).toBeCloseTo(2 / 6, 15);
    expect(value(r, "inboundMessages")).toBe(7);
    expect(value(r, "repliesPending")).toBeUndefined();
  });

  it("with asOf and business time: open targets are pending, not missed", () => {
    const r = weeklyReport({ inbound }, { ...base, replyTargets: targets, asOf: wk(4, 20), elapsed: businessTime });
    // judged: DM 30 min ✓, DM 2 h ✗, comment 1.5 h ✓; Friday 17:00 (1 h used) and 19:00 (0 used) pending; 21:00 after asOf
    expect(value(r, "replyRateWithinTarget")).toBeCloseTo(2 / 3, 15);
    expect(value(r, "repliesPending")).toBe(2);
    expect(value(r, "inboundMessages")).toBe(6);
    // replies in business time: 30 min, 2 h, 1.5 h, 5 h (the mention) → R-7 median 1 h 45 min
    expect(value(r, "medianFirstReplyMs")).toBe(1.75 * HOUR);
    expect(renderMarkdown(r)).toContain("| Awaiting reply, target not yet due | 2 |");
    expect(renderMarkdown(r, { locale: "zh-CN" })).toContain("待回复（未到时限）");
  });

  it("falls back to replyTargetMs for an item no target matches, and matches by channel", () => {
    const r = weeklyReport(
      { inbound: inbound.map((i) => ({ ...i, channelId: i.kind === "mention" ? "weibo" : "wechat" })) },
      {
        ...base,
        replyTargets: [{ channelId: "weibo", withinMs: 6 * HOUR }, ...targets],
        replyTargetMs: HOUR,
        asOf: wk(4, 20),
        elapsed: businessTime,
      },
    );
    // the Weibo mention (5 h) is now judged against 6 h: within → 3 of 4
    expect(value(r, "replyRateWithinTarget")).toBeCloseTo(3 / 4, 15);
  });

  it("checks the new options", () => {
    expect(() => weeklyReport({ inbound }, { ...base, replyTargets: [{ kind: "dm", withinMs: -1 }] })).toThrowOpsError(
      "invalid_argument",
      { path: ["options", "replyTargets", 0, "withinMs"] },
    );
    expect(() => weeklyReport({ inbound }, { ...base, asOf: Number.NaN })).toThrowOpsError("invalid_argument", {
      path: ["options", "asOf"],
    });
    expect(() =>
      weeklyReport({ inbound }, { ...base, replyTargetMs: HOUR, elapsed: () => Number.NaN }),
    ).toThrowOpsError("invalid_argument", { fn: "weeklyReport", path: ["options", "elapsed"] });
  });
});
