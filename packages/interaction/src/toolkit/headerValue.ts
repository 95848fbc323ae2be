/**
 * A request header's value, looked up by name in any case (HTTP header names are
 * case-insensitive, RFC 9110 §5.1; Node lower-cases them, other servers and proxies do not).
 * `undefined` when absent, and for a `headers` that is not an object.
 *
 * @param headers - the request's headers as a plain object (`WebhookRequest.headers`, or
 *   {@link fromNodeHeaders} of Node's `IncomingHttpHeaders`)
 * @param name - the header name, in any case
 * @returns the value, or `undefined`
 *
 * @example
 * ```ts
 * import { headerValue } from "@ops/interaction/adapters";
 * headerValue({ "X-Hub-Signature-256": "sha256=ab" }, "x-hub-signature-256");
 * // => "sha256=ab"
 * headerValue({}, "x-hub-signature-256");
 * // => undefined
 * ```
 */
export function headerValue(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  if (typeof headers !== "object" || headers === null || typeof name !== "string") return undefined;
  const wanted = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === wanted && typeof v === "string") return v;
  return undefined;
}
