import { assertCompiled, parseOrThrow } from "@ops/core";
import type { SlaPolicySet } from "./compileSlaPolicies";
import { type SlaPolicy, type SlaPolicyMatch, type SlaSubject, SlaSubjectSchema } from "./slaPolicy";

/**
 * The first policy of the set whose `match` holds for `subject`, or `null` when none does
 * (the item then has no SLA). A criterion holds when the subject's attribute is in the
 * listed values (`platforms`, `channelIds`, `kinds`, `threadTypes`, `priorities`), when
 * the subject carries every tag of `tagsAll`, some tag of `tagsAny` and no tag of `tagsNone`.
 *
 * @param set - from `compileSlaPolicies`
 * @param subject - the item's attributes
 * @returns the matching policy or `null`
 * @throws {OpsError} `invalid_argument` when `set` is not a compiled policy set or `subject` breaks {@link SlaSubjectSchema}
 *
 * @example
 * ```ts
 * import { compileSlaPolicies, selectSlaPolicy } from "@ops/sla";
 * const set = compileSlaPolicies([
 *   { id: "weibo-urgent", match: { platforms: ["weibo"], priorities: ["urgent"] }, targets: {} },
 *   { id: "complaints", match: { tagsAny: ["complaint", "投诉"] }, targets: {} },
 * ]);
 * selectSlaPolicy(set, { platform: "weibo", priority: "urgent" })?.id;
 * // => "weibo-urgent"
 * selectSlaPolicy(set, { platform: "douyin", tags: ["投诉"] })?.id;
 * // => "complaints"
 * selectSlaPolicy(set, { platform: "douyin" });
 * // => null
 * ```
 */
export function selectSlaPolicy(set: SlaPolicySet, subject: SlaSubject): SlaPolicy | null {
  assertCompiled(set, "sla.policies", "compileSlaPolicies", "selectSlaPolicy", ["set"]);
  parseOrThrow(SlaSubjectSchema, subject, { fn: "selectSlaPolicy", path: ["subject"] });
  for (const policy of set.policies) if (matches(policy.match, subject)) return policy;
  return null;
}

function matches(m: SlaPolicyMatch, s: SlaSubject): boolean {
  const tags = s.tags ?? [];
  return (
    within(m.platforms, s.platform) &&
    within(m.channelIds, s.channelId) &&
    within(m.kinds, s.kind) &&
    within(m.threadTypes, s.threadType) &&
    within(m.priorities, s.priority) &&
    (m.tagsAll === undefined || m.tagsAll.every((t) => tags.includes(t))) &&
    (m.tagsAny === undefined || m.tagsAny.some((t) => tags.includes(t))) &&
    (m.tagsNone === undefined || !m.tagsNone.some((t) => tags.includes(t)))
  );
}

function within<T>(allowed: readonly T[] | undefined, value: T | undefined): boolean {
  return allowed === undefined || (value !== undefined && allowed.includes(value));
}
