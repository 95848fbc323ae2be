import {
  assertTimeZone,
  daysInMonth,
  fromLocalParts,
  localParts,
  parseOrThrow,
  PeriodSchema,
  type Instant,
  type Period,
  type TimeZone,
} from "@ops/core";
import * as z from "zod/mini";

/** A birthday without a year (the year is not needed, and often not known). */
export interface Birthday {
  /** 1 (January) – 12 (December). */
  readonly month: number;
  /** 1 – 31; must exist in that month in a leap year (so 29 February is allowed). */
  readonly day: number;
}

/** Schema of a {@link Birthday}. */
export const BirthdaySchema = /* @__PURE__ */ (() =>
  z
    .object({
      month: z
        .int({ error: "must be a whole number" })
        .check(z.minimum(1, { error: "must be ≥ 1" }), z.maximum(12, { error: "must be ≤ 12" })),
      day: z.int({ error: "must be a whole number" }).check(z.minimum(1, { error: "must be ≥ 1" })),
    })
    .check(
      z.refine((b) => b.day <= daysInMonth(2000, b.month), {
        error: "must be a day that exists in that month",
        path: ["day"],
      }),
    ))();

/**
 * The perk window: a core `Period` `[start, end)` (start < end) of at most 100 years, a
 * bound that keeps the year-by-year search short.
 */
const PerkWindowSchema = /* @__PURE__ */ (() =>
  PeriodSchema.check(
    z.refine((w) => w.end - w.start <= 100 * 366 * 86_400_000, {
      error: "must be at most 100 years after start",
      path: ["end"],
    }),
  ))();

/** Options of {@link birthdayPerkEligibility}. */
export interface BirthdayPerkEligibilityOptions {
  /** The zone whose calendar days count: the fan's zone if known, else the brand's. */
  readonly timeZone: TimeZone;
  /**
   * When a 29 February birthday is celebrated in a common year: `"feb28"` (default, the
   * last day of the birth month) or `"mar1"` (the day after 28 February, the rule of
   * e.g. UK and Hong Kong law for coming of age).
   */
  readonly leapDayIn?: "feb28" | "mar1";
}

/** Schema of {@link BirthdayPerkEligibilityOptions}. */
export const BirthdayPerkEligibilityOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    timeZone: z.string(),
    leapDayIn: z.optional(z.enum(["feb28", "mar1"])),
  }))();

/** The outcome of {@link birthdayPerkEligibility}. */
export type BirthdayPerkEligibility =
  | {
      readonly eligible: true;
      /** The local date on which the birthday is celebrated (the first one in the window). */
      readonly date: { readonly year: number; readonly month: number; readonly day: number };
      /** The instant that local day starts in the zone. */
      readonly startsAt: Instant;
    }
  | { readonly eligible: false };

/**
 * Tells whether a fan's birthday falls in a perk window, in the calendar of a time zone,
 * with 29 February birthdays celebrated on 28 February or 1 March in common years.
 *
 * The window is a core `Period`, half-open: `start` is in it, `end` is not. The birthday
 * counts when its local calendar day [00:00, next 00:00) in `timeZone` overlaps
 * [start, end), i.e. when the day starts before `end` and ends after `start`: a window
 * that ends exactly at the local midnight that starts the birthday does not include it,
 * and a window that starts at the birthday's last millisecond does. A day whose midnight
 * is skipped by DST starts at the first instant that exists. Windows that span New Year
 * are handled (each local year the window touches is tried, earliest first).
 *
 * @param birthday - `{ month, day }`
 * @param window - a `Period` `{ start, end }` from \@ops/core, half-open, in epoch milliseconds, at most 100 years long
 * @param options - `timeZone` (required), `leapDayIn` (`"feb28"`)
 * @returns `{ eligible: true, date, startsAt }` or `{ eligible: false }`
 * @throws {OpsError} `invalid_argument` for an impossible birthday or an empty or too long window; `invalid_time_zone`
 *
 * @example
 * ```ts
 * import { birthdayPerkEligibility } from "@ops/metrics";
 * // March 2027 in Shanghai; 2027 is a common year, so a 29 Feb birthday moves
 * const march = { start: Date.UTC(2027, 1, 28, 16), end: Date.UTC(2027, 2, 31, 16) };
 * birthdayPerkEligibility({ month: 2, day: 29 }, march, { timeZone: "Asia/Shanghai", leapDayIn: "mar1" }).eligible;
 * // => true
 * birthdayPerkEligibility({ month: 2, day: 29 }, march, { timeZone: "Asia/Shanghai" }).eligible;
 * // => false
 * ```
 */
export function birthdayPerkEligibility(
  birthday: Birthday,
  window: Period,
  options: BirthdayPerkEligibilityOptions,
): BirthdayPerkEligibility {
  const fn = "birthdayPerkEligibility";
  const { month, day } = parseOrThrow(BirthdaySchema, birthday, { fn, path: ["birthday"] });
  const { start, end } = parseOrThrow(PerkWindowSchema, window, { fn, path: ["window"] });
  const opts = parseOrThrow(BirthdayPerkEligibilityOptionsSchema, options, { fn, path: ["options"] });
  assertTimeZone(opts.timeZone, fn, ["options", "timeZone"]);
  const zone = opts.timeZone;
  // the local day containing `start` may belong to the previous year's celebration
  const firstYear = localParts(start, zone).year - 1;
  const lastYear = localParts(end - 1, zone).year;
  for (let year = firstYear; year <= lastYear; year++) {
    let m = month;
    let d = day;
    if (month === 2 && day === 29 && daysInMonth(year, 2) === 28) {
      if (opts.leapDayIn === "mar1") [m, d] = [3, 1];
      else d = 28;
    }
    const startsAt = fromLocalParts({ year, month: m, day: d }, zone);
    const next = new Date(Date.UTC(year, m - 1, d + 1));
    const endsAt = fromLocalParts(
      { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() },
      zone,
    );
    // half-open overlap of [startsAt, endsAt) and [start, end)
    if (startsAt < end && endsAt > start) return { eligible: true, date: { year, month: m, day: d }, startsAt };
  }
  return { eligible: false };
}
