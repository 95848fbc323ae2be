import { failure, type Result } from "@ops/core";
import type { AdapterFailure, VerifyOutcome, WebhookRequest, WebhookSecret } from "../adapter/PlatformAdapter";
import { hmacSha256Hex, timingSafeEqual } from "./crypto";
import { header, query } from "./http";
import { arrField, parseJsonObject, strField } from "./read";

/**
 * Meta's webhook scheme, shared by Instagram, Messenger (Pages) and the WhatsApp Cloud API
 * (Meta, "Webhooks — Getting started": "Verification Requests" and "Event Notifications"):
 * the subscription handshake is a GET with `hub.mode=subscribe`, `hub.verify_token` (must
 * equal `secret.verifyToken`, compared in constant time) and `hub.challenge` (echoed back as
 * text); a delivery carries `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body
 * under the App Secret>`, compared in constant time.
 */
export function verifyMetaWebhook(req: WebhookRequest, secret: WebhookSecret): Result<VerifyOutcome, AdapterFailure> {
  const q = query(req);
  if (req.method.toUpperCase() === "GET" && q.get("hub.mode") !== null) {
    const token = secret.verifyToken;
    if (token === undefined)
      return {
        ok: false,
        error: failure("invalid_request", "secret.verifyToken is needed to answer the subscription handshake", [
          "secret",
          "verifyToken",
        ]),
      };
    if (q.get("hub.mode") !== "subscribe" || !timingSafeEqual(q.get("hub.verify_token") ?? "", token)) {
      return {
        ok: false,
        error: failure("bad_signature", "hub.verify_token does not match", ["url", "hub.verify_token"]),
      };
    }
    return {
      ok: true,
      value: {
        kind: "challenge",
        response: { status: 200, headers: { "content-type": "text/plain" }, body: q.get("hub.challenge") ?? "" },
      },
    };
  }
  const sig = header(req, "x-hub-signature-256");
  if (sig === undefined || !sig.startsWith("sha256="))
    return {
      ok: false,
      error: failure("bad_signature", "X-Hub-Signature-256 header is missing", ["headers", "x-hub-signature-256"]),
    };
  const expected = `sha256=${hmacSha256Hex(secret.secret, req.body)}`;
  if (!timingSafeEqual(expected, sig.toLowerCase()))
    return {
      ok: false,
      error: failure("bad_signature", "X-Hub-Signature-256 does not match the HMAC-SHA256 of the body", [
        "headers",
        "x-hub-signature-256",
      ]),
    };
  return { ok: true, value: { kind: "delivery" } };
}

/**
 * The `entry` array of a Meta webhook body (`{"object": <object>, "entry": […]}`), or the
 * typed failure: another `object` (a Page notification sent to the Instagram adapter, a
 * `user` notification) is `unknown_event`, a body without `entry` `missing_field`.
 */
export function metaEntries(body: string, object: string): Result<readonly unknown[], AdapterFailure> {
  const o = parseJsonObject(body);
  if (!o.ok) return o;
  const got = strField(o.value, "object");
  if (got !== object)
    return {
      ok: false,
      error: failure("unknown_event", `object ${got ?? "(missing)"} is not ${object}`, ["object"]),
    };
  const entries = arrField(o.value, "entry");
  if (entries === undefined) return { ok: false, error: failure("missing_field", "entry must be an array", ["entry"]) };
  return { ok: true, value: entries };
}

/** Meta times: seconds in `entry.time` of some products, milliseconds in others; values below 10¹¹ are seconds. */
export function metaTimeMs(t: number | undefined): number | undefined {
  if (t === undefined) return undefined;
  return t < 1e11 ? t * 1000 : t;
}
