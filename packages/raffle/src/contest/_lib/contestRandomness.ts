import type { DrandChain } from "../../beacon/quicknet";
import type { CampaignSpec, RandomnessSource } from "../../spec/CampaignSpecSchema";
import { type CertRandomness, type DrawRandomness, resolveRandomnessOrThrow } from "../../_lib/resolveRandomness";

/** What the draw's randomness helpers read of a spec: the close time and the source. */
export interface ContestTiming {
  readonly closeAt: number;
  readonly randomness: RandomnessSource;
}

/**
 * The draw helpers take a CampaignSpec but read only `closeAt` and `randomness`, which a
 * quiz or award spec has with the same schema and meaning (docs/raffle-spec.md §11.4).
 */
export function asDrawSpec(spec: ContestTiming): CampaignSpec {
  return spec as unknown as CampaignSpec;
}

/** The certificate form of the randomness given to runQuiz or runAward; throws as drawWinners does. */
export function contestRandomness(
  spec: ContestTiming,
  input: DrawRandomness,
  fn: string,
  trustedChains: readonly DrandChain[] | undefined,
): CertRandomness {
  return resolveRandomnessOrThrow(asDrawSpec(spec), input, fn, trustedChains);
}
