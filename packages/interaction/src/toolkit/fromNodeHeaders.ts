/**
 * The shape of Node's `http.IncomingHttpHeaders` (and of most servers' header objects):
 * a value per lower-case name, an array for repeated headers (`set-cookie`), `undefined`
 * for absent ones. Declared here so that the package imports nothing from Node.
 */
export type NodeLikeHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * Converts Node's `IncomingHttpHeaders` (`req.headers`; or any object of that shape) into
 * the `Record<string, string>` of a `WebhookRequest`: absent values dropped, a repeated
 * header joined with `", "` as RFC 9110 §5.3 combines field lines, non-string values
 * ignored; anything but a header object (an array, `null`, a string) gives `{}`. The result
 * is a fresh object without a prototype chain to trip on (`__proto__` is kept as an ordinary
 * header name).
 *
 * @param headers - `req.headers` of Node's `http` module, or the same shape
 * @returns headers for {@link WebhookRequest}
 *
 * @example
 * ```ts
 * import { fromNodeHeaders } from "@ops/interaction/adapters";
 * fromNodeHeaders({ "x-hub-signature-256": "sha256=ab", "x-forwarded-for": ["1.1.1.1", "2.2.2.2"], host: undefined });
 * // => { "x-hub-signature-256": "sha256=ab", "x-forwarded-for": "1.1.1.1, 2.2.2.2" }
 * ```
 */
export function fromNodeHeaders(headers: NodeLikeHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  // an array is not a header map (and a 1 000 000-item one would cost seconds to walk)
  if (typeof headers !== "object" || headers === null || Array.isArray(headers)) return out;
  for (const [k, v] of Object.entries(headers)) {
    const value =
      typeof v === "string"
        ? v
        : Array.isArray(v) && v.every((x) => typeof x === "string")
          ? (v as readonly string[]).join(", ")
          : undefined;
    if (value !== undefined)
      Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
