import type { TimeZone } from "@ops/core";
import type { PostMetrics, ReadRateInput } from "@ops/metrics";
import * as z from "zod/mini";
import { countCell, instantReader } from "../_lib/cells";
import { isTotalLabel, sortErrors } from "../_lib/header";
import { exportOptionsShape, openExport } from "../_lib/openExport";
import type { CsvEncoding } from "../csv/limits";
import type { ColumnDictionary } from "../csv/ColumnDictionary";
import type { MappedExport } from "../csv/MappedExport";
import type { RowError, SkippedRow } from "../csv/RowError";

/** The fields {@link mapWechatArticles} reads. */
export type WechatArticleField =
  | "title"
  | "publishedAt"
  | "targetUsers"
  | "readers"
  | "reads"
  | "likes"
  | "wows"
  | "comments"
  | "shares"
  | "saves";

/**
 * Column dictionary of a WeChat Official Account article export (公众号后台 → 数据分析 →
 * 内容分析 / 图文分析, one row per article), Chinese names first, then the English UI's.
 * Names are matched as {@link ColumnDictionary} says; the first name present wins.
 */
export const WECHAT_ARTICLE_COLUMNS: ColumnDictionary<WechatArticleField> = {
  title: { names: ["标题", "文章标题", "图文标题", "内容标题", "Title"], required: true, meaning: "article title" },
  publishedAt: {
    names: ["发表时间", "发布时间", "群发时间", "发送时间", "Publish time", "Published"],
    required: true,
    meaning: "local publish date-time → `publishedAt`",
  },
  targetUsers: {
    names: ["送达人数", "Delivered", "Recipients"],
    required: false,
    meaning: "users the article was delivered to → `read.targetUsers`",
  },
  readers: {
    names: ["阅读人数", "图文阅读人数", "图文页阅读人数", "Readers"],
    required: false,
    meaning: "distinct readers → `post.reach`, `read.readers`",
  },
  reads: {
    names: ["阅读次数", "图文阅读次数", "图文页阅读次数", "阅读量", "阅读数", "Reads", "Views"],
    required: false,
    meaning: "reads (page views) → `post.views`",
  },
  likes: {
    names: ["点赞", "点赞数", "点赞人数", "点赞次数", "赞", "Likes"],
    required: false,
    meaning: "点赞 → `likes`",
  },
  wows: {
    names: ["在看", "在看数", "在看人数", "在看次数", "Wow", "Wows"],
    required: false,
    meaning: "在看 (Wow) → `wows`",
  },
  comments: {
    names: ["留言", "留言数", "留言人数", "留言次数", "评论", "评论数", "Comments"],
    required: false,
    meaning: "留言 → `comments`",
  },
  shares: {
    names: ["分享次数", "分享", "转发次数", "转发", "分享人数", "Shares"],
    required: false,
    meaning: "shares → `shares`",
  },
  saves: {
    names: ["收藏次数", "收藏", "收藏人数", "收藏数", "Favorites", "Saves"],
    required: false,
    meaning: "收藏 → `saves`",
  },
};

/** Options of {@link mapWechatArticles}. */
export interface MapWechatArticlesOptions {
  /** Zone of the export's local times; default `"Asia/Shanghai"` (the WeChat back office's). */
  readonly timeZone?: TimeZone;
  readonly delimiter?: "," | "\t" | ";" | "|";
  readonly encoding?: CsvEncoding;
}

/** One article of the export, as the inputs of `engagementRate` and `readRate` of \@ops/metrics. */
export interface WechatArticle {
  /** Row number in the file. */
  readonly row: number;
  readonly title: string;
  /** Input of `engagementRate`: `reach` = 阅读人数, `views` = 阅读次数, and the engagement figures present. */
  readonly post: PostMetrics;
  /** Input of `readRate` (阅读人数 / 送达人数), or `null` when either column or cell is missing. */
  readonly read: ReadRateInput | null;
}

/** Schema of {@link MapWechatArticlesOptions}. */
export const MapWechatArticlesOptionsSchema = /* @__PURE__ */ (() => z.object(exportOptionsShape()))();

const FIGURES = [
  ["likes", "likes"],
  ["wows", "wows"],
  ["comments", "comments"],
  ["shares", "shares"],
  ["saves", "saves"],
  ["readers", "reach"],
  ["reads", "views"],
] as const;

/**
 * Maps a WeChat Official Account article export (CSV, one row per article) to the post
 * figures `engagementRate` and `readRate` of \@ops/metrics take — 在看 as `wows`, its own
 * engagement kind, so that 点赞 + 在看 + 留言 + 分享 + 收藏 add up to the engagements.
 *
 * Figures go through `parseExportNumber` (`"128,524"`; `""` or `"-"` = missing, left out of
 * `post`, so a missing denominator makes `engagementRate` skip the post instead of dividing
 * by 0); counts must be whole and ≥ 0. `发表时间` is a local time read in `timeZone` by
 * `parseLocalDateTime` of \@ops/core. A 合计 / 总计 / Total row is skipped (`total_row`).
 * The denominator of WeChat's rates is 阅读人数, so call `engagementRate(posts, { denominator: "reach" })`.
 *
 * @param text - the CSV text or bytes
 * @param options - `timeZone` (default Asia/Shanghai), `delimiter`, `encoding`
 * @returns the articles, row errors, skipped rows and the columns used
 * @throws {OpsError} `invalid_argument` when no header row has 标题 and 发表时间 (the message lists the columns found), for bad bytes or options; `out_of_range` beyond `MAX_CSV_CHARS` / `MAX_CSV_ROWS`
 *
 * @example
 * ```ts
 * import { mapWechatArticles } from "@ops/ingest";
 * const csv = "\uFEFF标题,发表时间,送达人数,阅读人数,阅读次数,点赞,在看,留言,分享次数,收藏\r\n" +
 *   '春季新品,2026-03-09 20:30,"52,310","12,804","15,120",320,85,41,260,97\r\n';
 * const { items, errors } = mapWechatArticles(csv);
 * [items[0]?.post, items[0]?.read, errors];
 * // => [{ publishedAt: 1773059400000, likes: 320, wows: 85, comments: 41, shares: 260, saves: 97, reach: 12804, views: 15120 }, { readers: 12804, targetUsers: 52310 }, []]
 * ```
 */
export function mapWechatArticles(
  text: string | Uint8Array,
  options: MapWechatArticlesOptions = {},
): MappedExport<WechatArticle, WechatArticleField> {
  const fn = "mapWechatArticles";
  const { table, zone, errors } = openExport(text, options, MapWechatArticlesOptionsSchema, WECHAT_ARTICLE_COLUMNS, fn);
  const { columns } = table;
  const instantOf = instantReader(zone);
  const skipped: SkippedRow[] = [...table.skipped];
  const items: WechatArticle[] = [];
  for (const r of table.rows) {
    if (isTotalLabel(r.cell("title")) || isTotalLabel(r.cell("publishedAt"))) {
      skipped.push({ row: r.row, rule: "total_row" });
      continue;
    }
    const rowErrors: RowError[] = [];
    const title = r.cell("title") ?? "";
    if (title === "")
      rowErrors.push({
        row: r.row,
        column: columns.title ?? null,
        rule: "missing_value",
        message: `row ${r.row}, ${columns.title}: a title is required, the cell is empty`,
      });
    const at = instantOf(r.cell("publishedAt"), r.row, columns.publishedAt as string);
    if (!at.ok) rowErrors.push(at.error);
    const post: Record<string, number> = {};
    const figures: Partial<Record<WechatArticleField, number>> = {};
    for (const field of ["targetUsers", ...FIGURES.map(([f]) => f)] as const) {
      const c = countCell(r.cell(field), r.row, columns[field], false);
      if (!c.ok) rowErrors.push(c.error);
      else if (c.value !== undefined) figures[field] = c.value;
    }
    if (rowErrors.length > 0 || !at.ok) {
      errors.push(...rowErrors);
      continue;
    }
    for (const [field, key] of FIGURES) if (figures[field] !== undefined) post[key] = figures[field];
    const { readers, targetUsers } = figures;
    items.push({
      row: r.row,
      title,
      post: { publishedAt: at.value, ...post },
      read: readers !== undefined && targetUsers !== undefined ? { readers, targetUsers } : null,
    });
  }
  sortErrors(errors, table.header);
  skipped.sort((a, b) => a.row - b.row);
  return { items, errors, skipped, columns };
}
