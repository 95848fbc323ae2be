import * as z from "zod/mini";
import { failure, InstantSchema, type Result } from "@ops/core";
import { checkContext } from "./_lib/adapterKit";
import { checkWith } from "../_lib/checkWith";
import { InteractionSchema, type Interaction, type InteractionInput } from "../model/Interaction";
import {
  OutboundDraftSchema,
  type AdapterFailure,
  type OutboundDraftInput,
  type ParseContext,
} from "./PlatformAdapter";

/**
 * Schema of a {@link SentMessage}: what the platform's send API answered — the id it gave
 * the message (`messageId`) — and when the send succeeded (`sentAt`, epoch ms, your clock).
 * Where the id is in each answer: Messenger and Instagram `POST …/messages` → `message_id`;
 * Graph API comment replies (`POST /{id}/comments`, `/{id}/replies`) → `id`; WhatsApp
 * `POST /{phone-number-id}/messages` → `messages[0].id` (`wamid.…`); X `POST
 * /2/dm_conversations/…/messages` → `data.dm_event_id`, `POST /2/tweets` → `data.id`.
 *
 * @example
 * ```ts
 * import { SentMessageSchema } from "@ops/interaction/adapters";
 * SentMessageSchema.safeParse({ messageId: "", sentAt: 1 }).success;
 * // => false
 * ```
 */
export const SentMessageSchema = /* @__PURE__ */ (() =>
  z.object({
    messageId: z
      .string()
      .check(z.minLength(1, { error: "must be the platform's non-empty message id" }), z.maxLength(512)),
    sentAt: InstantSchema,
  }))();

/** What the send API answered; see {@link SentMessageSchema}. */
export type SentMessage = z.output<typeof SentMessageSchema>;

/**
 * The id segment each reference adapter gives a message or comment, so that a recorded send
 * and the platform's own echo of it (Messenger and Instagram `is_echo`, X `dm.sent`,
 * Douyin `im_send_msg`) get the same interaction id and are kept once.
 */
const SEGMENTS: Readonly<Record<string, { readonly message: string; readonly public_reply: string }>> = {
  instagram: { message: "message", public_reply: "comment" },
  messenger: { message: "message", public_reply: "comment" },
  whatsapp: { message: "message", public_reply: "message" },
  x: { message: "dm", public_reply: "post" },
  douyin: { message: "msg", public_reply: "comment" },
  weibo: { message: "msg", public_reply: "comment" },
  wechat_oa: { message: "msg", public_reply: "msg" },
};

/**
 * The outbound {@link Interaction} of a message the team sent: the draft given to
 * `toOutbound` plus what the platform's send API answered ({@link SentMessage}). Platforms
 * push few of the account's own sends back (WhatsApp, Weibo and WeChat none), so without it a
 * thread never learns it was answered and stays open.
 *
 * - `id` = `<platform>:<context.account>:<segment>:<messageId>`, the id the platform's
 *   reference adapter gives the same message when the platform echoes it (`message` for
 *   Messenger, Instagram and WhatsApp messages, `comment` for Meta comment replies, `dm` /
 *   `post` on X, `msg` on Douyin, Weibo and WeChat; `message` / `comment` for other
 *   platforms): store it once, keyed by id, and an echo is a duplicate.
 * - `message` and `private_reply` → `dm` (private, `recipient` = `draft.to`);
 *   `public_reply` → `reply`, or `comment` when it answers a `post`; public.
 * - `inReplyTo` = the answered interaction's id, so `buildThreads` puts the send into the
 *   answered thread (a private reply to a comment answers that comment's thread) and its
 *   clock stops; its `conversation` and `target` are carried over.
 * - `direction: "out"`, `actor` = the account (`userId` = `context.account`, scoped like the
 *   adapters' actors), `delivery: { status: "sent", at: sentAt }`, `platformCreatedAt` =
 *   `receivedAt` = `sentAt`, `nativeId` = `messageId`, `content.text` = the draft's text.
 *
 * @param draft - the draft `toOutbound` turned into the request (an {@link OutboundDraftInput})
 * @param sent - the message id the platform returned and when the send succeeded
 * @param context - the channel and account, as for `parse`
 * @returns the interaction, or `invalid_request` naming the argument that breaks its schema
 *   (a public reply without `inReplyTo`, an empty `messageId`, …)
 *
 * @example
 * ```ts
 * import { recordOutbound } from "@ops/interaction/adapters";
 * const r = recordOutbound(
 *   { surface: "message", to: { platform: "whatsapp", scope: "106540352242922", userId: "16505551234" }, text: "Yes, in blue and green." },
 *   { messageId: "wamid.HBgLMTY1MDM4Nzk0", sentAt: 1749416400000 },
 *   { channelId: "ch_wa" as never, account: "106540352242922", receivedAt: 1749416400000 },
 * );
 * r.ok && [r.value.id, r.value.kind, r.value.direction, r.value.recipient?.userId];
 * // => ["whatsapp:106540352242922:message:wamid.HBgLMTY1MDM4Nzk0", "dm", "out", "16505551234"]
 * ```
 */
export function recordOutbound(
  draft: OutboundDraftInput,
  sent: SentMessage,
  context: ParseContext,
): Result<Interaction, AdapterFailure> {
  const d = checkWith(OutboundDraftSchema, draft);
  if (!d.ok) return invalid("draft", d.path, d.rule);
  const s = checkWith(SentMessageSchema, sent);
  if (!s.ok) return invalid("sent", s.path, s.rule);
  const c = checkContext(context);
  if (!c.ok) return c;
  const { surface, to, text, inReplyTo } = d.value;
  const { messageId, sentAt } = s.value;
  const ctx = c.value;
  const platform = to.platform;
  if (surface !== "message" && inReplyTo === undefined)
    return invalid("draft", ["inReplyTo"], `is needed for a ${surface} (the comment answered)`);
  const segments = SEGMENTS[platform] ?? { message: "message", public_reply: "comment" };
  const isPublic = surface === "public_reply";
  const candidate: InteractionInput = {
    id: `${platform}:${ctx.account}:${isPublic ? segments.public_reply : segments.message}:${messageId}`,
    channelId: ctx.channelId,
    kind: isPublic ? (inReplyTo?.kind === "post" ? "comment" : "reply") : "dm",
    direction: "out",
    visibility: isPublic ? "public" : "private",
    actor: { platform, scope: to.scope, userId: ctx.account },
    ...(isPublic ? {} : { recipient: to }),
    ...(inReplyTo !== undefined ? { inReplyTo: inReplyTo.id } : {}),
    ...(!isPublic && inReplyTo?.conversation !== undefined ? { conversation: inReplyTo.conversation } : {}),
    ...(isPublic && inReplyTo?.target !== undefined ? { target: inReplyTo.target } : {}),
    content: { text },
    nativeId: messageId,
    delivery: { status: "sent", at: sentAt },
    platformCreatedAt: sentAt,
    receivedAt: sentAt,
  };
  const built = checkWith(InteractionSchema, candidate);
  if (!built.ok) return invalid("draft", built.path, built.rule);
  return { ok: true, value: built.value };
}

function invalid(
  arg: string,
  path: readonly (string | number)[],
  rule: string,
): { readonly ok: false; readonly error: AdapterFailure } {
  return { ok: false, error: failure("invalid_request", `${[arg, ...path].join(".")} ${rule}`, [arg, ...path]) };
}
