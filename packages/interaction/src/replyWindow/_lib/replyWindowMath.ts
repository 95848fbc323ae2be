import { formatInstant, OpsError, type Instant } from "@ops/core";
import {
  ReplySurfaceSchema,
  type ReplyAllowance,
  type ReplySurface,
  type ReplyWindowEvent,
  type ReplyWindowPolicy,
  type ReplyWindowRule,
} from "../ReplyWindowPolicy";

/** The same as {@link evaluateReplyWindow} without validation; for callers that validated. */
export function allowanceFor(
  policy: ReplyWindowPolicy,
  events: readonly ReplyWindowEvent[],
  surface: ReplySurface,
  now: Instant,
): ReplyAllowance {
  if (policy.unrestricted.includes(surface)) {
    return {
      surface,
      allowed: true,
      code: "unlimited",
      until: null,
      messagesLeft: null,
      ruleId: null,
      tag: null,
      reason: `${policy.id}: ${surface} is not limited in time or count`,
    };
  }
  const rules = policy.rules.filter((r) => r.surface === surface);
  if (rules.length === 0) {
    return {
      surface,
      allowed: false,
      code: "unsupported",
      until: null,
      messagesLeft: null,
      ruleId: null,
      tag: null,
      reason: `${policy.id}: the platform offers no ${surface} surface`,
    };
  }
  return pickBest(rules.map((rule) => ruleAllowance(rule, events, now)));
}

/** Allowances of every rule of every surface, best first within each surface. */
export function allAllowances(
  policy: ReplyWindowPolicy,
  events: readonly ReplyWindowEvent[],
  now: Instant,
): ReplyAllowance[] {
  const out: ReplyAllowance[] = [];
  for (const surface of ReplySurfaceSchema.options) {
    if (policy.unrestricted.includes(surface)) {
      out.push(allowanceFor(policy, events, surface, now));
      continue;
    }
    const rules = policy.rules.filter((r) => r.surface === surface);
    out.push(...rules.map((rule) => ruleAllowance(rule, events, now)).sort(compareAllowance));
  }
  return out;
}

function ruleAllowance(rule: ReplyWindowRule, events: readonly ReplyWindowEvent[], now: Instant): ReplyAllowance {
  let opener: ReplyWindowEvent | undefined;
  for (const event of events) {
    if (!rule.openedBy.includes(event.kind)) continue;
    if (opener === undefined || event.at > opener.at || (event.at === opener.at && event.sentSince < opener.sentSince))
      opener = event;
  }
  const base = { surface: rule.surface, ruleId: rule.id, tag: rule.tag };
  if (opener === undefined) {
    return {
      ...base,
      allowed: false,
      code: "not_opened",
      until: null,
      messagesLeft: null,
      reason: `${rule.id}: no ${rule.openedBy.join(" / ")} event has opened a window yet`,
    };
  }
  let block: ReplyWindowEvent | undefined;
  for (const event of events) if (event.kind === "block" && (block === undefined || event.at > block.at)) block = event;
  if (block !== undefined && block.at >= opener.at) {
    return {
      ...base,
      allowed: false,
      code: "blocked",
      until: null,
      messagesLeft: 0,
      reason: `${rule.id}: the user blocked the account at ${formatInstant(block.at)}, after the ${opener.kind} that opened the window; a new message from the user opens it again`,
    };
  }
  const until = opener.at + rule.durationMs;
  if (now >= until) {
    return {
      ...base,
      allowed: false,
      code: "expired",
      until: null,
      messagesLeft: 0,
      reason: `${rule.id}: the window opened by ${opener.kind} closed at ${formatInstant(until)}`,
    };
  }
  const messagesLeft = rule.maxMessages === null ? null : Math.max(0, rule.maxMessages - opener.sentSince);
  if (messagesLeft === 0) {
    return {
      ...base,
      allowed: false,
      code: "quota_exhausted",
      until,
      messagesLeft,
      reason: `${rule.id}: all ${rule.maxMessages} messages of the window have been sent`,
    };
  }
  const tagText = rule.tag === null ? "" : ` with tag ${rule.tag}`;
  const countText = messagesLeft === null ? "" : `, ${messagesLeft} message(s) left`;
  return {
    ...base,
    allowed: true,
    code: "open",
    until,
    messagesLeft,
    reason: `${rule.id}: open${tagText} until ${formatInstant(until)}${countText}`,
  };
}

const CODE_RANK: Record<ReplyAllowance["code"], number> = {
  unlimited: 0,
  open: 1,
  quota_exhausted: 2,
  expired: 3,
  blocked: 3,
  not_opened: 4,
  unsupported: 5,
};

function compareAllowance(a: ReplyAllowance, b: ReplyAllowance): number {
  if (a.allowed !== b.allowed) return a.allowed ? -1 : 1;
  if (a.allowed && (a.tag === null) !== (b.tag === null)) return a.tag === null ? -1 : 1;
  const rank = CODE_RANK[a.code] - CODE_RANK[b.code];
  if (rank !== 0) return rank;
  return (b.until ?? 0) - (a.until ?? 0);
}

function pickBest(allowances: readonly ReplyAllowance[]): ReplyAllowance {
  const sorted = [...allowances].sort(compareAllowance);
  const best = sorted[0];
  if (best === undefined)
    throw new OpsError({ code: "illegal_state", fn: "evaluateReplyWindow", rule: "found no rule to evaluate" });
  return best;
}
