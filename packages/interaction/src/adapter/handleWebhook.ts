import { failure, type Result } from "@ops/core";
import type { Interaction } from "../model/Interaction";
import type { AdapterFailure, ParseContext, PlatformAdapter, WebhookRequest, WebhookResponse, WebhookSecret } from "./PlatformAdapter";

/** What {@link handleWebhook} returns: a handshake to answer, or a new delivery's interactions and its dedupe key. */
export type WebhookOutcome =
  | { readonly kind: "challenge"; readonly response: WebhookResponse }
  | { readonly kind: "delivery"; readonly key: string; readonly interactions: readonly Interaction[] };

/**
 * The whole pure path of one webhook request through an adapter: `verify` (signature or
 * handshake), then `dedupeKey` checked against the keys the integrator has already
 * processed (platforms retry deliveries: WeChat and Weibo 3 times after 5 s, Douyin 3
 * times), then `parse`. Every failure is a typed value; nothing throws for bad input.
 * Storing the returned `key` after a successful delivery is the integrator's job.
 *
 * @param adapter - a {@link PlatformAdapter}
 * @param request - the HTTP request as received
 * @param secret - the platform secret (and verify token)
 * @param context - channel, account and receipt time
 * @param seenKeys - dedupe keys of deliveries already processed
 * @returns the outcome, or a failure: `bad_signature`, `duplicate_delivery`, `malformed_payload`, `unknown_event`, …
 *
 * @example
 * ```ts
 * import { createWeiboAdapter, handleWebhook } from "@ops/interaction";
 * const weibo = createWeiboAdapter();
 * const request = { method: "GET", url: "/weibo?nonce=57155157&timestamp=1397022061823&echostr=dnPdpTZz85&signature=0000", headers: {}, body: "" };
 * const r = handleWebhook(weibo, request, { secret: "xyz123xyz" }, { channelId: "ch_wb" as never, account: "1902538057", receivedAt: 0 });
 * r.ok ? "accepted" : r.error.code;
 * // => "bad_signature"
 * ```
 */
export function handleWebhook(
  adapter: PlatformAdapter,
  request: WebhookRequest,
  secret: WebhookSecret,
  context: ParseContext,
  seenKeys: ReadonlySet<string> = new Set(),
): Result<WebhookOutcome, AdapterFailure> {
  const verified = adapter.verify(request, secret);
  if (!verified.ok) return verified;
  if (verified.value.kind === "challenge") return { ok: true, value: { kind: "challenge", response: verified.value.response } };
  const key = adapter.dedupeKey(request.body);
  if (!key.ok) return key;
  if (seenKeys.has(key.value)) return { ok: false, error: failure("duplicate_delivery", `delivery ${key.value} was already processed`, ["body"]) };
  const parsed = adapter.parse(request.body, context);
  if (!parsed.ok) return parsed;
  return { ok: true, value: { kind: "delivery", key: key.value, interactions: parsed.value } };
}
