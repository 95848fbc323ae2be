import * as z from "zod/mini";
import type { ChannelId, Failure, Instant, Result } from "@ops/core";
import { ActorRefSchema } from "@ops/core";
import type { Interaction } from "../model/Interaction";
import { InteractionSchema } from "../model/Interaction";
import type { Thread } from "../model/Thread";
import type { ReplyDecision, ReplyWindowPolicy } from "../replyWindow/ReplyWindowPolicy";
import { ReplySurfaceSchema } from "../replyWindow/ReplyWindowPolicy";

/**
 * Schema of a {@link WebhookRequest}: an HTTP request as the integrator's server received
 * it — method, the path with its query string, headers (names in any case; adapters
 * compare them case-insensitively) and the body text byte-for-byte as received (signatures
 * are computed over the raw body, so never re-serialise parsed JSON).
 *
 * @example
 * ```ts
 * import { WebhookRequestSchema } from "@ops/interaction/adapters";
 * WebhookRequestSchema.parse({ method: "GET", url: "/wechat?echostr=1" }).body;
 * // => ""
 * ```
 */
export const WebhookRequestSchema = /* @__PURE__ */ (() =>
  z.object({
    method: z.string().check(z.minLength(1), z.maxLength(16)),
    url: z.string().check(z.minLength(1), z.maxLength(16_384)),
    headers: z._default(z.record(z.string(), z.string()), {}),
    body: z._default(z.string(), ""),
  }))();

/** An incoming webhook HTTP request; see {@link WebhookRequestSchema}. */
export type WebhookRequest = z.output<typeof WebhookRequestSchema>;

/**
 * Schema of a {@link WebhookSecret}: the shared secret a platform signs with (WeChat's
 * Token, Meta's App Secret, X's consumer secret, Douyin's client secret, Weibo's app
 * secret) and, for platforms whose subscription handshake echoes a token you chose
 * (Meta's `hub.verify_token`), that token.
 *
 * @example
 * ```ts
 * import { WebhookSecretSchema } from "@ops/interaction/adapters";
 * WebhookSecretSchema.safeParse({ secret: "" }).success;
 * // => false
 * ```
 */
export const WebhookSecretSchema = /* @__PURE__ */ (() =>
  z.object({
    secret: z.string().check(z.minLength(1, { error: "must be the non-empty shared secret" })),
    verifyToken: z.optional(z.string().check(z.minLength(1))),
  }))();

/** The secrets `verify` checks against; see {@link WebhookSecretSchema}. */
export type WebhookSecret = z.output<typeof WebhookSecretSchema>;

/** The HTTP response an integrator sends back for a handshake (`status`, headers, body). */
export interface WebhookResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * The outcome of a successful `verify`: either a subscription handshake to answer with
 * `response` (WeChat `echostr`, Meta `hub.challenge`, X CRC), or a `delivery` whose
 * signature is good and whose body can be parsed.
 */
export type VerifyOutcome =
  | { readonly kind: "challenge"; readonly response: WebhookResponse }
  | { readonly kind: "delivery" };

/**
 * Codes of the expected failures of an adapter:
 * `bad_signature` (missing or wrong signature), `stale_request` (a signed timestamp too
 * old: a replay), `malformed_payload` (not the platform's JSON / XML), `missing_field`
 * (a required field is absent or of the wrong type), `unknown_event` (an event type the
 * adapter does not map), `unsupported` (an outbound draft the platform cannot send),
 * `invalid_request` (the request or draft breaks its schema), `duplicate_delivery` (a
 * delivery whose dedupe key was already processed; see `handleWebhook`),
 * `payload_too_large` (a body over the size or nesting limit, `WEBHOOK_BODY_LIMITS`:
 * refused before it is parsed or hashed).
 */
export type AdapterFailureCode =
  | "bad_signature"
  | "stale_request"
  | "malformed_payload"
  | "missing_field"
  | "unknown_event"
  | "unsupported"
  | "invalid_request"
  | "duplicate_delivery"
  | "payload_too_large";

/** An expected adapter failure: core's {@link Failure} with an {@link AdapterFailureCode}. */
export type AdapterFailure = Failure<AdapterFailureCode>;

/**
 * Options of the reference adapters: the reply-window data to answer `replyPolicy` from.
 * Shared by `createDouyinAdapter`, `createInstagramAdapter`, `createWeiboAdapter` and
 * `createXAdapter`; `createWechatOaAdapter`'s `WechatOaAdapterOptions` extends it.
 */
export interface AdapterOptions {
  /** Replaces the built-in entry of `REPLY_WINDOW_POLICIES` (e.g. when a platform changes its rules). */
  readonly policy?: ReplyWindowPolicy;
}

/** What `parse` needs besides the raw body: the channel the webhook belongs to and when it arrived. */
export interface ParseContext {
  readonly channelId: ChannelId;
  /** The platform account of the channel (WeChat gh_ id, IG user id, …), used to scope user ids. */
  readonly account: string;
  /** When the integrator received the delivery (epoch ms); becomes `receivedAt`. */
  readonly receivedAt: Instant;
}

/**
 * Schema of an {@link OutboundDraft}: a message the team wants to send — on which
 * `surface`, to whom (`to`), in answer to which interaction (`inReplyTo`, the platform
 * comment or message being answered, needed for public and private replies), the text,
 * and an optional message `tag` (Meta `HUMAN_AGENT`).
 *
 * @example
 * ```ts
 * import { OutboundDraftSchema } from "@ops/interaction/adapters";
 * OutboundDraftSchema.safeParse({ surface: "message", to: { platform: "wechat_oa", scope: "gh_1", userId: "o1" }, text: "" }).success;
 * // => false
 * ```
 */
export const OutboundDraftSchema = /* @__PURE__ */ (() =>
  z.object({
    surface: ReplySurfaceSchema,
    to: ActorRefSchema,
    inReplyTo: z.optional(InteractionSchema),
    text: z.string().check(z.minLength(1, { error: "must be non-empty text" }), z.maxLength(100_000)),
    tag: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  }))();

/** A message to send; see {@link OutboundDraftSchema}. */
export type OutboundDraft = z.output<typeof OutboundDraftSchema>;
/** What {@link OutboundDraftSchema} accepts. */
export type OutboundDraftInput = z.input<typeof OutboundDraftSchema>;

/**
 * The platform API call that sends a draft, for the integrator's transport to perform:
 * method, the API `path` (relative to the platform's API host, without access tokens —
 * the transport adds host and credentials), JSON headers and body.
 */
export interface OutboundRequest {
  readonly method: "POST";
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * A platform API read that a delivery still needs: the notification named an event by id
 * only (Instagram's `mentions`: a comment or media id, not who wrote what). `kind` says
 * what is looked up; `request` is the GET to perform with the account's token (path
 * relative to the platform's API host, query parameters apart). Each adapter that returns
 * lookups exports the function that builds interactions from their answers
 * (`parseInstagramMention`).
 */
export interface AdapterLookup {
  readonly kind: string;
  readonly request: { readonly method: "GET"; readonly path: string; readonly query: Readonly<Record<string, string>> };
}

/**
 * An item of a delivery that a named rule skips instead of building an interaction from it
 * (a read receipt, the account's own original post, a URL check): where it is (`path` into
 * the body), the `rule` that skips it (a stable id such as `"signal.read_receipt"`, to count
 * and alert on), and a human `reason`. Nothing else in a delivery may be left out: an item
 * the adapter can neither build nor skip by a rule fails the delivery.
 */
export interface SkippedItem {
  readonly path: readonly (string | number)[];
  readonly rule: string;
  readonly reason: string;
}

/** What `parseDelivery` returns: the interactions of a delivery and the items skipped by a named rule. */
export interface ParsedDelivery {
  readonly interactions: Interaction[];
  readonly skipped: readonly SkippedItem[];
}

/**
 * What a platform integration provides, all pure (the transport — HTTP, tokens, retries,
 * storage of seen delivery keys — is the integrator's):
 *
 * - `verify(request, secret)`: checks the webhook signature, or answers the subscription
 *   handshake (challenge). A pipeline step: it stops at the first problem and returns that
 *   one failure (a `Result`, not the failure list of `@ops/core`'s `Verification`).
 * - `dedupeKey(body)`: a stable key of a delivery, since platforms retry webhooks; the
 *   integrator drops a delivery whose key it has already seen.
 * - `parse(body, context)`: the interactions in one delivery (Meta batches several changes
 *   in one); never throws.
 * - `parseDelivery(body, context)` (optional, every reference adapter has it): the same
 *   interactions with the items skipped by a named rule ({@link SkippedItem}), so that an
 *   empty result always says why; `handleWebhook` returns them as `skipped`.
 * - `replyPolicy(thread, now)`: can we reply, on which surface, until when, how many
 *   messages left — from the platform's reply-window data (`policy`).
 * - `toOutbound(draft)`: the API call that sends a reply.
 * - `lookups(body)` (optional): the platform API reads a delivery still needs, for events
 *   whose notification carries only ids (Instagram `mentions`); `handleWebhook` returns them
 *   beside the interactions, so that nothing in a delivery is lost unseen.
 * - `signedAt(request)` (optional): when the platform says it sent the request, for
 *   platforms whose signature covers a timestamp (WeChat, Weibo); `handleWebhook` refuses
 *   a delivery signed too long before or after its receipt as `stale_request` (a replay).
 *   Leave it out when the signature covers no time (Meta, X, Douyin): a copied timestamp
 *   that the signature does not cover proves nothing.
 */
export interface PlatformAdapter {
  /** The platform id (`"wechat_oa"`, `"x"`, …). */
  readonly platform: string;
  /** The reply-window data the adapter answers from, or `null` when the platform has none. */
  readonly policy: ReplyWindowPolicy | null;
  verify(request: WebhookRequest, secret: WebhookSecret): Result<VerifyOutcome, AdapterFailure>;
  dedupeKey(body: string): Result<string, AdapterFailure>;
  parse(body: string, context: ParseContext): Result<Interaction[], AdapterFailure>;
  replyPolicy(thread: Thread, now: Instant): ReplyDecision;
  toOutbound(draft: OutboundDraftInput): Result<OutboundRequest, AdapterFailure>;
  /** The interactions and the items skipped by a named rule; see {@link ParsedDelivery}. */
  parseDelivery?(body: string, context: ParseContext): Result<ParsedDelivery, AdapterFailure>;
  /** The API reads this delivery still needs (events notified by id only); see {@link AdapterLookup}. */
  lookups?(body: string): Result<readonly AdapterLookup[], AdapterFailure>;
  /** The signed send time of a request (epoch ms), `null` when it carries none; a failure when it is unreadable. */
  signedAt?(request: WebhookRequest): Result<Instant | null, AdapterFailure>;
}
