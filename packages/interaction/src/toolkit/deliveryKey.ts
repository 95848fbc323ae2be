import { OpsError } from "@ops/core";
import { sha256Wtf8Hex } from "../_lib/crypto";

/**
 * The dedupe key of a webhook delivery, format version 2:
 * `v2:<platform>:<type>:<SHA-256 of the body, hex>`. A platform that retries a delivery
 * resends the same bytes (WeChat and Weibo 3 times after 5 s, Douyin 3 times, Meta and X
 * with back-off), so the digest of the body is what a retry keeps identical, and two
 * distinct deliveries — a follow and a DM in the same second, two DMs in the same second,
 * the same message id in two chats — never share it. `type` (the event type, at most 64
 * characters kept) makes keys readable in logs; it adds no uniqueness. The body is hashed
 * as WTF-8 (lone surrogates kept distinct), so two different strings never share a key.
 *
 * Version 1 keys (`weibo:<sender>:<created_at>`, `msg:<MsgId>`, sorted item ids) are not
 * produced any more: a store of seen keys written by version 1 does not recognise a retry
 * that crosses the upgrade (keep both for the platforms' retry horizon, minutes).
 *
 * @param platform - the adapter's platform id
 * @param type - the event type the body carries (`"event:follow"`, `"im_receive_msg"`)
 * @param body - the raw body text
 * @returns the key
 * @throws OpsError `invalid_argument` when an argument is not a string
 *
 * @example
 * ```ts
 * import { deliveryKey } from "@ops/interaction/adapters";
 * deliveryKey("weibo", "text", "{}");
 * // => "v2:weibo:text:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"
 * ```
 */
export function deliveryKey(platform: string, type: string, body: string): string {
  for (const [name, v] of [
    ["platform", platform],
    ["type", type],
    ["body", body],
  ] as const)
    if (typeof v !== "string")
      throw new OpsError({
        code: "invalid_argument",
        fn: "deliveryKey",
        path: [name],
        rule: "must be a string",
        received: v,
      });
  return `v2:${platform.slice(0, 64)}:${type.slice(0, 64)}:${sha256Wtf8Hex(body)}`;
}
