// Shared validation for counts and probabilities (experiments, anomalies, surveys).
import { OpsError, type ErrorPath } from "@ops/core";

/** Throws unless `value` is an integer ≥ 0. */
export function checkCount(value: unknown, fn: string, path: ErrorPath): asserts value is number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw new OpsError({ code: "invalid_argument", fn, path, rule: "must be a whole number ≥ 0", received: value });
  }
}

/** Throws unless `value` is a number strictly between 0 and 1. */
export function checkOpenUnit(value: unknown, fn: string, path: ErrorPath): asserts value is number {
  if (typeof value !== "number" || !(value > 0 && value < 1)) {
    throw new OpsError({ code: "invalid_argument", fn, path, rule: "must be a probability strictly between 0 and 1", received: value });
  }
}
