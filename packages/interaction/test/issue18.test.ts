// Issue 18, "Wrong today": each case with the platform's own sample where one exists.
import { createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildThreads,
  checkWebhookBody,
  createDouyinAdapter,
  createInstagramAdapter,
  createWechatOaAdapter,
  createWeiboAdapter,
  createXAdapter,
  fromNodeHeaders,
  handleWebhook,
  headerValue,
  InteractionSchema,
  replyPolicy,
  REPLY_WINDOW_POLICIES,
  toActivityStreams,
  WEBHOOK_BODY_LIMITS,
  type PlatformAdapter,
} from "./helpers/index";
import { ADAPTERS } from "./fixtures/index";
import { IG_ACCOUNT, IG_SECRET } from "./fixtures/instagram";
import { WEIBO_TEXT } from "./fixtures/weibo";
import { AAA_REVOKE, X_SECRET, XAA_QUOTE_SAMPLE, XAA_REPLY_SAMPLE, XAA_REPOST_SAMPLE } from "./fixtures/x";
import { v2Key } from "./fixtures/sign";

const ctx = (account: string) => ({ channelId: "ch" as never, account, receivedAt: 1786557700000 });

describe("1. X Activity API post.reply.create / quote / repost (docs samples)", () => {
  const x = createXAdapter();
  it("reads the docs' reply as an inbound reply to the account's post, the quote as a quote, the repost as a repost", () => {
    const parse = (b: string) => {
      const r = x.parse(b, ctx("1111111111111111111"));
      return r.ok
        ? r.value.map((i) => [i.kind, i.direction, i.actor.userId, i.inReplyTo ?? i.target?.id])
        : r.error.code;
    };
    expect(parse(XAA_REPLY_SAMPLE)).toEqual([
      ["reply", "in", "2222222222222222222", "x:1111111111111111111:post:2080761390344937796"],
    ]);
    expect(parse(XAA_QUOTE_SAMPLE)).toEqual([["quote", "in", "2222222222222222222", "2080761390344937796"]]);
    expect(parse(XAA_REPOST_SAMPLE)).toEqual([["repost", "activity", "2222222222222222222", "2080761390344937796"]]);
  });
});

describe("2. dedupe keys and interaction ids (Weibo lost messages)", () => {
  const weibo = createWeiboAdapter();
  const dm2 = WEIBO_TEXT.replace("请问敏感肌可以用这款精华吗", "还有防晒吗");
  const follow = JSON.stringify({
    ...JSON.parse(WEIBO_TEXT),
    type: "event",
    text: "关注事件消息",
    data: { subtype: "follow" },
  });
  it("keeps two DMs, and a follow and a DM, sent by one user in the same second", () => {
    const keys = [WEIBO_TEXT, dm2, follow].map((b) => weibo.dedupeKey(b));
    expect(new Set(keys.map((k) => (k.ok ? k.value : k.error.code))).size).toBe(3);
    const items = [WEIBO_TEXT, dm2, follow].flatMap((b) => {
      const r = weibo.parse(b, ctx("1902538057"));
      return r.ok ? r.value : [];
    });
    expect(new Set(items.map((i) => i.id)).size).toBe(3);
    expect(
      buildThreads(items)
        .threads[0]?.replyWindowEvents.map((e) => e.kind)
        .sort(),
    ).toEqual(["dm", "follow"]);
    expect(weibo.dedupeKey(WEIBO_TEXT)).toEqual({ ok: true, value: v2Key("weibo", "text", WEIBO_TEXT) });
  });

  // fast-check: distinct deliveries never share a key; a retry (the same bytes) gets the same key
  const bodies: Record<string, (a: string, n: number) => string> = {
    weibo: (a, n) => JSON.stringify({ ...JSON.parse(WEIBO_TEXT), text: a, sender_id: n }),
    x: (a, n) =>
      XAA_REPLY_SAMPLE.replace("Great post", a.replace(/["\\]/g, "")).replace("2090000000000000001", String(n)),
    douyin: (a, n) =>
      JSON.stringify({
        event: "im_receive_msg",
        from_user_id: "u",
        to_user_id: "v",
        content: { server_message_id: String(n), create_time: 1, text: a },
      }),
  };
  const adapters: Record<string, PlatformAdapter> = { weibo, x: createXAdapter(), douyin: createDouyinAdapter() };
  it.each(Object.keys(bodies))("%s: distinct deliveries never share a key, a retry gets the same key", (name) => {
    const adapter = adapters[name] as PlatformAdapter;
    const body = bodies[name] as (a: string, n: number) => string;
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.string({ maxLength: 40 }),
        fc.nat(1e9),
        fc.nat(1e9),
        (a, b, n, m) => {
          const [x1, x2] = [body(a, n), body(b, m)];
          const [k1, k2, k1again] = [adapter.dedupeKey(x1), adapter.dedupeKey(x2), adapter.dedupeKey(x1)];
          expect(k1).toEqual(k1again);
          if (k1.ok && k2.ok && x1 !== x2) expect(k1.value).not.toBe(k2.value);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("every reference adapter's key of every fixture delivery is v2 and retry-stable", () => {
    for (const [, adapter, fixtures] of ADAPTERS)
      for (const f of fixtures) {
        const k = adapter.dedupeKey(f.request.body);
        if (k.ok) expect(k.value).toMatch(/^v2:[a-z_]+:[^:]+(:[^:]+)?:[0-9a-f]{64}$/);
        expect(adapter.dedupeKey(f.request.body)).toEqual(k);
      }
  });
});

describe("3. body size and depth limits", () => {
  const huge = `{"object":"instagram","entry":[],"pad":"${"x".repeat(10_000_000)}"}`;
  const deep = `{"object":"instagram","entry":[${"[".repeat(100_000)}${"]".repeat(100_000)}]}`;
  it.each(ADAPTERS.map(([n, a]) => [n, a] as const))(
    "%s refuses 10 MB and 100 000-deep bodies within 1 s",
    (_n, adapter) => {
      for (const body of [huge, deep, `${"<a>".repeat(100_000)}`]) {
        const t = performance.now();
        for (const r of [
          adapter.parse(body, ctx("a")),
          adapter.dedupeKey(body),
          adapter.verify({ method: "POST", url: "/", headers: {}, body }, { secret: "s" }),
        ])
          expect(r.ok).toBe(false);
        expect(performance.now() - t).toBeLessThan(1000);
      }
      expect(adapter.parse(huge, ctx("a"))).toMatchObject({ ok: false, error: { code: "payload_too_large" } });
    },
  );
  it("counts UTF-8 bytes: 400 000 CJK characters are 1.2 MB", () => {
    expect(checkWebhookBody(`"${"字".repeat(400_000)}"`)).toMatchObject({
      ok: false,
      error: { code: "payload_too_large" },
    });
    expect(checkWebhookBody(`"${"字".repeat(300_000)}"`).ok).toBe(true);
    expect(WEBHOOK_BODY_LIMITS).toEqual({ maxBytes: 1_000_000, maxDepth: 64 });
  });
  it("keeps raw serialisable: 64 levels are read, 65 refused", () => {
    expect(checkWebhookBody(`${"[".repeat(64)}${"]".repeat(64)}`).ok).toBe(true);
    expect(checkWebhookBody(`${"[".repeat(65)}${"]".repeat(65)}`).ok).toBe(false);
    expect(
      checkWebhookBody('{"a":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\""}')
        .ok,
    ).toBe(true);
  });
});

describe("4. unknown events are unknown_event whichever step meets them first", () => {
  it("X Account Activity user_event (revoke) and a Meta object: user notification", () => {
    const x = createXAdapter();
    const xr = handleWebhook(
      x,
      {
        method: "POST",
        url: "/x",
        headers: {
          "x-twitter-webhooks-signature": `sha256=${createHmac("sha256", X_SECRET).update(AAA_REVOKE).digest("base64")}`,
        },
        body: AAA_REVOKE,
      },
      { secret: X_SECRET },
      ctx("2244994945"),
    );
    expect(xr).toMatchObject({ ok: false, error: { code: "unknown_event" } });
    const ig = createInstagramAdapter();
    const user = JSON.stringify({
      object: "user",
      entry: [{ id: "1", time: 1, changes: [{ field: "name", value: "x" }] }],
    });
    const sig = `sha256=${createHmac("sha256", IG_SECRET).update(user).digest("hex")}`;
    expect(
      handleWebhook(
        ig,
        { method: "POST", url: "/ig", headers: { "x-hub-signature-256": sig }, body: user },
        { secret: IG_SECRET },
        ctx(IG_ACCOUNT),
      ),
    ).toMatchObject({
      ok: false,
      error: { code: "unknown_event" },
    });
  });
});

describe("5. Instagram comments in the docs' Business Login shape (field and value under entry)", () => {
  // Meta, "Instagram Platform Webhook Notification Examples" (developers.facebook.com/docs/instagram-platform/webhooks/examples), comments payload
  const body = JSON.stringify({
    object: "instagram",
    entry: [
      {
        id: IG_ACCOUNT,
        time: 1772933400,
        field: "comments",
        value: {
          id: "17865799348089039",
          from: { id: "6100000001", username: "mia" },
          text: "Which shade?",
          media: { id: "18000000001", media_product_type: "FEED" },
        },
      },
    ],
  });
  it("reads the comment instead of returning []", () => {
    const r = createInstagramAdapter().parse(body, ctx(IG_ACCOUNT));
    expect(r.ok && r.value.map((i) => [i.kind, i.nativeId, i.target?.id])).toEqual([
      ["comment", "17865799348089039", "18000000001"],
    ]);
  });
  it("fails an entry with nothing in it instead of dropping it, and names the rule of every skip", () => {
    const ig = createInstagramAdapter();
    expect(ig.parse(JSON.stringify({ object: "instagram", entry: [{ id: "1", time: 1 }] }), ctx("1"))).toMatchObject({
      ok: false,
      error: { code: "missing_field" },
    });
    const wechat = createWechatOaAdapter();
    const view =
      "<xml><ToUserName>gh_1</ToUserName><FromUserName>o1</FromUserName><CreateTime>1</CreateTime><MsgType>event</MsgType><Event>VIEW</Event></xml>";
    const r = wechat.parseDelivery?.(view, ctx("gh_1"));
    expect(r?.ok && [r.value.interactions, r.value.skipped.map((s) => s.rule)]).toEqual([[], ["wechat_oa.event.VIEW"]]);
  });
});

describe("6. ids, surrogates, entities and typed errors", () => {
  const user = (userId: string, platform = "x") => ({ platform, scope: "", userId });
  it("toOutbound refuses ids that are not the platform's id syntax", () => {
    expect(createXAdapter().toOutbound({ surface: "message", to: user(".."), text: "hi" })).toMatchObject({
      ok: false,
      error: { code: "invalid_request" },
    });
    expect(createXAdapter().toOutbound({ surface: "message", to: user("2244994945"), text: "hi" })).toMatchObject({
      ok: true,
      value: { path: "/2/dm_conversations/with/2244994945/messages" },
    });
    expect(createWeiboAdapter().toOutbound({ surface: "message", to: user("1/../2", "weibo"), text: "hi" }).ok).toBe(
      false,
    );
  });
  it("converts an interaction whose ids hold lone surrogates, as InteractionSchema accepts it", () => {
    const i = InteractionSchema.parse({
      id: "a\uD800b",
      channelId: "ch\uDC00",
      kind: "reply",
      direction: "in",
      visibility: "public",
      actor: { platform: "x", userId: "\uD800" },
      inReplyTo: "c\uD800",
      platformCreatedAt: 0,
      receivedAt: 0,
    });
    const as = toActivityStreams(i);
    expect(as.id).toBe("urn:ops:interaction:a%ED%A0%80b");
    expect(toActivityStreams({ ...i, id: "a\uD801b" as never }).id).not.toBe(as.id);
  });
  it("decodes only the five XML entities (&constructor; is malformed)", () => {
    const body =
      "<xml><ToUserName>gh_1</ToUserName><FromUserName>o1</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&constructor;</Content><MsgId>1</MsgId></xml>";
    expect(createWechatOaAdapter().parse(body, ctx("gh_1"))).toMatchObject({
      ok: false,
      error: { code: "malformed_payload" },
    });
  });
  it("refuses null options, a null context and a non-adapter with OpsError, not TypeError", () => {
    for (const f of [
      createDouyinAdapter,
      createInstagramAdapter,
      createWeiboAdapter,
      createXAdapter,
      createWechatOaAdapter,
    ])
      expect(() => f(null as never)).toThrow(expect.objectContaining({ code: "invalid_argument" }));
    const req = { method: "POST", url: "/", headers: {}, body: "{}" };
    expect(() => handleWebhook(createWeiboAdapter(), req, { secret: "s" }, null as never)).toThrow(
      expect.objectContaining({ code: "invalid_argument" }),
    );
    expect(() => handleWebhook(null as never, req, { secret: "s" }, ctx("a"))).toThrow(
      expect.objectContaining({ code: "invalid_argument" }),
    );
    expect(createWeiboAdapter().parse("{}", null as never)).toMatchObject({
      ok: false,
      error: { code: "invalid_request" },
    });
  });
});

describe("toolkit", () => {
  it("looks headers up in any case and converts Node's IncomingHttpHeaders", () => {
    const h = fromNodeHeaders({ "X-Hub-Signature-256": "sha256=1", "set-cookie": ["a=1", "b=2"], host: undefined });
    expect(h).toEqual({ "X-Hub-Signature-256": "sha256=1", "set-cookie": "a=1, b=2" });
    expect(headerValue(h, "x-hub-SIGNATURE-256")).toBe("sha256=1");
    expect(fromNodeHeaders(JSON.parse('{"__proto__":"x"}'))).toEqual(JSON.parse('{"__proto__":"x"}'));
    // an array is no header map: refused at once, not walked (the hostile suite's long run: 1 000 000 items took seconds)
    const many = Array.from({ length: 1_000_000 }, () => "x");
    const started = performance.now();
    expect(fromNodeHeaders(many as never)).toEqual({});
    expect(performance.now() - started).toBeLessThan(1000); // O(1) now; walking it took seconds
  });
});

describe("model: block closes the reply window; edit and unlike", () => {
  it("a block after a DM closes the message window until the user writes again (Meta 24 h policy)", () => {
    const base = {
      channelId: "ch_ig",
      visibility: "private",
      actor: { platform: "instagram", scope: "1", userId: "u" },
    } as const;
    const t = 1772933400000;
    const items = [
      { ...base, id: "d1", kind: "dm", direction: "in", platformCreatedAt: t, receivedAt: t },
      {
        ...base,
        id: "b1",
        kind: "block",
        direction: "activity",
        platformCreatedAt: t + 60_000,
        receivedAt: t + 60_000,
      },
    ].map((i) => InteractionSchema.parse(i));
    const thread = buildThreads(items).threads[0]!;
    const policy = REPLY_WINDOW_POLICIES["instagram.messaging"]!;
    expect(replyPolicy(thread, policy, t + 120_000)).toMatchObject({ allowed: false, code: "blocked" });
    const again = buildThreads([
      ...items,
      InteractionSchema.parse({
        ...base,
        id: "d2",
        kind: "dm",
        direction: "in",
        platformCreatedAt: t + 180_000,
        receivedAt: t + 180_000,
      }),
    ]).threads[0]!;
    expect(replyPolicy(again, policy, t + 200_000)).toMatchObject({ allowed: true, code: "open" });
  });
});
