/**
 * @ops/raffle — fair, publicly verifiable lucky draws, quizzes and judged awards.
 *
 * @packageDocumentation
 */
export { commitSeed } from "./beacon/commitSeed";
export { DrandBeaconSchema } from "./beacon/DrandBeaconSchema";
export type { DrandBeacon } from "./beacon/DrandBeaconSchema";
export { drandRoundAt } from "./beacon/drandRoundAt";
export { DrandChainSchema, QUICKNET } from "./beacon/quicknet";
export type { DrandChain } from "./beacon/quicknet";
export { QUICKNET_DST, verifyBeacon } from "./beacon/verifyBeacon";
export type { BeaconFailureCode, VerifiedBeacon } from "./beacon/verifyBeacon";
export { canonicalJson } from "./canonical/canonicalJson";
export type { JsonValue } from "./canonical/canonicalJson";
export { specHash } from "./canonical/specHash";
export { answerKeyCommitment, RevealedAnswerKeySchema } from "./contest/answerKeyCommitment";
export type { RevealedAnswerKey } from "./contest/answerKeyCommitment";
export { AwardCertificatePlaceSchema, AwardCertificateSchema } from "./contest/AwardCertificateSchema";
export type { AwardCertificate, AwardCertificatePlace } from "./contest/AwardCertificateSchema";
export { AwardInputsSchema, MAX_AWARD_ENTRIES } from "./contest/AwardInputsSchema";
export type { AwardInputs } from "./contest/AwardInputsSchema";
export { AwardSpecSchema } from "./contest/AwardSpecSchema";
export type { AwardSpec, AwardSpecInput } from "./contest/AwardSpecSchema";
export { contestSpecHash } from "./contest/contestSpecHash";
export { foldAnswer } from "./contest/foldAnswer";
export { QuizCertificatePlaceSchema, QuizCertificateSchema } from "./contest/QuizCertificateSchema";
export type { QuizCertificate, QuizCertificatePlace } from "./contest/QuizCertificateSchema";
export { QuizSpecSchema } from "./contest/QuizSpecSchema";
export type { QuizSpec, QuizSpecInput } from "./contest/QuizSpecSchema";
export { JudgeScoreSchema, MAX_AWARD_SCORES, rankAwards, rubricHash, RubricSchema } from "./contest/rankAwards";
export type { AwardPlace, JudgeScore, RankAwardsOptions, Rubric } from "./contest/rankAwards";
export { AnswerKeySchema, MAX_QUIZ_SUBMISSIONS, QuizSubmissionSchema, rankQuiz } from "./contest/rankQuiz";
export type { AnswerKey, QuizPlace, QuizRanking, QuizSubmission, RankQuizOptions } from "./contest/rankQuiz";
export { runAward } from "./contest/runAward";
export { runQuiz } from "./contest/runQuiz";
export type { RunContestOptions } from "./contest/runQuiz";
export { verifyAward } from "./contest/verifyAward";
export type { AwardMismatch, AwardMismatchCode } from "./contest/verifyAward";
export { verifyQuiz } from "./contest/verifyQuiz";
export type { ContestVerified, QuizMismatch, QuizMismatchCode, VerifyContestOptions } from "./contest/verifyQuiz";
export { AlternateSchema, DrawCertificateSchema, WinnerSchema } from "./draw/DrawCertificateSchema";
export type { Alternate, DrawCertificate, Winner } from "./draw/DrawCertificateSchema";
export { drawSeed } from "./draw/drawSeed";
export { drawWinners } from "./draw/drawWinners";
export type { DrawRandomness, DrawWinnersOptions } from "./draw/drawWinners";
export { entrantScore } from "./draw/entrantScore";
export { rerollWinner } from "./draw/rerollWinner";
export { verifyDraw } from "./draw/verifyDraw";
export type { DrawMismatch, DrawMismatchCode, DrawVerified, VerifyDrawOptions } from "./draw/verifyDraw";
export { verifyEntry } from "./draw/verifyEntry";
export type { EntryCheck, EntryFailureCode, EntryOutcome } from "./draw/verifyEntry";
export { checkEligibility, EligibilityContextSchema, EXCLUSION_REASONS } from "./eligibility/checkEligibility";
export type {
  CheckEligibilityOptions,
  EligibilityContext,
  EligibilityResult,
  ExclusionReason,
} from "./eligibility/checkEligibility";
export { EligibilityRulesSchema } from "./eligibility/EligibilityRulesSchema";
export type { EligibilityRules, EligibilityRulesInput } from "./eligibility/EligibilityRulesSchema";
export { runFairnessHarness } from "./fairness/runFairnessHarness";
export type { DrawUnderTest, FairnessReport, RunFairnessHarnessOptions } from "./fairness/runFairnessHarness";
export { compileEntrants, EntrantSchema, MAX_WEIGHT } from "./list/compileEntrants";
export type { CompileEntrantsOptions, EntrantColumns, EntrantInput, EntrantList } from "./list/compileEntrants";
export { entrantId } from "./list/entrantId";
export { inclusionProof } from "./merkle/inclusionProof";
export type { InclusionProof } from "./merkle/inclusionProof";
export { merkleLeafHash, verifyInclusion } from "./merkle/verifyInclusion";
export type { InclusionFailureCode, InclusionVerified } from "./merkle/verifyInclusion";
export { entrantPseudonym, pseudonymOf } from "./privacy/entrantPseudonym";
export type { EntrantPseudonym } from "./privacy/entrantPseudonym";
export { entrantReceipt, EntrantReceiptSchema } from "./privacy/entrantReceipt";
export type { EntrantReceipt, EntrantReceiptOptions } from "./privacy/entrantReceipt";
export { DrawHeldSchema, drawsHeldSection } from "./report/drawsHeldSection";
export type { DrawHeld } from "./report/drawsHeldSection";
export { assembleCertificate } from "./shard/assembleCertificate";
export type { AssembleCertificateOptions, ListSummary } from "./shard/assembleCertificate";
export { mergeShards } from "./shard/mergeShards";
export { scoreShard } from "./shard/scoreShard";
export type { ListSlice, ScoredEntrant, ScoredShard } from "./shard/scoreShard";
export { CampaignSpecSchema, PrizeTierSchema, RAFFLE_FORMAT, RandomnessSourceSchema } from "./spec/CampaignSpecSchema";
export type { CampaignSpec, CampaignSpecInput, PrizeTier, RandomnessSource } from "./spec/CampaignSpecSchema";
