import * as z from "zod/mini";
import { failure, OpsError, parseOrThrow, type Result } from "@ops/core";
import type { Interaction } from "../model/Interaction";
import { checkContext } from "./_lib/adapterKit";
import type {
  AdapterFailure,
  AdapterLookup,
  ParseContext,
  SkippedItem,
  PlatformAdapter,
  WebhookRequest,
  WebhookResponse,
  WebhookSecret,
} from "./PlatformAdapter";

/**
 * What {@link handleWebhook} returns: a handshake to answer, or a new delivery — its dedupe
 * key, its interactions, and the API reads it still needs (`lookups`: events the platform
 * notified by id only, such as Instagram mentions; empty for most deliveries).
 */
export type WebhookOutcome =
  | { readonly kind: "challenge"; readonly response: WebhookResponse }
  | {
      readonly kind: "delivery";
      readonly key: string;
      readonly interactions: readonly Interaction[];
      readonly lookups: readonly AdapterLookup[];
      /** Items the adapter skipped by a named rule (empty when it has no `parseDelivery`). */
      readonly skipped: readonly SkippedItem[];
    };

/**
 * Schema of {@link HandleWebhookOptions}: `maxAgeMs`, how far (either way) the signed send
 * time of a delivery may be from `context.receivedAt` before the delivery is refused as
 * `stale_request` — 300 000 ms (5 minutes) by default, the tolerance Stripe's and Slack's
 * webhook libraries use; `null` turns the check off. It applies only to adapters whose
 * signature covers a timestamp (`PlatformAdapter.signedAt`: WeChat, Weibo).
 *
 * @example
 * ```ts
 * import { HandleWebhookOptionsSchema } from "@ops/interaction/adapters";
 * HandleWebhookOptionsSchema.parse({}).maxAgeMs;
 * // => 300000
 * ```
 */
export const HandleWebhookOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    maxAgeMs: z._default(
      z.nullable(
        z
          .int({ error: "must be whole milliseconds" })
          .check(z.nonnegative({ error: "must be 0 or more milliseconds" })),
      ),
      300_000,
    ),
  }))();

/** Options of {@link handleWebhook}; see {@link HandleWebhookOptionsSchema}. */
export type HandleWebhookOptions = z.input<typeof HandleWebhookOptionsSchema>;

/**
 * The whole pure path of one webhook request through an adapter: `verify` (signature or
 * handshake); for a delivery, the freshness of its signed timestamp when the platform signs
 * one (a replay of a captured request is `stale_request`); `parse` (`parseDelivery` when the
 * adapter has it, so that skipped items come back named), so that an event the adapter
 * does not know is `unknown_event` whichever step would meet it first; `dedupeKey` checked
 * against the keys the integrator has already processed (platforms retry deliveries: WeChat
 * and Weibo 3 times after 5 s, Douyin 3 times); and the adapter's `lookups` when it has
 * that step (perform each GET and build its interaction with the adapter's function, e.g.
 * `parseInstagramMention`). Every failure is a typed value; nothing
 * throws for bad input. Storing the returned `key` after a successful delivery is the
 * integrator's job.
 *
 * @param adapter - a {@link PlatformAdapter}
 * @param request - the HTTP request as received
 * @param secret - the platform secret (and verify token)
 * @param context - channel, account and receipt time (`receivedAt` is the "now" of the freshness check)
 * @param seenKeys - dedupe keys of deliveries already processed
 * @param options - `maxAgeMs` (default 5 minutes; `null` turns the freshness check off)
 * @returns the outcome, or a failure: `bad_signature`, `stale_request`, `duplicate_delivery`, `malformed_payload`, `unknown_event`, …
 * @throws OpsError `invalid_argument` when `adapter` is not a {@link PlatformAdapter}, `context`
 *   is not `{ channelId, account, receivedAt }`, `seenKeys` has no `has`, or `options` break
 *   {@link HandleWebhookOptionsSchema} (misuse, not a bad request: a bad request is a failure value)
 *
 * @example
 * ```ts
 * import { createWeiboAdapter, handleWebhook } from "@ops/interaction/adapters";
 * const weibo = createWeiboAdapter();
 * // the signature example of Weibo's docs: app secret xyz123xyz, signed at 1397022061823 ms
 * const request = { method: "POST", url: "/weibo?nonce=57155157&timestamp=1397022061823&signature=90e4c22c90a58f26526c2dd5b6c56c8822edeaa1", headers: {}, body: "{}" };
 * const context = { channelId: "ch_wb" as never, account: "1902538057", receivedAt: 1397022061823 + 3_600_000 };
 * const r = handleWebhook(weibo, request, { secret: "xyz123xyz" }, context);
 * r.ok ? "accepted" : r.error.code;
 * // => "stale_request"
 * const forged = handleWebhook(weibo, { ...request, url: request.url.replace("signature=9", "signature=0") }, { secret: "xyz123xyz" }, context);
 * forged.ok ? "accepted" : forged.error.code;
 * // => "bad_signature"
 * ```
 */
export function handleWebhook(
  adapter: PlatformAdapter,
  request: WebhookRequest,
  secret: WebhookSecret,
  context: ParseContext,
  seenKeys: ReadonlySet<string> = new Set(),
  options: HandleWebhookOptions = {},
): Result<WebhookOutcome, AdapterFailure> {
  const fn = "handleWebhook";
  const { maxAgeMs } = parseOrThrow(HandleWebhookOptionsSchema, options, { fn, path: ["options"] });
  const a = adapter as Partial<PlatformAdapter> | null;
  if (
    typeof a !== "object" ||
    a === null ||
    typeof a.verify !== "function" ||
    typeof a.parse !== "function" ||
    typeof a.dedupeKey !== "function"
  )
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["adapter"],
      rule: "must be a PlatformAdapter (verify, dedupeKey, parse)",
      received: adapter,
    });
  const c = checkContext(context);
  if (!c.ok)
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: c.error.path,
      rule: c.error.message.slice(c.error.message.indexOf(" ") + 1),
      received: context,
    });
  if (typeof (seenKeys as Partial<ReadonlySet<string>> | null)?.has !== "function")
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["seenKeys"],
      rule: "must be a Set of dedupe keys",
      received: seenKeys,
    });
  const verified = adapter.verify(request, secret);
  if (!verified.ok) return verified;
  if (verified.value.kind === "challenge")
    return { ok: true, value: { kind: "challenge", response: verified.value.response } };
  if (maxAgeMs !== null && adapter.signedAt !== undefined) {
    const at = adapter.signedAt(request);
    if (!at.ok) return at;
    if (at.value !== null && Math.abs(context.receivedAt - at.value) > maxAgeMs) {
      const minutes = Math.round(Math.abs(context.receivedAt - at.value) / 60_000);
      return {
        ok: false,
        error: failure(
          "stale_request",
          `the request was signed ${minutes} min ${at.value < context.receivedAt ? "before" : "after"} it was received (tolerance ${maxAgeMs} ms): a replay or a skewed clock`,
          ["request"],
        ),
      };
    }
  }
  // parse before the key: an event the adapter does not know is unknown_event, whichever step meets it first
  const parsed: Result<{ interactions: readonly Interaction[]; skipped: readonly SkippedItem[] }, AdapterFailure> =
    adapter.parseDelivery !== undefined
      ? adapter.parseDelivery(request.body, context)
      : mapOk(adapter.parse(request.body, context), (interactions) => ({ interactions, skipped: [] }));
  if (!parsed.ok) return parsed;
  const key = adapter.dedupeKey(request.body);
  if (!key.ok) return key;
  if (seenKeys.has(key.value))
    return { ok: false, error: failure("duplicate_delivery", `delivery ${key.value} was already processed`, ["body"]) };
  const lookups = adapter.lookups === undefined ? { ok: true as const, value: [] } : adapter.lookups(request.body);
  if (!lookups.ok) return lookups;
  return {
    ok: true,
    value: {
      kind: "delivery",
      key: key.value,
      interactions: parsed.value.interactions,
      lookups: lookups.value,
      skipped: parsed.value.skipped,
    },
  };
}

function mapOk<T, U>(r: Result<T, AdapterFailure>, f: (v: T) => U): Result<U, AdapterFailure> {
  return r.ok ? { ok: true, value: f(r.value) } : r;
}
