import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { handleWebhook, instagramMentionLookups, parseInstagramMention } from "./helpers/index";
import { ADAPTERS } from "./fixtures/index";
import {
  IG_CAPTION_MENTION,
  IG_COMMENT_MENTION,
  IG_MENTION_ACCOUNT,
  IG_MENTIONED_COMMENT,
  IG_MENTIONED_MEDIA,
} from "./fixtures/instagram";

const isResult = (r: unknown): boolean =>
  typeof r === "object" && r !== null && typeof (r as { ok: unknown }).ok === "boolean";

/** XML-ish text: tags, CDATA, entities and WeChat field names in random order. */
const xmlish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "<xml>",
        "</xml>",
        "<MsgType>",
        "</MsgType>",
        "<![CDATA[",
        "]]>",
        "&amp;",
        "&#x1F600;",
        "&bogus;",
        "<Event>",
        "</Event>",
        "<!--",
        "-->",
        '<?xml version="1.0"?>',
        "<!DOCTYPE",
        "<Encrypt>",
        "</Encrypt>",
      ),
      fc.constantFrom(
        "text",
        "event",
        "subscribe",
        "CLICK",
        "1772933400",
        "oX1y2Z3",
        "敏感肌",
        "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmk=",
        "AAAAAAAAAAAAAAAAAAAAAA==",
      ),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(""));

/** JSON-ish text: real JSON of arbitrary values, platform-shaped objects with wrong types, and cut-off JSON. */
const platformish = fc.record(
  {
    object: fc.constantFrom("instagram", "page", 1, null),
    entry: fc.anything(),
    event: fc.constantFrom("im_receive_msg", "new_follow_action", "item_comment_reply", "verify_webhook", "x"),
    content: fc.oneof(fc.anything(), fc.json()),
    type: fc.constantFrom("text", "event", "mention", "image"),
    sender_id: fc.oneof(fc.integer(), fc.string()),
    created_at: fc.constantFrom("Mon Jul 16 18:09:20 +0800 2012", "garbage", ""),
    data: fc.anything(),
    for_user_id: fc.string(),
    tweet_create_events: fc.anything(),
    direct_message_events: fc.anything(),
    comments: fc.anything(),
  },
  { requiredKeys: [] },
);
const jsonish = fc.oneof(
  fc.json(),
  fc.anything().map((v) => JSON.stringify(v) ?? "undefined"),
  platformish.map((v) => JSON.stringify(v)),
  platformish.map((v) => JSON.stringify(v)).chain((s) => fc.nat(s.length).map((n) => s.slice(0, n))),
);
const body = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), xmlish, jsonish);

describe("adapters under fuzzing", () => {
  it.each(ADAPTERS)(
    "%s: parse, dedupeKey, verify and handleWebhook always return a typed Result, never throw",
    (_name, adapter, fixtures) => {
      const ctx = fixtures[0]!.context;
      fc.assert(
        fc.property(
          body,
          fc.dictionary(
            fc.constantFrom(
              "x-hub-signature-256",
              "x-douyin-signature",
              "x-twitter-webhooks-signature",
              "content-type",
            ),
            fc.string(),
          ),
          fc.string(),
          (text, headers, q) => {
            expect(isResult(adapter.parse(text, ctx))).toBe(true);
            expect(isResult(adapter.dedupeKey(text))).toBe(true);
            const aes =
              q.length % 2 === 1 ? `&encrypt_type=aes&msg_signature=${encodeURIComponent(q.slice(0, 40))}` : "";
            const request = {
              method: "POST",
              url: `/hook?signature=${encodeURIComponent(q.slice(0, 20)) || "x"}&timestamp=1&nonce=2&crc_token=${q.length}${aes}`,
              headers,
              body: text,
            };
            expect(isResult(adapter.verify(request, { secret: "s" }))).toBe(true);
            expect(isResult(handleWebhook(adapter, request, { secret: "s" }, ctx))).toBe(true);
            const failed = adapter.parse(text, ctx);
            // the catch-all guard must not be what saves us: bad input is handled on purpose
            if (!failed.ok) expect(failed.error.message).not.toMatch(/^payload could not be read/);
          },
        ),
        { numRuns: 400 },
      );
    },
  );

  it.each(ADAPTERS)("%s: mutating a real fixture body never makes parse throw", (_name, adapter, fixtures) => {
    const bodies = fixtures.map((f) => f.request.body).filter((b) => b.length > 0);
    fc.assert(
      fc.property(fc.constantFrom(...bodies), fc.nat(), fc.string({ maxLength: 5 }), (b, at, insert) => {
        const i = at % (b.length + 1);
        const mutated = b.slice(0, i) + insert + b.slice(i + 1);
        const r = adapter.parse(mutated, fixtures[0]!.context);
        expect(isResult(r)).toBe(true);
        if (!r.ok) expect(r.error.message).not.toMatch(/^payload could not be read/);
      }),
      { numRuns: 300 },
    );
  });

  it.each(ADAPTERS)("%s: verify never throws on arbitrary requests and secrets", (_name, adapter) => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (request, secret) => {
        expect(isResult(adapter.verify(request as never, secret as never))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

/** Graph-API-ish answers: the mention nodes and error objects with arbitrary content. */
const graphish = fc
  .record(
    {
      mentioned_comment: fc.anything(),
      mentioned_media: fc.anything(),
      error: fc.anything(),
      id: fc.oneof(fc.string(), fc.integer()),
    },
    { requiredKeys: [] },
  )
  .map((v) => JSON.stringify(v));

describe("Instagram mention lookups under fuzzing", () => {
  const ctx = { channelId: "ch_ig" as never, account: IG_MENTION_ACCOUNT, receivedAt: 1520622975000 };
  const real = [IG_COMMENT_MENTION, IG_CAPTION_MENTION].flatMap((b) => {
    const r = instagramMentionLookups(b);
    return r.ok ? r.value : [];
  });

  it("instagramMentionLookups and parseInstagramMention always return a typed Result, never throw", () => {
    expect(real).toHaveLength(2);
    fc.assert(
      fc.property(fc.oneof(body, graphish), fc.oneof(fc.constantFrom(...real), fc.anything()), (text, lookup) => {
        expect(isResult(instagramMentionLookups(text))).toBe(true);
        const r = parseInstagramMention(text, lookup as never, ctx);
        expect(isResult(r)).toBe(true);
        if (!r.ok) expect(r.error.message).not.toMatch(/^payload could not be read/);
      }),
      { numRuns: 400 },
    );
  });

  it("mutating a real webhook or Graph answer never makes them throw", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(IG_COMMENT_MENTION, IG_CAPTION_MENTION, IG_MENTIONED_COMMENT, IG_MENTIONED_MEDIA),
        fc.constantFrom(...real),
        fc.nat(),
        fc.string({ maxLength: 5 }),
        (b, lookup, at, insert) => {
          const i = at % (b.length + 1);
          const mutated = b.slice(0, i) + insert + b.slice(i + 1);
          expect(isResult(instagramMentionLookups(mutated))).toBe(true);
          const r = parseInstagramMention(mutated, lookup, ctx);
          expect(isResult(r)).toBe(true);
          if (!r.ok) expect(r.error.message).not.toMatch(/^payload could not be read/);
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** X Activity API-ish deliveries: real event types around arbitrary filters and payloads. */
const xaaish = fc
  .record(
    {
      event_uuid: fc.oneof(fc.string(), fc.integer()),
      filter: fc.oneof(
        fc.anything(),
        fc.record(
          {
            user_id: fc.constantFrom("1111111111111111111", "2", ""),
            direction: fc.constantFrom("inbound", "outbound"),
          },
          { requiredKeys: [] },
        ),
      ),
      event_type: fc.constantFrom(
        "post.create",
        "post.mention.create",
        "post.delete",
        "like.create",
        "follow.follow",
        "follow.unfollow",
        "dm.sent",
        "dm.received",
        "dm.read",
        "chat.received",
        "news.new",
        "",
      ),
      payload: fc.oneof(
        fc.anything(),
        fc.record(
          {
            id: fc.oneof(fc.string(), fc.integer()),
            author_id: fc.string(),
            created_at: fc.constantFrom("2026-07-24T21:23:23.000Z", "x"),
            referenced_tweets: fc.anything(),
            direct_message_events: fc.anything(),
            source: fc.anything(),
            target: fc.anything(),
            liked_tweet_author_id: fc.string(),
          },
          { requiredKeys: [] },
        ),
      ),
    },
    { requiredKeys: [] },
  )
  .map((data) => JSON.stringify({ data }));

describe("X envelopes under fuzzing", () => {
  const x = ADAPTERS.find(([name]) => name === "X")![1];
  const ctx = { channelId: "ch_x" as never, account: "1111111111111111111", receivedAt: 1784928230000 };

  it("X Activity API-ish, stream-ish and page-ish bodies and both signature headers never make the X adapter throw", () => {
    const pageish = fc
      .array(
        fc.oneof(
          fc.anything(),
          fc.record(
            {
              id: fc.string(),
              event_type: fc.constantFrom("MessageCreate", "ParticipantsJoin"),
              sender_id: fc.string(),
              dm_conversation_id: fc.string(),
              created_at: fc.string(),
            },
            { requiredKeys: [] },
          ),
        ),
      )
      .map((data) => JSON.stringify({ data }));
    fc.assert(
      fc.property(
        fc.oneof(xaaish, pageish),
        fc.dictionary(
          fc.constantFrom("x-twitter-webhooks-signature", "x-twitter-webhooks-signature-oauth2"),
          fc.string(),
        ),
        (text, headers) => {
          const r = x.parse(text, ctx);
          expect(isResult(r)).toBe(true);
          if (!r.ok) expect(r.error.message).not.toMatch(/^payload could not be read/);
          expect(isResult(x.dedupeKey(text))).toBe(true);
          expect(isResult(x.verify({ method: "POST", url: "/x", headers, body: text }, { secret: "s" }))).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });
});
