import type { ErrorPath } from "@ops/core";
import { verifyBeacon } from "../beacon/verifyBeacon";
import type { CampaignSpec } from "../spec/CampaignSpecSchema";
import type { DrandChain } from "../beacon/quicknet";
import {
  type CertRandomness,
  chainTrustOf,
  openCommitment,
  roundFailure,
  untrustedChainFailure,
} from "./resolveRandomness";

/** One reason a certificate's randomness is wrong. */
export interface RandomnessProblem {
  readonly message: string;
  readonly path: ErrorPath;
  /** `"untrusted_chain"` when the chain is neither pinned nor trusted by the caller, or the
   * certificate's `chainTrust` misstates it; absent for every other problem. */
  readonly code?: "untrusted_chain";
}

/**
 * Every reason a certificate's randomness does not follow from its spec (verifyDraw's
 * step 2): for drand, the round the spec fixes, the beacon's BLS signature under the
 * spec's chain and randomness = SHA-256(signature); for a commitment, the secret opens it
 * and gives the randomness; the chain is pinned (quicknet) or in `trustedChains`, and a v1.1
 * certificate's `chainTrust` says which. Besides verifyBeacon, the one module that needs @noble/curves;
 * only verifyDraw imports it.
 */
export function certificateRandomnessProblems(
  spec: CampaignSpec,
  r: CertRandomness,
  trustedChains?: readonly DrandChain[],
): RandomnessProblem[] {
  const source = spec.randomness;
  const out: RandomnessProblem[] = [];
  if (source.kind === "drand" && r.kind === "drand") {
    const untrusted = untrustedChainFailure(spec, trustedChains);
    if (untrusted !== null) out.push({ code: "untrusted_chain", message: untrusted.message, path: untrusted.path });
    const trust = chainTrustOf(source.chain.hash);
    if (r.chainTrust !== undefined && r.chainTrust !== trust)
      out.push({
        code: "untrusted_chain",
        message: `the certificate says chainTrust "${r.chainTrust}", but the chain is ${trust === "pinned" ? "pinned in this release" : "not a pinned chain"}`,
        path: ["randomness", "chainTrust"],
      });
    const wrongRound = roundFailure(spec, r.round);
    if (wrongRound !== null) out.push({ message: wrongRound.message, path: wrongRound.path });
    const checked = verifyBeacon(
      { round: r.round, signature: r.signature, randomness: r.randomness, chainHash: r.chainHash },
      source.chain,
    );
    if (!checked.ok)
      for (const f of checked.error) out.push({ message: f.message, path: ["randomness", ...f.path.slice(1)] });
  } else if (source.kind === "commit" && r.kind === "commit") {
    const opened = openCommitment(source.commitment, r.secret);
    if (!opened.ok) out.push({ message: opened.error.message, path: opened.error.path });
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
