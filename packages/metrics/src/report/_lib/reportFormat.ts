// The number, duration and date formatting of rendered reports: numbers and durations are
// written here rather than taken from the runtime's Intl data, so a report reads the same on
// every machine; dates are date-fns' localised patterns (its en-US and zh-CN locales).
import { tz } from "@date-fns/tz/tz";
import { assertTimeZone, formatLocalDateTime, type TimeZone } from "@ops/core";
import { format } from "date-fns/format";
import { enUS } from "date-fns/locale/en-US";
import { zhCN } from "date-fns/locale/zh-CN";

/** Languages a report is rendered in. */
export type Locale = "en" | "zh-CN";

/** A count grouped by thousands (`183,731`), rounded to 2 decimals, with a true minus sign. */
export function formatCount(v: number): string {
  const rounded = Math.round(v * 100) / 100;
  const [int, frac] = Math.abs(rounded).toString().split(".");
  const grouped = (int ?? "0").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${rounded < 0 ? "−" : ""}${grouped}${frac === undefined ? "" : `.${frac}`}`;
}

/** A rate as a percentage with `digits` decimals (`0.803` → `80.3%`). */
export function formatPercent(v: number, digits = 1): string {
  return `${(v * 100).toFixed(digits)}%`;
}

/** A duration in ms as hours and minutes, minutes and seconds, or seconds. */
export function formatDuration(ms: number, locale: Locale): string {
  const total = Math.round(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const sign = ms < 0 && total > 0 ? "−" : "";
  if (locale === "zh-CN") return `${sign}${h > 0 ? `${h} 小时 ${m} 分钟` : m > 0 ? `${m} 分钟 ${s} 秒` : `${s} 秒`}`;
  return `${sign}${h > 0 ? `${h} h ${m} min` : m > 0 ? `${m} min ${s} s` : `${s} s`}`;
}

/**
 * An instant as a local date (`precision: "day"`) or date-time in `zone`, with date-fns 4
 * `format` and its locales: en-US `"PP HH:mm"` (`Aug 22, 2023 08:48`), zh-CN
 * `"PPP HH:mm"` (`2023年8月22日 08:48`); a date alone is `"PP"` / `"PPP"`. The zone is
 * applied by `@date-fns/tz`'s `tz` (IANA data of the runtime); an unknown zone is an
 * OpsError (`invalid_time_zone`), checked first. Within a day of the ends of the instant
 * range (±8.64e15 ms), where the local wall time lies outside `Date`'s range, the text is
 * core's `formatLocalDateTime` (`+275760-09-13 08:00`) rather than date-fns' "NaN".
 */
export function formatLocalInstant(t: number, zone: TimeZone, locale: Locale, precision: "minute" | "day"): string {
  assertTimeZone(zone, "renderMarkdown", ["report", "timeZone"]);
  const local = tz(zone)(t);
  // within a day of ±8.64e15 ms the local wall time can lie outside Date's range, where
  // date-fns writes "NaN": ISO-like local text from core instead
  if (Number.isNaN(local.getFullYear())) {
    const text = formatLocalDateTime(t, zone, { precision: "minute" });
    return precision === "day" ? text.slice(0, text.lastIndexOf(" ")) : text;
  }
  const pattern = (locale === "zh-CN" ? "PPP" : "PP") + (precision === "day" ? "" : " HH:mm");
  return format(local, pattern, { locale: locale === "zh-CN" ? zhCN : enUS });
}
