// Zod building blocks shared by the public schemas of @ops/metrics.
import * as z from "zod/mini";

/**
 * The largest count or amount: 2^53 − 1 (`Number.MAX_SAFE_INTEGER`). Beyond it a count is no
 * longer exact (2^53 + 1 === 2^53), and sums of such counts over any realistic number of
 * items stay far below `Number.MAX_VALUE`, so that totals and rates are finite.
 */
export const MAX_COUNT = Number.MAX_SAFE_INTEGER;

/** The rule a count above {@link MAX_COUNT} breaks. */
const MAX_COUNT_RULE = "must be at most 2^53 − 1 (9007199254740991)";

/** A count or amount: a finite number from 0 to 2^53 − 1 (zod 4 numbers already refuse NaN and ±Infinity). */
export const CountSchema = /* @__PURE__ */ (() =>
  z
    .number({ error: "must be a finite number ≥ 0" })
    .check(z.minimum(0, { error: "must be a finite number ≥ 0" }), z.maximum(MAX_COUNT, { error: MAX_COUNT_RULE })))();

/** A duration in milliseconds: a finite number ≥ 0. */
export const DurationSchema = /* @__PURE__ */ (() =>
  z
    .number({ error: "must be a finite number of milliseconds ≥ 0" })
    .check(z.minimum(0, { error: "must be a finite number of milliseconds ≥ 0" })))();

/** A non-empty string id. */
export const KeySchema = /* @__PURE__ */ (() =>
  z.string({ error: "must be a non-empty string" }).check(z.minLength(1, { error: "must be a non-empty string" })))();
