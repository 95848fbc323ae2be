import { describe, expect, it } from "vitest";
import { createHash, createHmac } from "node:crypto";
import {
  buildThreads,
  createDouyinAdapter,
  createInstagramAdapter,
  createWechatOaAdapter,
  createWeiboAdapter,
  createXAdapter,
  handleWebhook,
  runAdapterConformance,
} from "./helpers/index";
import { ADAPTERS } from "./fixtures/index";
import { v2Key } from "./fixtures/sign";
import {
  DOUYIN_ACCOUNT,
  DOUYIN_COMMENT,
  DOUYIN_COMMENT_ID,
  DOUYIN_COMMENT_REPLY,
  DOUYIN_DM,
  DOUYIN_ITEM_ID,
} from "./fixtures/douyin";
import { IG_ACCOUNT, IG_COMMENTS, IG_MESSAGES } from "./fixtures/instagram";
import {
  signedUrl,
  WECHAT_ACCOUNT,
  WECHAT_CLICK,
  WECHAT_SUBSCRIBE,
  WECHAT_TEXT,
  WECHAT_TOKEN,
} from "./fixtures/wechat";
import { WEIBO_COMMENT_MENTION, WEIBO_COMMENTS, WEIBO_MENTION, WEIBO_TEXT } from "./fixtures/weibo";
import { X_ACCOUNT, X_ACTIVITY, X_SECRET } from "./fixtures/x";

describe("runAdapterConformance", () => {
  it.each(ADAPTERS)("passes for the %s reference adapter on its fixtures", (_name, adapter, fixtures) => {
    const report = runAdapterConformance(adapter, fixtures);
    expect(report.failures).toEqual([]);
    expect(report.passed).toBe(true);
    expect(report.checks.length).toBeGreaterThan(fixtures.length * 2);
  });

  it("reports a broken adapter instead of throwing", () => {
    const good = createWeiboAdapter();
    const broken = {
      ...good,
      parse: () => {
        throw new TypeError("boom");
      },
      dedupeKey: () => ({ ok: true as const, value: String(Math.random()) }),
    };
    const report = runAdapterConformance(broken, ADAPTERS[1]![2]);
    expect(report.passed).toBe(false);
    expect(report.failures.map((f) => f.id)).toContain("parse.expected");
    expect(report.failures.map((f) => f.id)).toContain("dedupeKey.deterministic");
    expect(report.failures.find((f) => f.id === "robust.hostile_input")?.message).toMatch(/threw TypeError: boom/);
  });
});

const ctx = (channelId: string, account: string) => ({
  channelId: channelId as never,
  account,
  receivedAt: 1772933999000,
});

describe("createWechatOaAdapter", () => {
  const wechat = createWechatOaAdapter();
  it("maps a text message to an inbound private dm scoped to the account", () => {
    const r = wechat.parse(WECHAT_TEXT, ctx("ch_wx", WECHAT_ACCOUNT));
    expect(r.ok && r.value[0]).toMatchObject({
      id: `wechat_oa:${WECHAT_ACCOUNT}:msg:24601234567890123`,
      kind: "dm",
      direction: "in",
      visibility: "private",
      actor: { platform: "wechat_oa", scope: WECHAT_ACCOUNT, userId: "oX1y2Z3_openid_A" },
      nativeId: "24601234567890123",
      platformCreatedAt: 1772933400000,
      receivedAt: 1772933999000,
      content: { text: "敏感肌用什么洁面？有没有温和一点的" },
    });
  });

  it("dedupes by the message type and its SHA-256 (key format v2), so that two events of one user in one second stay two", () => {
    expect(wechat.dedupeKey(WECHAT_SUBSCRIBE)).toEqual({
      ok: true,
      value: v2Key("wechat_oa", "event:subscribe", WECHAT_SUBSCRIBE),
    });
    expect(wechat.dedupeKey(WECHAT_TEXT)).toEqual({ ok: true, value: v2Key("wechat_oa", "text", WECHAT_TEXT) });
    // a subscribe and a menu click in the same second: version 1 gave both evt:<user>:<second>
    const click = WECHAT_SUBSCRIBE.replace("<![CDATA[subscribe]]>", "<![CDATA[CLICK]]>");
    const a = wechat.parse(WECHAT_SUBSCRIBE, ctx("ch_wx", WECHAT_ACCOUNT));
    const b = wechat.parse(click, ctx("ch_wx", WECHAT_ACCOUNT));
    expect(a.ok && b.ok && a.value[0]!.id !== b.value[0]!.id).toBe(true);
    expect(wechat.dedupeKey(click)).not.toEqual(wechat.dedupeKey(WECHAT_SUBSCRIBE));
  });

  it("opens the 1-minute / 3-message window on a menu click (WeChat announcement 2023-06-12)", () => {
    const r = wechat.parse(WECHAT_CLICK, ctx("ch_wx", WECHAT_ACCOUNT));
    const t = buildThreads(r.ok ? r.value : []).threads[0]!;
    const d = wechat.replyPolicy(t, 1772933400000 + 30_000);
    expect([d.allowed, d.messagesLeft, d.until]).toEqual([true, 3, 1772933460000]);
    expect(wechat.replyPolicy(t, 1772933460000).allowed).toBe(false);
  });

  it("refuses an encrypted body without an encodingAesKey (see wechatAes.test.ts) and a replayed delivery", () => {
    expect(
      wechat.parse(
        "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><Encrypt><![CDATA[AAAA]]></Encrypt></xml>",
        ctx("ch_wx", WECHAT_ACCOUNT),
      ),
    ).toMatchObject({ ok: false, error: { code: "unsupported" } });
    const req = { method: "POST", url: signedUrl("1772933995"), headers: {}, body: WECHAT_TEXT };
    const r = handleWebhook(
      wechat,
      req,
      { secret: WECHAT_TOKEN },
      ctx("ch_wx", WECHAT_ACCOUNT),
      new Set([v2Key("wechat_oa", "text", WECHAT_TEXT)]),
    );
    expect(r).toMatchObject({ ok: false, error: { code: "duplicate_delivery" } });
  });

  it("builds a customer-service message and refuses public replies", () => {
    const to = { platform: "wechat_oa", scope: WECHAT_ACCOUNT, userId: "oX1y2Z3_openid_A" };
    const r = wechat.toOutbound({ surface: "message", to, text: "推荐氨基酸洁面，温和不刺激" });
    expect(r.ok && [r.value.path, JSON.parse(r.value.body)]).toEqual([
      "/cgi-bin/message/custom/send",
      { touser: "oX1y2Z3_openid_A", msgtype: "text", text: { content: "推荐氨基酸洁面，温和不刺激" } },
    ]);
    expect(wechat.toOutbound({ surface: "public_reply", to, text: "x" })).toMatchObject({
      ok: false,
      error: { code: "unsupported" },
    });
  });

  it("reads entities and refuses DOCTYPE (no XXE)", () => {
    const withEntity = WECHAT_TEXT.replace("<![CDATA[敏感肌用什么洁面？有没有温和一点的]]>", "a &lt; b &amp; c");
    const r = wechat.parse(withEntity, ctx("ch_wx", WECHAT_ACCOUNT));
    expect(r.ok && r.value[0]?.content?.text).toBe("a < b & c");
    expect(wechat.parse(`<!DOCTYPE x [<!ENTITY e "boom">]>${WECHAT_TEXT}`, ctx("ch_wx", WECHAT_ACCOUNT))).toMatchObject(
      { ok: false, error: { code: "malformed_payload" } },
    );
  });
});

describe("createInstagramAdapter", () => {
  const ig = createInstagramAdapter();
  it("links the brand's reply to the comment and marks it outbound", () => {
    const r = ig.parse(IG_COMMENTS, ctx("ch_ig", IG_ACCOUNT));
    expect(r.ok && r.value.map((x) => [x.kind, x.direction, x.inReplyTo ?? null, x.target?.id])).toEqual([
      ["comment", "in", null, "18000000001"],
      ["reply", "out", `instagram:${IG_ACCOUNT}:comment:17865799348089000`, "18000000001"],
    ]);
  });

  it("turns messaging into an inbound DM, an echoed outbound DM to the user and a like; skips read receipts", () => {
    const r = ig.parse(IG_MESSAGES, ctx("ch_ig", IG_ACCOUNT));
    expect(r.ok && r.value.map((x) => [x.kind, x.direction, x.recipient?.userId ?? null])).toEqual([
      ["dm", "in", null],
      ["dm", "out", "7200000002"],
      ["like", "activity", null],
    ]);
    const threads = buildThreads(r.ok ? r.value : []).threads;
    expect(threads).toHaveLength(1);
    expect(threads[0]!.firstReplyAt).toBe(1772933560000);
  });

  it("sends a private reply to a comment by comment_id, and a tagged message with HUMAN_AGENT", () => {
    const r = ig.parse(IG_COMMENTS, ctx("ch_ig", IG_ACCOUNT));
    const comment = r.ok ? r.value[0]! : undefined;
    const pr = ig.toOutbound({
      surface: "private_reply",
      to: comment!.actor,
      inReplyTo: comment,
      text: "Sent you the shade guide!",
    });
    expect(pr.ok && JSON.parse(pr.value.body)).toEqual({
      recipient: { comment_id: "17865799348089000" },
      message: { text: "Sent you the shade guide!" },
    });
    const tagged = ig.toOutbound({ surface: "message", to: comment!.actor, text: "Following up", tag: "HUMAN_AGENT" });
    expect(tagged.ok && JSON.parse(tagged.value.body)).toMatchObject({
      messaging_type: "MESSAGE_TAG",
      tag: "HUMAN_AGENT",
    });
  });

  it("needs the verify token for the handshake and refuses a wrong one", () => {
    const req = {
      method: "GET",
      url: "/h?hub.mode=subscribe&hub.challenge=42&hub.verify_token=nope",
      headers: {},
      body: "",
    };
    expect(ig.verify(req, { secret: "s" })).toMatchObject({ ok: false, error: { code: "invalid_request" } });
    expect(ig.verify(req, { secret: "s", verifyToken: "ops-verify-2026" })).toMatchObject({
      ok: false,
      error: { code: "bad_signature" },
    });
  });
});

describe("the adapter kit's boundary (every reference adapter)", () => {
  it.each(ADAPTERS)(
    "refuses a %s request, secret or draft that breaks its schema as invalid_request, naming the field",
    (_name, adapter) => {
      expect(adapter.verify({ method: "", url: "/h", headers: {}, body: "" }, { secret: "s" })).toEqual({
        ok: false,
        error: {
          code: "invalid_request",
          path: ["request", "method"],
          message: "request.method must have at least 1 character",
        },
      });
      expect(adapter.verify(null as never, { secret: "s" })).toEqual({
        ok: false,
        error: { code: "invalid_request", path: ["request"], message: "request must be an object" },
      });
      expect(adapter.verify({ method: "POST", url: "/h", headers: {}, body: "" }, { secret: "" })).toEqual({
        ok: false,
        error: {
          code: "invalid_request",
          path: ["secret", "secret"],
          message: "secret.secret must be the non-empty shared secret",
        },
      });
      const to = { platform: adapter.platform, scope: "", userId: "u1" };
      expect(adapter.toOutbound({ surface: "message", to, text: "" })).toEqual({
        ok: false,
        error: { code: "invalid_request", path: ["draft", "text"], message: "draft.text must be non-empty text" },
      });
      expect(adapter.toOutbound({ surface: "sms" as never, to, text: "hi" })).toEqual({
        ok: false,
        error: {
          code: "invalid_request",
          path: ["draft", "surface"],
          message: 'draft.surface must be one of "message", "private_reply", "public_reply"',
        },
      });
    },
  );
});

describe("createXAdapter", () => {
  const x = createXAdapter();
  it("answers the CRC with sha256=base64(HMAC-SHA256(consumer secret, crc_token))", () => {
    const r = x.verify(
      { method: "GET", url: "/x?crc_token=9b4507b3-9040-4669-9ca3-6b94edb50553", headers: {}, body: "" },
      { secret: X_SECRET },
    );
    // node:crypto createHmac("sha256", secret).update(token).digest("base64") — X docs' reference code
    const expected = `sha256=${createHmac("sha256", X_SECRET).update("9b4507b3-9040-4669-9ca3-6b94edb50553").digest("base64")}`;
    expect(r.ok && r.value.kind === "challenge" && JSON.parse(r.value.response.body)).toEqual({
      response_token: expected,
    });
  });

  it("reads replies through referenced_tweets, conversation_id as target, and DMs", () => {
    const r = x.parse(X_ACTIVITY, ctx("ch_x", X_ACCOUNT));
    const [reply, mention, like, follow, dm] = r.ok ? r.value : [];
    expect([reply?.inReplyTo, reply?.target?.id, reply?.platformCreatedAt]).toEqual([
      `x:${X_ACCOUNT}:post:1897000000000000001`,
      "1897000000000000001",
      Date.UTC(2026, 2, 8, 1, 30),
    ]);
    expect([mention?.actor.userId, mention?.platformCreatedAt]).toEqual(["1500000000000000009", 1772933460000]);
    expect([like?.target?.id, follow?.actor.userId, dm?.content?.text]).toEqual([
      "1897000000000000001",
      "1500000000000000007",
      "My order #4411 arrived damaged",
    ]);
  });

  it("skips the account's own original posts and refuses private replies", () => {
    const own = JSON.stringify({
      for_user_id: X_ACCOUNT,
      tweet_create_events: [
        { id: "1", text: "New drop!", author_id: X_ACCOUNT, created_at: "2026-03-08T01:00:00.000Z" },
      ],
    });
    expect(x.parse(own, ctx("ch_x", X_ACCOUNT))).toEqual({ ok: true, value: [] });
    expect(x.toOutbound({ surface: "private_reply", to: { platform: "x", userId: "1" }, text: "hi" })).toMatchObject({
      ok: false,
      error: { code: "unsupported" },
    });
  });
});

describe("createDouyinAdapter", () => {
  const douyin = createDouyinAdapter();
  it("keeps the conversation id and millisecond time of a DM", () => {
    const r = douyin.parse(DOUYIN_DM, ctx("ch_dy", DOUYIN_ACCOUNT));
    expect(r.ok && r.value[0]).toMatchObject({
      kind: "dm",
      platformCreatedAt: 1772933400123,
      conversation: { type: "dm" },
      actor: { scope: "awr8bfr64vxgk036" },
      content: { text: "这款防晒油皮能用吗？" },
    });
  });

  it("reads a top-level comment (empty reply_to_comment_id) and answers it with item_id, comment_id, content", () => {
    const r = douyin.parse(DOUYIN_COMMENT, ctx("ch_dy", DOUYIN_ACCOUNT));
    const c = r.ok ? r.value[0]! : undefined;
    expect([c?.kind, c?.platformCreatedAt, c?.content?.text, c?.target, c?.inReplyTo]).toEqual([
      "comment",
      1772933420000,
      "求链接！",
      { type: "post", id: DOUYIN_ITEM_ID },
      undefined,
    ]);
    const out = douyin.toOutbound({ surface: "public_reply", to: c!.actor, inReplyTo: c, text: "链接已私信~" });
    // body of POST /item/comment/reply/ as in the SDK's ItemCommentReplyRequest (open_id goes in the query)
    expect(out.ok && [out.value.path, JSON.parse(out.value.body)]).toEqual([
      "/item/comment/reply/",
      { item_id: DOUYIN_ITEM_ID, comment_id: DOUYIN_COMMENT_ID, content: "链接已私信~" },
    ]);
  });

  it("links a reply to the comment named by reply_to_comment_id, and threads both together", () => {
    const a = douyin.parse(DOUYIN_COMMENT, ctx("ch_dy", DOUYIN_ACCOUNT));
    const b = douyin.parse(DOUYIN_COMMENT_REPLY, ctx("ch_dy", DOUYIN_ACCOUNT));
    const reply = b.ok ? b.value[0]! : undefined;
    expect([reply?.kind, reply?.inReplyTo]).toEqual(["reply", a.ok ? a.value[0]!.id : "?"]);
    expect(buildThreads([...(a.ok ? a.value : []), ...(b.ok ? b.value : [])]).threads).toHaveLength(1);
  });

  it("accepts the comment content as a JSON string and create_time in milliseconds", () => {
    const o = JSON.parse(DOUYIN_COMMENT) as { content: Record<string, unknown> };
    const body = JSON.stringify({ ...o, content: JSON.stringify({ ...o.content, create_time: 1772933420000 }) });
    const r = douyin.parse(body, ctx("ch_dy", DOUYIN_ACCOUNT));
    expect(r.ok && [r.value[0]?.kind, r.value[0]?.platformCreatedAt]).toEqual(["comment", 1772933420000]);
  });

  it("answers a DM with the documented /im/send/msg/ body", () => {
    const r = douyin.parse(DOUYIN_DM, ctx("ch_dy", DOUYIN_ACCOUNT));
    const m = r.ok ? r.value[0]! : undefined;
    const out = douyin.toOutbound({ surface: "message", to: m!.actor, inReplyTo: m, text: "油皮可以用哦" });
    // fields of the SDK's IMSendMessageRequest: msg_id = server_message_id, conversation_id = conversation_short_id
    expect(out.ok && [out.value.method, out.value.path, JSON.parse(out.value.body)]).toEqual([
      "POST",
      "/im/send/msg/",
      {
        msg_id: "@7211MqHzC5kqIEgB56229n1ntu80T/MxUH6Wfj32VkdzCNbYrU9MpJSYEVV6/2hK",
        conversation_id: "@4F8A0vXKXctkaiPzY485F6f81WSGOvmFOJB3rwivKFMQaPT00HDnemIujgn96zUF",
        to_user_id: "_000f9pF8lTroNtA9pfLjPohf1qIUzLdiWRs",
        scene: "im_replay_msg",
        content: { msg_type: 1, text: { text: "油皮可以用哦" } },
      },
    ]);
  });

  it("checks the signature as sha1(client_secret + body), over the doc's verify_webhook body", () => {
    const body = '{"event":"verify_webhook","client_key":"abc","content":{"challenge":12345}}';
    const sig = createHash("sha1").update(`s3cret${body}`).digest("hex");
    expect(
      douyin.verify({ method: "POST", url: "/dy", headers: { "X-Douyin-Signature": sig }, body }, { secret: "s3cret" }),
    ).toMatchObject({ ok: true, value: { kind: "challenge", response: { body: '{"challenge":12345}' } } });
    expect(
      douyin.verify({ method: "POST", url: "/dy", headers: { "X-Douyin-Signature": sig }, body }, { secret: "other" }),
    ).toMatchObject({ ok: false, error: { code: "bad_signature" } });
  });
});

describe("createWeiboAdapter", () => {
  const weibo = createWeiboAdapter();
  it("parses Weibo's created_at with its offset", () => {
    const r = weibo.parse(WEIBO_TEXT, ctx("ch_wb", "1902538057"));
    // "Sun Mar 08 09:30:00 +0800 2026" = 2026-03-08T01:30:00Z
    expect(r.ok && r.value[0]?.platformCreatedAt).toBe(Date.UTC(2026, 2, 8, 1, 30));
  });

  it("reads what a mention is about from data.subtype and data.key", () => {
    const post = weibo.parse(WEIBO_MENTION, ctx("ch_wb", "1902538057"));
    const inComment = weibo.parse(WEIBO_COMMENT_MENTION, ctx("ch_wb", "1902538057"));
    expect(
      post.ok && [post.value[0]?.kind, post.value[0]?.target, post.value[0]?.nativeId, post.value[0]?.actor.userId],
    ).toEqual(["mention", { type: "post", id: "4934805550000001" }, "4934805550000001", "2489518279"]);
    expect(inComment.ok && inComment.value[0]?.target).toEqual({ type: "comment", id: "4934805550000099" });
  });

  it("answers a mention in a post with comments/create on that post", () => {
    const r = weibo.parse(WEIBO_MENTION, ctx("ch_wb", "1902538057"));
    const m = r.ok ? r.value[0]! : undefined;
    const out = weibo.toOutbound({ surface: "public_reply", to: m!.actor, inReplyTo: m, text: "下周上新，敬请期待" });
    expect(out.ok && [out.value.path, Object.fromEntries(new URLSearchParams(out.value.body))]).toEqual([
      "/2/comments/create.json",
      { id: "4934805550000001", comment: "下周上新，敬请期待" },
    ]);
    const c = weibo.parse(WEIBO_COMMENT_MENTION, ctx("ch_wb", "1902538057"));
    expect(
      weibo.toOutbound({ surface: "public_reply", to: m!.actor, inReplyTo: c.ok ? c.value[0] : undefined, text: "hi" }),
    ).toMatchObject({ ok: false, error: { code: "missing_field" } });
  });

  it("checks a push's query signature like the URL check", () => {
    const sig = createHash("sha1").update(["xyz123xyz", "1772933400000", "57155157"].sort().join("")).digest("hex");
    const req = (s: string) => ({
      method: "POST",
      url: `/weibo?signature=${s}&timestamp=1772933400000&nonce=57155157`,
      headers: {},
      body: WEIBO_TEXT,
    });
    expect(weibo.verify(req(sig), { secret: "xyz123xyz" })).toEqual({ ok: true, value: { kind: "delivery" } });
    expect(
      weibo.verify(req(sig.replace(/^./, (ch) => (ch === "0" ? "1" : "0"))), { secret: "xyz123xyz" }),
    ).toMatchObject({ ok: false, error: { code: "bad_signature" } });
  });

  it("threads a comments page and replies publicly with cid and status id", () => {
    const r = weibo.parse(WEIBO_COMMENTS, ctx("ch_wb", "1902538057"));
    const list = r.ok ? r.value : [];
    const t = buildThreads(list).threads;
    expect(t).toHaveLength(1);
    expect(t[0]!.firstReplyAt).toBe(Date.UTC(2026, 2, 8, 2, 5));
    const out = weibo.toOutbound({ surface: "public_reply", to: list[0]!.actor, inReplyTo: list[0], text: "感谢关注" });
    expect(out.ok && Object.fromEntries(new URLSearchParams(out.value.body))).toEqual({
      cid: "4934811234567001",
      id: "4934800000000001",
      comment: "感谢关注",
    });
  });

  it("fails a comments page naming an item it cannot read, rather than dropping it", () => {
    const page = JSON.parse(WEIBO_COMMENTS) as { comments: Record<string, unknown>[] };
    const broken = JSON.stringify({
      ...page,
      comments: [...page.comments, { ...page.comments[0], created_at: "yesterday" }],
    });
    expect(weibo.parse(broken, ctx("ch_wb", "1902538057"))).toMatchObject({
      ok: false,
      error: { code: "missing_field", path: ["comments", page.comments.length] },
    });
    expect(weibo.parse(JSON.stringify({ comments: [null] }), ctx("ch_wb", "1902538057"))).toMatchObject({
      ok: false,
      error: { code: "missing_field", path: ["comments", 0] },
    });
  });
});

describe("handleWebhook", () => {
  const douyin = createDouyinAdapter();
  const context = { channelId: "ch_dy" as never, account: DOUYIN_ACCOUNT, receivedAt: 1772933999000 };
  const sign = (body: string) => ({
    method: "POST",
    url: "/dy",
    headers: { "X-Douyin-Signature": createHash("sha1").update(`s3cret${body}`).digest("hex") },
    body,
  });

  it("answers the handshake, then accepts a new delivery and refuses its replay", () => {
    const challenge = handleWebhook(
      douyin,
      sign(JSON.stringify({ event: "verify_webhook", content: { challenge: 7 } })),
      { secret: "s3cret" },
      context,
    );
    expect(challenge.ok && challenge.value.kind === "challenge" && challenge.value.response.body).toBe(
      '{"challenge":7}',
    );
    const first = handleWebhook(douyin, sign(DOUYIN_DM), { secret: "s3cret" }, context);
    expect(first.ok && first.value.kind === "delivery" && first.value.interactions.length).toBe(1);
    const key = first.ok && first.value.kind === "delivery" ? first.value.key : "";
    expect(handleWebhook(douyin, sign(DOUYIN_DM), { secret: "s3cret" }, context, new Set([key]))).toMatchObject({
      ok: false,
      error: { code: "duplicate_delivery" },
    });
  });

  it("passes parse failures through as typed values", () => {
    expect(handleWebhook(douyin, sign("{not json"), { secret: "s3cret" }, context)).toMatchObject({
      ok: false,
      error: { code: "malformed_payload" },
    });
  });
});
