// Full fairness run (≥ 100 k seeds): our draw against two deliberately biased controls.
// `pnpm bench fairness`. Each row is one harness run; a fair draw must not be flagged.
import { runFairnessHarness, type DrawUnderTest } from "../src/index";
import { rankTop } from "../src/_lib/rank";

const SEEDS = Number(process.env.RAFFLE_FAIRNESS_SEEDS ?? 100_000);
const moduloByte: DrawUnderTest = (seed, list) => [Number.parseInt(seed.slice(0, 2), 16) % list.size];
const ignoresWeights: DrawUnderTest = (seed, list, places) => {
  const flat = { ...list, weights: new Uint32Array(list.size).fill(1) };
  return rankTop(
    flat,
    Uint8Array.from(seed.match(/../g)!.map((h) => Number.parseInt(h, 16))),
    places,
    0,
    list.size,
  ).map((r) => r.index);
};
const weighted = Array.from({ length: 100 }, (_, i) => ({ id: `weibo::${i}`, weight: (i % 5) + 1 }));
const equal = Array.from({ length: 100 }, (_, i) => ({ id: `qq::${String(i).padStart(3, "0")}` }));
const small = Array.from({ length: 12 }, (_, i) => ({ id: `douyin:app:${i}` }));

const rows = [
  ["@ops/raffle, 100 weighted entrants", weighted, undefined, 1],
  ["@ops/raffle, 12 equal entrants, sets of 3", small, undefined, 3],
  ["@ops/raffle, 100 equal entrants", equal, undefined, 1],
  ["control: byte mod n, 100 entrants", equal, moduloByte, 1],
  ["control: weights ignored, 100 entrants", weighted, ignoresWeights, 1],
] as const;
const table = rows.map(([name, entrants, draw, places]) => {
  const t = performance.now();
  const r = runFairnessHarness(entrants, { seeds: SEEDS, places, positionBuckets: 10, ...(draw ? { draw } : {}) });
  const p = (x: { pValue: number } | { skipped: string }): string =>
    "pValue" in x ? x.pValue.toExponential(2) : "n/a";
  return {
    draw: name,
    seeds: SEEDS,
    "p first winner": p(r.firstWinner),
    "p position": p(r.positions),
    "p winner sets": p(r.winnerSets),
    flagged: r.flagged,
    s: +((performance.now() - t) / 1000).toFixed(1),
  };
});
console.table(table);
