// The number, duration and date formatting of rendered reports: deterministic, written
// here rather than taken from the runtime's Intl data, so a report reads the same on
// every machine.
import { localParts, type TimeZone } from "@ops/core";

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

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
const pad = (n: number) => String(n).padStart(2, "0");

/**
 * An instant as a local date (`precision: "day"`) or date-time in `zone`, in the patterns
 * of date-fns 4 `format` with its locales: en-US `"PP HH:mm"` (`Aug 22, 2023 08:48`),
 * zh-CN `"PPP HH:mm"` (`2023年8月22日 08:48`); a date alone is `"PP"` / `"PPP"`.
 */
export function formatLocalInstant(t: number, zone: TimeZone, locale: Locale, precision: "minute" | "day"): string {
  const p = localParts(t, zone);
  const date = locale === "zh-CN" ? `${p.year}年${p.month}月${p.day}日` : `${MONTHS[p.month - 1]} ${p.day}, ${p.year}`;
  return precision === "day" ? date : `${date} ${pad(p.hour)}:${pad(p.minute)}`;
}
