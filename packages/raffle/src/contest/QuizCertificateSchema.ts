import { InstantSchema } from "@ops/core";
import * as z from "zod/mini";
import { CertificateRandomnessSchema, Hex32, ListIdSchema, ProofPath, text } from "./_lib/contestSchemas";
import { RevealedAnswerKeySchema } from "./answerKeyCommitment";
import { QuizSpecSchema } from "./QuizSpecSchema";

const Count = /* @__PURE__ */ (() => z.int().check(z.minimum(0), z.maximum(1_000_000)))();

/** Schema of one ranked place of a quiz certificate. */
export const QuizCertificatePlaceSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    rank: z.int().check(z.minimum(1), z.maximum(1000)),
    id: ListIdSchema,
    receivedAt: InstantSchema,
    answers: z.record(text(128).check(z.minLength(1)), text(10_000)),
    correct: z.int().check(z.minimum(0), z.maximum(1000)),
    tiebreak: Hex32,
    index: z.int().check(z.minimum(0), z.maximum(999_999)),
    proof: ProofPath,
  }))();

/**
 * Schema of a quiz certificate, format `ops-raffle/v1.1`, type `quiz` (docs/raffle-spec.md
 * §11.4): the spec and its hash; the answer key and its salt (revealed, to open the spec's
 * commitment); the submission list's root, size and counts (counted, late, resubmissions);
 * the randomness and the seed; and the ranked places, each with the submission it counts
 * (id, answers, receive instant), its correct answers, its tie-break and its inclusion
 * proof in the list. Unknown members are refused.
 *
 * @example
 * ```ts
 * import { QuizCertificateSchema } from "@ops/raffle";
 * QuizCertificateSchema.safeParse({ format: "ops-raffle/v1.1", type: "award" }).success;
 * // => false
 * ```
 */
export const QuizCertificateSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    format: z.literal("ops-raffle/v1.1"),
    type: z.literal("quiz"),
    spec: QuizSpecSchema,
    specHash: Hex32,
    answerKey: RevealedAnswerKeySchema,
    submissions: z.strictObject({
      root: Hex32,
      size: Count,
      counted: Count,
      late: Count,
      resubmissions: Count,
    }),
    randomness: CertificateRandomnessSchema,
    seed: Hex32,
    places: z.array(QuizCertificatePlaceSchema).check(z.maxLength(1000)),
  }))();

/** A quiz certificate; see {@link QuizCertificateSchema}. */
export type QuizCertificate = z.output<typeof QuizCertificateSchema>;
/** One place of a quiz certificate. */
export type QuizCertificatePlace = z.output<typeof QuizCertificatePlaceSchema>;
