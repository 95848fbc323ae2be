import { failure, type Instant, type Result } from "@ops/core";
import type {
  AdapterFailure,
  AdapterLookup,
  OutboundDraft,
  OutboundRequest,
  ParseContext,
  PlatformAdapter,
  VerifyOutcome,
  WebhookRequest,
  WebhookSecret,
} from "../adapter/PlatformAdapter";
import { OutboundDraftSchema, WebhookRequestSchema, WebhookSecretSchema } from "../adapter/PlatformAdapter";
import { replyPolicy } from "../replyWindow/replyPolicy";
import type { ReplyWindowPolicy } from "../replyWindow/ReplyWindowPolicy";
import { InteractionSchema, type Interaction, type InteractionInput } from "../model/Interaction";
import { checkWith } from "./checkWith";
import { sha1Hex, timingSafeEqual } from "./crypto";
import { query } from "./http";

/** Validates what an adapter built; a schema miss becomes `missing_field` (never a throw). */
export function finish(list: readonly InteractionInput[]): Result<Interaction[], AdapterFailure> {
  const out: Interaction[] = [];
  for (let i = 0; i < list.length; i++) {
    const r = checkWith(InteractionSchema, list[i]);
    if (!r.ok)
      return {
        ok: false,
        error: failure("missing_field", `item ${i}: ${r.path.join(".") || "value"} ${r.rule}`, [i, ...r.path]),
      };
    out.push(r.value);
  }
  return { ok: true, value: out };
}

/** Checks the request and secret shapes at the boundary of `verify`. */
export function checkVerifyArgs(
  request: unknown,
  secret: unknown,
): Result<{ request: WebhookRequest; secret: WebhookSecret }, AdapterFailure> {
  const r = checkRequest(request);
  if (!r.ok) return r;
  const s = checkWith(WebhookSecretSchema, secret);
  if (!s.ok) return { ok: false, error: invalid("secret", s.path, s.rule) };
  return { ok: true, value: { request: r.value, secret: s.value } };
}

/** Checks a request against {@link WebhookRequestSchema} (defaults applied). */
function checkRequest(request: unknown): Result<WebhookRequest, AdapterFailure> {
  const r = checkWith(WebhookRequestSchema, request);
  return r.ok ? r : { ok: false, error: invalid("request", r.path, r.rule) };
}

/** The `invalid_request` failure of an argument (`request`, `secret`, `draft`) that breaks its schema. */
function invalid(arg: string, path: readonly (string | number)[], rule: string): AdapterFailure {
  return failure("invalid_request", `${[arg, ...path].join(".")} ${rule}`, [arg, ...path]);
}

/**
 * The WeChat / Weibo scheme: `signature = sha1(sort([secret, timestamp, nonce]).join(""))`
 * in the query string; a GET with `echostr` is the URL-verification handshake. WeChat's safe
 * mode signs one more part, the `<Encrypt>` text, in `msg_signature`: pass `param` and `extra`.
 */
export function verifySortedSha1(
  request: WebhookRequest,
  secret: string,
  signed: { readonly param: string; readonly extra: readonly string[] } = { param: "signature", extra: [] },
): Result<VerifyOutcome, AdapterFailure> {
  const q = query(request);
  const signature = q.get(signed.param);
  const timestamp = q.get("timestamp");
  const nonce = q.get("nonce");
  if (signature === null || timestamp === null || nonce === null) {
    return {
      ok: false,
      error: failure("bad_signature", `the query must carry ${signed.param}, timestamp and nonce`, ["url"]),
    };
  }
  const expected = sha1Hex([secret, timestamp, nonce, ...signed.extra].sort().join(""));
  if (!timingSafeEqual(expected, signature.toLowerCase())) {
    const parts =
      signed.extra.length === 0 ? "secret, timestamp and nonce" : "secret, timestamp, nonce and the signed body part";
    return {
      ok: false,
      error: failure("bad_signature", `${signed.param} does not match sha1 of the sorted ${parts}`, [
        "url",
        signed.param,
      ]),
    };
  }
  const echostr = q.get("echostr");
  if (request.method.toUpperCase() === "GET" && echostr !== null) {
    return {
      ok: true,
      value: { kind: "challenge", response: { status: 200, headers: { "content-type": "text/plain" }, body: echostr } },
    };
  }
  return { ok: true, value: { kind: "delivery" } };
}

/**
 * The signed `timestamp` query parameter of the WeChat / Weibo scheme as epoch ms: the
 * signature covers it, so it is the time the platform sent the request. WeChat sends
 * seconds (`1409304348` in its access guide), Weibo milliseconds (`1397022061823` in its
 * URL-check example); values below 10¹¹ are read as seconds (10¹¹ s is the year 5138,
 * 10¹¹ ms is 1973), so either unit is read right.
 */
export function querySignedAt(request: WebhookRequest): Result<Instant | null, AdapterFailure> {
  const t = query(request).get("timestamp");
  if (t === null) return { ok: true, value: null };
  if (!/^\d{1,15}$/.test(t))
    return {
      ok: false,
      error: failure("bad_signature", "timestamp must be epoch seconds or milliseconds (1–15 digits)", [
        "url",
        "timestamp",
      ]),
    };
  const n = Number(t);
  return { ok: true, value: n < 1e11 ? n * 1000 : n };
}

/** Runs `f`, turning any unexpected exception into a `malformed_payload` failure. */
export function guard<T>(f: () => Result<T, AdapterFailure>): Result<T, AdapterFailure> {
  try {
    return f();
  } catch (e) {
    return {
      ok: false,
      error: failure("malformed_payload", `payload could not be read: ${e instanceof Error ? e.message : String(e)}`),
    };
  }
}

/** What a reference adapter supplies: the platform-specific steps, on checked input. */
export interface AdapterSteps {
  readonly platform: string;
  readonly policy: ReplyWindowPolicy;
  /** Signature / handshake check on a request and secret that already passed their schemas. */
  verify(request: WebhookRequest, secret: WebhookSecret): Result<VerifyOutcome, AdapterFailure>;
  dedupeKey(body: string): Result<string, AdapterFailure>;
  parse(body: string, context: ParseContext): Result<Interaction[], AdapterFailure>;
  /** The platform request for a draft that already passed {@link OutboundDraftSchema}. */
  toOutbound(draft: OutboundDraft): Result<OutboundRequest, AdapterFailure>;
  /** The API reads a delivery still needs (see `PlatformAdapter.lookups`). */
  lookups?(body: string): Result<readonly AdapterLookup[], AdapterFailure>;
  /** The signed send time of a request that already passed its schema (see `PlatformAdapter.signedAt`). */
  signedAt?(request: WebhookRequest): Result<Instant | null, AdapterFailure>;
}

/**
 * Builds a {@link PlatformAdapter} from its platform-specific steps and the parts every
 * adapter shares: the request/secret and draft schemas at the boundary, `guard` around
 * every step (an unexpected exception becomes `malformed_payload`, never a throw), and
 * `replyPolicy` answered from the adapter's reply-window data.
 */
export function defineAdapter(steps: AdapterSteps): PlatformAdapter {
  const { platform, policy } = steps;
  const { signedAt, lookups } = steps;
  return {
    platform,
    policy,
    verify: (request, secret) =>
      guard(() => {
        const args = checkVerifyArgs(request, secret);
        return args.ok ? steps.verify(args.value.request, args.value.secret) : args;
      }),
    dedupeKey: (body) => guard(() => steps.dedupeKey(body)),
    parse: (body, context) => guard(() => steps.parse(body, context)),
    replyPolicy: (thread, now) => replyPolicy(thread, policy, now),
    toOutbound: (draft) => {
      const d = checkWith(OutboundDraftSchema, draft);
      if (!d.ok) return { ok: false, error: invalid("draft", d.path, d.rule) };
      return guard(() => steps.toOutbound(d.value));
    },
    ...(lookups === undefined ? {} : { lookups: (body: string) => guard(() => lookups(body)) }),
    ...(signedAt === undefined
      ? {}
      : {
          signedAt: (request: WebhookRequest) =>
            guard(() => {
              const r = checkRequest(request);
              return r.ok ? signedAt(r.value) : r;
            }),
        }),
  };
}
