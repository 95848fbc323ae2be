import { assertCompiled, type Instant } from "@ops/core";
import type { InteractionKind } from "@ops/interaction";
import { addBusinessTime, selectSlaPolicy, type SlaPolicySet } from "@ops/sla";
import type { FeedbackItem } from "../item/feedbackItem";
import type { DeadlineFn } from "../lifecycle/transitionContext";
import { assertItem } from "../_lib/assertItem";

const KIND: Partial<Record<FeedbackItem["sources"][number]["kind"], InteractionKind>> = {
  comment: "comment",
  dm: "dm",
};

/**
 * A {@link DeadlineFn} from `@ops/sla` policies: when an item is triaged or routed, the
 * first policy of the set that matches it gives its `resolution` target, counted from the
 * moment the user wrote (`openedAt`) — in business hours through the policy's calendar
 * (`addBusinessTime`) or in elapsed time. An item no policy matches, or whose policy has
 * no resolution target, gets no deadline (`null`).
 *
 * The item is matched as an SLA subject with: `platform` of its channel, `kind` `comment`
 * or `dm` from its first source, its `priority`, and its category as the only tag (so a
 * policy with `tagsAny: ["quality"]` covers quality complaints).
 *
 * The deadline is a fixed instant: it does not pause while the item waits on the customer.
 * For paused clocks use `@ops/sla`'s `computeSlaClocks` over the item's timeline.
 *
 * @param policies - from `@ops/sla`'s `compileSlaPolicies`
 * @returns a deadline function for {@link TransitionContext}.deadline
 * @throws {OpsError} `invalid_argument` when `policies` is not a compiled set; the returned
 *   function throws `out_of_horizon` (from `addBusinessTime`) past its calendar's horizon, and
 *   `invalid_argument` for an item whose state fields break `FeedbackItemSchema`
 *
 * @example
 * ```ts
 * import { compileSlaPolicies } from "@ops/sla";
 * import { openFeedback, slaDeadline, transition } from "@ops/feedback";
 * const hour = 3_600_000;
 * const policies = compileSlaPolicies([
 *   { id: "urgent", match: { priorities: ["urgent"] }, targets: { resolution: { goal: 4 * hour, hours: "calendar" } } },
 *   { id: "quality", match: { tagsAny: ["quality"] }, targets: { resolution: { goal: 48 * hour, hours: "calendar" } } },
 * ]);
 * const { item } = openFeedback({ type: "open", id: "e1", itemId: "fb_1", at: 0, source: { kind: "dm", interactionId: null }, actor: null });
 * const r = transition(item, { type: "triage", id: "e2", itemId: "fb_1", at: hour, category: "quality" }, { deadline: slaDeadline(policies) });
 * r.ok && r.value.item.dueAt;
 * // => 48 * hour
 * ```
 */
export function slaDeadline(policies: SlaPolicySet): DeadlineFn {
  // recognised by the brand compileSlaPolicies puts on it, not by its shape
  assertCompiled(policies, "sla.policies", "compileSlaPolicies", "slaDeadline", ["policies"]);
  return (item: FeedbackItem, _at: Instant): Instant | null => {
    assertItem(item, "slaDeadline()");
    const sourceKind = item.sources[0]?.kind;
    const kind = sourceKind === undefined ? undefined : KIND[sourceKind];
    const policy = selectSlaPolicy(policies, {
      ...(item.channel ? { platform: item.channel.platform } : {}),
      ...(kind ? { kind } : {}),
      priority: item.priority,
      tags: item.category === null ? [] : [item.category],
    });
    const target = policy?.targets.resolution;
    if (!policy || !target) return null;
    if (target.hours === "calendar") return item.openedAt + target.goal;
    if (!policy.calendar) return null; // compileSlaPolicies refuses this; kept for type safety
    return addBusinessTime(policy.calendar, item.openedAt, target.goal);
  };
}
