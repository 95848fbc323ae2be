import { type Period, PeriodSchema, parseOrThrow } from "@ops/core";
import type { ReplyRate, ReplyRateOptions } from "@ops/metrics";
import { ReplyRateOptionsSchema } from "@ops/metrics/schemas";
import * as z from "zod/mini";
import { builderFor, notCompilable } from "../_lib/parse";
import { replyItems } from "./_lib/replyItems";
import { cellNumber } from "../_lib/rows";
import type { CompiledQuery } from "../query/CompiledQuery";
import type { SqlTarget } from "../table/EventTable";

/** Options of {@link compileReplyRate}: those of `replyRate`, and which rows are the inbound items. */
export interface CompileReplyRateOptions extends ReplyRateOptions {
  /** `direction` of an inbound item; default `"inbound"`. Items need an `id`; a reply is any row whose `reply_to` is that id. */
  readonly inbound?: string;
  /** Only inbound items of these kinds (e.g. `["dm", "comment"]`); default every kind. */
  readonly kinds?: readonly string[];
  /** Only items received in `[start, end)`; default all. */
  readonly range?: Period;
}

/** Schema of {@link CompileReplyRateOptions}. */
export const CompileReplyRateOptionsSchema = /* @__PURE__ */ (() =>
  z.extend(ReplyRateOptionsSchema, {
    inbound: z.optional(z.string()),
    kinds: z.optional(z.array(z.string())),
    range: z.optional(PeriodSchema),
  }))();

/**
 * `replyRate` of `@ops/metrics` as SQL: inbound items answered (optionally within `within`
 * ms, a reply exactly at the target counts) / inbound items. The first reply of an item is
 * the earliest row with `reply_to` = its id at or after it (earlier rows cannot answer it).
 * With `now` (and `within`), items received at or after `now` are left out and an
 * unanswered item whose target is still running is `pending` — as Zendesk's first reply
 * time SLA and `replyRate`. Inbound ids must be unique.
 *
 * @param target - dialect and event table
 * @param options - `within`, `now`, `inbound`, `kinds`, `range`
 * @returns the query; `read(rows)` gives the `ReplyRate` of `replyRate` on the same items
 * @throws {OpsError} `invalid_argument` for a bad target or option, or `now` without `within`
 *
 * @example
 * ```ts
 * import { compileReplyRate } from "@ops/sql";
 * const q = compileReplyRate({ dialect: "clickhouse" }, { within: 7_200_000 });
 * q.read([{ answered: "3", total: "4", pending: "0" }]).value;
 * // => 0.75
 * ```
 */
export function compileReplyRate(target: SqlTarget, options: CompileReplyRateOptions = {}): CompiledQuery<ReplyRate> {
  const fn = "compileReplyRate";
  const b = builderFor(target, fn);
  const opts = parseOrThrow(CompileReplyRateOptionsSchema, options, { fn, path: ["options"] });
  if (opts.now !== undefined && opts.within === undefined)
    notCompilable(fn, ["options", "now"], "needs options.within (a target) to decide which items are still open");
  const { d } = b;
  const items = replyItems(b, opts);
  const within = opts.within === undefined ? null : b.param("Float64", opts.within);
  const replied = within === null ? "fr IS NOT NULL" : `(fr IS NOT NULL AND fr - r <= ${within})`;
  let keep = "TRUE";
  let pending = "FALSE";
  if (opts.now !== undefined && within !== null) {
    const now = b.param("Int64", opts.now);
    keep = `r < ${now}`;
    pending = `(NOT ${replied} AND r + ${within} > ${now} AND (fr IS NULL OR fr > ${now}))`;
  }
  const sql =
    `SELECT ${d.countIf(`NOT ${pending} AND ${replied}`)} AS answered, ${d.countIf(`NOT ${pending}`)} AS total, ` +
    `${d.countIf(pending)} AS pending FROM (${items}) AS items WHERE ${keep}`;
  return b.finish(sql, (rows) => {
    const row = rows[0] ?? {};
    const answered = cellNumber(row, "answered", fn);
    const total = cellNumber(row, "total", fn);
    const parts = {
      numerator: answered,
      denominator: total,
      within: opts.within ?? null,
      pending: cellNumber(row, "pending", fn),
    };
    return total === 0
      ? { ...parts, value: null, reason: "zero_denominator" }
      : { ...parts, value: answered / total, reason: null };
  });
}
