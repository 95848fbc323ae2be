import { v2Key } from "./fixtures/sign";
import { describe, expect, it } from "vitest";
import {
  buildThreads,
  createInstagramAdapter,
  handleWebhook,
  runAdapterConformance,
  instagramMentionLookups,
  InstagramMentionLookupSchema,
  parseInstagramMention,
} from "./helpers/index";
import { hmacHex } from "./fixtures/sign";
import {
  IG_ACCOUNT,
  IG_CAPTION_MENTION,
  IG_COMMENT_AND_MENTION,
  IG_COMMENT_MENTION,
  IG_MENTION_ACCOUNT,
  IG_MENTIONED_COMMENT,
  IG_MENTIONED_COMMENT_SAMPLE,
  IG_MENTIONED_MEDIA,
  IG_MENTIONED_MEDIA_SAMPLE,
  IG_SECRET,
  INSTAGRAM_FIXTURES,
} from "./fixtures/instagram";

const ctx = { channelId: "ch_ig" as never, account: IG_MENTION_ACCOUNT, receivedAt: 1520622975000 };
const only = <T>(r: { ok: true; value: readonly T[] } | { ok: false }): T => {
  if (!r.ok || r.value.length !== 1) throw new Error(`expected one item, got ${JSON.stringify(r)}`);
  return r.value[0] as T;
};

describe("instagramMentionLookups", () => {
  it("turns Meta's comment @mention sample into a mentioned_comment read on the account", () => {
    expect(instagramMentionLookups(IG_COMMENT_MENTION)).toEqual({
      ok: true,
      value: [
        {
          kind: "comment",
          account: IG_MENTION_ACCOUNT,
          mediaId: "17918195224117851",
          commentId: "17894227972186120",
          notifiedAt: 1520622968000, // entry.time 1520622968 s
          request: {
            method: "GET",
            path: "/17841405726653026",
            query: { fields: "mentioned_comment.comment_id(17894227972186120){id,text,timestamp,username}" },
          },
        },
      ],
    });
  });

  it("turns Meta's caption @mention sample (media_id only) into a mentioned_media read", () => {
    const l = only(instagramMentionLookups(IG_CAPTION_MENTION));
    expect([l.kind, "commentId" in l, l.request.query.fields]).toEqual([
      "caption",
      false,
      "mentioned_media.media_id(17918195224117851){id,caption,timestamp,username}",
    ]);
    expect(InstagramMentionLookupSchema.safeParse(l).success).toBe(true);
  });

  it("returns no lookup for a delivery without mentions, and only the mention of a mixed batch", () => {
    expect(instagramMentionLookups(JSON.stringify({ object: "instagram", entry: [] }))).toEqual({
      ok: true,
      value: [],
    });
    expect(only(instagramMentionLookups(IG_COMMENT_AND_MENTION)).mediaId).toBe("17918195224117852");
  });

  it("refuses a mention it cannot look up instead of skipping it", () => {
    const noMedia = JSON.stringify({
      object: "instagram",
      entry: [{ id: IG_MENTION_ACCOUNT, changes: [{ field: "mentions", value: { comment_id: "17894227972186120" } }] }],
    });
    expect(instagramMentionLookups(noMedia)).toMatchObject({
      ok: false,
      error: { code: "missing_field", path: ["entry", 0, "changes", 0, "value", "media_id"] },
    });
    const injected = JSON.stringify({
      object: "instagram",
      entry: [
        {
          id: IG_MENTION_ACCOUNT,
          changes: [{ field: "mentions", value: { comment_id: "1){id},mentioned_media.media_id(2", media_id: "3" } }],
        },
      ],
    });
    expect(instagramMentionLookups(injected)).toMatchObject({ ok: false, error: { code: "missing_field" } });
    expect(instagramMentionLookups(JSON.stringify({ object: "page", entry: [] }))).toMatchObject({
      ok: false,
      error: { code: "unknown_event" },
    });
    expect(instagramMentionLookups("{")).toMatchObject({ ok: false, error: { code: "malformed_payload" } });
  });
});

describe("parseInstagramMention", () => {
  const commentLookup = only(instagramMentionLookups(IG_COMMENT_MENTION));
  const captionLookup = only(instagramMentionLookups(IG_CAPTION_MENTION));

  it("builds an inbound public mention from a mentioned_comment answer, with the author by username", () => {
    const r = parseInstagramMention(IG_MENTIONED_COMMENT, commentLookup, ctx);
    expect(r.ok && r.value).toMatchObject({
      id: `instagram:${IG_MENTION_ACCOUNT}:comment:17894227972186120`,
      kind: "mention",
      direction: "in",
      visibility: "public",
      actor: { platform: "instagram", scope: "username", userId: "kai.runs" },
      nativeId: "17894227972186120",
      target: { type: "post", id: "17918195224117851" },
      content: { text: "@bluebottle challenge?" },
      platformCreatedAt: Date.UTC(2018, 2, 20, 0, 5, 29), // "2018-03-20T00:05:29+0000"
      receivedAt: 1520622975000,
    });
  });

  it("builds a caption mention; without a timestamp the notification time is used", () => {
    const r = parseInstagramMention(IG_MENTIONED_MEDIA, captionLookup, ctx);
    expect(r.ok && [r.value.id, r.value.actor.userId, r.value.content?.text, r.value.platformCreatedAt]).toEqual([
      `instagram:${IG_MENTION_ACCOUNT}:media:17918195224117851`,
      "mia.cooks",
      "@bluebottle There can be only one!",
      1520622968000,
    ]);
    const t = buildThreads(r.ok ? [r.value] : []).threads;
    expect([t.length, t[0]?.status]).toEqual([1, "open"]);
  });

  it("refuses Meta's printed samples, which name no author, as missing_field (not a made-up actor)", () => {
    expect(parseInstagramMention(JSON.stringify(IG_MENTIONED_COMMENT_SAMPLE), commentLookup, ctx)).toMatchObject({
      ok: false,
      error: { code: "missing_field", path: ["mentioned_comment", "username"] },
    });
    expect(parseInstagramMention(JSON.stringify(IG_MENTIONED_MEDIA_SAMPLE), captionLookup, ctx)).toMatchObject({
      ok: false,
      error: { code: "missing_field", path: ["mentioned_media", "username"] },
    });
  });

  it("names a Graph API error answer, and refuses an answer about another comment", () => {
    const error = JSON.stringify({
      error: { message: "(#10) Comments are disabled", type: "OAuthException", code: 10 },
    });
    const r = parseInstagramMention(error, commentLookup, ctx);
    expect(r.ok ? "" : r.error.message).toMatch(/error 10: \(#10\) Comments are disabled/);
    const other = IG_MENTIONED_COMMENT.replace("17894227972186120", "17894227972186121");
    expect(parseInstagramMention(other, commentLookup, ctx)).toMatchObject({
      ok: false,
      error: { code: "invalid_request", path: ["mentioned_comment", "id"] },
    });
    expect(parseInstagramMention(IG_MENTIONED_MEDIA, commentLookup, ctx)).toMatchObject({
      ok: false,
      error: { code: "missing_field", path: ["mentioned_comment"] },
    });
  });

  it("refuses a lookup that breaks its schema and bad JSON, without throwing", () => {
    expect(
      parseInstagramMention(IG_MENTIONED_COMMENT, { ...commentLookup, commentId: "x" } as never, ctx),
    ).toMatchObject({ ok: false, error: { code: "invalid_request", path: ["lookup", "commentId"] } });
    expect(parseInstagramMention(IG_MENTIONED_COMMENT, null as never, ctx)).toMatchObject({
      ok: false,
      error: { code: "invalid_request" },
    });
    expect(parseInstagramMention("<html>", commentLookup, ctx)).toMatchObject({
      ok: false,
      error: { code: "malformed_payload" },
    });
  });

  it("does not mutate the lookup", () => {
    const copy = structuredClone(commentLookup);
    parseInstagramMention(IG_MENTIONED_COMMENT, commentLookup, ctx);
    expect(commentLookup).toEqual(copy);
  });
});

describe("Instagram mentions through the adapter", () => {
  const ig = createInstagramAdapter();
  const sign = (body: string) => ({
    method: "POST",
    url: "/meta",
    headers: { "X-Hub-Signature-256": `sha256=${hmacHex(IG_SECRET, body)}` },
    body,
  });

  it("accepts a mentions-only delivery (no unknown_event) with a v2 dedupe key, names the skip, and returns its lookup", () => {
    const r = handleWebhook(ig, sign(IG_COMMENT_MENTION), { secret: IG_SECRET }, ctx);
    expect(r.ok && r.value.kind === "delivery" && [r.value.key, r.value.interactions]).toEqual([
      v2Key("instagram", "instagram", IG_COMMENT_MENTION),
      [],
    ]);
    expect(r.ok && r.value.kind === "delivery" && r.value.skipped.map((x) => x.rule)).toEqual([
      "instagram.mentions.lookup",
    ]);
    expect(r.ok && r.value.kind === "delivery" && r.value.lookups).toEqual([
      only(instagramMentionLookups(IG_COMMENT_MENTION)),
    ]);
    expect(ig.lookups?.(IG_COMMENT_MENTION)).toEqual(instagramMentionLookups(IG_COMMENT_MENTION));
    expect(ig.dedupeKey(IG_CAPTION_MENTION)).toEqual({
      ok: true,
      value: v2Key("instagram", "instagram", IG_CAPTION_MENTION),
    });
  });

  it("still parses the rest of a batch that holds a mention, and handleWebhook returns both", () => {
    const r = ig.parse(IG_COMMENT_AND_MENTION, { ...ctx, account: IG_ACCOUNT });
    expect(r.ok && r.value.map((x) => x.kind)).toEqual(["comment"]);
    const h = handleWebhook(ig, sign(IG_COMMENT_AND_MENTION), { secret: IG_SECRET }, { ...ctx, account: IG_ACCOUNT });
    expect(
      h.ok &&
        h.value.kind === "delivery" && [h.value.interactions.map((x) => x.kind), h.value.lookups.map((l) => l.kind)],
    ).toEqual([["comment"], ["caption"]]);
  });

  it("refuses through handleWebhook a mention it cannot look up, rather than dropping it", () => {
    const broken = IG_COMMENT_MENTION.replace('"media_id":"17918195224117851"', '"media_id":"not-an-id"');
    expect(broken).not.toBe(IG_COMMENT_MENTION);
    expect(handleWebhook(ig, sign(broken), { secret: IG_SECRET }, ctx)).toMatchObject({
      ok: false,
      error: { code: "missing_field" },
    });
  });

  it("answers a comment mention and a caption mention with POST /{ig-user-id}/mentions", () => {
    const c = parseInstagramMention(IG_MENTIONED_COMMENT, commentLookupOf(), ctx);
    const m = parseInstagramMention(IG_MENTIONED_MEDIA, only(instagramMentionLookups(IG_CAPTION_MENTION)), ctx);
    const toC = ig.toOutbound({
      surface: "public_reply",
      to: c.ok ? c.value.actor : ({} as never),
      inReplyTo: c.ok ? c.value : undefined,
      text: "Challenge accepted!",
    });
    const toM = ig.toOutbound({
      surface: "public_reply",
      to: m.ok ? m.value.actor : ({} as never),
      inReplyTo: m.ok ? m.value : undefined,
      text: "MacLeod agrees!",
    });
    // the parameters of Meta's sample replies: comment_id + media_id + message, or media_id + message
    expect(toC.ok && [toC.value.path, JSON.parse(toC.value.body)]).toEqual([
      "/17841405726653026/mentions",
      { media_id: "17918195224117851", comment_id: "17894227972186120", message: "Challenge accepted!" },
    ]);
    expect(toM.ok && [toM.value.path, JSON.parse(toM.value.body)]).toEqual([
      "/17841405726653026/mentions",
      { media_id: "17918195224117851", message: "MacLeod agrees!" },
    ]);
  });

  it("the conformance kit checks lookups: the reference adapter passes, an absolute URL fails", () => {
    expect(
      runAdapterConformance(ig, INSTAGRAM_FIXTURES).checks.filter((c) => c.id === "lookups.result").length,
    ).toBeGreaterThan(0);
    const leaky = {
      ...ig,
      lookups: () => ({
        ok: true as const,
        value: [{ kind: "mention", request: { method: "GET" as const, path: "https://graph.example/me", query: {} } }],
      }),
    };
    expect(runAdapterConformance(leaky, INSTAGRAM_FIXTURES).failures.map((f) => f.id)).toContain("lookups.result");
  });

  it("refuses to answer a mention it did not build", () => {
    const c = parseInstagramMention(IG_MENTIONED_COMMENT, commentLookupOf(), ctx);
    const forged = c.ok ? { ...c.value, id: "instagram:me:comment:1" } : undefined;
    expect(
      ig.toOutbound({
        surface: "public_reply",
        to: { platform: "instagram", userId: "x" },
        inReplyTo: forged,
        text: "hi",
      }),
    ).toMatchObject({ ok: false, error: { code: "missing_field" } });
  });
});

function commentLookupOf() {
  return only(instagramMentionLookups(IG_COMMENT_MENTION));
}

describe("Instagram batches drop nothing unseen", () => {
  const ig = createInstagramAdapter();
  const c = { channelId: "ch_ig" as never, account: IG_ACCOUNT, receivedAt: 1772933402000 };
  const batch = (changes: unknown[], messaging: unknown[] = []) =>
    JSON.stringify({ object: "instagram", entry: [{ id: IG_ACCOUNT, time: 1772933400, changes, messaging }] });
  const comment = {
    field: "comments",
    value: { from: { id: "6100000001" }, media: { id: "18000000001" }, id: "17865799348089000", text: "hi" },
  };
  const dm = {
    sender: { id: "7200000002" },
    recipient: { id: IG_ACCOUNT },
    timestamp: 1772933499000,
    message: { mid: "m1", text: "hello" },
  };

  it("fails the delivery as unknown_event for a change field or messaging event it does not map, naming it", () => {
    const r = ig.parse(batch([comment, { field: "story_replies_v9", value: { id: "1" } }]), c);
    expect(r).toMatchObject({ ok: false, error: { code: "unknown_event", path: ["entry", 0, "changes", 1, "field"] } });
    expect(!r.ok && r.error.message).toMatch(/story_replies_v9/);
    const m = ig.parse(
      batch(
        [],
        [dm, { sender: { id: "7200000002" }, recipient: { id: IG_ACCOUNT }, timestamp: 1, game_play: { x: 1 } }],
      ),
      c,
    );
    expect(m).toMatchObject({ ok: false, error: { code: "unknown_event", path: ["entry", 0, "messaging", 1] } });
    expect(!m.ok && m.error.message).toMatch(/game_play/);
  });

  it("fails as missing_field for an item lacking what its interaction needs", () => {
    expect(ig.parse(batch([comment, { field: "comments", value: { id: "1", text: "no author" } }]), c)).toMatchObject({
      ok: false,
      error: { code: "missing_field", path: ["entry", 0, "changes", 1, "value"] },
    });
    expect(ig.parse(batch([], [{ recipient: { id: IG_ACCOUNT }, message: { mid: "m2" } }]), c)).toMatchObject({
      ok: false,
      error: { code: "missing_field", path: ["entry", 0, "messaging", 0] },
    });
    expect(ig.parse(JSON.stringify({ object: "instagram", entry: [7] }), c)).toMatchObject({
      ok: false,
      error: { code: "missing_field", path: ["entry", 0] },
    });
  });

  it("skips documented signals by a named rule (read receipts, story insights) and reads un-reactions as unlike", () => {
    const r = ig.parse(
      batch(
        [comment, { field: "story_insights", value: { media_id: "1", impressions: 3 } }],
        [
          dm,
          { sender: { id: "7200000002" }, recipient: { id: IG_ACCOUNT }, timestamp: 2, read: { mid: "m1" } },
          {
            sender: { id: "7200000002" },
            recipient: { id: IG_ACCOUNT },
            timestamp: 3,
            reaction: { mid: "m1", action: "unreact" },
          },
        ],
      ),
      c,
    );
    expect(r.ok && r.value.map((x) => x.kind)).toEqual(["comment", "dm", "unlike"]);
  });
});

describe("Instagram messaging events outside entry.messaging", () => {
  const ig = createInstagramAdapter();
  const c = { channelId: "ch_ig" as never, account: "23245", receivedAt: 1772933402000 };
  // the shape of the app dashboard's "Test" sample for the `messages` field (the test ids
  // 12334 / 23245 that chatwoot/chatwoot's Instagram message service recognises)
  const test = JSON.stringify({
    object: "instagram",
    entry: [
      {
        id: "0",
        time: 1772933400,
        changes: [
          {
            field: "messages",
            value: {
              sender: { id: "12334" },
              recipient: { id: "23245" },
              timestamp: "1527459824",
              message: { mid: "random_mid", text: "random_text" },
            },
          },
        ],
      },
    ],
  });

  it("reads a change whose value is a messaging event (the dashboard's test notification), with a string timestamp", () => {
    const r = ig.parse(test, c);
    expect(
      r.ok && r.value.map((x) => [x.kind, x.direction, x.actor.userId, x.content?.text, x.platformCreatedAt]),
    ).toEqual([["dm", "in", "12334", "random_text", 1527459824000]]);
    expect(ig.dedupeKey(test)).toEqual({ ok: true, value: v2Key("instagram", "instagram", test) });
  });

  it("reads standby events (handover protocol) like messaging, and a message edit as an edit of that message", () => {
    const body = JSON.stringify({
      object: "instagram",
      entry: [
        {
          id: "23245",
          time: 1772933400,
          standby: [
            {
              sender: { id: "7200000002" },
              recipient: { id: "23245" },
              timestamp: 1772933499000,
              message: { mid: "s1", text: "still there?" },
            },
          ],
          messaging: [
            {
              sender: { id: "7200000002" },
              recipient: { id: "23245" },
              timestamp: 1772933500000,
              message_edit: { mid: "s1", text: "still there??", num_edit: 1 },
            },
          ],
        },
      ],
    });
    const r = ig.parse(body, c);
    expect(r.ok && r.value.map((x) => [x.kind, x.nativeId ?? x.target?.id, x.content?.text])).toEqual([
      ["edit", "s1", "still there??"],
      ["dm", "s1", "still there?"],
    ]);
    expect(ig.dedupeKey(body).ok).toBe(true);
  });
});
