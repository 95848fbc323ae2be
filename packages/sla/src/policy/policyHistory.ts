import type { Instant } from "@ops/core";
import type { SlaPolicySet } from "./compileSlaPolicies";

/**
 * The versions of a team's policy set over time: each `policies` is in force from
 * `since` until the next version. An item keeps the version that was in force when its SLA
 * was applied (its `created` event) for its whole life, so editing the policies tomorrow
 * does not rewrite today's items. Pass it to `computeSlaClocks` instead of a single set.
 */
export type SlaPolicyHistory = readonly { readonly since: Instant; readonly policies: SlaPolicySet }[];
