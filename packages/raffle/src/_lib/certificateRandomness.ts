import type { ErrorPath } from "@ops/core";
import { verifyBeacon } from "../beacon/verifyBeacon";
import type { CampaignSpec } from "../spec/CampaignSpecSchema";
import { type CertRandomness, openCommitment, roundFailure } from "./resolveRandomness";

/** One reason a certificate's randomness is wrong. */
export interface RandomnessProblem {
  readonly message: string;
  readonly path: ErrorPath;
}

/**
 * Every reason a certificate's randomness does not follow from its spec (verifyDraw's
 * step 2): for drand, the round the spec fixes, the beacon's BLS signature under the
 * spec's chain and randomness = SHA-256(signature); for a commitment, the secret opens it
 * and gives the randomness. Besides verifyBeacon, the one module that needs @noble/curves;
 * only verifyDraw imports it.
 */
export function certificateRandomnessProblems(spec: CampaignSpec, r: CertRandomness): RandomnessProblem[] {
  const source = spec.randomness;
  const out: RandomnessProblem[] = [];
  if (source.kind === "drand" && r.kind === "drand") {
    const wrongRound = roundFailure(spec, r.round);
    if (wrongRound !== null) out.push(wrongRound);
    const checked = verifyBeacon(
      { round: r.round, signature: r.signature, randomness: r.randomness, chainHash: r.chainHash },
      source.chain,
    );
    if (!checked.ok)
      for (const f of checked.error) out.push({ message: f.message, path: ["randomness", ...f.path.slice(1)] });
  } else if (source.kind === "commit" && r.kind === "commit") {
    const opened = openCommitment(source.commitment, r.secret);
    if (!opened.ok) out.push(opened.error);
    else if (opened.value.randomness !== r.randomness)
      out.push({ message: "randomness does not follow from the secret", path: ["randomness", "randomness"] });
  } else {
    out.push({
      message: `the spec names ${source.kind === "drand" ? "a drand beacon" : "a commitment"}, the certificate holds ${r.kind === "drand" ? "a drand beacon" : "a secret"}`,
      path: ["randomness", "kind"],
    });
  }
  return out;
}
