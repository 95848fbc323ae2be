import { normalizeText, OpsError } from "@ops/core";
/**
 * Whether a text is only thanks, a greeting or emoji — a message that needs no answer
 * and is no answer either ("谢谢", "感谢", "thx!", "Thank you 🙏", "👍👍", "收到"). It is the
 * default filter of `publicReplyRate`, for comments that need no reply and for replies
 * that do not count as one. Matching is on the whole text, normalised by the text module
 * of \@ops/core (`normalizeText`: NFKC, lower case, and zero-width characters, emoji, white
 * space, punctuation and symbols removed), so `"Ｔｈａｎｋ　ｙｏｕ！"` and `"谢\u200b谢"` count too.
 *
 * @param text - any text (`undefined` counts as empty, and empty counts as thanks-only)
 * @returns `true` when nothing but thanks, acknowledgement or emoji remains
 * @throws {OpsError} `invalid_argument` when `text` is neither a string nor `undefined` (`null` counts as empty too)
 *
 * @example
 * ```ts
 * import { isThanksOnly } from "@ops/sla";
 * isThanksOnly("谢谢亲～");
 * // => true
 * isThanksOnly("Thank you! 🙏");
 * // => true
 * isThanksOnly("谢谢，请问这个色号适合黄皮吗？");
 * // => false
 * ```
 */
export function isThanksOnly(text: string | undefined): boolean {
  if (text !== undefined && text !== null && typeof text !== "string") {
    throw new OpsError({
      code: "invalid_argument",
      fn: "isThanksOnly",
      path: ["text"],
      rule: "must be a string (or undefined)",
      received: text,
    });
  }
  // the thanks words as normalizeText leaves them: lower case, no spaces or punctuation
  const words =
    /thankyou(?:somuch)?|thanks(?:alot)?|thx|ty|cheers|ok(?:ay)?|gotit|noted|谢谢(?:你|您|亲|啦|了|大家|分享|支持)?|多谢|感谢(?:你|您|支持|分享)?|感恩|收到(?:了|啦)?|好的|好滴|嗯嗯?|辛苦(?:了|啦)?|赞/gu;
  return normalizeText(text ?? "").text.replace(words, "").length === 0;
}
