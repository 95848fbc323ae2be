/**
 * \@ops/ingest/schemas — the zod schemas of every options object of \@ops/ingest, for callers that
 * validate options (from a config file, a form) before they call. The functions check their
 * options themselves; the root entry keeps the data schemas users validate input with.
 *
 * @module schemas
 */
export { ParseCsvOptionsSchema } from "./csv/parseCsv";
export { MapWechatArticlesOptionsSchema } from "./wechat/mapWechatArticles";
export { MapWechatFollowersOptionsSchema } from "./wechat/mapWechatFollowers";
export { MapWeiboCommentsOptionsSchema } from "./weibo/mapWeiboComments";
