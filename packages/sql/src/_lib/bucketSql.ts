// Calendar buckets in a zone as SQL: the local date of each event, the start date of its
// day/week/month bucket, the bucket's label and its boundaries as epoch ms.
import type { Period } from "@ops/core";
import type { Builder } from "./builder";

export type Unit = "day" | "week" | "month";

/** The start date of the bucket of local date `ld` (a column name). */
export function bucketDate(b: Builder, unit: Unit, ld: string, weekStartsOn: number): string {
  if (unit === "day") return ld;
  if (unit === "month") return b.d.monthStart(ld);
  const ws = b.param("Int64", weekStartsOn);
  return b.d.addDays(ld, `-((${b.d.weekday(ld)} - ${ws} + 7) % 7)`);
}

/** The start date of the bucket after the one starting at `bd`. */
export function nextBucketDate(b: Builder, unit: Unit, bd: string): string {
  return unit === "month" ? b.d.addMonths(bd, "1") : b.d.addDays(bd, unit === "week" ? "7" : "1");
}

/** Conditions on events: in `[range.start, range.end)`, of `kinds`, and the dialect's instant guard. */
export function eventConditions(
  b: Builder,
  opts: { readonly range?: Period | undefined; readonly kinds?: readonly string[] | undefined },
): string[] {
  const conds: string[] = [];
  const guard = b.d.instantGuard(b.at);
  if (guard !== "TRUE") conds.push(guard);
  if (opts.range !== undefined) {
    conds.push(`${b.at} >= ${b.param("Int64", opts.range.start)}`);
    conds.push(`${b.at} < ${b.param("Int64", opts.range.end)}`);
  }
  if (opts.kinds !== undefined) conds.push(b.d.listContains(b.param("Array(String)", [...opts.kinds]), b.col("kind")));
  return conds;
}

export function where(conds: readonly string[]): string {
  return conds.length === 0 ? "" : ` WHERE ${conds.join(" AND ")}`;
}
