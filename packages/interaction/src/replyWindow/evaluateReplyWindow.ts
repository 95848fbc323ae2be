import { assertInstant, parseOrThrow, type Instant } from "@ops/core";
import { allowanceFor } from "./_lib/replyWindowMath";
import {
  ReplySurfaceSchema,
  ReplyWindowEventSchema,
  ReplyWindowPolicySchema,
  type ReplyAllowance,
  type ReplySurface,
  type ReplyWindowEvent,
  type ReplyWindowPolicy,
} from "./ReplyWindowPolicy";
import * as z from "zod/mini";

const EventsSchema = /* @__PURE__ */ (() => z.array(ReplyWindowEventSchema))();

/**
 * Whether the brand may send on one `surface` now, from a platform's reply-window data
 * and the thread's opening events.
 *
 * For each rule of the surface: the window opens at the latest event whose kind the rule
 * lists (`openedBy`) and closes `durationMs` later (exclusive); the messages left are
 * `maxMessages − sentSince` of that event. A surface in `policy.unrestricted` is always
 * allowed. Among the rules, an allowing rule without a tag wins over one that needs a
 * tag (Meta's `HUMAN_AGENT`), then the one that stays open longest.
 *
 * @param policy - the platform's {@link ReplyWindowPolicy}
 * @param events - the thread's `replyWindowEvents` (latest event per kind with messages sent since)
 * @param surface - `message`, `private_reply` or `public_reply`
 * @param now - the instant to decide at (epoch ms)
 * @returns the allowance, with a `code` and a human `reason`
 * @throws {OpsError} `invalid_argument` for a malformed policy, events, surface or instant
 *
 * @example
 * ```ts
 * import { evaluateReplyWindow, REPLY_WINDOW_POLICIES } from "@ops/interaction";
 * const policy = REPLY_WINDOW_POLICIES["wechat_oa.customer_service"]!;
 * const at = Date.UTC(2026, 2, 8, 9, 0);
 * const a = evaluateReplyWindow(policy, [{ kind: "dm", at, sentSince: 2 }], "message", at + 3_600_000);
 * [a.allowed, a.messagesLeft, a.until === at + 48 * 3_600_000];
 * // => [true, 3, true]
 * evaluateReplyWindow(policy, [{ kind: "follow", at, sentSince: 0 }], "message", at + 61_000).code;
 * // => "expired"
 * ```
 */
export function evaluateReplyWindow(
  policy: ReplyWindowPolicy,
  events: readonly ReplyWindowEvent[],
  surface: ReplySurface,
  now: Instant,
): ReplyAllowance {
  const fn = "evaluateReplyWindow";
  const p = parseOrThrow(ReplyWindowPolicySchema, policy, { fn, path: ["policy"] });
  const e = parseOrThrow(EventsSchema, events, { fn, path: ["events"] });
  const s = parseOrThrow(ReplySurfaceSchema, surface, { fn, path: ["surface"] });
  assertInstant(now, fn, ["now"]);
  return allowanceFor(p, e, s, now);
}
