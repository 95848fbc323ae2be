import { parseLocalDateTime } from "@ops/core";
import { mapWeiboComments } from "@ops/ingest";
import { buildReplyTree, InteractionSchema } from "@ops/interaction";
import { describe, expect, it } from "vitest";
import { WEIBO_COMMENTS } from "./_fixtures";

const opts = { account: "1669879400", channelId: "ch_weibo" } as const;

describe("mapWeiboComments", () => {
  it("maps comments and the brand's reply to valid interactions", () => {
    const m = mapWeiboComments(WEIBO_COMMENTS, opts);
    expect(m.errors).toEqual([]);
    expect(m.items).toHaveLength(3);
    for (const x of m.items) expect(InteractionSchema.safeParse(x).success).toBe(true);
    const [first, reply, third] = m.items;
    expect(first).toMatchObject({
      id: "weibo:1669879400:comment:4934811000000001",
      nativeId: "4934811000000001",
      kind: "comment",
      direction: "in",
      visibility: "public",
      actor: { platform: "weibo", scope: "", userId: "2803301701" },
      target: { type: "post", id: "4934800000000000" },
      content: { text: "#春季新品# 这个色号适合黄皮吗？", media: [], hashtags: ["春季新品"] },
      platformCreatedAt: parseLocalDateTime("2026-03-09 21:15:07", "Asia/Shanghai"),
    });
    expect(first?.raw).toMatchObject({ 评论者昵称: "小鹿", 点赞数: "1,024" });
    expect(reply).toMatchObject({ kind: "reply", direction: "out", inReplyTo: first?.id });
    expect(third?.content?.text).toBe("包装能不能换成可回收的？\n纸盒就很好");
    // the reply tree of the interaction package threads the export as the adapter's webhooks would
    const tree = buildReplyTree(m.items);
    expect(tree.map((n) => [n.interaction.id, n.children.map((c) => c.interaction.id)])).toEqual([
      [first?.id, [reply?.id]],
      [third?.id, []],
    ]);
  });

  it("derives ids from the row content when there is no 评论ID, the same on a re-export", () => {
    const a = "评论者ID,评论者昵称,评论内容,评论时间,点赞数\n2803301701,小鹿,好看,2026-03-09 21:15,3\n";
    const b = "评论者ID,评论者昵称,评论内容,评论时间,点赞数\n2803301701,小鹿改名了,好看,2026/3/9 21:15:00,30\n";
    const x = mapWeiboComments(a, opts).items[0];
    const y = mapWeiboComments(b, opts).items[0];
    expect(x?.id).toMatch(/^weibo:1669879400:comment:x1-[0-9a-f]{16}$/);
    expect(y?.id).toBe(x?.id); // nickname and like count change between exports, the id does not
    const other = mapWeiboComments(a.replace("好看", "好看！"), opts).items[0];
    expect(other?.id).not.toBe(x?.id);
    expect(x?.nativeId).toBeUndefined();
  });

  it("skips a comment exported twice (overlapping exports) by name", () => {
    const lines = WEIBO_COMMENTS.split("\r\n");
    const twice = [...lines.slice(0, 3), lines[1], ...lines.slice(3)].join("\r\n");
    const m = mapWeiboComments(twice, opts);
    expect(m.items).toHaveLength(3);
    expect(m.skipped).toContainEqual({ row: 4, rule: "duplicate_row" });
  });

  it("uses receivedAt when given, else each comment's own time", () => {
    const at = Date.parse("2026-03-16T02:00:00Z");
    const m = mapWeiboComments(WEIBO_COMMENTS, { ...opts, receivedAt: at });
    expect(m.items.every((x) => x.receivedAt === at)).toBe(true);
    expect(mapWeiboComments(WEIBO_COMMENTS, opts).items[0]?.receivedAt).toBe(m.items[0]?.platformCreatedAt);
  });

  it("names the row and column of a bad time, a missing commenter and an id with a control character", () => {
    const m = mapWeiboComments(
      "评论ID,评论者ID,评论内容,评论时间\n1,,a,2026-03-09 21:15\n2,u2,b,昨天 21:15\n3\u0007,u3,c,2026-03-09 21:15\n4,u4,d,2026年3月9日 21:15\n",
      opts,
    );
    expect(m.errors.map((e) => [e.row, e.column, e.rule])).toEqual([
      [2, "评论者ID", "missing_value"],
      [3, "评论时间", "invalid_date_time"],
      [4, "评论ID", "invalid_id"],
    ]);
    expect(m.items.map((x) => x.platformCreatedAt)).toEqual([parseLocalDateTime("2026-03-09 21:15", "Asia/Shanghai")]);
  });

  it("refuses a too long text with a row error", () => {
    const m = mapWeiboComments(`评论者ID,评论内容,评论时间\nu1,${"长".repeat(100_001)},2026-03-09 21:15\n`, opts);
    expect(m.errors.map((e) => [e.row, e.column, e.rule])).toEqual([[2, "评论内容", "too_long"]]);
  });

  it("requires account and channelId, and the three required columns", () => {
    expect(() => mapWeiboComments(WEIBO_COMMENTS, { channelId: "c" } as never)).toThrow(/account/);
    expect(() => mapWeiboComments("评论内容,评论时间\na,2026-03-09\n", opts)).toThrow(/评论者ID/);
  });
});
