import { OpsError, type Instant } from "@ops/core";
import type { ReplyAllowance, ReplyDecision } from "@ops/interaction";
import type { SlaClocks } from "../clock/computeSlaClocks";
import type { SlaCycle } from "../clock/slaCycle";

/** Why {@link replyDeadline} warns. */
export type ReplyDeadlineWarningCode =
  | "window_closes_before_target"
  | "window_closed"
  | "quota_exhausted"
  | "last_message"
  | "sla_breached"
  | "alternative_open";

/** A warning of {@link replyDeadline}: a code and a sentence for the agent. */
export interface ReplyDeadlineWarning {
  readonly code: ReplyDeadlineWarningCode;
  readonly message: string;
}

/** What binds the reply deadline: the SLA target, the platform's window, or nothing. */
export type ReplyDeadlineBinding = "sla" | "window" | "none";

/** The answer of {@link replyDeadline}. */
export interface ReplyDeadline {
  /** The earlier of the SLA due time and the window's close; `null` when neither applies or no reply is possible. */
  readonly dueAt: Instant | null;
  readonly binding: ReplyDeadlineBinding;
  /** Whether the platform lets the brand answer now on this surface. */
  readonly canReply: boolean;
  /** Due (or breach) instant of the running first- or next-reply cycle, `null` if none runs. */
  readonly slaDueAt: Instant | null;
  readonly slaMetric: "first_reply" | "next_reply" | null;
  /** When the platform's window closes (exclusive); `null` when unlimited or already closed. */
  readonly windowClosesAt: Instant | null;
  /** Messages the window still allows, `null` when not counted. */
  readonly messagesLeft: number | null;
  readonly warnings: readonly ReplyDeadlineWarning[];
}

/**
 * The real deadline for answering an item: the earlier of its SLA reply target (the
 * running `first_reply` or `next_reply` cycle) and the close of the platform's reply
 * window (a hard limit: after it the platform refuses the message), saying which of the
 * two binds. Warns when the window closes before the SLA target, when the window is
 * closed or its message quota spent (WeChat's customer-service messages, Meta's 24-hour
 * window), when one message is left, when the SLA is already breached, and when another
 * surface (a private reply, a tagged message) is still open.
 *
 * @param clocks - from `computeSlaClocks`
 * @param allowance - the platform's verdict for the surface, from `@ops/interaction`'s `replyPolicy` (a `ReplyDecision`) or `evaluateReplyWindow`
 * @returns the deadline, what binds it and the warnings
 * @throws {OpsError} `invalid_argument` for a malformed clocks or allowance object
 *
 * @example
 * ```ts
 * import { compileSlaPolicies, computeSlaClocks, replyDeadline } from "@ops/sla";
 * const H = 3_600_000;
 * const t0 = Date.UTC(2026, 2, 9, 1, 0);
 * const policies = compileSlaPolicies([{ id: "dm", match: {}, targets: { first_reply: { goal: 4 * H, hours: "calendar" } } }]);
 * const clocks = computeSlaClocks([{ type: "created", at: t0, subject: { platform: "wechat_oa" } }], policies, { now: t0 + H });
 * // WeChat's 48-hour customer-service window was opened 46 h ago: it closes in 2 h, before the 4-hour target
 * const d = replyDeadline(clocks, { surface: "message", allowed: true, code: "open", until: t0 + 3 * H, messagesLeft: 5, ruleId: "wechat_oa.customer_service", tag: null, reason: "" });
 * [d.binding, d.dueAt === t0 + 3 * H, d.warnings.map((w) => w.code)];
 * // => ["window", true, ["window_closes_before_target"]]
 * ```
 */
export function replyDeadline(clocks: SlaClocks, allowance: ReplyAllowance | ReplyDecision): ReplyDeadline {
  const fn = "replyDeadline";
  if (
    clocks === null ||
    typeof clocks !== "object" ||
    typeof clocks.cycles !== "object" ||
    typeof clocks.now !== "number"
  ) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["clocks"],
      rule: "must be the result of computeSlaClocks",
    });
  }
  if (
    allowance === null ||
    typeof allowance !== "object" ||
    typeof allowance.allowed !== "boolean" ||
    !(allowance.until === null || Number.isInteger(allowance.until))
  ) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["allowance"],
      rule: "must be a reply allowance { allowed, code, until, messagesLeft, … } from @ops/interaction",
    });
  }
  const warnings: ReplyDeadlineWarning[] = [];
  const running = [...clocks.cycles.first_reply, ...clocks.cycles.next_reply].filter((c) => c.stoppedAt === undefined);
  let sla: SlaCycle | undefined;
  for (const c of running) {
    const due = c.breachedAt ?? c.dueAt;
    const best = sla?.breachedAt ?? sla?.dueAt;
    if (due !== null && due !== undefined && (best === null || best === undefined || due < best)) sla = c;
  }
  const slaDueAt = sla === undefined ? null : (sla.breachedAt ?? sla.dueAt);
  if (sla?.breachedAt !== undefined)
    warnings.push({
      code: "sla_breached",
      message: `the ${sla.metric} target was missed at ${new Date(sla.breachedAt).toISOString()}`,
    });
  const windowClosesAt = allowance.allowed ? allowance.until : null;
  let dueAt: Instant | null = null;
  let binding: ReplyDeadlineBinding = "none";
  if (!allowance.allowed) {
    const code = allowance.code === "quota_exhausted" ? "quota_exhausted" : "window_closed";
    warnings.push({
      code,
      message: `the platform does not allow a ${allowance.surface} now (${allowance.code})${allowance.reason ? `: ${allowance.reason}` : ""}`,
    });
    binding = "window";
  } else if (windowClosesAt !== null && (slaDueAt === null || windowClosesAt <= slaDueAt)) {
    dueAt = windowClosesAt;
    binding = "window";
    if (slaDueAt !== null) {
      warnings.push({
        code: "window_closes_before_target",
        message: `the reply window closes at ${new Date(windowClosesAt).toISOString()}, before the SLA target`,
      });
    }
  } else if (slaDueAt !== null) {
    dueAt = slaDueAt;
    binding = "sla";
  }
  if (allowance.allowed && allowance.messagesLeft === 1)
    warnings.push({ code: "last_message", message: "the window allows one more message: put everything in it" });
  const alternatives = "alternatives" in allowance ? allowance.alternatives : [];
  const open = alternatives.find((a) => a.allowed);
  if (!allowance.allowed && open !== undefined) {
    warnings.push({
      code: "alternative_open",
      message: `${open.surface} is still possible${open.tag ? ` with tag ${open.tag}` : ""}${open.until !== null ? ` until ${new Date(open.until).toISOString()}` : ""}`,
    });
  }
  return {
    dueAt,
    binding,
    canReply: allowance.allowed,
    slaDueAt,
    slaMetric: sla?.metric === "first_reply" || sla?.metric === "next_reply" ? sla.metric : null,
    windowClosesAt,
    messagesLeft: allowance.messagesLeft,
    warnings,
  };
}
