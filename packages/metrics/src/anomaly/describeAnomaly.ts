import { localParts, parseOrThrow, TimeZoneSchema, type TimeZone } from "@ops/core";
import * as z from "zod/mini";
import type { Anomaly, AnomalyMethod } from "./Anomaly";

/** Options of {@link describeAnomaly}. */
export interface DescribeAnomalyOptions {
  /** The zone whose calendar date is printed. */
  readonly timeZone: TimeZone;
  /** `"en"` (default) or `"zh-CN"`. */
  readonly locale?: "en" | "zh-CN";
}

/** Schema of {@link DescribeAnomalyOptions}. */
export const DescribeAnomalyOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    timeZone: TimeZoneSchema,
    locale: z.optional(z.enum(["en", "zh-CN"])),
  }))();

const AnomalySchema = /* @__PURE__ */ (() =>
  z.object({
    at: z.int(),
    observed: z.number(),
    expected: z.number(),
    lower: z.number(),
    upper: z.number(),
    score: z.number(),
    direction: z.enum(["up", "down"]),
    method: z.enum(["seasonal-mad", "ewma", "poisson", "binomial"]),
  }))();

const WEEKDAYS = {
  en: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
  "zh-CN": ["周一", "周二", "周三", "周四", "周五", "周六", "周日"],
} as const;
const METHODS: Record<"en" | "zh-CN", Record<AnomalyMethod, string>> = {
  en: {
    "seasonal-mad": "seasonal robust z",
    ewma: "EWMA chart, z",
    poisson: "Poisson test, z",
    binomial: "binomial test, z",
  },
  "zh-CN": {
    "seasonal-mad": "季节性稳健 z 值",
    ewma: "EWMA 控制图 z 值",
    poisson: "泊松检验 z 值",
    binomial: "二项检验 z 值",
  },
};

/**
 * One line that explains an {@link Anomaly} to a reader of a weekly report: the local
 * date, what was seen, what was expected, the range that would have passed, and the
 * method with its score.
 *
 * Numbers of 100 or more are rounded to whole numbers, smaller ones to 3 significant
 * digits; the score to one decimal, with a true minus sign.
 *
 * @param anomaly - as returned by the `detect…Anomalies` functions
 * @param options - `timeZone` (required), `locale` (`"en"` or `"zh-CN"`)
 * @returns the sentence
 * @throws {OpsError} `invalid_argument` for a malformed anomaly, an unknown locale or an unknown time zone
 *
 * @example
 * ```ts
 * import { describeAnomaly } from "@ops/metrics";
 * const a = { at: Date.UTC(2026, 1, 10, 4), observed: 312, expected: 520.4, lower: 430.2, upper: 610.6, score: -7.93, direction: "down", method: "seasonal-mad" } as const;
 * describeAnomaly(a, { timeZone: "Asia/Shanghai" });
 * // => "2026-02-10 (Tue): 312, below the expected 520 (normal range 430–611; seasonal robust z −7.9)"
 * describeAnomaly(a, { timeZone: "Asia/Shanghai", locale: "zh-CN" });
 * // => "2026-02-10（周二）：312，低于预期 520（正常范围 430–611；季节性稳健 z 值 −7.9）"
 * ```
 */
export function describeAnomaly(anomaly: Anomaly, options: DescribeAnomalyOptions): string {
  const fn = "describeAnomaly";
  const a = parseOrThrow(AnomalySchema, anomaly, { fn, path: ["anomaly"] });
  const opts = parseOrThrow(DescribeAnomalyOptionsSchema, options, { fn, path: ["options"] });
  const locale = opts.locale ?? "en";
  const p = localParts(a.at, opts.timeZone);
  const date = `${String(p.year).padStart(4, "0")}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
  const weekday = WEEKDAYS[locale][p.weekday - 1] as string;
  const score = `${a.score < 0 ? "−" : ""}${Math.abs(a.score).toFixed(1)}`;
  const method = METHODS[locale][a.method];
  const [obs, exp, lo, hi] = [a.observed, a.expected, a.lower, a.upper].map(formatNumber);
  if (locale === "zh-CN") {
    return `${date}（${weekday}）：${obs}，${a.direction === "down" ? "低于" : "高于"}预期 ${exp}（正常范围 ${lo}–${hi}；${method} ${score}）`;
  }
  return `${date} (${weekday}): ${obs}, ${a.direction === "down" ? "below" : "above"} the expected ${exp} (normal range ${lo}–${hi}; ${method} ${score})`;
}

function formatNumber(x: number): string {
  if (Math.abs(x) >= 100) return String(Math.round(x)).replace("-", "−");
  return String(Number(x.toPrecision(3))).replace("-", "−");
}
