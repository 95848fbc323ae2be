import { failure, type Result } from "@ops/core";
import type { AdapterFailure, VerifyOutcome, WebhookRequest, WebhookSecret } from "../adapter/PlatformAdapter";
import { WebhookRequestSchema, WebhookSecretSchema } from "../adapter/PlatformAdapter";
import { InteractionSchema, type Interaction, type InteractionInput } from "../model/Interaction";
import { sha1Hex, timingSafeEqual } from "./crypto";
import { query } from "./http";

/** Validates what an adapter built; a schema miss becomes `missing_field` (never a throw). */
export function finish(list: readonly InteractionInput[]): Result<Interaction[], AdapterFailure> {
  const out: Interaction[] = [];
  for (let i = 0; i < list.length; i++) {
    const r = InteractionSchema.safeParse(list[i]);
    if (!r.success) {
      const issue = r.error.issues[0];
      const path = (issue?.path ?? []).filter((p): p is string | number => typeof p !== "symbol");
      return { ok: false, error: failure("missing_field", `item ${i}: ${path.join(".") || "value"} ${issue?.message ?? "is invalid"}`, [i, ...path]) };
    }
    out.push(r.data);
  }
  return { ok: true, value: out };
}

/** Checks the request and secret shapes at the boundary of `verify`. */
export function checkVerifyArgs(request: unknown, secret: unknown): Result<{ request: WebhookRequest; secret: WebhookSecret }, AdapterFailure> {
  const r = WebhookRequestSchema.safeParse(request);
  if (!r.success) return { ok: false, error: failure("invalid_request", `request ${r.error.issues[0]?.message ?? "is invalid"}`, ["request"]) };
  const s = WebhookSecretSchema.safeParse(secret);
  if (!s.success) return { ok: false, error: failure("invalid_request", `secret ${s.error.issues[0]?.message ?? "is invalid"}`, ["secret"]) };
  return { ok: true, value: { request: r.data, secret: s.data } };
}

/**
 * The WeChat / Weibo scheme: `signature = sha1(sort([secret, timestamp, nonce]).join(""))`
 * in the query string; a GET with `echostr` is the URL-verification handshake.
 */
export function verifySortedSha1(request: WebhookRequest, secret: string): Result<VerifyOutcome, AdapterFailure> {
  const q = query(request);
  const signature = q.get("signature");
  const timestamp = q.get("timestamp");
  const nonce = q.get("nonce");
  if (signature === null || timestamp === null || nonce === null) {
    return { ok: false, error: failure("bad_signature", "the query must carry signature, timestamp and nonce", ["url"]) };
  }
  const expected = sha1Hex([secret, timestamp, nonce].sort().join(""));
  if (!timingSafeEqual(expected, signature.toLowerCase())) {
    return { ok: false, error: failure("bad_signature", "signature does not match sha1 of the sorted secret, timestamp and nonce", ["url", "signature"]) };
  }
  const echostr = q.get("echostr");
  if (request.method.toUpperCase() === "GET" && echostr !== null) {
    return { ok: true, value: { kind: "challenge", response: { status: 200, headers: { "content-type": "text/plain" }, body: echostr } } };
  }
  return { ok: true, value: { kind: "delivery" } };
}

/** Runs `f`, turning any unexpected exception into a `malformed_payload` failure. */
export function guard<T>(f: () => Result<T, AdapterFailure>): Result<T, AdapterFailure> {
  try {
    return f();
  } catch (e) {
    return { ok: false, error: failure("malformed_payload", `payload could not be read: ${e instanceof Error ? e.message : String(e)}`) };
  }
}
