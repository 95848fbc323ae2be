// Zod building blocks shared by the public schemas of @ops/metrics.
import { z } from "zod";

/** A count or amount: a finite number ≥ 0 (zod 4 numbers already refuse NaN and ±Infinity). */
export const CountSchema = z
  .number({ error: "must be a finite number ≥ 0" })
  .min(0, { error: "must be a finite number ≥ 0" });

/** A duration in milliseconds: a finite number ≥ 0. */
export const DurationSchema = z
  .number({ error: "must be a finite number of milliseconds ≥ 0" })
  .min(0, { error: "must be a finite number of milliseconds ≥ 0" });

/** A non-empty string id. */
export const KeySchema = z
  .string({ error: "must be a non-empty string" })
  .min(1, { error: "must be a non-empty string" });
