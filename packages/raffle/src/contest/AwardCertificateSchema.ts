import * as z from "zod/mini";
import { CertificateRandomnessSchema, Hex32, ListIdSchema, Name, ProofPath, text } from "./_lib/contestSchemas";
import { AwardSpecSchema } from "./AwardSpecSchema";
import { RubricSchema } from "./rankAwards";

/** Schema of one ranked place of an award certificate: the entry's whole score sheet. */
export const AwardCertificatePlaceSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    rank: z.int().check(z.minimum(1), z.maximum(1000)),
    entry: ListIdSchema,
    total: z.int().check(z.minimum(0), z.maximum(1e10)),
    tiebreak: Hex32,
    scores: z
      .array(
        z.strictObject({
          judge: Name,
          criterion: text(100).check(z.minLength(1)),
          score: z.int().check(z.minimum(0), z.maximum(1000)),
        }),
      )
      .check(z.maxLength(10_000)),
    index: z.int().check(z.minimum(0), z.maximum(99_999)),
    proof: ProofPath,
  }))();

/**
 * Schema of an award certificate, format `ops-raffle/v1.1`, type `award`
 * (docs/raffle-spec.md §11.4): the spec and its hash; the rubric (revealed, to match the
 * spec's `rubricHash`); the root and size of the list of score sheets (one per entry); the
 * randomness and the seed; and the ranked places, each with its whole score sheet, total,
 * tie-break and inclusion proof. Unknown members are refused.
 *
 * @example
 * ```ts
 * import { AwardCertificateSchema } from "@ops/raffle";
 * AwardCertificateSchema.safeParse({ format: "ops-raffle/v1.1", type: "quiz" }).success;
 * // => false
 * ```
 */
export const AwardCertificateSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    format: z.literal("ops-raffle/v1.1"),
    type: z.literal("award"),
    spec: AwardSpecSchema,
    specHash: Hex32,
    rubric: RubricSchema,
    entries: z.strictObject({ root: Hex32, size: z.int().check(z.minimum(0), z.maximum(100_000)) }),
    randomness: CertificateRandomnessSchema,
    seed: Hex32,
    places: z.array(AwardCertificatePlaceSchema).check(z.maxLength(1000)),
  }))();

/** An award certificate; see {@link AwardCertificateSchema}. */
export type AwardCertificate = z.output<typeof AwardCertificateSchema>;
/** One place of an award certificate. */
export type AwardCertificatePlace = z.output<typeof AwardCertificatePlaceSchema>;
