import type { Alternate, Winner } from "../draw/DrawCertificateSchema";
import type { EntrantList } from "../list/compileEntrants";
import type { CampaignSpec } from "../spec/CampaignSpecSchema";
import { rankTop, type RankedIndex } from "./rank";

/** The outcome of a selection before rerolls. */
export interface Selection {
  readonly winners: Winner[];
  readonly alternates: Alternate[];
  readonly cutoffs: { tier: string; score: string | null }[];
}

/** Fills the tiers in order from a ranking (best first), then the alternates. */
export function fillTiers(
  spec: CampaignSpec,
  ranked: readonly { id: string; weight: number; score: string }[],
): Selection {
  const winners: Winner[] = [];
  const cutoffs: { tier: string; score: string | null }[] = [];
  let pos = 0;
  spec.tiers.forEach((tier, tierIndex) => {
    let last: string | null = null;
    for (let c = 0; c < tier.count && pos < ranked.length; c++, pos++) {
      const r = ranked[pos] as { id: string; weight: number; score: string };
      winners.push({ tier: tier.name, tierIndex, rank: pos + 1, id: r.id, weight: r.weight, score: r.score });
      last = r.score;
    }
    cutoffs.push({ tier: tier.name, score: last });
  });
  const alternates: Alternate[] = [];
  for (let c = 0; c < spec.alternates && pos < ranked.length; c++, pos++) {
    const r = ranked[pos] as { id: string; weight: number; score: string };
    alternates.push({ rank: pos + 1, id: r.id, weight: r.weight, score: r.score });
  }
  return { winners, alternates, cutoffs };
}

/** Number of ranked places a spec needs: all tier seats plus the alternates. */
export function placesNeeded(spec: CampaignSpec): number {
  return spec.tiers.reduce((s, t) => s + t.count, 0) + spec.alternates;
}

/** Ranks a compiled list and fills the tiers. */
export function selectFromList(
  spec: CampaignSpec,
  list: EntrantList,
  seed: Uint8Array,
  counter?: { hashes: number },
): Selection {
  const top: RankedIndex[] = rankTop(list, seed, placesNeeded(spec), 0, list.size, counter);
  return fillTiers(
    spec,
    top.map((t) => ({ id: list.ids[t.index] as string, weight: list.weights[t.index] as number, score: t.score })),
  );
}
