import { OpsError, parseOrThrow } from "@ops/core";
import { jcsHash } from "./_lib/jcsHash";
import { type AwardSpecInput, AwardSpecSchema } from "./AwardSpecSchema";
import { type QuizSpecInput, QuizSpecSchema } from "./QuizSpecSchema";

/**
 * The hash of a quiz or award spec to publish before the contest opens:
 * `SHA-256(UTF-8(JCS(spec)))`, as a draw's {@link specHash} (docs/raffle-spec.md §3, §11.1).
 * The spec is checked against {@link QuizSpecSchema} or {@link AwardSpecSchema} by its `type`.
 *
 * @param spec - a quiz or award spec
 * @returns 64 lower-case hex digits; the certificate's `specHash`
 * @throws {OpsError} `invalid_argument` for a spec that breaks its schema or has another `type`
 *
 * @example
 * ```ts
 * import { commitSeed, contestSpecHash, rubricHash } from "@ops/raffle";
 * const spec = {
 *   format: "ops-raffle/v1.1", type: "award", campaignId: "trip", judges: ["j1"], places: 1, closeAt: 0,
 *   rubricHash: rubricHash({ version: "1", criteria: [{ id: "story", weight: 1, max: 10 }] }),
 *   randomness: { kind: "commit", commitment: commitSeed("07".repeat(32)) },
 * } as const;
 * contestSpecHash(spec).length;
 * // => 64
 * ```
 */
export function contestSpecHash(spec: QuizSpecInput | AwardSpecInput): string {
  const fn = "contestSpecHash";
  const type = typeof spec === "object" && spec !== null ? (spec as { type?: unknown }).type : undefined;
  if (type === "quiz") return jcsHash(parseOrThrow(QuizSpecSchema, spec, { fn, path: ["spec"] }));
  if (type === "award") return jcsHash(parseOrThrow(AwardSpecSchema, spec, { fn, path: ["spec"] }));
  throw new OpsError({
    code: "invalid_argument",
    fn,
    path: ["spec", "type"],
    rule: 'must be "quiz" or "award"',
    received: type,
  });
}
