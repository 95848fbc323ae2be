// The drand chains this release pins (docs/raffle-spec.md §6.1). Values of quicknet's
// `/info` endpoint: https://api.drand.sh/52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971/info

export const QUICKNET_HASH = "52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971";

export const QUICKNET_VALUES = {
  publicKey:
    "83cf0f2896adee7eb8b5f01fcad3912212c437e0073e911fb90022d3e760183c8c4b450b6a0a6c3ac6a5776a2d1064510d1fec758c921cc22b0e17e63aaf4bcb5ed66304de9cf809bd274ca73bab4af5a6e9c76a4bc09e76eae8991ef5ece45a",
  period: 3,
  genesisTime: 1692803367,
  scheme: "bls-unchained-g1-rfc9380",
} as const;

/** The rule a chain breaks when it names a known chain hash with other parameters. */
export const PINNED_RULE =
  "must give exactly the pinned parameters of the known chain it names (quicknet: docs/raffle-spec.md §6.1)";

/** A drand chain's parameters, as DrandChainSchema reads them. */
export interface ChainFacts {
  readonly hash: string;
  readonly publicKey: string;
  readonly period: number;
  readonly genesisTime: number;
  readonly scheme: string;
}

/**
 * The first member in which a chain that names a known chain's hash differs from the pinned
 * chain (`"publicKey"`, `"period"`, `"genesisTime"`, `"scheme"`), or null — also null for a
 * hash this release does not know (refused later, unless the caller trusts the chain).
 */
export function pinnedChainProblem(chain: ChainFacts): string | null {
  if (chain.hash !== QUICKNET_HASH) return null;
  for (const key of ["publicKey", "period", "genesisTime", "scheme"] as const)
    if (chain[key] !== QUICKNET_VALUES[key]) return key;
  return null;
}

/** True when `hash` names a chain pinned in this release (quicknet). */
export function isKnownChainHash(hash: string): boolean {
  return hash === QUICKNET_HASH;
}

/** True when `chain` equals one of `trusted` in every member. */
export function isTrustedChain(chain: ChainFacts, trusted: readonly ChainFacts[] | undefined): boolean {
  if (trusted === undefined) return false;
  return trusted.some(
    (t) =>
      t.hash === chain.hash &&
      t.publicKey === chain.publicKey &&
      t.period === chain.period &&
      t.genesisTime === chain.genesisTime &&
      t.scheme === chain.scheme,
  );
}
