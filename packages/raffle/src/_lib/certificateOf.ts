import type { DrawCertificate } from "../draw/DrawCertificateSchema";
import type { CampaignSpec } from "../spec/CampaignSpecSchema";
import { RAFFLE_FORMAT } from "../spec/CampaignSpecSchema";
import type { CertRandomness } from "./resolveRandomness";

/** What a certificate says about the committed list. */
interface ListFacts {
  readonly root: string;
  readonly size: number;
  readonly totalWeight: number;
  readonly privacy: "public" | "pseudonymous";
}

/** The selection a draw made. */
interface Selection {
  readonly winners: DrawCertificate["winners"];
  readonly alternates: DrawCertificate["alternates"];
  readonly cutoffs: DrawCertificate["cutoffs"];
}

/** The `ops-raffle/v1.1` certificate of a fresh draw (no rerolls yet), one shape for every builder. */
export function certificateOf(
  spec: CampaignSpec,
  specHash: string,
  list: ListFacts,
  randomness: CertRandomness,
  seed: string,
  selection: Selection,
): DrawCertificate {
  return {
    format: RAFFLE_FORMAT,
    type: "draw",
    spec,
    specHash,
    list: { root: list.root, size: list.size, totalWeight: list.totalWeight, privacy: list.privacy },
    randomness,
    seed,
    winners: selection.winners,
    alternates: selection.alternates,
    cutoffs: selection.cutoffs,
    rerolls: [],
  };
}
