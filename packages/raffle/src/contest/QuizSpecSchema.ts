import * as z from "zod/mini";
import type { ReadonlyDeep } from "@ops/core";
import { CloseAt, Hex32, Name, Places, text } from "./_lib/contestSchemas";
import { RandomnessSourceSchema } from "../spec/CampaignSpecSchema";

/**
 * Schema of a quiz spec, published with its hash (SHA-256 of its canonical JSON, as a
 * draw's `specHash`) before the quiz opens (docs/raffle-spec.md §11.1):
 *
 * - `answerKeyCommitment`: {@link answerKeyCommitment} of the salted answer key, so that
 *   the key cannot change once answers arrive;
 * - `places`: how many ranked places the certificate lists (1–1000);
 * - `closeAt`: epoch milliseconds; submissions received later are late (counted, not ranked);
 * - `randomness`: as a draw's (`delaySeconds` after `closeAt`), for the tie-break seed.
 *
 * Unknown members are refused.
 *
 * @example
 * ```ts
 * import { answerKeyCommitment, QUICKNET, QuizSpecSchema } from "@ops/raffle";
 * const result = QuizSpecSchema.safeParse({
 *   format: "ops-raffle/v1.1", type: "quiz", campaignId: "lantern-riddles-2026",
 *   answerKeyCommitment: answerKeyCommitment({ salt: "5a".repeat(32), key: { q1: "b" } }),
 *   places: 3, closeAt: 1772933400000,
 *   randomness: { kind: "drand", chain: QUICKNET, delaySeconds: 60 },
 * });
 * result.success;
 * // => true
 * ```
 */
export const QuizSpecSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    format: z.literal("ops-raffle/v1.1", { error: 'must be "ops-raffle/v1.1"' }),
    type: z.literal("quiz", { error: 'must be "quiz"' }),
    campaignId: Name,
    title: z.optional(text(1000)),
    answerKeyCommitment: Hex32,
    places: Places,
    closeAt: CloseAt,
    randomness: RandomnessSourceSchema,
  }))();

/** A validated quiz spec; see {@link QuizSpecSchema}. */
export type QuizSpec = z.output<typeof QuizSpecSchema>;
/** A quiz spec as callers write it; read-only arrays and objects are accepted. */
export type QuizSpecInput = ReadonlyDeep<z.input<typeof QuizSpecSchema>>;
