import { failure, type Result } from "@ops/core";
import type {
  AdapterFailure,
  AdapterOptions,
  OutboundRequest,
  ParseContext,
  PlatformAdapter,
  SkippedItem,
} from "./PlatformAdapter";
import type { Interaction, InteractionInput } from "../model/Interaction";
import { adapterPolicy, defineAdapter, done, type Parsed } from "../_lib/adapterKit";
import { verifyMetaWebhook } from "../_lib/metaWebhook";
import { entryChanges, instagramEntries } from "../_lib/instagramEntries";
import { toOutboundId } from "../_lib/outboundIds";
import { deliveryKey } from "../toolkit/deliveryKey";
import { arrField, idField, isObj, missing, numField, objField, strField, type Obj } from "../_lib/read";
import { instagramMentionLookups } from "./instagramMentionLookups";

const PLATFORM = "instagram";

/**
 * The reference adapter for **Instagram** professional accounts through Meta's Graph API
 * webhooks (Instagram Messaging and the `comments` / `mentions` fields), built from Meta's
 * "Webhooks — Getting started", "Instagram Webhooks" and "Private Replies" docs:
 *
 * - `verify`: the subscription handshake is a GET with `hub.mode=subscribe`,
 *   `hub.verify_token` (must equal `secret.verifyToken`) and `hub.challenge` (echoed back);
 *   a delivery carries `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body under
 *   the App Secret>`.
 * - `dedupeKey`: Meta gives no delivery id: `v2:instagram:instagram:<SHA-256 of the body>`
 *   ({@link deliveryKey}; a retry resends the same batch).
 * - `parse`: one delivery may batch several entries and changes. `comments` → `comment`
 *   (or `reply` with `parent_id`, linked by `inReplyTo`);
 *   `messaging[].message` → `dm` (`is_echo` = sent by the account → `out`; `reply_to.mid` →
 *   `inReplyTo`; `is_deleted` → `recall`); `reaction` → `like`; `postback` → `menu_click`;
 *   `standby` events (handover protocol) and changes whose value is a messaging event (the
 *   dashboard's test samples for `messages` and the other messaging fields) are read like
 *   `messaging`; `message_edit` → `edit` (target the message, content the new text);
 *   `reaction` with `action: "unreact"` → `unlike`; `read` receipts, referrals, opt-ins,
 *   handover events and `story_insights` are signals, skipped by a named rule (`parseDelivery`); any other change field or messaging event fails the delivery as
 *   `unknown_event` naming it, and an item lacking what its interaction needs as
 *   `missing_field` — nothing in a batch is dropped unseen. IGSIDs are scoped to the
 *   account. **`mentions` changes are not in `parse`'s result**: Meta's notification carries only `comment_id` / `media_id`, not
 *   who wrote what, so they become Graph API lookups: the adapter's `lookups` step
 *   ({@link instagramMentionLookups}; `handleWebhook` returns them with the interactions)
 *   gives one GET per mention, and {@link parseInstagramMention} builds the mention from
 *   each answer (a delivery holding only mentions parses to `[]`, not `unknown_event`).
 * - `replyPolicy`: `REPLY_WINDOW_POLICIES["instagram.messaging"]` (24 h standard, 7 d with
 *   `HUMAN_AGENT`, private reply within 7 d, once).
 * - `toOutbound`: `message` → `POST /me/messages` (RESPONSE, or MESSAGE_TAG with the tag);
 *   `private_reply` → `POST /me/messages` with `recipient.comment_id`; `public_reply` →
 *   `POST /<comment-id>/replies`, or for a `mention` (from {@link parseInstagramMention})
 *   `POST /<ig-user-id>/mentions` with `media_id`, `comment_id` (a comment mention) and
 *   `message`, as Meta's "IG User Mentions" reference describes.
 *
 * @param options - `policy` to replace the built-in reply-window data
 * @returns a pure {@link PlatformAdapter}
 *
 * @example
 * ```ts
 * import { createInstagramAdapter } from "@ops/interaction";
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

function toMs(t: number | undefined): number | undefined {
  if (t === undefined) return undefined;
  return t < 1e11 ? t * 1000 : t;
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
  const read = instagramEntries(body);
  if (!read.ok) return read;
  const entries = read.value;
  const out: InteractionInput[] = [];
  const skips: SkippedItem[] = [];
  const id = (kind: string, native: string): string => `${PLATFORM}:${ctx.account}:${kind}:${native}`;
  const who = (userId: string) => ({ platform: PLATFORM, scope: ctx.account, userId });
  const unknown = (path: (string | number)[], what: string): { ok: false; error: AdapterFailure } => ({
    ok: false,
    error: failure(
      "unknown_event",
      `${what} is not mapped by this adapter (subscribe only to the fields it reads, or extend it)`,
      path,
    ),
  });
  // Every entry, change and messaging event gives its interaction, is a documented signal
  // (skipped by rule), or fails the delivery: nothing is dropped unseen.
  for (let ei = 0; ei < entries.length; ei++) {
    const entry = entries[ei];
    if (!isObj(entry)) return missing(["entry", ei], `entry[${ei}]: an object`);
    const account = idField(entry, "id") ?? ctx.account;
    const entryTime = toMs(numField(entry, "time")) ?? ctx.receivedAt;
    // messaging events: `messaging`, `standby` (received while another app owns the thread,
    // under Meta's handover protocol) and changes whose value is a messaging event
    const messagingItems: [unknown, (string | number)[]][] = [];
    for (const key of ["messaging", "standby"] as const)
      for (const [mi, m] of (arrField(entry, key) ?? []).entries()) messagingItems.push([m, ["entry", ei, key, mi]]);
    // `changes`, or (Business Login for Instagram: "Webhook Notification Examples") one
    // `field` / `value` pair directly in the entry
    const changes = entryChanges(entry, ei);
    if (changes.length === 0 && messagingItems.length === 0)
      return missing(["entry", ei], `entry[${ei}] with changes, field and value, messaging or standby`);
    for (let ci = 0; ci < changes.length; ci++) {
      const [change, at] = changes[ci] as [unknown, (string | number)[]];
      if (!isObj(change)) return missing(at, `${at.join(".")}: an object`);
      const field = strField(change, "field") ?? "";
      if (field === "mentions") {
        // ids only: read through the lookups step (instagramMentionLookups) + parseInstagramMention
        skips.push({
          path: at,
          rule: "instagram.mentions.lookup",
          reason: "a mention carries ids only; see the delivery's lookups",
        });
        continue;
      }
      if (SIGNAL_FIELDS.has(field)) {
        skips.push({ path: at, rule: `instagram.${field}`, reason: "insights, not an interaction" });
        continue;
      }
      if (MESSAGING_FIELDS.has(field)) {
        messagingItems.push([objField(change, "value"), [...at, "value"]]);
        continue;
      }
      if (field !== "comments" && field !== "live_comments")
        return unknown([...at, "field"], `change field ${JSON.stringify(field)}`);
      const v = objField(change, "value");
      const cid = v === undefined ? undefined : idField(v, "id");
      const fromId = v === undefined ? undefined : idField(objField(v, "from") ?? {}, "id");
      if (v === undefined || cid === undefined || fromId === undefined)
        return missing([...at, "value"], `entry[${ei}].changes[${ci}].value with id and from.id`);
      const parent = idField(v, "parent_id");
      const mediaId = idField(objField(v, "media") ?? {}, "id");
      out.push({
        channelId: ctx.channelId,
        platformCreatedAt: entryTime,
        receivedAt: ctx.receivedAt,
        raw: change,
        visibility: "public",
        delivery: { status: "received" },
        id: id("comment", cid),
        nativeId: cid,
        kind: parent === undefined ? "comment" : "reply",
        direction: fromId === account ? "out" : "in",
        actor: who(fromId),
        ...(parent !== undefined ? { inReplyTo: id("comment", parent) } : {}),
        ...(mediaId !== undefined
          ? { target: { type: field === "live_comments" ? "live" : "post", id: mediaId } }
          : {}),
        content: { text: strField(v, "text") ?? "" },
      });
    }
    for (let mi = 0; mi < messagingItems.length; mi++) {
      const [m, path] = messagingItems[mi] as [unknown, (string | number)[]];
      const where = path
        .map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`))
        .join("")
        .slice(1);
      if (!isObj(m)) return missing(path, `${where}: a messaging event object`);
      const sender = idField(objField(m, "sender") ?? {}, "id");
      const recipient = idField(objField(m, "recipient") ?? {}, "id");
      if (sender === undefined || recipient === undefined)
        return missing(path, `${where} with sender.id and recipient.id`);
      // a number in deliveries; a digit string in the dashboard's test samples ("1527459824")
      const at =
        toMs(
          numField(m, "timestamp") ??
            (typeof m.timestamp === "string" && /^\d{1,16}$/.test(m.timestamp) ? Number(m.timestamp) : undefined),
        ) ?? entryTime;
      const outbound = sender === account;
      const user = outbound ? recipient : sender;
      const base = {
        channelId: ctx.channelId,
        platformCreatedAt: at,
        receivedAt: ctx.receivedAt,
        raw: m,
        visibility: "private" as const,
        actor: who(sender),
        ...(outbound ? { recipient: who(user) } : {}),
        delivery: { status: outbound ? ("sent" as const) : ("received" as const) },
      };
      const message = objField(m, "message");
      const reaction = objField(m, "reaction");
      const postback = objField(m, "postback");
      if (message !== undefined) {
        const mid = idField(message, "mid") ?? `${sender}:${at}:${ei}:${mi}`;
        if (message.is_deleted === true) {
          out.push({
            ...base,
            id: id("recall", mid),
            kind: "recall",
            direction: "activity",
            target: { type: "message", id: mid },
          });
          continue;
        }
        const replyTo = idField(objField(message, "reply_to") ?? {}, "mid");
        const attachments = (arrField(message, "attachments") ?? []).filter(isObj).map((a: Obj) => {
          const type = strField(a, "type");
          const url = strField(objField(a, "payload") ?? {}, "url");
          const mediaType = type === "image" || type === "video" || type === "audio" || type === "file" ? type : "link";
          return { type: mediaType, ...(url !== undefined ? { url } : {}) } as const;
        });
        out.push({
          ...base,
          id: id("message", mid),
          nativeId: mid,
          kind: "dm",
          direction: outbound || message.is_echo === true ? "out" : "in",
          ...(replyTo !== undefined ? { inReplyTo: id("message", replyTo) } : {}),
          content: { text: strField(message, "text") ?? "", media: attachments },
        });
      } else if (reaction !== undefined) {
        const mid = idField(reaction, "mid");
        if (mid === undefined) return missing([...path, "reaction", "mid"], `${where}.reaction.mid`);
        const unreact = strField(reaction, "action") === "unreact";
        out.push({
          ...base,
          id: id(unreact ? "unreaction" : "reaction", `${mid}:${sender}:${at}`),
          kind: unreact ? "unlike" : "like",
          direction: "activity",
          target: { type: "message", id: mid },
        });
      } else if (postback !== undefined) {
        const mid = idField(postback, "mid") ?? `${sender}:${at}`;
        out.push({
          ...base,
          id: id("postback", mid),
          nativeId: mid,
          kind: "menu_click",
          direction: "in",
          content: { text: strField(postback, "payload") ?? strField(postback, "title") ?? "" },
        });
      } else if (objField(m, "message_edit") !== undefined) {
        const edit = objField(m, "message_edit") as Obj;
        const mid = idField(edit, "mid");
        if (mid === undefined) return missing([...path, "message_edit", "mid"], `${where}.message_edit.mid`);
        out.push({
          ...base,
          id: id("edit", `${mid}:${numField(edit, "num_edit") ?? at}`),
          kind: "edit",
          direction: "activity",
          target: { type: "message", id: mid },
          content: { text: strField(edit, "text") ?? "" },
        });
      } else if (SIGNAL_EVENTS.some((k) => m[k] !== undefined)) {
        const k = SIGNAL_EVENTS.find((e) => m[e] !== undefined) as string;
        skips.push({
          path,
          rule: `instagram.${k}`,
          reason: "a messaging signal (read receipt, referral, opt-in, handover): nothing to answer",
        });
      } else {
        const keys = Object.keys(m).filter((k) => k !== "sender" && k !== "recipient" && k !== "timestamp");
        return unknown(path, `messaging event ${JSON.stringify(keys.join(",") || "(empty)")}`);
      }
    }
  }
  return done(out, skips);
}
