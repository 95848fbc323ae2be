import { v2Key } from "./fixtures/sign";
import { describe, expect, it } from "vitest";
import { createHmac } from "node:crypto";
import { buildThreads, createXAdapter, handleWebhook } from "./helpers/index";
import {
  AAA_DELETE,
  AAA_DM,
  AAA_TYPING,
  X_ACCOUNT,
  X_DM_PAGE,
  X_SECRET,
  X_STREAM_POST,
  XAA_ACCOUNT,
  XAA_BIO,
  XAA_CHAT,
  XAA_DELETE,
  XAA_DM_RECEIVED,
  XAA_DM_SENT,
  XAA_FOLLOWED,
  XAA_FOLLOWS,
  XAA_LIKE_INBOUND,
  XAA_LIKE_OUTBOUND,
  XAA_MENTION,
  XAA_OWN_POST,
  XAA_OWN_REPLY,
} from "./fixtures/x";

const x = createXAdapter();
const ctx = (account: string) => ({ channelId: "ch_x" as never, account, receivedAt: 1784928230000 });
const parsed = (body: string, account = XAA_ACCOUNT) => {
  const r = x.parse(body, ctx(account));
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

describe("createXAdapter: X Activity API deliveries", () => {
  it("reads post.mention.create as an inbound mention by its author, at the post's created_at", () => {
    expect(parsed(XAA_MENTION)).toMatchObject([
      {
        id: `x:${XAA_ACCOUNT}:post:2080765813578191303`,
        kind: "mention",
        direction: "in",
        actor: { platform: "x", scope: "", userId: "2222222222222222222" },
        target: { type: "account", id: XAA_ACCOUNT },
        content: { text: "hey @ExampleUser" },
        platformCreatedAt: Date.UTC(2026, 6, 24, 21, 23, 23), // "2026-07-24T21:23:23.000Z"
      },
    ]);
  });

  it("reads the account's post.create reply as an outbound answer that threads with the mention", () => {
    const list = [...parsed(XAA_MENTION), ...parsed(XAA_OWN_REPLY)];
    expect(list[1]).toMatchObject({
      kind: "reply",
      direction: "out",
      inReplyTo: `x:${XAA_ACCOUNT}:post:2080765813578191303`,
      target: { type: "post", id: "2080765813578191303" },
    });
    const threads = buildThreads(list).threads;
    expect([threads.length, threads[0]?.firstReplyAt]).toEqual([1, Date.UTC(2026, 6, 24, 21, 30)]);
  });

  it("skips the account's own original post, its own like and its own follow (content or its own activity)", () => {
    expect(parsed(XAA_OWN_POST)).toEqual([]);
    expect(parsed(XAA_LIKE_OUTBOUND)).toEqual([]);
    expect(parsed(XAA_FOLLOWS)).toEqual([]);
  });

  it("reads follow.follow of the account by the source user", () => {
    expect(parsed(XAA_FOLLOWED, "4444444444444444444")).toMatchObject([
      {
        kind: "follow",
        direction: "activity",
        actor: { userId: XAA_ACCOUNT },
        target: { type: "account", id: "4444444444444444444" },
      },
    ]);
  });

  it("reads dm.received and dm.sent (v1.1 message_create inside) with the recipient of the account's message", () => {
    expect(parsed(XAA_DM_RECEIVED)).toMatchObject([
      {
        kind: "dm",
        direction: "in",
        actor: { userId: "2222222222222222222" },
        content: { text: "hello!" },
        platformCreatedAt: 1784928224372,
      },
    ]);
    expect(parsed(XAA_DM_SENT)).toMatchObject([
      {
        kind: "dm",
        direction: "out",
        recipient: { userId: "2244994945" },
        content: { text: "Thanks for the update!" },
      },
    ]);
  });

  it("reads post.delete as a recall of the post by its author", () => {
    expect(parsed(XAA_DELETE)).toMatchObject([
      {
        kind: "recall",
        direction: "activity",
        actor: { userId: XAA_ACCOUNT },
        target: { type: "post", id: "2080761269309813134" },
      },
    ]);
  });

  it("refuses what it cannot map with unknown_event naming the reason: an anonymous like, XChat, a profile change", () => {
    const code = (body: string) => {
      const r = x.parse(body, ctx(XAA_ACCOUNT));
      return r.ok ? "ok" : `${r.error.code}: ${r.error.message}`;
    };
    expect(code(XAA_LIKE_INBOUND)).toMatch(/^unknown_event: like.create names no liker/);
    expect(code(XAA_CHAT)).toMatch(/^unknown_event: chat.received is an end-to-end encrypted XChat event/);
    expect(code(XAA_BIO)).toMatch(/^unknown_event: event_type profile.update.bio/);
  });

  it("refuses a post event without author_id instead of dropping it", () => {
    const o = JSON.parse(XAA_MENTION) as { data: { payload: Record<string, unknown> } };
    delete o.data.payload.author_id;
    expect(x.parse(JSON.stringify(o), ctx(XAA_ACCOUNT))).toMatchObject({
      ok: false,
      error: { code: "missing_field", path: ["data", "payload", "author_id"] },
    });
  });

  it("keys a delivery by its event type and SHA-256 (key format v2)", () => {
    expect(x.dedupeKey(XAA_MENTION)).toEqual({ ok: true, value: v2Key("x", "xaa:post.mention.create", XAA_MENTION) });
    expect(x.dedupeKey(XAA_DM_SENT)).toEqual({ ok: true, value: v2Key("x", "xaa:dm.sent", XAA_DM_SENT) });
    expect(x.dedupeKey(XAA_FOLLOWED)).toEqual({ ok: true, value: v2Key("x", "xaa:follow.follow", XAA_FOLLOWED) });
    // not an interaction: unknown_event in dedupeKey as in parse (issue 18, item 4)
    expect(x.dedupeKey(XAA_BIO)).toMatchObject({ ok: false, error: { code: "unknown_event" } });
    expect(x.parse(XAA_BIO, ctx(XAA_ACCOUNT))).toMatchObject({ ok: false, error: { code: "unknown_event" } });
  });
});

describe("createXAdapter: filtered-stream webhook and polled v2 pages", () => {
  it("reads a filtered-stream post by someone else as a mention, and skips the account's own", () => {
    expect(parsed(X_STREAM_POST)).toMatchObject([
      {
        id: `x:${XAA_ACCOUNT}:post:1346889436626259968`,
        kind: "mention",
        actor: { userId: "2244994945" },
        platformCreatedAt: Date.UTC(2021, 0, 6, 18, 40, 40),
      },
    ]);
    expect(parsed(X_STREAM_POST, "2244994945")).toEqual([]);
    expect(x.dedupeKey(X_STREAM_POST)).toEqual({ ok: true, value: v2Key("x", "stream", X_STREAM_POST) });
  });

  it("reads MessageCreate events of a dm_events page; a group keeps its dm_conversation_id, a one-to-one threads by user", () => {
    const list = parsed(X_DM_PAGE, X_ACCOUNT);
    expect(list.map((d) => [d.direction, d.actor.userId, d.recipient?.userId ?? null, d.conversation ?? null])).toEqual(
      [
        ["in", "944480690", null, { id: "1578398451921985538", type: "group" }],
        ["out", X_ACCOUNT, "944480690", null], // "944480690-2244994945": the other participant is the recipient
      ],
    );
    const threads = buildThreads(list)
      .threads.map((t) => t.type)
      .sort();
    expect(threads).toEqual(["dm", "group"]);
  });

  it("asks for the missing fields when a page was polled without them", () => {
    const bare = JSON.stringify({
      data: [{ id: "1582838499983564806", event_type: "MessageCreate", text: "Hi everyone." }],
    }); // the default dm_event fields
    expect(x.parse(bare, ctx(X_ACCOUNT))).toMatchObject({
      ok: false,
      error: {
        code: "missing_field",
        message: expect.stringMatching(/dm_event\.fields=created_at,sender_id,dm_conversation_id/),
      },
    });
    expect(x.parse(JSON.stringify({ data: [{ id: "1", text: "hi" }] }), ctx(X_ACCOUNT))).toMatchObject({
      ok: false,
      error: { code: "missing_field", path: ["data", 0, "author_id"] },
    });
    expect(x.parse(JSON.stringify({ data: [] }), ctx(X_ACCOUNT))).toEqual({ ok: true, value: [] });
  });
});

describe("createXAdapter: Account Activity samples", () => {
  it("reads the documented direct_message_events sample as an inbound DM", () => {
    expect(parsed(AAA_DM, "4337869213")).toMatchObject([
      {
        id: "x:4337869213:dm:954491830116155396",
        direction: "in",
        actor: { userId: "3001969357" },
        content: { text: "Hello World!" },
        platformCreatedAt: 1516403560557,
      },
    ]);
  });

  it("reads tweet_delete_events as a recall, and accepts typing events as signals (no unknown_event)", () => {
    expect(parsed(AAA_DELETE, "930524282358325248")).toMatchObject([
      { kind: "recall", target: { id: "1045405559317569537" }, platformCreatedAt: 1432228155593 },
    ]);
    expect(parsed(AAA_TYPING, "4337869213")).toEqual([]);
    expect(x.dedupeKey(AAA_TYPING)).toEqual({ ok: true, value: v2Key("x", "aaa", AAA_TYPING) });
    const typing = x.parseDelivery?.(AAA_TYPING, ctx("4337869213"));
    expect(typing?.ok && typing.value.skipped.map((k) => k.rule)).toEqual(["x.direct_message_indicate_typing_events"]);
  });

  it("reads a v1.1 long post's whole text from extended_tweet.full_text", () => {
    // shape of the longform tweet_create_events sample of the same page (texts shortened)
    const body = JSON.stringify({
      for_user_id: "1603419180975409153",
      tweet_create_events: [
        {
          created_at: "Mon May 19 14:01:46 +0000 2025",
          id_str: "1924465506158878979",
          text: "The Antikythera Mechanism: A Window… https://t.co/bzbEKj8cd8",
          truncated: true,
          user: { id_str: "1500000000000000009" },
          extended_tweet: { full_text: "The Antikythera Mechanism: A Window into Ancient Ingenuity\n@xai" },
        },
      ],
    });
    expect(parsed(body, "1603419180975409153")[0]?.content?.text).toBe(
      "The Antikythera Mechanism: A Window into Ancient Ingenuity\n@xai",
    );
  });
});

describe("createXAdapter: signatures", () => {
  const body = XAA_MENTION;
  const sig = (secret: string) => `sha256=${createHmac("sha256", secret).update(body).digest("base64")}`;
  const req = (headers: Record<string, string>) => ({ method: "POST", url: "/x", headers, body });

  it("accepts the OAuth 2.0 header, the legacy header, or both when one matches the secret", () => {
    expect(x.verify(req({ "X-Twitter-Webhooks-Signature-OAuth2": sig(X_SECRET) }), { secret: X_SECRET })).toEqual({
      ok: true,
      value: { kind: "delivery" },
    });
    expect(x.verify(req({ "x-twitter-webhooks-signature": sig(X_SECRET) }), { secret: X_SECRET })).toEqual({
      ok: true,
      value: { kind: "delivery" },
    });
    // an app with both secrets may get both headers; the integrator passes the one it holds
    expect(
      x.verify(
        req({
          "x-twitter-webhooks-signature-oauth2": sig("client-secret"),
          "x-twitter-webhooks-signature": sig(X_SECRET),
        }),
        { secret: X_SECRET },
      ).ok,
    ).toBe(true);
  });

  it("refuses when no header matches, and when none is present", () => {
    expect(x.verify(req({ "x-twitter-webhooks-signature-oauth2": sig("other") }), { secret: X_SECRET })).toMatchObject({
      ok: false,
      error: { code: "bad_signature" },
    });
    expect(x.verify(req({}), { secret: X_SECRET })).toMatchObject({ ok: false, error: { code: "bad_signature" } });
  });

  it("takes an X Activity API delivery through handleWebhook and refuses its replay", () => {
    const request = req({ "x-twitter-webhooks-signature-oauth2": sig(X_SECRET) });
    const first = handleWebhook(x, request, { secret: X_SECRET }, ctx(XAA_ACCOUNT));
    const key = first.ok && first.value.kind === "delivery" ? first.value.key : "";
    expect(first.ok && first.value.kind === "delivery" && first.value.interactions.map((i) => i.kind)).toEqual([
      "mention",
    ]);
    expect(handleWebhook(x, request, { secret: X_SECRET }, ctx(XAA_ACCOUNT), new Set([key]))).toMatchObject({
      ok: false,
      error: { code: "duplicate_delivery" },
    });
  });
});

describe("Account Activity batches drop nothing unseen", () => {
  it("fails the delivery with missing_field naming the event that lacks a field, and skips only the account's own content", () => {
    const batch = (events: Record<string, unknown>) => JSON.stringify({ for_user_id: X_ACCOUNT, ...events });
    const post = {
      id_str: "1780000000000000001",
      created_at: "Mon Mar 09 01:30:00 +0000 2026",
      text: "@brand hi",
      user: { id_str: "2244994945" },
    };
    expect(x.parse(batch({ tweet_create_events: [post, { ...post, user: {} }] }), ctx(X_ACCOUNT))).toMatchObject({
      ok: false,
      error: { code: "missing_field", path: ["tweet_create_events", 1, "author_id"] },
    });
    expect(
      x.parse(
        batch({ favorite_events: [{ id: "f1", timestamp_ms: 1772933400000, favorited_status: { id_str: "1" } }] }),
        ctx(X_ACCOUNT),
      ),
    ).toMatchObject({ ok: false, error: { code: "missing_field", path: ["favorite_events", 0] } });
    expect(
      x.parse(
        batch({ follow_events: [{ type: "follow", created_timestamp: "1772933400000", target: { id: X_ACCOUNT } }] }),
        ctx(X_ACCOUNT),
      ),
    ).toMatchObject({ ok: false, error: { code: "missing_field", path: ["follow_events", 0] } });
    expect(x.parse(batch({ direct_message_events: [7] }), ctx(X_ACCOUNT))).toMatchObject({
      ok: false,
      error: { code: "missing_field", path: ["direct_message_events", 0] },
    });
    // the account's own original post and its own like are skipped by rule, not by accident
    const own = x.parse(
      batch({
        tweet_create_events: [{ ...post, user: { id_str: X_ACCOUNT } }],
        favorite_events: [
          { id: "f2", timestamp_ms: 1772933400000, user: { id_str: X_ACCOUNT }, favorited_status: { id_str: "1" } },
        ],
      }),
      ctx(X_ACCOUNT),
    );
    expect(own).toEqual({ ok: true, value: [] });
  });
});
