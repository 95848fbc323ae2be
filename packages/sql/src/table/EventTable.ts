import { OpsError, parseOrThrow } from "@ops/core";
import * as z from "zod/mini";
import type { Dialect } from "../dialect/Dialect";
import { clickhouse } from "../dialect/clickhouse";
import { duckdb } from "../dialect/duckdb";

/**
 * The fields of the event table contract. One row per event, the same shape as
 * `@ops/metrics`' `EventColumns` (`at`, `actor`, `channel`, `kind`, `value`) plus what the
 * rates need:
 *
 * | field | default column | type | meaning |
 * | --- | --- | --- | --- |
 * | `at` | `occurred_at` | BIGINT epoch ms (or TIMESTAMP with `timeType: "timestamp"`) | when |
 * | `actor` | `actor` | VARCHAR, not null | who (e.g. core's `actorKey`) |
 * | `channel` | `channel` | VARCHAR, not null (`''` for none) | where |
 * | `kind` | `kind` | VARCHAR, not null (`''` for none) | what: `comment`, `follow`, `post`, … |
 * | `value` | `value` | DOUBLE, not null (0 for none) | an amount (order total) |
 * | `id` | `id` | VARCHAR, null | the event's id (inbound items are answered by id) |
 * | `post` | `post` | VARCHAR, null | the post an event is about; a `post` row's own id |
 * | `direction` | `direction` | VARCHAR, null | `inbound` (to the brand) or `outbound` |
 * | `replyTo` | `reply_to` | VARCHAR, null | the id of the inbound event this one answers |
 * | `likes`, `comments`, `shares`, `saves`, `replies`, `wows` (WeChat 在看), `reach`, `impressions`, `views`, `followers` | same names | DOUBLE, null | a post's figures (rows of kind `post`, and `post_activity` rows with a post's figures over part of its life) |
 */
export type EventField =
  | "at"
  | "actor"
  | "channel"
  | "kind"
  | "value"
  | "id"
  | "post"
  | "direction"
  | "replyTo"
  | "likes"
  | "comments"
  | "shares"
  | "saves"
  | "replies"
  | "wows"
  | "reach"
  | "impressions"
  | "views"
  | "followers";

/** Every {@link EventField}, in DDL order. */
export const EVENT_FIELDS: readonly EventField[] = [
  "at",
  "actor",
  "channel",
  "kind",
  "value",
  "id",
  "post",
  "direction",
  "replyTo",
  "likes",
  "comments",
  "shares",
  "saves",
  "replies",
  "wows",
  "reach",
  "impressions",
  "views",
  "followers",
];

/** The column names of the contract (see {@link EventField}). */
export const DEFAULT_EVENT_COLUMNS: Readonly<Record<EventField, string>> = {
  at: "occurred_at",
  actor: "actor",
  channel: "channel",
  kind: "kind",
  value: "value",
  id: "id",
  post: "post",
  direction: "direction",
  replyTo: "reply_to",
  likes: "likes",
  comments: "comments",
  shares: "shares",
  saves: "saves",
  replies: "replies",
  wows: "wows",
  reach: "reach",
  impressions: "impressions",
  views: "views",
  followers: "followers",
};

/** The dialects this package ships, by name. */
export type DialectName = "duckdb" | "clickhouse";

/** Where the events are and in which dialect to query them. */
export interface SqlTarget {
  /** `"duckdb"`, `"clickhouse"` or your own {@link Dialect}. */
  readonly dialect: DialectName | Dialect;
  /** The table: a name or a qualified name (`["analytics", "events"]`); default `"events"`. Each part is quoted. */
  readonly table?: string | readonly string[];
  /** Your column names for the fields of the contract; unnamed fields keep {@link DEFAULT_EVENT_COLUMNS}. */
  readonly columns?: Partial<Readonly<Record<EventField, string>>>;
  /** `epochMs` (default): `at` is a 64-bit integer of epoch ms; `timestamp`: a TIMESTAMP(TZ) / DateTime64. */
  readonly timeType?: "epochMs" | "timestamp";
}

const IDENT_RULE = "must be a non-empty identifier of at most 255 characters without NUL";

/** An identifier: 1–255 characters, no NUL (quoted, so any other character is allowed). */
export const IdentifierSchema = /* @__PURE__ */ (() =>
  z.string({ error: IDENT_RULE }).check(
    z.minLength(1, { error: IDENT_RULE }),
    z.maxLength(255, { error: IDENT_RULE }),
    z.refine((s) => !s.includes("\0"), { error: IDENT_RULE }),
  ))();

const DIALECT_KEYS = ["quoteIdentifier", "placeholder", "localDate", "localMidnightMs", "columnType"] as const;

/** Schema of {@link SqlTarget}. */
export const SqlTargetSchema = /* @__PURE__ */ (() =>
  z.object({
    dialect: z.union([
      z.enum(["duckdb", "clickhouse"]),
      z.custom<Dialect>(
        (d) =>
          typeof d === "object" &&
          d !== null &&
          DIALECT_KEYS.every((k) => typeof (d as unknown as Record<string, unknown>)[k] === "function"),
        { error: 'must be "duckdb", "clickhouse" or a Dialect object' },
      ),
    ]),
    table: z.optional(z.union([IdentifierSchema, z.array(IdentifierSchema).check(z.minLength(1), z.maxLength(3))])),
    columns: z.optional(z.partialRecord(z.enum(EVENT_FIELDS as [EventField, ...EventField[]]), IdentifierSchema)),
    timeType: z.optional(z.enum(["epochMs", "timestamp"])),
  }))();

/**
 * The dialect object of a target: a name resolved to the shipped dialect, or your own object.
 *
 * @param target - an object with `dialect`
 * @returns the {@link Dialect}
 * @throws {OpsError} `invalid_argument` for a target without a known dialect
 *
 * @example
 * ```ts
 * import { dialectOf } from "@ops/sql";
 * dialectOf({ dialect: "clickhouse" }).name;
 * // => "clickhouse"
 * ```
 */
export function dialectOf(target: Pick<SqlTarget, "dialect">): Dialect {
  const fn = "dialectOf";
  if (typeof target !== "object" || target === null)
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["target"],
      rule: "must be an object with a dialect",
      received: target,
    });
  const d = parseOrThrow(SqlTargetSchema.shape.dialect, target.dialect, { fn, path: ["target", "dialect"] }) as
    | DialectName
    | Dialect;
  return d === "duckdb" ? duckdb : d === "clickhouse" ? clickhouse : d;
}
