// Shared by mergeSketches and rollUpSketches: is this value one of our sketches?
import { OpsError } from "@ops/core";

const KINDS = ["hyperloglog", "quantile", "counter", "sum", "kll"];

/** Throws `invalid_argument` unless `value` looks like an @ops sketch (a known kind with merge and clone). */
export function assertSketch(value: unknown, fn: string, path: readonly (string | number)[]): void {
  const v = value as { kind?: unknown; merge?: unknown; clone?: unknown } | null;
  if (
    typeof v !== "object" ||
    v === null ||
    !KINDS.includes(v.kind as string) ||
    typeof v.merge !== "function" ||
    typeof v.clone !== "function"
  ) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path,
      rule: "must be a sketch from createHyperLogLog, createQuantileSketch, createKllSketch, createCounter, createSum or deserializeSketch",
      received: value,
    });
  }
}
