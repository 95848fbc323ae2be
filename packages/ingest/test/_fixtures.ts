// Realistic exports, as an analyst downloads them: UTF-8 BOM, CRLF, Chinese headers,
// thousands separators in quoted cells, local Beijing times without an offset, a blank
// trailing line. The figures are invented; the shapes follow the WeChat Official Accounts
// back office (数据分析 → 内容分析 / 用户分析) and a Weibo comments export, whose exact headers
// are not published (see the README's "unconfirmed" notes).

const BOM = "\uFEFF";
const crlf = (lines: readonly string[]): string => `${BOM}${lines.join("\r\n")}\r\n\r\n`;

/** 图文分析: three articles and a 合计 row. */
export const WECHAT_ARTICLES = crlf([
  "标题,发表时间,送达人数,阅读人数,阅读次数,分享人数,分享次数,点赞,在看,留言,收藏",
  '"春季新品上市｜敏感肌也能用的洁面",2026-03-09 20:30:00,"128,524","12,804","15,120",210,260,320,85,41,97',
  '"答读者问：""黄皮""怎么选色号？",2026-03-11 12:05,"128,610","9,731","11,002",95,118,188,40,66,52',
  '周末福利｜抽 3 位送 500 元券,2026/3/13 18:00,"128,702","20,455","26,907",1301,1622,702,233,512,140',
  '合计,-,"385,836","42,990","53,029",1606,2000,1210,358,619,289',
]);

/** 用户增长 (daily), newest first as the back office lists it. */
export const WECHAT_FOLLOWERS = crlf([
  "日期,新关注人数,取消关注人数,净增关注人数,累积关注人数",
  '2026-03-15,"1,204",310,894,"131,042"',
  '2026-03-14,530,122,408,"130,148"',
  '2026-03-13,610,98,512,"129,740"',
  '2026-03-12,388,150,238,"129,228"',
  '2026-03-11,401,96,305,"128,990"',
  '2026-03-10,215,114,101,"128,685"',
  '2026-03-09,260,99,161,"128,584"',
]);

/** Weibo comments: a comment with a topic, a brand reply, a quoted comma and a quoted line break. */
export const WEIBO_COMMENTS = crlf([
  "评论ID,微博ID,评论者ID,评论者昵称,评论内容,评论时间,点赞数,回复评论ID",
  '4934811000000001,4934800000000000,2803301701,小鹿,"#春季新品# 这个色号适合黄皮吗？",2026-03-09 21:15:07,"1,024",',
  '4934811000000002,4934800000000000,1669879400,品牌官方,"适合的，黄皮推荐 02 号，日常很自然～",2026-03-09 21:40:00,88,4934811000000001',
  '4934811000000003,4934800000000000,5012345678,"Anna, 上海","包装能不能换成可回收的？\n纸盒就很好",2026-03-10 08:02:31,12,',
]);
