import { parseOrThrow } from "@ops/core";
import * as z from "zod/mini";
import { commitmentOf } from "./_lib/commitmentOf";
import { Hex32 } from "./_lib/contestSchemas";
import { type AnswerKey, AnswerKeySchema } from "./rankQuiz";

/**
 * Schema of an answer key as a quiz certificate reveals it: the key and the 32-byte salt
 * (64 lower-case hex digits) that hid it in the spec's `answerKeyCommitment`.
 *
 * @example
 * ```ts
 * import { RevealedAnswerKeySchema } from "@ops/raffle";
 * RevealedAnswerKeySchema.safeParse({ salt: "ab".repeat(32), key: { q1: "b" } }).success;
 * // => true
 * ```
 */
export const RevealedAnswerKeySchema = /* @__PURE__ */ (() => z.strictObject({ salt: Hex32, key: AnswerKeySchema }))();

/** An answer key with its salt; see {@link RevealedAnswerKeySchema}. */
export type RevealedAnswerKey = { readonly salt: string; readonly key: AnswerKey };

/**
 * The commitment to an answer key that a quiz spec publishes before the quiz opens
 * (docs/raffle-spec.md §11.1): `SHA-256(tag("ops-raffle/v1.1/answer-key") ‖ salt ‖
 * UTF-8(JCS(key)))`, the tag built as in §2. The salt (32 random bytes, kept secret until
 * the certificate reveals it) stops anyone from testing guessed keys against the
 * commitment — quiz answers are short and guessable.
 *
 * @param revealed - `{ salt, key }`
 * @returns 64 lower-case hex digits
 * @throws {OpsError} `invalid_argument` for a salt or key that breaks {@link RevealedAnswerKeySchema}
 *
 * @example
 * ```ts
 * import { answerKeyCommitment } from "@ops/raffle";
 * const salt = "5a".repeat(32);
 * answerKeyCommitment({ salt, key: { q1: "b" } }) === answerKeyCommitment({ salt, key: { q1: "c" } });
 * // => false
 * ```
 */
export function answerKeyCommitment(revealed: RevealedAnswerKey): string {
  const { salt, key } = parseOrThrow(RevealedAnswerKeySchema, revealed, {
    fn: "answerKeyCommitment",
    path: ["revealed"],
  });
  return commitmentOf(salt, key);
}
