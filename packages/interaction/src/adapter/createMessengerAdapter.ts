import { failure, type Result } from "@ops/core";
import type {
  AdapterFailure,
  AdapterOptions,
  OutboundRequest,
  ParseContext,
  PlatformAdapter,
  SkippedItem,
} from "./PlatformAdapter";
import type { InteractionInput } from "../model/Interaction";
import { adapterPolicy, defineAdapter, itemDigest, type Parsed } from "./_lib/adapterKit";
import {
  eachMetaEntry,
  metaEntries,
  metaTimeMs,
  metaUnknown,
  verifyMetaWebhook,
  type MetaEntry,
} from "./_lib/metaWebhook";
import { metaMessagingEvent } from "./_lib/metaMessagingEvent";
import { toOutboundId } from "./_lib/outboundIds";
import { deliveryKey } from "../toolkit/deliveryKey";
import { idField, missing, numField, objField, strField, type Obj } from "./_lib/read";

const PLATFORM = "messenger";
/** Messenger Send API: a text message holds at most 2000 characters (Send API reference, `message.text`). */
const MAX_TEXT = 2000;

/**
 * The reference adapter for **Facebook Messenger** and the comments of a **Facebook Page**
 * (Page webhooks, `object: "page"`): it checks Meta's signature, reads messaging events and
 * `feed` changes as interactions, and drafts messages, private replies and public replies.
 *
 * See docs/adapter-guide.md, "Messenger", for the platform's webhook formats,
 * signature scheme, field mappings, reply-window rules, what is skipped and the sources.
 *
 * @param options - `policy` to replace the built-in reply-window data
 * @returns a pure {@link PlatformAdapter}
 *
 * @example
 * ```ts
 * import { createMessengerAdapter } from "@ops/interaction/adapters";
 * const fb = createMessengerAdapter();
 * const body = JSON.stringify({ object: "page", entry: [{ id: "104813", time: 1772933400000, messaging: [{
 *   sender: { id: "2705128" }, recipient: { id: "104813" }, timestamp: 1772933399000,
 *   message: { mid: "m_a1", text: "Do you ship to Lyon?" } }] }] });
 * const r = fb.parse(body, { channelId: "ch_fb" as never, account: "104813", receivedAt: 1772933401000 });
 * r.ok && [r.value[0]?.kind, r.value[0]?.direction, r.value[0]?.id];
 * // => ["dm", "in", "messenger:104813:message:m_a1"]
 * ```
 */
export function createMessengerAdapter(options: AdapterOptions = {}): PlatformAdapter {
  const policy = adapterPolicy("createMessengerAdapter", options, "messenger.messaging");
  return defineAdapter({
    platform: PLATFORM,
    policy,
    verify: verifyMetaWebhook,
    dedupeKey(body) {
      const entries = metaEntries(body, "page");
      if (!entries.ok) return entries;
      return { ok: true, value: deliveryKey(PLATFORM, "page", body) };
    },
    parse: parseMessenger,
    toOutbound(draft) {
      const json = { "content-type": "application/json" };
      const { surface, text, tag, inReplyTo } = draft;
      if (text.length > MAX_TEXT)
        return {
          ok: false,
          error: failure("unsupported", `a Messenger text holds at most ${MAX_TEXT} characters`, ["draft", "text"]),
        };
      if (surface === "public_reply") {
        const target = toOutboundId(inReplyTo?.nativeId, "messenger", ["draft", "inReplyTo", "nativeId"]);
        if (!target.ok) return target;
        const request: OutboundRequest = {
          method: "POST",
          path: `/${target.value}/comments`,
          headers: json,
          body: JSON.stringify({ message: text }),
        };
        return { ok: true, value: request };
      }
      const page = toOutboundId(draft.to.scope, "messenger", ["draft", "to", "scope"]);
      if (!page.ok) return page;
      if (surface === "private_reply") {
        const comment = toOutboundId(inReplyTo?.nativeId, "messenger", ["draft", "inReplyTo", "nativeId"]);
        if (!comment.ok) return comment;
        return {
          ok: true,
          value: {
            method: "POST",
            path: `/${page.value}/messages`,
            headers: json,
            body: JSON.stringify({ recipient: { comment_id: comment.value }, message: { text } }),
          },
        };
      }
      const psid = toOutboundId(draft.to.userId, "messenger", ["draft", "to", "userId"]);
      if (!psid.ok) return psid;
      const body =
        tag === undefined
          ? { recipient: { id: psid.value }, messaging_type: "RESPONSE", message: { text } }
          : { recipient: { id: psid.value }, messaging_type: "MESSAGE_TAG", tag, message: { text } };
      return {
        ok: true,
        value: { method: "POST", path: `/${page.value}/messages`, headers: json, body: JSON.stringify(body) },
      };
    },
  });
}

/** Messaging events that are known signals with nothing to answer, skipped by the rule `messenger.<event>`. */
const SIGNAL_EVENTS: readonly string[] = [
  "read",
  "delivery",
  "referral",
  "optin",
  "pass_thread_control",
  "take_thread_control",
  "request_thread_control",
  "app_roles",
  "policy_enforcement",
  "account_linking",
  "response_feedback",
];
const SIGNAL_REASON: Readonly<Record<string, string>> = {
  read: "a read receipt (all the Page's messages up to a watermark were read): nothing to answer",
  delivery: "a delivery receipt (the Page's messages up to a watermark were delivered): nothing to answer",
};
/** Change fields whose `value` is a messaging event (the `field` / `value` samples of the messaging webhook pages). */
const MESSAGING_FIELDS: ReadonlySet<string> = new Set([
  "messages",
  "message_echoes",
  "messaging_postbacks",
  "message_reactions",
  "message_reads",
  "message_deliveries",
  "message_edits",
  "messaging_referrals",
  "messaging_optins",
  "messaging_handovers",
  "messaging_policy_enforcement",
  "messaging_account_linking",
  "response_feedback",
]);
/** `feed` items that are a post written on the Page. */
const POST_ITEMS: ReadonlySet<string> = new Set(["status", "post", "photo", "video"]);

function parseMessenger(body: string, ctx: ParseContext): Parsed {
  const id = (kind: string, native: string): string => `${PLATFORM}:${ctx.account}:${kind}:${native}`;
  const who = (userId: string) => ({ platform: PLATFORM, scope: ctx.account, userId });
  // the entry's Page (PSIDs are scoped to it) and time, else the context's
  const pageOf = (entry: MetaEntry): string => entry.id ?? ctx.account;
  const timeOf = (entry: MetaEntry): number => entry.time ?? ctx.receivedAt;
  return eachMetaEntry(body, {
    object: "page",
    messagingFields: MESSAGING_FIELDS,
    change(change, field, at, entry) {
      if (field !== "feed") return metaUnknown([...at, "field"], `change field ${JSON.stringify(field)}`);
      const v = objField(change, "value");
      if (v === undefined) return missing([...at, "value"], `${at.join(".")}.value`);
      return feedItem(v, [...at, "value"], pageOf(entry), timeOf(entry));
    },
    event: (m, at, entry) =>
      metaMessagingEvent(m, at, {
        platform: PLATFORM,
        ctx,
        account: pageOf(entry),
        entryTime: timeOf(entry),
        signals: SIGNAL_EVENTS,
        signalReason: (signal) =>
          SIGNAL_REASON[signal] ?? "a messaging signal (referral, opt-in, handover, policy): nothing to answer",
        userRef: true,
      }),
  });

  /** One `feed` change: an interaction, a skip by a named rule, or the failure. */
  function feedItem(
    v: Obj,
    path: (string | number)[],
    page: string,
    entryTime: number,
  ): Result<InteractionInput | SkippedItem, AdapterFailure> {
    const item = strField(v, "item") ?? "";
    const verb = strField(v, "verb") ?? "";
    // `from: {id, name}` in today's deliveries; `sender_id` (a number) and `sender_name` in
    // the Graph API v2.5-era deliveries restfb keeps as test data (feed-comment-edited-25.json, …)
    const from = idField(objField(v, "from") ?? {}, "id") ?? idField(v, "sender_id");
    const postId = idField(v, "post_id");
    const at = metaTimeMs(numField(v, "created_time")) ?? entryTime;
    if (from === undefined) return missing([...path, "from", "id"], `${path.join(".")}.from.id (or sender_id)`);
    const own = from === page;
    const base = {
      channelId: ctx.channelId,
      platformCreatedAt: at,
      receivedAt: ctx.receivedAt,
      raw: v,
      visibility: "public" as const,
      actor: who(from),
      delivery: { status: own ? ("sent" as const) : ("received" as const) },
    };
    if (item === "comment") {
      const cid = idField(v, "comment_id");
      if (cid === undefined || postId === undefined)
        return missing(path, `${path.join(".")} with comment_id and post_id`);
      const target = { type: "post" as const, id: postId };
      if (verb === "add") {
        const parent = idField(v, "parent_id");
        const isReply = parent !== undefined && parent !== postId;
        return {
          ok: true,
          value: {
            ...base,
            id: id("comment", cid),
            nativeId: cid,
            kind: isReply ? "reply" : "comment",
            direction: own ? "out" : "in",
            ...(isReply ? { inReplyTo: id("comment", parent) } : {}),
            target,
            content: { text: strField(v, "message") ?? "" },
          },
        };
      }
      if (verb === "edited" || verb === "edit")
        return {
          ok: true,
          value: {
            ...base,
            // two edits of one comment can share a second: the id is a digest of the change (and
            // of the Page, which decides whether the edit is the Page's own), as for reactions
            id: id("edit", `${cid}:${itemDigest([page, v])}`),
            kind: "edit",
            direction: "activity",
            target: { type: "comment", id: cid },
            content: { text: strField(v, "message") ?? "" },
          },
        };
      if (verb === "remove" || verb === "delete")
        return {
          ok: true,
          value: {
            ...base,
            id: id("recall", cid),
            kind: "recall",
            direction: "activity",
            target: { type: "comment", id: cid },
          },
        };
      if (verb === "hide" || verb === "unhide")
        return {
          ok: true,
          value: {
            path,
            rule: `messenger.feed.${verb}`,
            reason: `comment ${cid} was ${verb === "hide" ? "hidden" : "unhidden"}: moderation, not an interaction`,
          },
        };
      return metaUnknown([...path, "verb"], `feed comment verb ${JSON.stringify(verb)}`);
    }
    if (POST_ITEMS.has(item) && verb === "add") {
      if (postId === undefined) return missing([...path, "post_id"], `${path.join(".")}.post_id`);
      if (own)
        return {
          ok: true,
          value: { path, rule: "messenger.feed.own_post", reason: "the Page's own post: content, not an interaction" },
        };
      return {
        ok: true,
        value: {
          ...base,
          id: id("post", postId),
          nativeId: postId,
          kind: "post",
          direction: "in",
          content: { text: strField(v, "message") ?? "" },
        },
      };
    }
    if (item === "reaction" || item === "like") {
      const on = idField(v, "comment_id") ?? postId;
      if (on === undefined) return missing([...path, "post_id"], `${path.join(".")}.post_id or comment_id`);
      if (own)
        return {
          ok: true,
          value: { path, rule: "messenger.feed.own_reaction", reason: "the Page's own reaction: not an interaction" },
        };
      if (verb !== "add" && verb !== "remove" && verb !== "edit")
        return metaUnknown([...path, "verb"], `feed ${item} verb ${JSON.stringify(verb)}`);
      const removed = verb === "remove";
      return {
        ok: true,
        value: {
          ...base,
          id: id(removed ? "unreaction" : "reaction", itemDigest(v)),
          kind: removed ? "unlike" : "like",
          direction: "activity",
          target: { type: idField(v, "comment_id") === undefined ? "post" : "comment", id: on },
          ...(strField(v, "reaction_type") !== undefined
            ? { content: { text: strField(v, "reaction_type") ?? "" } }
            : {}),
        },
      };
    }
    return metaUnknown([...path, "item"], `feed item ${JSON.stringify(item)} with verb ${JSON.stringify(verb)}`);
  }
}
