// Issue 18, "New reference adapters": Facebook Messenger (Page webhooks) and the WhatsApp
// Business Cloud API, on the samples of Meta's pages (named in test/fixtures/messenger.ts and
// whatsapp.ts), and recordOutbound, which closes threads with the team's own sends.
import { createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildThreads,
  createMessengerAdapter,
  createWhatsappAdapter,
  handleWebhook,
  recordOutbound,
  type Interaction,
  type OutboundDraftInput,
} from "./helpers/index";
import {
  FB_ATTACHMENT,
  FB_ECHO,
  FB_FEED,
  FB_PAGE,
  FB_POSTBACK,
  FB_PSID,
  FB_SECRET,
  FB_SIGNALS,
  FB_FEED_RESTFB,
  FB_TEXT_AND_REPLY,
  fbSigned,
  RESTFB_PAGE,
  restfbFeed,
} from "./fixtures/messenger";
import {
  WA_BUSINESS_WAMID,
  WA_ERRORS,
  WA_PHONE_ID,
  WA_REACTIONS,
  WA_SECRET,
  WA_STATUS_PRICED,
  WA_STATUS_PRICED_PHONE_ID,
  WA_STATUSES,
  WA_TEXT,
  WA_TYPES,
  WA_UNSUPPORTED,
  WA_USER,
  waSigned,
} from "./fixtures/whatsapp";
import { v2Key } from "./fixtures/sign";

const HOUR = 3_600_000;
const fb = createMessengerAdapter();
const wa = createWhatsappAdapter();
const fbCtx = { channelId: "ch_fb" as never, account: FB_PAGE, receivedAt: 1772933402000 };
const waCtx = { channelId: "ch_wa" as never, account: WA_PHONE_ID, receivedAt: 1749416390000 };
const parsed = (r: ReturnType<typeof fb.parse>): Interaction[] => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

describe("createMessengerAdapter", () => {
  it("answers the hub.challenge handshake and checks X-Hub-Signature-256 computed by node:crypto", () => {
    const get = {
      method: "GET",
      url: "/fb?hub.mode=subscribe&hub.challenge=CH4LL&hub.verify_token=tok",
      headers: {},
      body: "",
    };
    expect(fb.verify(get, { secret: FB_SECRET, verifyToken: "tok" })).toMatchObject({
      ok: true,
      value: { kind: "challenge", response: { body: "CH4LL" } },
    });
    expect(fb.verify(get, { secret: FB_SECRET, verifyToken: "other" })).toMatchObject({
      ok: false,
      error: { code: "bad_signature" },
    });
    const sig = `sha256=${createHmac("sha256", FB_SECRET).update(FB_ECHO).digest("hex")}`;
    const req = { method: "POST", url: "/fb", headers: { "x-hub-signature-256": sig }, body: FB_ECHO };
    expect(fb.verify(req, { secret: FB_SECRET })).toEqual({ ok: true, value: { kind: "delivery" } });
    expect(fb.verify({ ...req, body: `${FB_ECHO} ` }, { secret: FB_SECRET }).ok).toBe(false);
  });

  it("reads the docs' text and reply messages: dm in, the reply linked to the message it answers", () => {
    const [text, reply] = parsed(fb.parse(FB_TEXT_AND_REPLY, fbCtx));
    expect(text).toMatchObject({
      id: `messenger:${FB_PAGE}:message:mid.1457764197618:41d102a3e1ae206a38`,
      kind: "dm",
      direction: "in",
      actor: { platform: "messenger", scope: FB_PAGE, userId: FB_PSID },
      content: { text: "hello, world!" },
      platformCreatedAt: 1458692752478,
    });
    expect(reply?.inReplyTo).toBe(`messenger:${FB_PAGE}:message:m_1fTq8oLumEyIp3Q2MR-aY7IfLZDamVrALniheU`);
    expect(parsed(fb.parse(FB_ATTACHMENT, fbCtx))[0]?.content?.media).toEqual([
      { type: "image", url: "https://scontent.xx.fbcdn.net/v/t1.15752-9/sample.jpg" },
    ]);
  });

  it("reads an echo (the Page's own send) as an outbound dm to the user", () => {
    const [echo] = parsed(fb.parse(FB_ECHO, fbCtx));
    expect(echo).toMatchObject({
      kind: "dm",
      direction: "out",
      actor: { userId: FB_PAGE },
      recipient: { userId: FB_PSID },
      delivery: { status: "sent" },
    });
  });

  it("reads react / unreact as like / unlike and skips read and delivery receipts by named rules", () => {
    const r = fb.parseDelivery?.(FB_SIGNALS, fbCtx);
    expect(r?.ok && r.value.interactions.map((i) => [i.kind, i.target?.id])).toEqual([
      ["like", "mid.1457764197618:41d102a3e1ae206a38-echo"],
      ["unlike", "mid.1457764197618:41d102a3e1ae206a38-echo"],
    ]);
    expect(r?.ok && r.value.skipped.map((s) => [s.rule, s.path.join(".")])).toEqual([
      ["messenger.read", "entry.0.messaging.2"],
      ["messenger.delivery", "entry.0.messaging.3"],
    ]);
  });

  it("reads the docs' postback notification (sender by user_ref, timestamp in seconds as text)", () => {
    expect(parsed(fb.parse(FB_POSTBACK, fbCtx))[0]).toMatchObject({
      kind: "menu_click",
      direction: "in",
      actor: { userId: "USER-REF-ID" },
      platformCreatedAt: 1527459824000,
      content: { text: "USER-DEFINED-PAYLOAD" },
    });
  });

  it("reads feed changes: comment, the Page's reply (out, linked), a visitor post, a reaction; skips the Page's own post", () => {
    const r = fb.parseDelivery?.(FB_FEED, fbCtx);
    if (!r?.ok) throw new Error("parse failed");
    expect(r.value.interactions.map((i) => [i.kind, i.direction, i.inReplyTo ?? null])).toEqual([
      ["comment", "in", null],
      ["reply", "out", `messenger:${FB_PAGE}:comment:1122334455667788_9001`],
      ["post", "in", null],
      ["like", "activity", null],
    ]);
    expect(r.value.skipped.map((s) => s.rule)).toEqual(["messenger.feed.own_post"]);
    // the Page's reply answers the comment: its thread is pending, not waiting
    const { threads } = buildThreads(r.value.interactions);
    const commentThread = threads.find((t) => t.id.includes("9001"));
    expect(commentThread).toMatchObject({ status: "pending", waitingSince: null, firstReplyAt: 1772933399000 });
    // the visitor post opens a public thread that waits
    expect(threads.find((t) => t.id.includes("5566778899"))).toMatchObject({ type: "public", status: "open" });
  });

  it("refuses an unknown feed item or messaging event as unknown_event, naming it", () => {
    const body = FB_FEED.replace('"item":"status"', '"item":"milestone"');
    expect(fb.parse(body, fbCtx)).toMatchObject({ ok: false, error: { code: "unknown_event" } });
    const odd = JSON.stringify({
      object: "page",
      entry: [
        { id: FB_PAGE, time: 1, messaging: [{ sender: { id: "1" }, recipient: { id: FB_PAGE }, game_play: {} }] },
      ],
    });
    expect(fb.parse(odd, fbCtx)).toMatchObject({ ok: false, error: { code: "unknown_event" } });
    expect(fb.dedupeKey(JSON.stringify({ object: "user", entry: [] }))).toMatchObject({
      ok: false,
      error: { code: "unknown_event" },
    });
    expect(fb.dedupeKey(FB_ECHO)).toEqual({ ok: true, value: v2Key("messenger", "page", FB_ECHO) });
  });

  it("builds Send API and Graph API requests with the platform's id syntax", () => {
    const [dm] = parsed(fb.parse(FB_TEXT_AND_REPLY, fbCtx)) as [Interaction];
    const message = fb.toOutbound({ surface: "message", to: dm.actor, inReplyTo: dm, text: "Yes, in 2 days." });
    expect(message).toEqual({
      ok: true,
      value: {
        method: "POST",
        path: `/${FB_PAGE}/messages`,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          recipient: { id: FB_PSID },
          messaging_type: "RESPONSE",
          message: { text: "Yes, in 2 days." },
        }),
      },
    });
    const tagged = fb.toOutbound({ surface: "message", to: dm.actor, text: "Update", tag: "HUMAN_AGENT" });
    expect(tagged.ok && JSON.parse(tagged.value.body)).toMatchObject({
      messaging_type: "MESSAGE_TAG",
      tag: "HUMAN_AGENT",
    });
    const [comment] = parsed(fb.parse(FB_FEED, fbCtx)) as [Interaction];
    expect(
      fb.toOutbound({ surface: "public_reply", to: comment.actor, inReplyTo: comment, text: "Yes!" }),
    ).toMatchObject({
      ok: true,
      value: { path: "/1122334455667788_9001/comments", body: '{"message":"Yes!"}' },
    });
    expect(
      fb.toOutbound({ surface: "private_reply", to: comment.actor, inReplyTo: comment, text: "DM'd you" }),
    ).toMatchObject({
      ok: true,
      value: {
        path: `/${FB_PAGE}/messages`,
        body: '{"recipient":{"comment_id":"1122334455667788_9001"},"message":{"text":"DM\'d you"}}',
      },
    });
    const hostile = { ...comment, nativeId: "../me/feed" };
    expect(fb.toOutbound({ surface: "public_reply", to: comment.actor, inReplyTo: hostile, text: "x" })).toMatchObject({
      ok: false,
      error: { code: "invalid_request", path: ["draft", "inReplyTo", "nativeId"] },
    });
    expect(fb.toOutbound({ surface: "message", to: { ...dm.actor, scope: "1/../2" }, text: "x" })).toMatchObject({
      ok: false,
      error: { code: "invalid_request", path: ["draft", "to", "scope"] },
    });
  });

  it("answers reply windows from messenger.messaging: 24 h, then HUMAN_AGENT up to 7 d (Meta messaging policy)", () => {
    const { threads } = buildThreads(parsed(fb.parse(FB_TEXT_AND_REPLY, fbCtx)));
    const t = threads[0];
    if (t === undefined) throw new Error("no thread");
    const at = 1458692752478;
    expect(fb.replyPolicy(t, at + 23 * HOUR)).toMatchObject({ allowed: true, tag: null });
    expect(fb.replyPolicy(t, at + 25 * HOUR)).toMatchObject({ allowed: true, tag: "HUMAN_AGENT" });
    expect(fb.replyPolicy(t, at + 7 * 24 * HOUR).allowed).toBe(false);
  });
});

describe("createWhatsappAdapter", () => {
  it("reads the docs' text sample exactly", () => {
    expect(parsed(wa.parse(WA_TEXT, waCtx))).toEqual([
      {
        id: `whatsapp:${WA_PHONE_ID}:message:wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=`,
        nativeId: "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=",
        channelId: "ch_wa",
        kind: "dm",
        direction: "in",
        visibility: "private",
        actor: { platform: "whatsapp", scope: WA_PHONE_ID, userId: WA_USER },
        content: { text: "Does it come in another color?", media: [], hashtags: [] },
        delivery: { status: "received" },
        platformCreatedAt: 1749416383000,
        receivedAt: 1749416390000,
        raw: JSON.parse(WA_TEXT).entry[0].changes[0].value.messages[0],
      },
    ]);
  });

  it("reads each message type as a dm with its text and media; replies link to the business's message", () => {
    const items = parsed(wa.parse(WA_TYPES, waCtx));
    expect(items.map((i) => [i.content?.text, i.content?.media.map((m) => `${m.type}:${m.id ?? m.url}`)])).toEqual([
      ["This one", ["image:1003383421387256"]],
      ["", ["video:1003383421387257"]],
      ["", ["audio:1003383421387258"]],
      ["My receipt", ["file:1003383421387259"]],
      ["", ["sticker:1003383421387260"]],
      ["Main store, 1 Hacker Way, Menlo Park, CA 94025", ["location:geo:37.483307,-122.148981"]],
      ["Barbara J. Johnson", []],
      ["Track my order", []],
      ["Stop promotions", []],
    ]);
    expect(items.every((i) => i.kind === "dm" && i.direction === "in")).toBe(true);
    expect(items[7]?.inReplyTo).toBe(`whatsapp:${WA_PHONE_ID}:message:${WA_BUSINESS_WAMID}`);
    expect(parsed(wa.parse(WA_UNSUPPORTED, waCtx))[0]).toMatchObject({ kind: "dm", content: { text: "" } });
  });

  it("reads a reaction as like and a reaction without emoji as unlike (Reaction messages webhook reference)", () => {
    expect(parsed(wa.parse(WA_REACTIONS, waCtx)).map((i) => [i.kind, i.direction, i.target?.id])).toEqual([
      ["like", "activity", WA_BUSINESS_WAMID],
      ["unlike", "activity", WA_BUSINESS_WAMID],
    ]);
  });

  it("skips statuses by a rule per status, naming the interaction to update; a failure carries its error", () => {
    const r = wa.parseDelivery?.(WA_STATUSES, waCtx);
    if (!r?.ok) throw new Error("parse failed");
    expect(r.value.interactions).toEqual([]);
    expect(r.value.skipped.map((s) => s.rule)).toEqual([
      "whatsapp.status.sent",
      "whatsapp.status.delivered",
      "whatsapp.status.read",
      "whatsapp.status.failed",
    ]);
    expect(r.value.skipped[0]?.reason).toContain(`whatsapp:${WA_PHONE_ID}:message:${WA_BUSINESS_WAMID}`);
    expect(r.value.skipped[3]?.reason).toContain("131047 Re-engagement message");
    const errors = WA_TEXT.replace('"messages":[', '"errors":[{"code":130429,"title":"Rate limit hit"}],"messages":[');
    const e = wa.parseDelivery?.(errors, waCtx);
    expect(e?.ok && e.value.skipped).toEqual([
      {
        path: ["entry", 0, "changes", 0, "value", "errors"],
        rule: "whatsapp.error",
        reason: "WhatsApp reported 130429 Rate limit hit",
      },
    ]);
  });

  it("refuses other change fields and message types as unknown_event", () => {
    expect(wa.parse(WA_TEXT.replace('"field":"messages"', '"field":"account_update"'), waCtx)).toMatchObject({
      ok: false,
      error: { code: "unknown_event" },
    });
    expect(wa.parse(WA_TEXT.replace('"type":"text"', '"type":"hologram"'), waCtx)).toMatchObject({
      ok: false,
      error: { code: "unknown_event" },
    });
  });

  it("builds POST /{phone-number-id}/messages with messaging_product, to, type text and context.message_id", () => {
    const [dm] = parsed(wa.parse(WA_TEXT, waCtx)) as [Interaction];
    expect(wa.toOutbound({ surface: "message", to: dm.actor, inReplyTo: dm, text: "Yes: blue and green." })).toEqual({
      ok: true,
      value: {
        method: "POST",
        path: `/${WA_PHONE_ID}/messages`,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          messaging_product: "whatsapp",
          recipient_type: "individual",
          to: WA_USER,
          type: "text",
          text: { body: "Yes: blue and green." },
          context: { message_id: dm.nativeId },
        }),
      },
    });
    for (const bad of [
      { surface: "public_reply", to: dm.actor, inReplyTo: dm, text: "x" },
      { surface: "message", to: dm.actor, text: "x", tag: "HUMAN_AGENT" },
      { surface: "message", to: dm.actor, text: "x".repeat(4097) },
    ] as const)
      expect(wa.toOutbound(bad)).toMatchObject({ ok: false, error: { code: "unsupported" } });
    expect(wa.toOutbound({ surface: "message", to: { ...dm.actor, userId: "+1 650" }, text: "x" })).toMatchObject({
      ok: false,
      error: { code: "invalid_request", path: ["draft", "to", "userId"] },
    });
  });

  it("answers from whatsapp.cloud: open 24 h after the user's last message, then closed (templates only)", () => {
    const { threads } = buildThreads(parsed(wa.parse(WA_TEXT, waCtx)));
    const t = threads[0];
    if (t === undefined) throw new Error("no thread");
    expect(wa.replyPolicy(t, 1749416383000 + 24 * HOUR - 1).allowed).toBe(true);
    expect(wa.replyPolicy(t, 1749416383000 + 24 * HOUR).allowed).toBe(false);
  });
});

describe("dedupe keys of the Meta adapters (property)", () => {
  const bodies = {
    messenger: (a: string, n: number) =>
      FB_TEXT_AND_REPLY.replace("hello, world!", a.replace(/["\\]/g, "")).replace("1458692752478", String(n)),
    whatsapp: (a: string, n: number) =>
      WA_TEXT.replace("Does it come in another color?", a.replace(/["\\]/g, "")).replace("1749416383", String(n)),
  };
  it.each([
    ["messenger", fb],
    ["whatsapp", wa],
  ] as const)("%s: distinct deliveries never share a key, a retry gets the same key", (name, adapter) => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.string({ maxLength: 40 }),
        fc.nat(1e9),
        fc.nat(1e9),
        (a, b, n, m) => {
          const [x1, x2] = [bodies[name](a, n), bodies[name](b, m)];
          const k1 = adapter.dedupeKey(x1);
          expect(adapter.dedupeKey(x1)).toEqual(k1);
          const k2 = adapter.dedupeKey(x2);
          if (k1.ok && k2.ok && x1 !== x2) expect(k1.value).not.toBe(k2.value);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("recordOutbound", () => {
  it("WhatsApp: a recorded reply closes the thread; the user's button reply to it joins the same thread", () => {
    const [question] = parsed(wa.parse(WA_TEXT, waCtx)) as [Interaction];
    const draft: OutboundDraftInput = {
      surface: "message",
      to: question.actor,
      inReplyTo: question,
      text: "Blue and green.",
    };
    expect(wa.toOutbound(draft).ok).toBe(true);
    const sent = recordOutbound(draft, { messageId: WA_BUSINESS_WAMID, sentAt: 1749416395000 }, waCtx);
    if (!sent.ok) throw new Error(sent.error.message);
    expect(sent.value).toMatchObject({
      id: `whatsapp:${WA_PHONE_ID}:message:${WA_BUSINESS_WAMID}`,
      kind: "dm",
      direction: "out",
      visibility: "private",
      actor: { platform: "whatsapp", scope: WA_PHONE_ID, userId: WA_PHONE_ID },
      recipient: question.actor,
      inReplyTo: question.id,
      delivery: { status: "sent", at: 1749416395000 },
      content: { text: "Blue and green." },
    });
    const before = buildThreads([question]).threads[0];
    expect(before).toMatchObject({ status: "open", waitingSince: 1749416383000 });
    const after = buildThreads([question, sent.value]).threads;
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ status: "pending", waitingSince: null, firstReplyAt: 1749416395000 });
    // the user taps a button of that message: context.id is the recorded wamid
    const tap = parsed(wa.parse(WA_TYPES, waCtx))[7] as Interaction;
    expect(tap.inReplyTo).toBe(sent.value.id);
    const later = buildThreads([question, sent.value, tap]).threads;
    expect(later).toHaveLength(1);
    expect(later[0]).toMatchObject({ status: "open", waitingSince: tap.platformCreatedAt });
  });

  it("Messenger: the recorded send and the platform's echo of it have one id (kept once)", () => {
    const [dm] = parsed(fb.parse(FB_TEXT_AND_REPLY, fbCtx)) as [Interaction];
    const sent = recordOutbound(
      { surface: "message", to: dm.actor, inReplyTo: dm, text: "We ship to Lyon in 2 days." },
      { messageId: "mid.1457764197618:41d102a3e1ae206a38-echo", sentAt: 1457764197627 },
      fbCtx,
    );
    const [echo] = parsed(fb.parse(FB_ECHO, fbCtx)) as [Interaction];
    expect(sent.ok && [sent.value.id, sent.value.actor, sent.value.recipient]).toEqual([
      echo.id,
      echo.actor,
      echo.recipient,
    ]);
  });

  it("a private reply to a Page comment answers that comment's thread; a public reply to a visitor post is a comment", () => {
    const items = parsed(fb.parse(FB_FEED, fbCtx));
    const [comment, , post] = items as [Interaction, Interaction, Interaction];
    const priv = recordOutbound(
      { surface: "private_reply", to: comment.actor, inReplyTo: comment, text: "Sent you the link" },
      { messageId: "m_priv1", sentAt: 1772933395000 },
      fbCtx,
    );
    if (!priv.ok) throw new Error(priv.error.message);
    const t = buildThreads([comment, priv.value]).threads;
    expect(t).toHaveLength(1);
    expect(t[0]).toMatchObject({ status: "pending", firstReplyAt: 1772933395000 });
    const pub = recordOutbound(
      { surface: "public_reply", to: post.actor, inReplyTo: post, text: "Sorry! DM us the order number." },
      { messageId: `${FB_PAGE}_5566778899_31`, sentAt: 1772933500000 },
      fbCtx,
    );
    expect(pub.ok && [pub.value.kind, pub.value.visibility, pub.value.id]).toEqual([
      "comment",
      "public",
      `messenger:${FB_PAGE}:comment:${FB_PAGE}_5566778899_31`,
    ]);
  });

  it("refuses what it cannot record as invalid_request naming the argument", () => {
    const to = { platform: "whatsapp", scope: WA_PHONE_ID, userId: WA_USER };
    const sent = { messageId: "wamid.x", sentAt: 1 };
    expect(recordOutbound({ surface: "public_reply", to, text: "x" }, sent, waCtx)).toMatchObject({
      ok: false,
      error: { code: "invalid_request", path: ["draft", "inReplyTo"] },
    });
    expect(recordOutbound({ surface: "message", to, text: "x" }, { messageId: "", sentAt: 1 }, waCtx)).toMatchObject({
      ok: false,
      error: { code: "invalid_request", path: ["sent", "messageId"] },
    });
    expect(recordOutbound(null as never, sent, waCtx)).toMatchObject({ ok: false, error: { code: "invalid_request" } });
    expect(recordOutbound({ surface: "message", to, text: "x" }, sent, null as never)).toMatchObject({
      ok: false,
      error: { code: "invalid_request", path: ["context"] },
    });
  });
});

describe("handleWebhook with the new adapters", () => {
  it("returns WhatsApp statuses as skipped and Messenger deliveries once", () => {
    const seen = new Set<string>();
    const out = handleWebhook(wa, waSigned(WA_STATUSES), { secret: WA_SECRET }, waCtx, seen);
    expect(out.ok && out.value.kind === "delivery" && out.value.skipped.length).toBe(4);
    const fbSeen = new Set<string>();
    const first = handleWebhook(fb, fbSigned(FB_ECHO), { secret: FB_SECRET }, fbCtx, fbSeen);
    expect(first.ok).toBe(true);
    if (first.ok && first.value.kind === "delivery") fbSeen.add(first.value.key);
    expect(handleWebhook(fb, fbSigned(FB_ECHO), { secret: FB_SECRET }, fbCtx, fbSeen)).toMatchObject({
      ok: false,
      error: { code: "duplicate_delivery" },
    });
  });
});

// Deliveries as Meta sent them, kept as test data by public code (named in the fixtures):
// restfb's Page feed files and a WhatsApp status with conversation and pricing.
describe("Meta's own deliveries", () => {
  const ctx = { ...fbCtx, account: RESTFB_PAGE };

  it("reads restfb's feed files: from or sender_id, created_time in seconds, hide and own items skipped by rule", () => {
    const r = fb.parseDelivery?.(FB_FEED_RESTFB, ctx);
    if (!r?.ok) throw new Error(r?.error.message);
    const id = (kind: string, native: string) => `messenger:${RESTFB_PAGE}:${kind}:${native}`;
    expect(
      r.value.interactions.map((i) => [
        i.kind,
        i.direction,
        i.id,
        i.actor.userId,
        i.target?.id ?? null,
        i.platformCreatedAt,
      ]),
    ).toEqual([
      // feed-comment-add-211.json: the Page's top-level comment (parent_id is the post)
      [
        "comment",
        "out",
        id("comment", "901097836652708_903438993085259"),
        RESTFB_PAGE,
        "1234567890321_901097836652708",
        1449135003000,
      ],
      // feed-comment-edited-25.json: the author as sender_id (a number)
      [
        "edit",
        "activity",
        expect.stringMatching(/^messenger:1234567890321:edit:900728623356296_900744590021366:h2-[0-9a-f]{32}$/),
        RESTFB_PAGE,
        "900728623356296_900744590021366",
        1448555737000,
      ],
      // feed-comment-remove-25.json: no created_time, so the entry's time
      [
        "recall",
        "activity",
        id("recall", "905578656204626_905579239537901"),
        RESTFB_PAGE,
        "905578656204626_905579239537901",
        1449135003000,
      ],
      // feed-like-add-25.json: a visitor's like of a post
      [
        "like",
        "activity",
        expect.stringMatching(/^messenger:1234567890321:reaction:h2-[0-9a-f]{32}$/),
        "909653922461664",
        "909653922461664_940663242694065",
        1450701319000,
      ],
      // feed-post-add-25.json: a visitor's post
      ["post", "in", id("post", "1234567890321_7293787835232"), "8423678347823", null, 1449135003000],
    ]);
    expect(r.value.interactions[1]?.content?.text).toBe("Let's see the Webhooks in action :D");
    expect(r.value.skipped.map((s) => [s.rule, s.path.join(".")])).toEqual([
      ["messenger.feed.hide", "entry.0.changes.3.value"],
      ["messenger.feed.own_post", "entry.0.changes.6.value"],
      ["messenger.feed.own_reaction", "entry.0.changes.7.value"],
    ]);
  });

  it("skips unhide like hide (a verb of the Webhooks reference's enum), and refuses a share as unknown_event naming the item", () => {
    const unhide = restfbFeed("commentHide").replace('"verb":"hide"', '"verb":"unhide"');
    const r = fb.parseDelivery?.(unhide, ctx);
    expect(r?.ok && r.value.skipped.map((s) => s.rule)).toEqual(["messenger.feed.unhide"]);
    expect(fb.parse(restfbFeed("shareAdd"), ctx)).toMatchObject({
      ok: false,
      error: { code: "unknown_event", path: ["entry", 0, "changes", 0, "value", "item"] },
    });
  });

  it("refuses a feed item with neither from.id nor sender_id as missing_field", () => {
    const anonymous = restfbFeed("likeAdd").replace('"sender_id":909653922461664,', "");
    expect(fb.parse(anonymous, ctx)).toMatchObject({
      ok: false,
      error: { code: "missing_field", path: ["entry", 0, "changes", 0, "value", "from", "id"] },
    });
  });

  it("skips a WhatsApp status with conversation and pricing by its rule, naming the message to update", () => {
    const r = wa.parseDelivery?.(WA_STATUS_PRICED, { ...waCtx, account: WA_STATUS_PRICED_PHONE_ID });
    if (!r?.ok) throw new Error(r?.error.message);
    expect(r.value.interactions).toEqual([]);
    expect(r.value.skipped).toMatchObject([
      {
        rule: "whatsapp.status.sent",
        reason: expect.stringContaining(
          `whatsapp:${WA_STATUS_PRICED_PHONE_ID}:message:wamid.HBgMOTIzMDM2NTQ3MTg4FQIAERgSODRBNEVBMDAwRDlBNThCNUJGAA==`,
        ),
      },
    ]);
  });

  it("skips the errors webhook (Errors messages webhooks reference) by whatsapp.error with code and title", () => {
    const r = wa.parseDelivery?.(WA_ERRORS, waCtx);
    expect(r?.ok && r.value.skipped).toEqual([
      {
        path: ["entry", 0, "changes", 0, "value", "errors"],
        rule: "whatsapp.error",
        reason: "WhatsApp reported 130429 Rate limit hit",
      },
    ]);
  });
});
