import * as z from "zod/mini";
import type { ReadonlyDeep } from "@ops/core";
import { CloseAt, Hex32, Name, Places, text } from "./_lib/contestSchemas";
import { RandomnessSourceSchema } from "../spec/CampaignSpecSchema";

/**
 * Schema of a judged award's spec, published with its hash (SHA-256 of its canonical JSON,
 * as a draw's `specHash`) before judging starts (docs/raffle-spec.md §11.1):
 *
 * - `rubricHash`: {@link rubricHash} of the rubric the judges will use;
 * - `judges`: the panel, 1–100 distinct names — every judge scores every entry;
 * - `places`: how many ranked places the certificate lists (1–1000);
 * - `closeAt`: epoch milliseconds when judging ends and the scores are final;
 * - `randomness`: as a draw's (`delaySeconds` after `closeAt`), for the tie-break seed.
 *
 * Unknown members are refused.
 *
 * @example
 * ```ts
 * import { AwardSpecSchema, QUICKNET, rubricHash } from "@ops/raffle";
 * const result = AwardSpecSchema.safeParse({
 *   format: "ops-raffle/v1.1", type: "award", campaignId: "memorable-trip-2026",
 *   rubricHash: rubricHash({ version: "1", criteria: [{ id: "story", weight: 2, max: 10 }] }),
 *   judges: ["editor-wang", "editor-li"], places: 3, closeAt: 1772933400000,
 *   randomness: { kind: "drand", chain: QUICKNET, delaySeconds: 60 },
 * });
 * result.success;
 * // => true
 * ```
 */
export const AwardSpecSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    format: z.literal("ops-raffle/v1.1", { error: 'must be "ops-raffle/v1.1"' }),
    type: z.literal("award", { error: 'must be "award"' }),
    campaignId: Name,
    title: z.optional(text(1000)),
    rubricHash: Hex32,
    judges: z.array(Name).check(
      z.minLength(1, { error: "must name at least one judge" }),
      z.maxLength(100),
      z.refine((js) => new Set(js).size === js.length, { error: "must name each judge once" }),
    ),
    places: Places,
    closeAt: CloseAt,
    randomness: RandomnessSourceSchema,
  }))();

/** A validated award spec; see {@link AwardSpecSchema}. */
export type AwardSpec = z.output<typeof AwardSpecSchema>;
/** An award spec as callers write it; read-only arrays and objects are accepted. */
export type AwardSpecInput = ReadonlyDeep<z.input<typeof AwardSpecSchema>>;
