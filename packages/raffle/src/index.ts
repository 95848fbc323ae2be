/**
 * @ops/raffle — fair, publicly verifiable lucky draws, quizzes and judged awards.
 *
 * @packageDocumentation
 */
export { commitSeed } from "./beacon/commitSeed";
export { drandRoundAt } from "./beacon/drandRoundAt";
export { DrandChainSchema, QUICKNET } from "./beacon/quicknet";
export type { DrandChain } from "./beacon/quicknet";
export { DrandBeaconSchema, QUICKNET_DST, verifyBeacon } from "./beacon/verifyBeacon";
export type { BeaconFailureCode, DrandBeacon, VerifiedBeacon } from "./beacon/verifyBeacon";
export { canonicalJson } from "./canonical/canonicalJson";
export type { JsonValue } from "./canonical/canonicalJson";
export { specHash } from "./canonical/specHash";
export { JudgeScoreSchema, rankAwards, rubricHash, RubricSchema } from "./contest/rankAwards";
export type { AwardPlace, JudgeScore, RankAwardsOptions, Rubric } from "./contest/rankAwards";
export { AnswerKeySchema, QuizSubmissionSchema, rankQuiz } from "./contest/rankQuiz";
export type { AnswerKey, QuizPlace, QuizRanking, QuizSubmission, RankQuizOptions } from "./contest/rankQuiz";
export { AlternateSchema, DrawCertificateSchema, WinnerSchema } from "./draw/DrawCertificateSchema";
export type { Alternate, DrawCertificate, Winner } from "./draw/DrawCertificateSchema";
export { drawSeed } from "./draw/drawSeed";
export { drawWinners } from "./draw/drawWinners";
export type { DrawRandomness, DrawWinnersOptions } from "./draw/drawWinners";
export { entrantScore } from "./draw/entrantScore";
export { rerollWinner } from "./draw/rerollWinner";
export { verifyDraw } from "./draw/verifyDraw";
export type { DrawMismatch, DrawMismatchCode, DrawVerified } from "./draw/verifyDraw";
export { verifyEntry } from "./draw/verifyEntry";
export type { EntrantClaim, EntryCheck, EntryFailureCode, EntryOutcome } from "./draw/verifyEntry";
export { checkEligibility, EligibilityContextSchema, EXCLUSION_REASONS } from "./eligibility/checkEligibility";
export type {
  CheckEligibilityOptions,
  EligibilityContext,
  EligibilityResult,
  ExclusionReason,
} from "./eligibility/checkEligibility";
export { EligibilityRulesSchema } from "./eligibility/EligibilityRulesSchema";
export type { EligibilityRules, EligibilityRulesInput } from "./eligibility/EligibilityRulesSchema";
export { chiSquareTest } from "./fairness/chiSquareTest";
export type { ChiSquareResult } from "./fairness/chiSquareTest";
export { runFairnessHarness } from "./fairness/runFairnessHarness";
export type { DrawUnderTest, FairnessReport, RunFairnessHarnessOptions } from "./fairness/runFairnessHarness";
export { compileEntrants, EntrantSchema, MAX_WEIGHT } from "./list/compileEntrants";
export type { CompileEntrantsOptions, EntrantColumns, EntrantInput, EntrantList } from "./list/compileEntrants";
export { entrantId } from "./list/entrantId";
export { inclusionProof } from "./merkle/inclusionProof";
export type { InclusionProof } from "./merkle/inclusionProof";
export { merkleLeafHash, verifyInclusion } from "./merkle/verifyInclusion";
export type { InclusionFailureCode, InclusionVerified } from "./merkle/verifyInclusion";
export { entrantReceipt, pseudonymOf } from "./privacy/entrantReceipt";
export type { EntrantReceipt } from "./privacy/entrantReceipt";
export { assembleCertificate } from "./shard/assembleCertificate";
export type { ListSummary } from "./shard/assembleCertificate";
export { mergeShards } from "./shard/mergeShards";
export { scoreShard } from "./shard/scoreShard";
export type { ListSlice, ScoredEntrant, ScoredShard } from "./shard/scoreShard";
export { CampaignSpecSchema, PrizeTierSchema, RAFFLE_FORMAT, RandomnessSourceSchema } from "./spec/CampaignSpecSchema";
export type { CampaignSpec, CampaignSpecInput, PrizeTier, RandomnessSource } from "./spec/CampaignSpecSchema";
