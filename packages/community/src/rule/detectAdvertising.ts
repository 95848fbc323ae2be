import { parseOrThrow } from "@ops/core";
import * as z from "zod/mini";
import { compileAdvertising, createForms, detectWith } from "./_lib/advertising";
import type { DetectAdvertisingOptions, AdvertisingHit } from "./_lib/advertising";
export type { DetectAdvertisingOptions, AdvertisingDetectorKind, AdvertisingHit } from "./_lib/advertising";

/** Schema of {@link DetectAdvertisingOptions} (a `links` trigger of `TriggerSchema` extends it). */
export const DetectAdvertisingOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    urls: z.optional(z.boolean()),
    wechat: z.optional(z.boolean()),
    phones: z.optional(z.boolean()),
    qr: z.optional(z.boolean()),
    allowDomains: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(253)))),
    tlds: z.optional(
      z
        .array(
          z.string().check(z.regex(/^\.?[A-Za-z]{2,24}$/, { error: "must be a top-level domain of 2–24 letters" })),
        )
        .check(z.minLength(1)),
    ),
    wechatCues: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(32)))),
    qrCues: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(32)))),
  }))();

/** The text {@link detectAdvertising} scans: a string of at most 200 000 UTF-16 units. */
const TextSchema = /* @__PURE__ */ (() =>
  z.string().check(z.maxLength(200_000, { error: "must have at most 200 000 characters (UTF-16 units)" })))();

/**
 * Finds advertising contacts in a message — links, WeChat ids, phone numbers, QR-code
 * mentions — including the usual disguises: full-width characters, spaces or emoji inside
 * the link, `点`/`dot`/`(.)` for the dot, Chinese numerals for digits. Matching runs on
 * {@link normalizeText} forms (white space stripped for links and ids, all separators for
 * phone numbers and QR cues) with fixed, linear-time patterns.
 *
 * @param text - the raw message text, at most 200 000 UTF-16 units (a long article; the scan of
 *   every form of the text is linear, and a limit keeps one call well under a second)
 * @param options - which detectors to run, allowed domains, cue lists
 * @returns hits sorted by position
 * @throws {OpsError} `invalid_argument` for a non-string text, a text longer than 200 000 units or invalid options
 *
 * @example
 * ```ts
 * import { detectAdvertising } from "@ops/community";
 * detectAdvertising("优惠见 ｗｗｗ．ｓｈｏｐ８ 点 ｃｏｍ，加v：ab_cd12 或 138 0013 8000").map((h) => [h.detector, h.value]);
 * // => [["url", "shop8.com"], ["wechat", "ab_cd12"], ["phone", "13800138000"]]
 * ```
 */
export function detectAdvertising(text: string, options: DetectAdvertisingOptions = {}): AdvertisingHit[] {
  parseOrThrow(TextSchema, text, { fn: "detectAdvertising", path: ["text"] });
  const parsed = parseOrThrow(DetectAdvertisingOptionsSchema, options, { fn: "detectAdvertising", path: ["options"] });
  return detectWith(compileAdvertising(parsed), createForms(text), Number.POSITIVE_INFINITY);
}
