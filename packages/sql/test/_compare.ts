// Equality of a compiled metric's result with @ops/metrics': integers (counts, numerators,
// denominators, integer sums) exactly, other numbers within 1e-12 relative (engines sum in
// another order: the last bits differ), everything else deeply equal.
import { expect } from "vitest";

export const RELATIVE = 1e-12;

/**
 * Interpolated statistics: compared within RELATIVE even when @ops/metrics' value happens to be
 * a whole number (seed 20261202: a p90 of 15670136 in JS, 15670135.999999998 in ClickHouse).
 */
const ESTIMATES: ReadonlySet<string> = new Set(["mean", "median", "p90", "medianTimeToConvertMs"]);

function walk(actual: unknown, expected: unknown, path: string, out: string[]): void {
  if (typeof expected === "number" && typeof actual === "number") {
    const exact = Number.isInteger(expected) && !ESTIMATES.has(path.slice(path.lastIndexOf(".") + 1));
    if (exact ? actual !== expected : Math.abs(actual - expected) > RELATIVE * Math.abs(expected))
      out.push(`${path}: ${actual} ≠ ${expected}`);
    return;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (actual.length !== expected.length) out.push(`${path}: length ${actual.length} ≠ ${expected.length}`);
    else
      expected.forEach((e, i) => {
        walk(actual[i], e, `${path}[${i}]`, out);
      });
    return;
  }
  if (expected !== null && typeof expected === "object" && actual !== null && typeof actual === "object") {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const k of keys) walk((actual as never)[k], (expected as never)[k], `${path}.${k}`, out);
    return;
  }
  if (!Object.is(actual, expected)) out.push(`${path}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
}

/** Asserts agreement as described above, listing every differing path. */
export function expectSame(actual: unknown, expected: unknown, label = ""): void {
  const out: string[] = [];
  walk(actual, expected, "$", out);
  expect(out, `${label}\n${out.slice(0, 10).join("\n")}`).toEqual([]);
}

/** Rollup rows in a canonical order (SQL orders channels by name, @ops/metrics by first appearance). */
export function byLabelAndChannel<T extends { label: string; channel: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) =>
    a.label === b.label ? (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0) : a.label < b.label ? -1 : 1,
  );
}
