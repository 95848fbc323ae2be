import * as z from "zod/mini";
import type { ReadonlyDeep } from "@ops/core";
import { ListIdSchema } from "./_lib/contestSchemas";
import { JudgeScoreSchema, MAX_AWARD_SCORES } from "./rankAwards";

/** Most entries one award takes (docs/raffle-spec.md §11.5). */
export const MAX_AWARD_ENTRIES = 100_000;

/**
 * Schema of what an award is judged on and published with its certificate
 * (docs/raffle-spec.md §11.5): the entries (list ids, at most {@link MAX_AWARD_ENTRIES};
 * NFC-normalised, each once) and the judges' scores (at most {@link MAX_AWARD_SCORES}).
 *
 * @example
 * ```ts
 * import { AwardInputsSchema } from "@ops/raffle";
 * AwardInputsSchema.safeParse({ entries: ["post-A"], scores: [{ judge: "j1", entry: "post-A", criterion: "story", score: 7 }] }).success;
 * // => true
 * ```
 */
export const AwardInputsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    entries: z.array(ListIdSchema).check(z.maxLength(MAX_AWARD_ENTRIES)),
    scores: z.array(JudgeScoreSchema).check(z.maxLength(MAX_AWARD_SCORES)),
  }))();

/** The entries and scores of an award; see {@link AwardInputsSchema}. */
export type AwardInputs = ReadonlyDeep<z.input<typeof AwardInputsSchema>>;
