import { assertInstant, parseOrThrow, type Instant } from "@ops/core";
import { ThreadSchema, type Thread } from "../model/Thread";
import {
  ReplyWindowPolicySchema,
  type ReplyDecision,
  type ReplySurface,
  type ReplyWindowPolicy,
} from "./ReplyWindowPolicy";
import { allAllowances, allowanceFor } from "./_lib/replyWindowMath";

/**
 * Can the brand answer this thread now, on which surface, until when and with how many
 * messages left — computed from the platform's reply-window data and the thread's
 * `replyWindowEvents` (see {@link evaluateReplyWindow} for the rule).
 *
 * The main answer is for the thread's natural surface: `message` for DM and group
 * threads, `public_reply` for public threads. `alternatives` lists every other surface
 * and rule (e.g. a private reply to a comment, or a `HUMAN_AGENT`-tagged message once the
 * 24-hour window has closed), best first within each surface.
 *
 * @param thread - a {@link Thread} (as built by `buildThreads`)
 * @param policy - the platform's {@link ReplyWindowPolicy} (e.g. from `REPLY_WINDOW_POLICIES`)
 * @param now - the instant to decide at
 * @returns a {@link ReplyDecision}
 * @throws {OpsError} `invalid_argument` for a malformed thread, policy or instant
 *
 * @example
 * ```ts
 * import { replyPolicy, REPLY_WINDOW_POLICIES, ThreadSchema } from "@ops/interaction";
 * const at = Date.UTC(2026, 2, 8, 9, 0);
 * const thread = ThreadSchema.parse({
 *   id: "thr_1", channelId: "ch_ig", type: "dm", status: "open", createdAt: at, waitingSince: at,
 *   firstReplyAt: null, lastInboundAt: at, lastInboundKind: "dm", lastOutboundAt: null,
 *   replyWindowEvents: [{ kind: "dm", at, sentSince: 0 }],
 * });
 * const later = replyPolicy(thread, REPLY_WINDOW_POLICIES["instagram.messaging"]!, at + 30 * 3_600_000);
 * [later.allowed, later.tag, later.alternatives.find((a) => a.ruleId === "instagram.standard")?.code];
 * // => [true, "HUMAN_AGENT", "expired"]
 * ```
 */
export function replyPolicy(thread: Thread, policy: ReplyWindowPolicy, now: Instant): ReplyDecision {
  const fn = "replyPolicy";
  const t = parseOrThrow(ThreadSchema, thread, { fn, path: ["thread"] });
  const p = parseOrThrow(ReplyWindowPolicySchema, policy, { fn, path: ["policy"] });
  assertInstant(now, fn, ["now"]);
  const natural: ReplySurface = t.type === "public" ? "public_reply" : "message";
  const main = allowanceFor(p, t.replyWindowEvents, natural, now);
  const alternatives = allAllowances(p, t.replyWindowEvents, now).filter(
    (a) => !(a.surface === main.surface && a.ruleId === main.ruleId && a.code === main.code),
  );
  return { ...main, alternatives };
}
