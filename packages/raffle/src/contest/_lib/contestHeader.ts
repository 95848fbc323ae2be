import { type ErrorPath, type Failure, failure, parseOrThrow } from "@ops/core";
import * as z from "zod/mini";
import { DrandChainSchema } from "../../beacon/quicknet";
import { drawSeed } from "../../draw/drawSeed";
import { certificateRandomnessProblems } from "../../_lib/certificateRandomness";
import type { CertRandomness } from "../../_lib/resolveRandomness";
import { asDrawSpec, type ContestTiming } from "./contestRandomness";
import { jcsHash } from "./jcsHash";

// What quiz and award certificates share with a draw (docs/raffle-spec.md §11.4): the spec
// hash, the published hashes, the randomness (through the draw's own helpers) and the seed.

const Hex64 = /* @__PURE__ */ (() =>
  z.string().check(z.regex(/^[0-9a-fA-F]{64}$/, { error: "must be 32 bytes as 64 hex digits" })))();

/** Schema of the options of verifyQuiz and verifyAward. */
export const VerifyContestOptionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    expectedSpecHash: z.optional(Hex64),
    expectedListRoot: z.optional(Hex64),
    trustedChains: z.optional(z.array(DrandChainSchema).check(z.maxLength(100))),
  }))();

/** Options of verifyQuiz and verifyAward, checked. */
export type ContestVerifyOptions = z.output<typeof VerifyContestOptionsSchema>;

/** Parses the options (undefined → {}), or throws `invalid_argument` naming the member. */
export function parseVerifyOptions(options: unknown, fn: string): ContestVerifyOptions {
  return options === undefined ? {} : parseOrThrow(VerifyContestOptionsSchema, options, { fn, path: ["options"] });
}

/** Codes of the checks every contest certificate shares (spelled out again in QuizMismatchCode and AwardMismatchCode, which typedoc documents). */
export type HeaderCode =
  | "spec_hash"
  | "expected_spec_hash"
  | "expected_list_root"
  | "untrusted_chain"
  | "randomness"
  | "seed";

/** The members of a certificate the shared checks read. */
export interface ContestHeader {
  readonly spec: ContestTiming;
  readonly specHash: string;
  readonly randomness: CertRandomness;
  readonly seed: string;
}

/** Every shared check that fails, in a fixed order (§11.6 steps 1–4). */
export function headerFailures(
  cert: ContestHeader,
  listRoot: string,
  listPath: ErrorPath,
  options: ContestVerifyOptions,
): Failure<HeaderCode>[] {
  const out: Failure<HeaderCode>[] = [];
  if (jcsHash(cert.spec) !== cert.specHash)
    out.push(failure("spec_hash", "specHash is not SHA-256 of the spec's canonical JSON", ["specHash"]));
  if (options.expectedSpecHash !== undefined && options.expectedSpecHash.toLowerCase() !== cert.specHash)
    out.push(failure("expected_spec_hash", "specHash is not the spec hash published before the contest", ["specHash"]));
  if (options.expectedListRoot !== undefined && options.expectedListRoot.toLowerCase() !== listRoot)
    out.push(failure("expected_list_root", "the list root is not the one published before the randomness", listPath));
  for (const p of certificateRandomnessProblems(asDrawSpec(cert.spec), cert.randomness, options.trustedChains))
    out.push(failure(p.code ?? "randomness", p.message, p.path));
  if (drawSeed(cert.specHash, listRoot, cert.randomness.randomness) !== cert.seed)
    out.push(failure("seed", "seed is not SHA-256(tag ‖ specHash ‖ listRoot ‖ randomness)", ["seed"]));
  return out;
}
