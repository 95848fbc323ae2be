import { ThreadStatusSchema, type ThreadStatus } from "@ops/interaction";
import * as z from "zod/mini";

/**
 * The SLA metrics, with Zendesk's names and semantics (Zendesk help, "Defining and using
 * SLA policies"; Ticket metric event types reference):
 *
 * | metric | a cycle starts | a cycle stops | cycles | default pause |
 * | --- | --- | --- | --- | --- |
 * | `first_reply` | when the item is created | at the first agent reply, or when resolved | one | never |
 * | `next_reply` | at the **oldest** customer message not yet answered, once the first reply is done | at the next agent reply, or when resolved | many | never |
 * | `periodic_update` | at each agent reply | at the next agent reply, or when resolved | many | never |
 * | `pausable_update` | at each agent reply | at the next agent reply, or when resolved | many | `pending` |
 * | `requester_wait` | when the item is created | when resolved (a reopen resumes it) | one | `pending` |
 * | `agent_work` | when the item is created | when resolved (a reopen resumes it) | one | `pending`, `snoozed` |
 * | `resolution` | when the item is created | when resolved (a reopen resumes it) | one | never |
 *
 * `snoozed` plays Zendesk's `on-hold`: requester wait counts it, agent work does not.
 * Time in `resolved` never counts.
 *
 * @example
 * ```ts
 * import { SlaMetricSchema } from "@ops/sla";
 * SlaMetricSchema.options.length;
 * // => 7
 * ```
 */
export const SlaMetricSchema = /* @__PURE__ */ (() =>
  z.enum([
    "first_reply",
    "next_reply",
    "periodic_update",
    "pausable_update",
    "requester_wait",
    "agent_work",
    "resolution",
  ]))();

/** One SLA metric; see {@link SlaMetricSchema}. */
export type SlaMetric = z.output<typeof SlaMetricSchema>;

/** Every metric, in the order of {@link SlaMetricSchema}. */
export const SLA_METRICS: readonly SlaMetric[] = /* @__PURE__ */ (() => SlaMetricSchema.options)();

/**
 * The thread statuses in which each metric's clock is paused by default — Zendesk's
 * semantics mapped onto `@ops/interaction`'s statuses (`snoozed` ≈ Zendesk on-hold):
 * requester wait pauses in pending; agent work counts new and open only; pausable update
 * pauses in pending; resolution, reply times and periodic update never pause.
 *
 * @example
 * ```ts
 * import { DEFAULT_PAUSE_STATUSES } from "@ops/sla";
 * DEFAULT_PAUSE_STATUSES.agent_work;
 * // => ["pending", "snoozed"]
 * ```
 */
export const DEFAULT_PAUSE_STATUSES: { readonly [M in SlaMetric]: readonly ThreadStatus[] } = {
  first_reply: [],
  next_reply: [],
  periodic_update: [],
  pausable_update: ["pending"],
  requester_wait: ["pending"],
  agent_work: ["pending", "snoozed"],
  resolution: [],
};

/** A thread status a target may pause in: any but `resolved`. */
type PauseStatus = Exclude<ThreadStatus, "resolved">;

/** Schema of a list of pause statuses (`resolved` is implied and may not be listed). */
export const PauseStatusesSchema = /* @__PURE__ */ (() =>
  z.array(
    z.enum(
      ThreadStatusSchema.options.filter((s): s is PauseStatus => s !== "resolved") as [PauseStatus, ...PauseStatus[]],
    ),
  ))();
