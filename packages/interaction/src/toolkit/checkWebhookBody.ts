import { failure, type Result } from "@ops/core";
import type { AdapterFailure } from "../adapter/PlatformAdapter";

/**
 * The limits every reference adapter holds a webhook body to, before any parsing or
 * hashing: `maxBytes`, 1 000 000 bytes of UTF-8 (WeChat's XML limit of 1 MB, taken as the
 * one rule for every platform; the largest documented sample, a Meta batch, is a few kB),
 * and for JSON bodies `maxDepth`, 64 levels of nested arrays and objects (the deepest
 * documented payload, an X Activity `like.create` with `includes`, nests 9 levels; a
 * value nested deeper than about 3 000 levels makes `JSON.stringify(raw)` overflow the stack).
 */
export const WEBHOOK_BODY_LIMITS: { readonly maxBytes: 1_000_000; readonly maxDepth: 64 } = {
  maxBytes: 1_000_000,
  maxDepth: 64,
};

/** Options of {@link checkWebhookBody}. */
export interface CheckWebhookBodyOptions {
  /** `"json"` (default) also checks the nesting depth; `"text"` (XML, forms) only the size. */
  readonly format?: "json" | "text";
  /** Override of {@link WEBHOOK_BODY_LIMITS}.maxBytes (a positive integer). */
  readonly maxBytes?: number;
  /** Override of {@link WEBHOOK_BODY_LIMITS}.maxDepth (a positive integer). */
  readonly maxDepth?: number;
}

/**
 * Checks a webhook body against the size and depth limits ({@link WEBHOOK_BODY_LIMITS})
 * without parsing it: the size in UTF-8 bytes (counted only when the UTF-16 length could
 * exceed the limit), then, for JSON, one pass over the text counting nested `[` / `{`
 * outside strings, so that a body nested 100 000 levels deep is refused before
 * `JSON.parse` builds it. A refusal is the typed failure `payload_too_large` (path
 * `["body"]`, the message naming the limit); a body that is not a string is `malformed_payload`.
 *
 * @param body - the raw body text
 * @param options - `format` (`"json"` default, `"text"`), `maxBytes`, `maxDepth`
 * @returns the body, or the failure
 *
 * @example
 * ```ts
 * import { checkWebhookBody } from "@ops/interaction/adapters";
 * checkWebhookBody('{"a":[1]}').ok;
 * // => true
 * const deep = checkWebhookBody("[".repeat(100_000));
 * deep.ok ? "accepted" : deep.error.code;
 * // => "payload_too_large"
 * ```
 */
export function checkWebhookBody(body: string, options: CheckWebhookBodyOptions = {}): Result<string, AdapterFailure> {
  if (typeof body !== "string")
    return { ok: false, error: failure("malformed_payload", "body must be text", ["body"]) };
  const o = typeof options === "object" && options !== null ? options : {};
  const maxBytes = positive(o.maxBytes) ?? WEBHOOK_BODY_LIMITS.maxBytes;
  const maxDepth = positive(o.maxDepth) ?? WEBHOOK_BODY_LIMITS.maxDepth;
  // a UTF-16 unit is at most 3 UTF-8 bytes (a pair is 4 bytes for 2 units)
  if (body.length > maxBytes || (body.length * 3 > maxBytes && utf8Length(body, maxBytes) > maxBytes))
    return {
      ok: false,
      error: failure("payload_too_large", `body is larger than ${maxBytes} bytes (the webhook body limit)`, ["body"]),
    };
  if (o.format !== "text") {
    const depth = jsonDepthOver(body, maxDepth);
    if (depth)
      return {
        ok: false,
        error: failure("payload_too_large", `body nests arrays and objects deeper than ${maxDepth} levels`, ["body"]),
      };
  }
  return { ok: true, value: body };
}

function positive(n: unknown): number | undefined {
  return typeof n === "number" && Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** UTF-8 length of `s`, stopping early once it passes `stop`. */
function utf8Length(s: string, stop: number): number {
  let n = 0;
  for (let i = 0; i < s.length && n <= stop; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Whether JSON text nests `[` / `{` deeper than `max` (strings skipped, escapes honoured). */
function jsonDepthOver(s: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped unit
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}
