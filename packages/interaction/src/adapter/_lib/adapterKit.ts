import { checkOptions } from "../../_lib/checkOptions";
import { failure, InstantSchema, parseOrThrow, type Instant, type Result } from "@ops/core";
import type {
  AdapterFailure,
  AdapterLookup,
  OutboundDraft,
  OutboundRequest,
  ParseContext,
  ParsedDelivery,
  PlatformAdapter,
  SkippedItem,
  VerifyOutcome,
  WebhookRequest,
  WebhookSecret,
} from "../PlatformAdapter";
import { OutboundDraftSchema, WebhookRequestSchema, WebhookSecretSchema } from "../PlatformAdapter";
import { replyPolicy } from "../../replyWindow/replyPolicy";
import { ReplyWindowPolicySchema, type ReplyWindowPolicy } from "../../replyWindow/ReplyWindowPolicy";
import { REPLY_WINDOW_POLICIES } from "../../replyWindow/replyWindowPolicies";
import { InteractionSchema, type Interaction, type InteractionInput } from "../../model/Interaction";
import { checkWith } from "../../_lib/checkWith";
import { sha1Hex, sha256Wtf8Hex, timingSafeEqual } from "../../_lib/crypto";
import { query } from "./http";
import { checkWebhookBody } from "../../toolkit/checkWebhookBody";

/** What a reference adapter's parse step returns: the interactions and the items skipped by a named rule. */
export type Parsed = Result<ParsedDelivery, AdapterFailure>;

/** Validates what an adapter built and returns it with the skipped items (each naming its rule). */
export function done(list: readonly InteractionInput[], skipped: readonly SkippedItem[] = []): Parsed {
  const r = finish(list);
  return r.ok ? { ok: true, value: { interactions: r.value, skipped } } : r;
}

/** A delivery that holds nothing to build, by a named rule: `path` says where, `rule` which rule, `reason` why. */
export function skipped(path: readonly (string | number)[], rule: string, reason: string): Parsed {
  return { ok: true, value: { interactions: [], skipped: [{ path, rule, reason }] } };
}

/**
 * The version-2 id part of an item without a platform id of its own: `h2-` and the first
 * 32 hex digits (128 bits) of the SHA-256 of the item as delivered (its JSON or XML text
 * re-serialised from the parsed value, so that a retried delivery gives the same id and two
 * distinct items — a follow and a DM in the same second — never share one).
 */
export function itemDigest(item: unknown): string {
  return `h2-${sha256Wtf8Hex(JSON.stringify(item) ?? "").slice(0, 32)}`;
}

/** Checks the parse context at the boundary: `invalid_request` naming the field. */
export function checkContext(context: unknown): Result<ParseContext, AdapterFailure> {
  const c = context as Partial<ParseContext> | null;
  const bad = (field: string, rule: string) =>
    ({ ok: false, error: failure("invalid_request", `context.${field} ${rule}`, ["context", field]) }) as const;
  if (typeof c !== "object" || c === null)
    return {
      ok: false,
      error: failure("invalid_request", "context must be { channelId, account, receivedAt }", ["context"]),
    };
  if (typeof c.channelId !== "string" || c.channelId.length === 0) return bad("channelId", "must be a channel id");
  if (typeof c.account !== "string" || c.account.length > 512) return bad("account", "must be the account id (text)");
  if (!InstantSchema.safeParse(c.receivedAt).success) return bad("receivedAt", "must be an instant (epoch ms)");
  return { ok: true, value: c as ParseContext };
}

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
  /** The interactions of a delivery and the items skipped by a named rule. */
  parse(body: string, context: ParseContext): Parsed;
  /** `"json"` (default): the body limits include the nesting depth; `"xml"`: size only (the XML reader limits depth). */
  readonly format?: "json" | "xml";
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
  const format = steps.format === "xml" ? "text" : "json";
  /** Runs a step on a body that passed the size (and, for JSON, depth) limits. */
  const limited = <T>(body: string, f: () => Result<T, AdapterFailure>): Result<T, AdapterFailure> =>
    guard(() => {
      const b = checkWebhookBody(body, { format });
      return b.ok ? f() : b;
    });
  const parseDelivery = (body: string, context: ParseContext): Parsed =>
    limited(body, () => {
      const c = checkContext(context);
      return c.ok ? steps.parse(body, c.value) : c;
    });
  return {
    platform,
    policy,
    verify: (request, secret) =>
      guard(() => {
        const args = checkVerifyArgs(request, secret);
        if (!args.ok) return args;
        const b = checkWebhookBody(args.value.request.body, { format });
        return b.ok ? steps.verify(args.value.request, args.value.secret) : b;
      }),
    dedupeKey: (body) => limited(body, () => steps.dedupeKey(body)),
    parse: (body, context) => {
      const r = parseDelivery(body, context);
      return r.ok ? { ok: true, value: r.value.interactions } : r;
    },
    parseDelivery,
    replyPolicy: (thread, now) => replyPolicy(thread, policy, now),
    toOutbound: (draft) => {
      const d = checkWith(OutboundDraftSchema, draft);
      if (!d.ok) return { ok: false, error: invalid("draft", d.path, d.rule) };
      return guard(() => steps.toOutbound(d.value));
    },
    ...(lookups === undefined ? {} : { lookups: (body: string) => limited(body, () => lookups(body)) }),
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

/**
 * The checked options of a reference adapter factory: `undefined` or an object whose
 * `policy`, when given, passes `ReplyWindowPolicySchema`; anything else is misuse
 * (OpsError `invalid_argument` naming the factory and the field).
 */
export function adapterPolicy(fn: string, options: unknown, fallback: string): ReplyWindowPolicy {
  checkOptions(options, fn);
  const policy = (options as { policy?: unknown } | undefined)?.policy;
  if (policy !== undefined) return parseOrThrow(ReplyWindowPolicySchema, policy, { fn, path: ["options", "policy"] });
  return REPLY_WINDOW_POLICIES[fallback] as ReplyWindowPolicy;
}
