import { failure, type Result } from "@ops/core";
import type { AdapterFailure, AdapterOptions, OutboundRequest, ParseContext, PlatformAdapter } from "./PlatformAdapter";
import type { Interaction } from "../model/Interaction";
import { adapterPolicy, defineAdapter, type Parsed } from "./_lib/adapterKit";
import { eachMetaEntry, metaUnknown, verifyMetaWebhook } from "./_lib/metaWebhook";
import { instagramEntries } from "./_lib/instagramEntries";
import { metaMessagingEvent } from "./_lib/metaMessagingEvent";
import { toOutboundId } from "./_lib/outboundIds";
import { deliveryKey } from "../toolkit/deliveryKey";
import { idField, missing, objField, strField } from "./_lib/read";
import { instagramMentionLookups } from "./instagramMentionLookups";

const PLATFORM = "instagram";

/**
 * The reference adapter for **Instagram** professional accounts through Meta's Graph API
 * webhooks: it checks Meta's signature, reads comments and Instagram Messaging events as
 * interactions (mentions through the `lookups` step and {@link parseInstagramMention}), and
 * drafts messages, private replies and public replies.
 *
 * See docs/adapter-guide.md, "Instagram", for the platform's webhook formats,
 * signature scheme, field mappings, reply-window rules, what is skipped and the sources.
 *
 * @param options - `policy` to replace the built-in reply-window data
 * @returns a pure {@link PlatformAdapter}
 *
 * @example
 * ```ts
 * import { createInstagramAdapter } from "@ops/interaction/adapters";
 * const ig = createInstagramAdapter();
 * const body = JSON.stringify({ object: "instagram", entry: [{ id: "17841400000000000", time: 1772933400,
 *   changes: [{ field: "comments", value: { from: { id: "6100000001", username: "mia" }, media: { id: "18000000001" }, id: "17865799348089039", parent_id: "17865799348089000", text: "Which shade for warm skin?" } }] }] });
 * const r = ig.parse(body, { channelId: "ch_ig" as never, account: "17841400000000000", receivedAt: 1772933401000 });
 * r.ok && [r.value[0]?.kind, r.value[0]?.inReplyTo];
 * // => ["reply", "instagram:17841400000000000:comment:17865799348089000"]
 * ```
 */
export function createInstagramAdapter(options: AdapterOptions = {}): PlatformAdapter {
  const policy = adapterPolicy("createInstagramAdapter", options, "instagram.messaging");
  return defineAdapter({
    platform: PLATFORM,
    policy,
    verify: verifyMetaWebhook,
    dedupeKey(body) {
      const entries = instagramEntries(body);
      if (!entries.ok) return entries;
      return { ok: true, value: deliveryKey(PLATFORM, "instagram", body) };
    },
    parse: parseInstagram,
    lookups: instagramMentionLookups,
    toOutbound(draft) {
      const json = { "content-type": "application/json" };
      const { surface, text, tag, inReplyTo } = draft;
      if (surface === "message") {
        const body =
          tag === undefined
            ? { recipient: { id: draft.to.userId }, messaging_type: "RESPONSE", message: { text } }
            : { recipient: { id: draft.to.userId }, messaging_type: "MESSAGE_TAG", tag, message: { text } };
        return { ok: true, value: { method: "POST", path: "/me/messages", headers: json, body: JSON.stringify(body) } };
      }
      if (surface === "public_reply" && inReplyTo?.kind === "mention") return mentionReply(inReplyTo, text);
      const commentId = inReplyTo?.nativeId;
      if (commentId !== undefined) {
        const checked = toOutboundId(commentId, "instagram", ["draft", "inReplyTo", "nativeId"]);
        if (!checked.ok) return checked;
      }
      if (commentId === undefined)
        return {
          ok: false,
          error: failure("missing_field", `a ${surface} needs inReplyTo with the comment's nativeId`, [
            "draft",
            "inReplyTo",
            "nativeId",
          ]),
        };
      if (surface === "private_reply") {
        return {
          ok: true,
          value: {
            method: "POST",
            path: "/me/messages",
            headers: json,
            body: JSON.stringify({ recipient: { comment_id: commentId }, message: { text } }),
          },
        };
      }
      return {
        ok: true,
        value: {
          method: "POST",
          path: `/${encodeURIComponent(commentId)}/replies`,
          headers: json,
          body: JSON.stringify({ message: text }),
        },
      };
    },
  });
}

/**
 * `POST /{ig-user-id}/mentions` for a mention built by `parseInstagramMention`: the account
 * is the one in the interaction id (`instagram:<account>:comment|media:<id>`), the media is
 * its `target`, a comment mention adds `comment_id` (Meta, "IG User Mentions": "Replying to a
 * Comment" and "Replying to a Captioned IG Media Object").
 */
function mentionReply(mention: Interaction, text: string): Result<OutboundRequest, AdapterFailure> {
  const m = /^instagram:(\d+):(comment|media):(\d+)$/.exec(mention.id);
  const mediaId = mention.target?.type === "post" ? mention.target.id : undefined;
  if (m === null || mediaId === undefined) {
    return {
      ok: false,
      error: failure(
        "missing_field",
        "a reply to a mention needs the mention as parseInstagramMention built it (id instagram:<account>:comment|media:<id>, target the media)",
        ["draft", "inReplyTo"],
      ),
    };
  }
  const body =
    m[2] === "comment" ? { media_id: mediaId, comment_id: m[3], message: text } : { media_id: mediaId, message: text };
  return {
    ok: true,
    value: {
      method: "POST",
      path: `/${m[1]}/mentions`,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    },
  };
}

/**
 * Change fields and messaging events that are known and carry no interaction: insights
 * (`story_insights`), read receipts (`read`), and the Messenger-platform signals Meta
 * documents for Instagram messaging (`referral`, `optin`, handover `pass_thread_control` /
 * `take_thread_control` / `request_thread_control`). They are skipped by rule; anything
 * else unknown fails the delivery as `unknown_event`, naming it.
 */
const SIGNAL_FIELDS: ReadonlySet<string> = new Set(["story_insights"]);
const SIGNAL_EVENTS: readonly string[] = [
  "read",
  "referral",
  "optin",
  "pass_thread_control",
  "take_thread_control",
  "request_thread_control",
];
/**
 * Change fields whose `value` is a messaging event (`{sender, recipient, timestamp, message | …}`):
 * the shape of the sample notifications the app dashboard's "Test" button sends for the
 * messaging fields, read like `entry.messaging` items.
 */
const MESSAGING_FIELDS: ReadonlySet<string> = new Set([
  "messages",
  "messaging_postbacks",
  "message_reactions",
  "messaging_seen",
  "messaging_referral",
  "messaging_optins",
  "messaging_handover",
  "message_edit",
]);

function parseInstagram(body: string, ctx: ParseContext): Parsed {
  const id = (kind: string, native: string): string => `${PLATFORM}:${ctx.account}:${kind}:${native}`;
  const who = (userId: string) => ({ platform: PLATFORM, scope: ctx.account, userId });
  // Every entry, change and messaging event gives its interaction, is a documented signal
  // (skipped by rule), or fails the delivery: nothing is dropped unseen.
  return eachMetaEntry(body, {
    object: "instagram",
    messagingFields: MESSAGING_FIELDS,
    change(change, field, at, entry) {
      if (field === "mentions")
        // ids only: read through the lookups step (instagramMentionLookups) + parseInstagramMention
        return {
          ok: true,
          value: {
            path: at,
            rule: "instagram.mentions.lookup",
            reason: "a mention carries ids only; see the delivery's lookups",
          },
        };
      if (SIGNAL_FIELDS.has(field))
        return { ok: true, value: { path: at, rule: `instagram.${field}`, reason: "insights, not an interaction" } };
      if (field !== "comments" && field !== "live_comments")
        return metaUnknown([...at, "field"], `change field ${JSON.stringify(field)}`);
      const v = objField(change, "value");
      const cid = v === undefined ? undefined : idField(v, "id");
      const fromId = v === undefined ? undefined : idField(objField(v, "from") ?? {}, "id");
      if (v === undefined || cid === undefined || fromId === undefined)
        return missing([...at, "value"], `${at.join(".")}.value with id and from.id`);
      const parent = idField(v, "parent_id");
      const mediaId = idField(objField(v, "media") ?? {}, "id");
      return {
        ok: true,
        value: {
          channelId: ctx.channelId,
          platformCreatedAt: entry.time ?? ctx.receivedAt,
          receivedAt: ctx.receivedAt,
          raw: change,
          visibility: "public",
          delivery: { status: "received" },
          id: id("comment", cid),
          nativeId: cid,
          kind: parent === undefined ? "comment" : "reply",
          direction: fromId === (entry.id ?? ctx.account) ? "out" : "in",
          actor: who(fromId),
          ...(parent !== undefined ? { inReplyTo: id("comment", parent) } : {}),
          ...(mediaId !== undefined
            ? { target: { type: field === "live_comments" ? "live" : "post", id: mediaId } }
            : {}),
          content: { text: strField(v, "text") ?? "" },
        },
      };
    },
    event: (m, path, entry, mi) =>
      metaMessagingEvent(m, path, {
        platform: PLATFORM,
        ctx,
        account: entry.id ?? ctx.account,
        entryTime: entry.time ?? ctx.receivedAt,
        signals: SIGNAL_EVENTS,
        signalReason: () => "a messaging signal (read receipt, referral, opt-in, handover): nothing to answer",
        // a message without mid (none documented) still gets a stable id from its place
        fallbackMid: (sender, at) => `${sender}:${at}:${entry.index}:${mi}`,
      }),
  });
}
