import { v2Key } from "./fixtures/sign";
// The Douyin points that rest on platform pages or on several independent sources (see the
// Douyin section of the package README and the source notes at the top of fixtures/douyin.ts).
import { describe, expect, it } from "vitest";
import { buildThreads, createDouyinAdapter } from "./helpers/index";
import {
  DOUYIN_ACCOUNT,
  DOUYIN_COMMENT,
  DOUYIN_COMMENT_ID,
  DOUYIN_COMMENT_REPLY,
  DOUYIN_DIGG,
  DOUYIN_DIGG_UNDOCUMENTED,
  DOUYIN_DM,
  DOUYIN_GROUP,
  DOUYIN_ITEM_ID,
  DOUYIN_OWN_REPLY,
  DOUYIN_RECALL,
} from "./fixtures/douyin";

const ctx = (account: string) => ({ channelId: "ch_dy" as never, account, receivedAt: 1772933999000 });

describe("createDouyinAdapter", () => {
  const douyin = createDouyinAdapter();

  it("reads comment content as an object (SDK sample) or as a JSON string (as consumers parse it)", () => {
    const top = douyin.parse(DOUYIN_COMMENT, ctx(DOUYIN_ACCOUNT));
    const reply = douyin.parse(DOUYIN_COMMENT_REPLY, ctx(DOUYIN_ACCOUNT));
    expect(top.ok && [top.value[0]?.kind, top.value[0]?.direction]).toEqual(["comment", "in"]);
    expect(
      reply.ok && [
        reply.value[0]?.kind,
        reply.value[0]?.direction,
        reply.value[0]?.platformCreatedAt,
        reply.value[0]?.content?.text,
      ],
    ).toEqual(["reply", "in", 1772933480000, "同求，油皮用着闷不闷？"]);
    expect(douyin.dedupeKey(DOUYIN_COMMENT_REPLY)).toEqual({
      ok: true,
      value: v2Key("douyin", "item_comment_reply", DOUYIN_COMMENT_REPLY),
    });
  });

  it("reads the account's own reply as outbound, so it answers the comment's thread", () => {
    const [a, own] = [DOUYIN_COMMENT, DOUYIN_OWN_REPLY].map((b) => douyin.parse(b, ctx(DOUYIN_ACCOUNT)));
    const mine = own?.ok ? own.value[0] : undefined;
    expect([mine?.kind, mine?.direction, mine?.inReplyTo]).toEqual([
      "reply",
      "out",
      `douyin:${DOUYIN_ACCOUNT}:comment:${DOUYIN_COMMENT_ID}`,
    ]);
    // to_user_id is the authorised account whose video it is: an author equal to it is "out" under any context account
    const other = douyin.parse(DOUYIN_OWN_REPLY, ctx("another-account"));
    expect(other.ok && other.value[0]?.direction).toBe("out");
    const t = buildThreads([...(a?.ok ? a.value : []), ...(own?.ok ? own.value : [])]).threads;
    expect([t.length, t[0]?.firstReplyAt, t[0]?.waitingSince]).toEqual([1, 1772933540000, null]);
  });

  it("reads the like page's sample as a like, and refuses an action_type the page does not list", () => {
    const r = douyin.parse(DOUYIN_DIGG, ctx(DOUYIN_ACCOUNT));
    // "接收用户点赞事件" sample: action_time 1686817996 (seconds), item_id inside the content string
    expect(r.ok && r.value[0]).toMatchObject({
      kind: "like",
      direction: "activity",
      platformCreatedAt: 1686817996000,
      actor: { userId: "5adb9d61-b91a-4382-8252-b0cea8793e35", scope: "awr8bfr64vxgk036" },
      target: {
        type: "post",
        id: "@9VwWjvGUTp9kKW+ma4huFs791WPtO/mAPpx3rg6nL1kRbfn/60zdRmYqig357zEBDoyWkKJYf4Ae9sL0fd9gYw==",
      },
    });
    expect(douyin.parse(DOUYIN_DIGG_UNDOCUMENTED, ctx(DOUYIN_ACCOUNT))).toMatchObject({
      ok: false,
      error: { code: "unknown_event", path: ["content", "action_type"] },
    });
  });

  it("reads a recall whose content holds only server_message_id, targeting the recalled DM", () => {
    const dm = douyin.parse(DOUYIN_DM, ctx(DOUYIN_ACCOUNT));
    const r = douyin.parse(DOUYIN_RECALL, ctx(DOUYIN_ACCOUNT));
    const recall = r.ok ? r.value[0] : undefined;
    // no time in the event: the receipt time stands in
    expect(recall).toMatchObject({
      kind: "recall",
      direction: "activity",
      actor: { userId: "_000f9pF8lTroNtA9pfLjPohf1qIUzLdiWRs" },
      platformCreatedAt: 1772933999000,
    });
    expect(recall?.target).toEqual({ type: "message", id: dm.ok ? dm.value[0]?.nativeId : "?" });
    expect(recall?.conversation).toBeUndefined();
    expect(douyin.dedupeKey(DOUYIN_RECALL)).toEqual({
      ok: true,
      value: v2Key("douyin", "im_recall_msg", DOUYIN_RECALL),
    });
  });

  it("reads a group message (SDK sample) as a group conversation keyed by conversation_short_id", () => {
    const r = douyin.parse(DOUYIN_GROUP, ctx(DOUYIN_ACCOUNT));
    expect(r.ok && r.value[0]).toMatchObject({
      kind: "dm",
      direction: "in",
      platformCreatedAt: 1656671771668,
      conversation: { type: "group" },
      content: { text: "" },
    });
    expect(r.ok && r.value[0]?.recipient).toBeUndefined();
  });

  it("answers a comment on /item/comment/reply/ and a DM with scene im_replay_msg", () => {
    const c = douyin.parse(DOUYIN_COMMENT, ctx(DOUYIN_ACCOUNT));
    const m = douyin.parse(DOUYIN_DM, ctx(DOUYIN_ACCOUNT));
    const comment = c.ok ? c.value[0] : undefined;
    const dm = m.ok ? m.value[0] : undefined;
    // the item.comment path of SKIT's ItemCommentReplyRequest, zhangshuai/douyin-go conf/conf.go and agred/douyin ByteDance/Comment.php
    const reply = douyin.toOutbound({
      surface: "public_reply",
      to: comment!.actor,
      inReplyTo: comment,
      text: "链接已私信~",
    });
    expect(reply.ok && [reply.value.path, JSON.parse(reply.value.body)]).toEqual([
      "/item/comment/reply/",
      { item_id: DOUYIN_ITEM_ID, comment_id: DOUYIN_COMMENT_ID, content: "链接已私信~" },
    ]);
    // the default reply scene as sxwdmjy/dy-java dy-java-web/…/domain/query/SendMsgQuery.java documents it
    const msg = douyin.toOutbound({ surface: "message", to: dm!.actor, inReplyTo: dm, text: "油皮可以用哦" });
    expect(msg.ok && (JSON.parse(msg.value.body) as { scene: string }).scene).toBe("im_replay_msg");
  });

  it("gives a DM reply 24 hours, the validity of the msg_id it names", () => {
    const m = douyin.parse(DOUYIN_DM, ctx(DOUYIN_ACCOUNT));
    const thread = buildThreads(m.ok ? m.value : []).threads[0]!;
    const at = 1772933400123;
    expect(douyin.replyPolicy(thread, at + 24 * 3_600_000 - 1)).toMatchObject({
      allowed: true,
      until: at + 24 * 3_600_000,
      messagesLeft: null,
    });
    expect(douyin.replyPolicy(thread, at + 24 * 3_600_000).allowed).toBe(false);
  });
});
