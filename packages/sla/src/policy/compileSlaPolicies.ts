import { brandCompiled, OpsError, parseOrThrow } from "@ops/core";
import * as z from "zod/mini";
import { SlaPolicySchema, type SlaPolicy } from "./slaPolicy";

declare const policySetBrand: unique symbol;

/**
 * An ordered, validated list of SLA policies (first match wins), frozen. Build it with
 * {@link compileSlaPolicies}; the clock functions take it without validating it again.
 */
export interface SlaPolicySet {
  readonly policies: readonly SlaPolicy[];
  readonly [policySetBrand]: true;
}

/**
 * Validates an ordered list of SLA policies once — schemas, unique ids, a calendar for
 * every business-hours target — and returns a frozen {@link SlaPolicySet}. Order matters:
 * like Zendesk's and Chatwoot's policy lists, the first policy whose `match` holds applies.
 *
 * @param policies - the policies, most specific first
 * @returns the compiled set (deep copies; the input is not kept)
 * @throws {OpsError} `invalid_argument` for a policy that breaks {@link SlaPolicySchema}; `duplicate` for a repeated id
 *
 * @example
 * ```ts
 * import { compileSlaPolicies } from "@ops/sla";
 * const set = compileSlaPolicies([
 *   { id: "urgent", match: { priorities: ["urgent"] }, targets: { first_reply: { goal: 15 * 60_000, hours: "calendar" } } },
 *   { id: "default", match: {}, targets: { first_reply: { goal: 2 * 3_600_000, hours: "calendar" } } },
 * ]);
 * set.policies.map((p) => p.id);
 * // => ["urgent", "default"]
 * ```
 */
export function compileSlaPolicies(policies: readonly SlaPolicy[]): SlaPolicySet {
  const fn = "compileSlaPolicies";
  const parsed = parseOrThrow(z.array(SlaPolicySchema), policies, { fn, path: ["policies"] });
  const seen = new Set<string>();
  parsed.forEach((p, i) => {
    if (seen.has(p.id))
      throw new OpsError({
        code: "duplicate",
        fn,
        path: ["policies", i, "id"],
        rule: "must be unique",
        received: p.id,
      });
    seen.add(p.id);
  });
  // zod copies plain data; the compiled calendar objects are shared (they are immutable)
  const frozen = parsed.map((p, i) => Object.freeze({ ...p, calendar: policies[i]?.calendar }) as SlaPolicy);
  return Object.freeze(brandCompiled({ policies: Object.freeze(frozen) }, "sla.policies")) as SlaPolicySet;
}
