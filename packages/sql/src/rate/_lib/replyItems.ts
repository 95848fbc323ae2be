// Inbound items with their first reply, as a derived table `items(r, fr)`: r = received at,
// fr = the earliest event answering it (reply_to = its id) at or after r, NULL if none.
import type { Period } from "@ops/core";
import type { Builder } from "../../_lib/builder";
import { eventConditions } from "../../_lib/bucketSql";

export interface ReplyItemsOptions {
  readonly inbound?: string | undefined;
  readonly kinds?: readonly string[] | undefined;
  readonly range?: Period | undefined;
}

export function replyItems(b: Builder, o: ReplyItemsOptions): string {
  const conds = eventConditions(b, { kinds: o.kinds, range: o.range });
  conds.push(`${b.col("direction")} = ${b.param("String", o.inbound ?? "inbound")}`);
  conds.push(`${b.col("id")} IS NOT NULL`);
  const inb = `SELECT ${b.col("id")} AS in_id, ${b.at} AS in_r FROM ${b.table} WHERE ${conds.join(" AND ")}`;
  const rep = `SELECT ${b.col("replyTo")} AS rp_to, ${b.at} AS rp_t FROM ${b.table} WHERE ${b.col("replyTo")} IS NOT NULL`;
  return (
    `SELECT in_r AS r, min(CASE WHEN rp_t >= in_r THEN rp_t END) AS fr ` +
    `FROM (${inb}) AS inb LEFT JOIN (${rep}) AS rep ON rep.rp_to = inb.in_id GROUP BY in_id, in_r`
  );
}
