import type { Alternate, DrawCertificate, Winner } from "../DrawCertificateSchema";

/**
 * Applies rerolls in order: each replaces a current winner by the first alternate not yet
 * used, who takes the winner's tier. Returns null (with the index) when a reroll does not
 * follow that rule.
 */
export function applyRerolls(
  winners: readonly Winner[],
  alternates: readonly Alternate[],
  rerolls: DrawCertificate["rerolls"],
): { winners: Winner[]; alternates: Alternate[] } | { bad: number; reason: string } {
  let ws = winners.map((w) => ({ ...w }));
  let alts = alternates.map((a) => ({ ...a }));
  for (let r = 0; r < rerolls.length; r++) {
    const reroll = rerolls[r] as DrawCertificate["rerolls"][number];
    const at = ws.findIndex((w) => w.id === reroll.out.id);
    if (at < 0) return { bad: r, reason: `${reroll.out.id} is not a current winner` };
    const next = alts[0];
    if (next === undefined) return { bad: r, reason: "no alternate is left" };
    if (next.id !== reroll.in) return { bad: r, reason: `the next alternate is ${next.id}, not ${reroll.in}` };
    const old = ws[at] as Winner;
    if (old.rank !== reroll.out.rank || old.score !== reroll.out.score || old.weight !== reroll.out.weight)
      return { bad: r, reason: `${reroll.out.id} is recorded with another rank, weight or score` };
    ws = ws.map((w, i) =>
      i === at
        ? {
            tier: old.tier,
            tierIndex: old.tierIndex,
            rank: next.rank,
            id: next.id,
            weight: next.weight,
            score: next.score,
          }
        : w,
    );
    alts = alts.slice(1);
  }
  return { winners: ws, alternates: alts };
}
