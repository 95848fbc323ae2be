// Zod building blocks shared by the public schemas of @ops/metrics.
import * as z from "zod/mini";

/** A count or amount: a finite number ≥ 0 (zod 4 numbers already refuse NaN and ±Infinity). */
export const CountSchema = /* @__PURE__ */ (() =>
  z.number({ error: "must be a finite number ≥ 0" }).check(z.minimum(0, { error: "must be a finite number ≥ 0" })))();

/** A duration in milliseconds: a finite number ≥ 0. */
export const DurationSchema = /* @__PURE__ */ (() =>
  z
    .number({ error: "must be a finite number of milliseconds ≥ 0" })
    .check(z.minimum(0, { error: "must be a finite number of milliseconds ≥ 0" })))();

/** A non-empty string id. */
export const KeySchema = /* @__PURE__ */ (() =>
  z.string({ error: "must be a non-empty string" }).check(z.minLength(1, { error: "must be a non-empty string" })))();
