import { failure, type Result } from "@ops/core";
import type { AdapterFailure } from "../PlatformAdapter";

/**
 * The id syntax of each platform whose ids `toOutbound` puts into an API path or form:
 * X, Weibo, Instagram and WhatsApp ids are decimal digits (X: at most 19, a 64-bit
 * snowflake; Weibo uid / status / comment ids; IGSIDs and Graph object ids; WhatsApp
 * `wa_id` phone numbers and phone-number ids); a Facebook Page comment or post id is
 * `<digits>_<digits>`. Anything else (`..`, `/`, `?`) is refused, so that a draft cannot
 * steer the request to another API path.
 */
const SYNTAX: Readonly<Record<string, RegExp>> = {
  x: /^\d{1,19}$/,
  weibo: /^\d{1,20}$/,
  instagram: /^\d{1,32}$/,
  messenger: /^\d{1,32}(?:_\d{1,32})?$/,
  whatsapp: /^\d{1,32}$/,
};

/** `value` when it has the platform's id syntax, else `invalid_request` naming the field. */
export function toOutboundId(
  value: string | undefined,
  platform: keyof typeof SYNTAX & string,
  path: readonly (string | number)[],
): Result<string, AdapterFailure> {
  const re = SYNTAX[platform] as RegExp;
  if (typeof value === "string" && re.test(value)) return { ok: true, value };
  return {
    ok: false,
    error: failure(
      "invalid_request",
      `${path.join(".")} must be a ${platform} id (${re.source}), got ${JSON.stringify(String(value).slice(0, 40))}`,
      path,
    ),
  };
}
