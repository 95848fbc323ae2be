/**
 * \@ops/ingest — platform exports in: CSV files from WeChat Official Accounts and Weibo
 * (Chinese column names, BOM, thousands separators, local Beijing times) mapped to the
 * inputs of \@ops/metrics and \@ops/interaction, with per-row typed errors.
 *
 * @packageDocumentation
 */
export type { ColumnDictionary, ColumnSpec } from "./csv/ColumnDictionary";
export { MAX_CSV_CHARS, MAX_CSV_ROWS } from "./csv/limits";
export type { CsvEncoding } from "./csv/limits";
export type { MappedExport } from "./csv/MappedExport";
export { parseCsv } from "./csv/parseCsv";
export type { CsvRow, CsvTable, ParseCsvOptions } from "./csv/parseCsv";
export type { RowError, RowErrorRule, SkippedRow, SkipRule } from "./csv/RowError";
export { parseExportNumber } from "./number/parseExportNumber";
export type { ExportNumberFailure } from "./number/parseExportNumber";
export { mapWechatArticles, WECHAT_ARTICLE_COLUMNS } from "./wechat/mapWechatArticles";
export type { MapWechatArticlesOptions, WechatArticle, WechatArticleField } from "./wechat/mapWechatArticles";
export { mapWechatFollowers, WECHAT_FOLLOWER_COLUMNS } from "./wechat/mapWechatFollowers";
export type { MapWechatFollowersOptions, WechatFollowerDay, WechatFollowerField } from "./wechat/mapWechatFollowers";
export { mapWeiboComments, WEIBO_COMMENT_COLUMNS } from "./weibo/mapWeiboComments";
export type { MapWeiboCommentsOptions, WeiboCommentField } from "./weibo/mapWeiboComments";
