import { InstantSchema, MAX_INSTANT, OpsError, formatInstant, parseOrThrow, type Instant } from "@ops/core";
import { ReplySurfaceSchema, type ReplyAllowance, type ReplyAllowanceCode, type ReplyDecision } from "@ops/interaction";
import * as z from "zod/mini";
import type { SlaClocks } from "../clock/computeSlaClocks";
import type { SlaCycle } from "../clock/slaCycle";

/** Every `ReplyAllowanceCode` of `@ops/interaction` (a code added there fails the type check here). */
const ALLOWANCE_CODES = {
  open: "open",
  unlimited: "unlimited",
  expired: "expired",
  quota_exhausted: "quota_exhausted",
  not_opened: "not_opened",
  unsupported: "unsupported",
  blocked: "blocked",
} as const satisfies { readonly [K in ReplyAllowanceCode]: K };

const allowanceFields = /* @__PURE__ */ (() => ({
  surface: ReplySurfaceSchema,
  allowed: z.boolean(),
  code: z.enum(ALLOWANCE_CODES),
  until: z.nullable(InstantSchema),
  messagesLeft: z.nullable(
    z.int().check(z.minimum(0, { error: "must be null (no message limit) or a whole number ≥ 0" })),
  ),
  ruleId: z.nullable(z.string()),
  tag: z.nullable(z.string()),
  reason: z.string(),
}))();

const someLeftWhileAllowed = /* @__PURE__ */ (() =>
  z.refine<{ allowed: boolean; messagesLeft: number | null }>((a) => !(a.allowed && a.messagesLeft === 0), {
    error: "must be null or ≥ 1 while the reply is allowed (a window with no message left allows none)",
    path: ["messagesLeft"],
  }))();

/**
 * Schema of the allowance {@link replyDeadline} reads: `@ops/interaction`'s
 * `ReplyAllowance` or `ReplyDecision` (with `alternatives`), as `evaluateReplyWindow` and
 * `replyPolicy` return them. The ranges: `until` is `null` or an instant (an integer in
 * ±8.64e15 epoch ms); `messagesLeft` is `null` when the window counts no messages, else a
 * safe integer ≥ 0, and ≥ 1 while `allowed` (a spent quota allows no reply); `surface`
 * and `code` are one of interaction's names.
 *
 * @example
 * ```ts
 * import { ReplyDeadlineAllowanceSchema } from "@ops/sla";
 * const open = { surface: "message", allowed: true, code: "open", until: 1772933400000, messagesLeft: 5, ruleId: null, tag: null, reason: "" };
 * ReplyDeadlineAllowanceSchema.safeParse(open).success;
 * // => true
 * ReplyDeadlineAllowanceSchema.safeParse({ ...open, messagesLeft: Number.NaN }).success;
 * // => false
 * ```
 */
export const ReplyDeadlineAllowanceSchema = /* @__PURE__ */ (() =>
  z
    .object({
      ...allowanceFields,
      alternatives: z.optional(z.array(z.object(allowanceFields).check(someLeftWhileAllowed))),
    })
    .check(someLeftWhileAllowed))();

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
 * Every number in the answer is an instant or a count the inputs gave: `messagesLeft` is
 * the allowance's (`null` when the window counts no messages), never NaN.
 *
 * @param clocks - from `computeSlaClocks` (`now` and the reply cycles' `dueAt`,
 * `breachedAt`, `stoppedAt` are instants: integers in ±8.64e15 epoch ms)
 * @param allowance - the platform's verdict for the surface, from `@ops/interaction`'s
 * `replyPolicy` (a `ReplyDecision`) or `evaluateReplyWindow`; its ranges are those of
 * {@link ReplyDeadlineAllowanceSchema} (`until` an instant or `null`; `messagesLeft`
 * `null` or a safe integer ≥ 0, ≥ 1 while allowed)
 * @returns the deadline, what binds it and the warnings
 * @throws {OpsError} `invalid_argument` for a malformed clocks or allowance object, or a
 * number outside its range, naming the field
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
    clocks.cycles === null ||
    !Number.isInteger(clocks.now) ||
    Math.abs(clocks.now) > MAX_INSTANT
  ) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["clocks"],
      rule: "must be the result of computeSlaClocks",
    });
  }
  const running = runningReplyCycles(clocks, fn);
  const verdict = parseOrThrow(ReplyDeadlineAllowanceSchema, allowance, { fn, path: ["allowance"] });
  const warnings: ReplyDeadlineWarning[] = [];
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
      message: `the ${sla.metric} target was missed at ${formatInstant(sla.breachedAt)}`,
    });
  const windowClosesAt = verdict.allowed ? verdict.until : null;
  let dueAt: Instant | null = null;
  let binding: ReplyDeadlineBinding = "none";
  if (!verdict.allowed) {
    const code = verdict.code === "quota_exhausted" ? "quota_exhausted" : "window_closed";
    warnings.push({
      code,
      message: `the platform does not allow a ${verdict.surface} now (${verdict.code})${verdict.reason ? `: ${verdict.reason}` : ""}`,
    });
    binding = "window";
  } else if (windowClosesAt !== null && (slaDueAt === null || windowClosesAt <= slaDueAt)) {
    dueAt = windowClosesAt;
    binding = "window";
    if (slaDueAt !== null) {
      warnings.push({
        code: "window_closes_before_target",
        message: `the reply window closes at ${formatInstant(windowClosesAt)}, before the SLA target`,
      });
    }
  } else if (slaDueAt !== null) {
    dueAt = slaDueAt;
    binding = "sla";
  }
  if (verdict.allowed && verdict.messagesLeft === 1)
    warnings.push({ code: "last_message", message: "the window allows one more message: put everything in it" });
  const open = verdict.alternatives?.find((a) => a.allowed);
  if (!verdict.allowed && open !== undefined) {
    warnings.push({
      code: "alternative_open",
      message: `${open.surface} is still possible${open.tag ? ` with tag ${open.tag}` : ""}${open.until !== null ? ` until ${formatInstant(open.until)}` : ""}`,
    });
  }
  return {
    dueAt,
    binding,
    canReply: verdict.allowed,
    slaDueAt,
    slaMetric: sla?.metric === "first_reply" || sla?.metric === "next_reply" ? sla.metric : null,
    windowClosesAt,
    messagesLeft: verdict.messagesLeft,
    warnings,
  };
}

const CYCLE_INSTANTS = ["stoppedAt", "dueAt", "breachedAt"] as const;

/** The running first- and next-reply cycles of `clocks`, with the instants read from them checked. */
function runningReplyCycles(clocks: SlaClocks, fn: string): SlaCycle[] {
  const running: SlaCycle[] = [];
  for (const metric of ["first_reply", "next_reply"] as const) {
    const cycles: unknown = clocks.cycles[metric];
    if (!Array.isArray(cycles)) {
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: ["clocks", "cycles", metric],
        rule: "must be a list of cycles (the result of computeSlaClocks)",
      });
    }
    cycles.forEach((c: SlaCycle, i) => {
      if (c === null || typeof c !== "object") {
        throw new OpsError({
          code: "invalid_argument",
          fn,
          path: ["clocks", "cycles", metric, i],
          rule: "must be a cycle (the result of computeSlaClocks)",
          received: c,
        });
      }
      for (const field of CYCLE_INSTANTS) {
        const t: unknown = c[field];
        if (t === undefined || (t === null && field === "dueAt")) continue;
        if (!Number.isInteger(t) || Math.abs(t as number) > MAX_INSTANT) {
          throw new OpsError({
            code: "invalid_argument",
            fn,
            path: ["clocks", "cycles", metric, i, field],
            rule: `must be ${field === "dueAt" ? "null or " : ""}an instant (an integer number of epoch milliseconds within ±8.64e15)`,
            received: t,
          });
        }
      }
      if (c.stoppedAt === undefined) running.push(c);
    });
  }
  return running;
}
