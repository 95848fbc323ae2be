import { IdSchema, InstantSchema, type Instant, type InteractionId, type TimeZone } from "@ops/core";
import { ChannelIdSchema, type Interaction } from "@ops/interaction";
import * as z from "zod/mini";
import { instantReader } from "../_lib/cells";
import { fnv1a64 } from "./_lib/fnv1a64";
import { isTotalLabel, sortErrors } from "../_lib/header";
import { exportOptionsShape, openExport } from "../_lib/openExport";
import type { CsvEncoding } from "../csv/limits";
import type { ColumnDictionary } from "../csv/ColumnDictionary";
import type { MappedExport } from "../csv/MappedExport";
import type { RowError, SkippedRow } from "../csv/RowError";

/** The fields {@link mapWeiboComments} reads. */
export type WeiboCommentField =
  | "text"
  | "userId"
  | "nickname"
  | "createdAt"
  | "commentId"
  | "replyToId"
  | "postId"
  | "postUrl"
  | "likes";

/** Column dictionary of a Weibo comments export (one row per comment). */
export const WEIBO_COMMENT_COLUMNS: ColumnDictionary<WeiboCommentField> = {
  text: {
    names: ["评论内容", "评论", "内容", "Comment", "Text"],
    required: true,
    meaning: "the comment's text → `content.text`",
  },
  userId: {
    names: ["评论者ID", "评论者id", "评论人ID", "评论用户ID", "用户ID", "UID", "User ID"],
    required: true,
    meaning: "the commenter's Weibo uid → `actor.userId`",
  },
  nickname: {
    names: ["评论者昵称", "评论人昵称", "评论者", "昵称", "用户昵称", "Nickname"],
    required: false,
    meaning: "display name (kept in `raw` only: it can change)",
  },
  createdAt: {
    names: ["评论时间", "发布时间", "创建时间", "时间", "Time", "Created at"],
    required: true,
    meaning: "local time → `platformCreatedAt`",
  },
  commentId: {
    names: ["评论ID", "评论id", "评论mid", "Comment ID"],
    required: false,
    meaning: "the comment's id → `nativeId` and the interaction id",
  },
  replyToId: {
    names: ["回复评论ID", "被回复评论ID", "父评论ID", "回复ID", "Reply to ID"],
    required: false,
    meaning: "the comment it answers → `inReplyTo`, kind `reply`",
  },
  postId: {
    names: ["微博ID", "微博id", "微博mid", "原微博ID", "所属微博ID", "Post ID"],
    required: false,
    meaning: "the post commented on → `target`",
  },
  postUrl: { names: ["微博链接", "原微博链接", "Post URL"], required: false, meaning: "→ `target.url`" },
  likes: {
    names: ["点赞数", "点赞", "赞", "Likes"],
    required: false,
    meaning: "kept in `raw` (the model has no count of a comment's likes)",
  },
};

/** Options of {@link mapWeiboComments}. */
export interface MapWeiboCommentsOptions {
  /** The brand's Weibo uid: ids are `weibo:<account>:comment:…` as the Weibo adapter makes them, and its own rows are `out`. */
  readonly account: string;
  /** The channel the comments belong to. */
  readonly channelId: string;
  /** When the export was made (`receivedAt` of every item); default each comment's own time. */
  readonly receivedAt?: Instant;
  /** Zone of the export's local times; default `"Asia/Shanghai"`. */
  readonly timeZone?: TimeZone;
  readonly delimiter?: "," | "\t" | ";" | "|";
  readonly encoding?: CsvEncoding;
}

/** Schema of {@link MapWeiboCommentsOptions}. */
export const MapWeiboCommentsOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    account: IdSchema,
    channelId: ChannelIdSchema,
    receivedAt: z.optional(InstantSchema),
    ...exportOptionsShape(),
  }))();

const MAX_TEXT = 100_000;
const MAX_URL = 2048;

/** An id cell as core's IdSchema wants it (checked by hand: one regex instead of a zod parse per row). */
const ID = /^[^\u0000-\u001f\u007f]{1,256}$/;

/** An id cell: 1–256 characters with no control character, or an error naming it. */
function idOf(value: string, row: number, column: string): RowError | null {
  return ID.test(value)
    ? null
    : {
        row,
        column,
        rule: "invalid_id",
        message: `row ${row}, ${column}: an id must be 1–256 characters without control characters`,
      };
}

/**
 * Maps a Weibo comments export to `Interaction` values of \@ops/interaction: kind `comment`,
 * or `reply` when the row names the comment it answers; direction `out` for the brand's own
 * rows (评论者ID = `account`), `in` otherwise; `visibility: "public"`; `content.text` the
 * comment, `content.hashtags` its Weibo topics (`#话题#`, at most 100); `raw` the row by header name.
 *
 * Ids are deterministic from the row: with a 评论ID column, `weibo:<account>:comment:<评论ID>`
 * — the id the Weibo adapter gives the same comment, so an export and webhooks merge;
 * without one, `weibo:<account>:comment:x1-<FNV-1a 64 hex>` of the commenter's uid, the
 * instant (epoch ms), the post id and the text, separated by U+0000 — what a re-export of
 * the same comment keeps (the like count and nickname change, so they are left out). A row
 * with an id seen before is skipped as `duplicate_row` (overlapping exports).
 *
 * @param text - the CSV text or bytes
 * @param options - `account`, `channelId` (required), `receivedAt`, `timeZone` (default Asia/Shanghai), `delimiter`, `encoding`
 * @returns the interactions, row errors, skipped rows, columns
 * @throws {OpsError} `invalid_argument` when no header row has 评论内容, 评论者ID and 评论时间 (the message lists the columns found), for bad bytes or options; `out_of_range` beyond the limits
 *
 * @example
 * ```ts
 * import { mapWeiboComments } from "@ops/ingest";
 * const csv = "评论ID,评论者ID,评论者昵称,评论内容,评论时间,点赞数\n" +
 *   '4934811,2803301701,小鹿,"这个色号适合黄皮吗？",2026-11-03 21:15:07,"1,024"\n';
 * const { items } = mapWeiboComments(csv, { account: "1669879400", channelId: "ch_weibo" });
 * [items[0]?.id, items[0]?.kind, items[0]?.direction, items[0]?.platformCreatedAt];
 * // => ["weibo:1669879400:comment:4934811", "comment", "in", 1793711707000]
 * ```
 */
export function mapWeiboComments(
  text: string | Uint8Array,
  options: MapWeiboCommentsOptions,
): MappedExport<Interaction, WeiboCommentField> {
  const fn = "mapWeiboComments";
  const { table, zone, errors, opts } = openExport(
    text,
    options,
    MapWeiboCommentsOptionsSchema,
    WEIBO_COMMENT_COLUMNS,
    fn,
  );
  const { columns } = table;
  const instantOf = instantReader(zone);
  const account = opts.account;
  const skipped: SkippedRow[] = [...table.skipped];
  const items: Interaction[] = [];
  const seen = new Set<string>();
  for (const r of table.rows) {
    if (isTotalLabel(r.cell("createdAt"))) {
      skipped.push({ row: r.row, rule: "total_row" });
      continue;
    }
    const rowErrors: RowError[] = [];
    const body = r.cell("text") ?? "";
    if (body.length > MAX_TEXT)
      rowErrors.push({
        row: r.row,
        column: columns.text ?? null,
        rule: "too_long",
        message: `row ${r.row}, ${columns.text}: the text has ${body.length} characters, at most ${MAX_TEXT}`,
      });
    const userId = r.cell("userId") ?? "";
    const at = instantOf(r.cell("createdAt"), r.row, columns.createdAt as string);
    if (!at.ok) rowErrors.push(at.error);
    const ids: Partial<Record<"userId" | "commentId" | "replyToId" | "postId", string>> = {};
    for (const f of ["userId", "commentId", "replyToId", "postId"] as const) {
      const v = r.cell(f);
      if (v === undefined || (v === "" && f !== "userId")) continue;
      if (v === "") {
        rowErrors.push({
          row: r.row,
          column: columns.userId ?? null,
          rule: "missing_value",
          message: `row ${r.row}, ${columns.userId}: the commenter's id is required, the cell is empty`,
        });
        continue;
      }
      const bad = idOf(v, r.row, columns[f] as string);
      if (bad !== null) rowErrors.push(bad);
      else ids[f] = v;
    }
    const url = r.cell("postUrl") ?? "";
    if (url.length > MAX_URL)
      rowErrors.push({
        row: r.row,
        column: columns.postUrl ?? null,
        rule: "too_long",
        message: `row ${r.row}, ${columns.postUrl}: the link has ${url.length} characters, at most ${MAX_URL}`,
      });
    if (rowErrors.length > 0 || !at.ok) {
      errors.push(...rowErrors);
      continue;
    }
    const native = ids.commentId ?? `x1-${fnv1a64([userId, String(at.value), ids.postId ?? "", body].join("\u0000"))}`;
    const id = `weibo:${account}:comment:${native}` as InteractionId;
    const parent =
      ids.replyToId === undefined ? undefined : (`weibo:${account}:comment:${ids.replyToId}` as InteractionId);
    if (id.length > 256 || (parent?.length ?? 0) > 256) {
      errors.push({
        row: r.row,
        column: columns.commentId ?? null,
        rule: "invalid_id",
        message: `row ${r.row}, ${columns.commentId}: an interaction id would exceed 256 characters`,
      });
      continue;
    }
    if (seen.has(id)) {
      skipped.push({ row: r.row, rule: "duplicate_row" });
      continue;
    }
    seen.add(id);
    const target =
      ids.postId !== undefined
        ? { target: { type: "post" as const, id: ids.postId, ...(url !== "" ? { url } : {}) } }
        : {};
    items.push({
      id,
      channelId: opts.channelId,
      kind: ids.replyToId === undefined ? "comment" : "reply",
      direction: userId === account ? "out" : "in",
      visibility: "public",
      actor: { platform: "weibo", scope: "", userId },
      ...(parent !== undefined ? { inReplyTo: parent } : {}),
      ...target,
      content: { text: body, media: [], hashtags: topicsOf(body) },
      ...(ids.commentId !== undefined ? { nativeId: ids.commentId } : {}),
      platformCreatedAt: at.value,
      receivedAt: opts.receivedAt ?? at.value,
      raw: r.record,
    });
  }
  sortErrors(errors, table.header);
  skipped.sort((a, b) => a.row - b.row);
  return { items, errors, skipped, columns };
}

/** Weibo topics of a text: `#话题#` (between two `#`, 1–256 characters, no line break), at most 100, first occurrence kept. */
function topicsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/#([^#\n]{1,256})#/g)) {
    const topic = (m[1] as string).trim();
    if (topic !== "" && !out.includes(topic)) out.push(topic);
    if (out.length === 100) break;
  }
  return out;
}
