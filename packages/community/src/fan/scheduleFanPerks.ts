import {
  addLocalDays,
  assertTimeZone,
  fromLocalParts,
  IdSchema,
  InstantSchema,
  localParts,
  PeriodSchema,
  parseOrThrow,
  type Instant,
  type TimeZone,
} from "@ops/core";
import {
  BirthdaySchema,
  birthdayPerkEligibility,
  FanActivitySchema,
  loyalFans,
  type Birthday,
  type FanActivity,
} from "@ops/metrics";
import * as z from "zod/mini";

/** A fan as perk scheduling sees it: `@ops/metrics` activity, plus a zone and a birthday when known. */
export interface FanProfile extends FanActivity {
  /** The fan's IANA zone; the plan's `defaultTimeZone` when absent. */
  readonly timeZone?: TimeZone;
  readonly birthday?: Birthday;
}

/** Schema of a {@link FanProfile}. */
export const FanProfileSchema = /* @__PURE__ */ (() =>
  z.extend(FanActivitySchema, {
    timeZone: z.optional(z.string()),
    birthday: z.optional(BirthdaySchema),
  }))();

const LocalTime = /* @__PURE__ */ (() =>
  z.object({
    hour: z.int().check(z.minimum(0), z.maximum(23)),
    minute: z.int().check(z.minimum(0), z.maximum(59)),
  }))();

/**
 * Schema of a perk plan: a campaign over a `window` (an `@ops/core` `Period`, half-open
 * [start, end)), who qualifies (the `@ops/metrics` `loyalFans` thresholds), and which perks
 * go out at which local time — an exclusive `coupon` on the first day of the window, a
 * `birthday` perk on the fan's birthday when it falls in the window.
 */
export const PerkPlanSchema = /* @__PURE__ */ (() =>
  z
    .object({
      campaign: IdSchema,
      window: PeriodSchema,
      defaultTimeZone: z.string(),
      selection: z._default(
        z.object({
          minRecency: z.optional(z.int().check(z.minimum(1), z.maximum(5))),
          minFrequency: z.optional(z.int().check(z.minimum(1), z.maximum(5))),
          minEngagement: z.optional(z.int().check(z.minimum(1), z.maximum(5))),
          limit: z.optional(z.int().check(z.nonnegative())),
        }),
        {},
      ),
      coupon: z.optional(z.object({ template: z.string().check(z.minLength(1)), sendAt: LocalTime })),
      birthday: z.optional(
        z.object({
          template: z.string().check(z.minLength(1)),
          sendAt: LocalTime,
          leapDayIn: z.optional(z.enum(["feb28", "mar1"])),
        }),
      ),
    })
    .check(
      z.refine((p) => p.coupon !== undefined || p.birthday !== undefined, {
        error: "needs a coupon or a birthday perk",
        path: ["coupon"],
      }),
    ))();

/** A perk plan; see {@link PerkPlanSchema}. */
export type PerkPlan = z.input<typeof PerkPlanSchema>;

/** Options of {@link scheduleFanPerks}. */
export interface ScheduleFanPerksOptions {
  /** The instant fans are scored at (`loyalFans`' `now`). */
  readonly now: Instant;
  /** Keys of perks already granted (from earlier runs): these are never scheduled again. */
  readonly issued?: readonly string[];
}

/** Schema of {@link ScheduleFanPerksOptions}. */
export const ScheduleFanPerksOptionsSchema = /* @__PURE__ */ (() =>
  z.object({ now: InstantSchema, issued: z.optional(z.array(z.string())) }))();

/** One scheduled perk. */
export interface PerkGrant {
  /**
   * The de-duplication key: `coupon:<campaign>:<fanId>` or `birthday:<fanId>:<year>` (one
   * birthday perk per fan per celebrated year, whatever the campaign or window).
   */
  readonly key: string;
  readonly kind: "coupon" | "birthday";
  readonly fanId: string;
  readonly template: string;
  /** When to send it. */
  readonly sendAt: Instant;
  /** The fan's local date it is sent on, `YYYY-MM-DD`. */
  readonly localDate: string;
  readonly timeZone: TimeZone;
}

/** A loyal fan who gets no perk of a kind, and why. */
export interface PerkSkip {
  readonly fanId: string;
  readonly kind: "coupon" | "birthday";
  readonly reason: "already_issued" | "no_birthday" | "birthday_not_in_window" | "send_time_not_in_window";
}

/** The outcome of {@link scheduleFanPerks}. */
export interface PerkSchedule {
  /** The loyal fans selected, best first (ids). */
  readonly selected: readonly string[];
  /** Grants by send time, then fan id, then kind. */
  readonly grants: readonly PerkGrant[];
  readonly skipped: readonly PerkSkip[];
}

/**
 * Schedules perks for loyal fans — deterministically and without duplicates. Fans are
 * selected with `@ops/metrics`' `loyalFans` (RFM quintile scores, thresholds from
 * `plan.selection`); birthday eligibility is `@ops/metrics`' `birthdayPerkEligibility` in
 * the fan's own zone (29 February handled). Each perk is sent at the plan's local time in
 * the fan's zone: the coupon at the first such local time in the window (the window's
 * first local day, or the next day when that time has passed), the birthday perk on the
 * birthday (moved to the window start if the birthday began before it); a perk whose
 * send time would fall at or after the window's (exclusive) end is skipped. Every grant has a key; keys
 * listed in `options.issued` are skipped, so re-running a schedule, or running
 * overlapping windows, never grants a perk twice. The same input gives the same output.
 *
 * @param fans - fan profiles (distinct ids; not mutated)
 * @param plan - the perk plan
 * @param options - `now` (scoring instant), `issued` (keys already granted)
 * @returns selected fans, grants and skips
 * @throws {OpsError} `invalid_argument` for malformed fans, plan or options; `invalid_time_zone` for a bad fan or default zone; `duplicate` for a repeated fan id
 *
 * @example
 * ```ts
 * import { scheduleFanPerks } from "@ops/community";
 * const day = 86_400_000;
 * const now = Date.UTC(2026, 10, 1);
 * const fans = Array.from({ length: 10 }, (_, i) => ({ id: `f${i}`, lastActiveAt: now - (10 - i) * day, interactions: i, engagement: i * 5,
 *   ...(i === 9 ? { timeZone: "America/New_York", birthday: { month: 11, day: 20 } } : {}) }));
 * const plan = { campaign: "nov", window: { start: now, end: Date.UTC(2026, 11, 1) }, defaultTimeZone: "Asia/Shanghai", selection: { limit: 1 },
 *   birthday: { template: "bday-500", sendAt: { hour: 9, minute: 0 } } };
 * scheduleFanPerks(fans, plan, { now }).grants.map((g) => [g.key, new Date(g.sendAt).toISOString()]);
 * // => [["birthday:f9:2026", "2026-11-20T14:00:00.000Z"]]
 * ```
 */
export function scheduleFanPerks(
  fans: readonly FanProfile[],
  plan: PerkPlan,
  options: ScheduleFanPerksOptions,
): PerkSchedule {
  const fn = "scheduleFanPerks";
  const list = parseOrThrow(z.array(FanProfileSchema), fans, { fn, path: ["fans"] });
  const p = parseOrThrow(PerkPlanSchema, plan, { fn, path: ["plan"] });
  const opts = parseOrThrow(ScheduleFanPerksOptionsSchema, options, { fn, path: ["options"] });
  assertTimeZone(p.defaultTimeZone, fn, ["plan", "defaultTimeZone"]);
  list.forEach((f, i) => {
    if (f.timeZone !== undefined) assertTimeZone(f.timeZone, fn, ["fans", i, "timeZone"]);
  });
  const issued = new Set(opts.issued ?? []);
  const { start, end } = p.window;
  const loyal = loyalFans(list, { now: opts.now, ...withoutUndefined(p.selection) });
  const grants: PerkGrant[] = [];
  const skipped: PerkSkip[] = [];
  const grant = (g: PerkGrant): void => {
    if (issued.has(g.key)) skipped.push({ fanId: g.fanId, kind: g.kind, reason: "already_issued" });
    else {
      issued.add(g.key);
      grants.push(g);
    }
  };
  for (const { fan } of loyal) {
    const zone = fan.timeZone ?? p.defaultTimeZone;
    if (p.coupon) {
      // the send time on the local day the window starts, or on the next day if that is already past
      const first = localParts(start, zone);
      let sendAt = fromLocalParts({ year: first.year, month: first.month, day: first.day, ...p.coupon.sendAt }, zone);
      if (sendAt < start) sendAt = addLocalDays(sendAt, zone, 1);
      if (sendAt >= end) skipped.push({ fanId: fan.id, kind: "coupon", reason: "send_time_not_in_window" });
      else
        grant({
          key: `coupon:${p.campaign}:${fan.id}`,
          kind: "coupon",
          fanId: fan.id,
          template: p.coupon.template,
          sendAt,
          localDate: dateOf(sendAt, zone),
          timeZone: zone,
        });
    }
    if (p.birthday) {
      if (fan.birthday === undefined) {
        skipped.push({ fanId: fan.id, kind: "birthday", reason: "no_birthday" });
        continue;
      }
      const e = birthdayPerkEligibility(fan.birthday, p.window, {
        timeZone: zone,
        ...(p.birthday.leapDayIn === undefined ? {} : { leapDayIn: p.birthday.leapDayIn }),
      });
      if (!e.eligible) {
        skipped.push({ fanId: fan.id, kind: "birthday", reason: "birthday_not_in_window" });
        continue;
      }
      let sendAt = fromLocalParts({ ...e.date, ...p.birthday.sendAt }, zone);
      if (sendAt < start) sendAt = start;
      if (sendAt >= end) {
        skipped.push({ fanId: fan.id, kind: "birthday", reason: "send_time_not_in_window" });
        continue;
      }
      grant({
        key: `birthday:${fan.id}:${e.date.year}`,
        kind: "birthday",
        fanId: fan.id,
        template: p.birthday.template,
        sendAt,
        localDate: dateOf(sendAt, zone),
        timeZone: zone,
      });
    }
  }
  grants.sort((a, b) => a.sendAt - b.sendAt || cmp(a.fanId, b.fanId) || cmp(a.kind, b.kind));
  return { selected: loyal.map((s) => s.fan.id), grants, skipped };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function dateOf(instant: Instant, zone: TimeZone): string {
  const p = localParts(instant, zone);
  return `${String(p.year).padStart(4, "0")}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

function withoutUndefined<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
