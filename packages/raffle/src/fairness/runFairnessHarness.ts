import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, concatBytes } from "@noble/hashes/utils.js";
import { OpsError } from "@ops/core";
import { type ChiSquareResult, chiSquareTest } from "@ops/metrics";
import { u32be, utf8 } from "../_lib/bytes";
import { rankTop } from "../_lib/rank";
import { compileEntrants, type EntrantInput, type EntrantList } from "../list/compileEntrants";

/**
 * A draw under test: given a 32-byte seed (hex), the compiled list and the number of
 * places, the list indices of the winners, best first.
 */
export type DrawUnderTest = (seed: string, list: EntrantList, places: number) => readonly number[];

/** Most seeds one run takes (each is one full draw over the list). */
const MAX_SEEDS = 1_000_000;

/** Options of {@link runFairnessHarness}. */
export interface RunFairnessHarnessOptions {
  /** How many seeds (draws) to run: an integer from 1 to 1 000 000 (the documented maximum). */
  readonly seeds: number;
  /** Winners per draw (for the winner-set test). Default 1. */
  readonly places?: number;
  /** List-position buckets for the position test. Default 4 (or the list size if smaller). */
  readonly positionBuckets?: number;
  /** Significance level below which a test flags the draw. Default 0.001. */
  readonly alpha?: number;
  /** The draw to test. Default: @ops/raffle's own scoring and ranking. */
  readonly draw?: DrawUnderTest;
}

/** What {@link runFairnessHarness} found. */
export interface FairnessReport {
  /** First winner per entrant vs seeds × weight / total weight. */
  readonly firstWinner: ChiSquareResult;
  /** First winner per list-position bucket vs seeds × bucket weight / total weight. */
  readonly positions: ChiSquareResult;
  /** Unordered winner sets vs uniform, or null with the reason it does not apply. */
  readonly winnerSets: ChiSquareResult | { readonly skipped: string };
  /** Names of the tests with p-value below alpha. */
  readonly failed: readonly string[];
  readonly flagged: boolean;
}

/**
 * Runs a draw over many seeds and tests, with Pearson's chi-square ({@link chiSquareTest}),
 * that (1) each entrant wins first place in proportion to its weight, (2) the first
 * winner does not depend on the entrant's position in the list, and (3) with equal weights,
 * every set of `places` winners is equally likely. The seeds are
 * `SHA-256(UTF-8("ops-raffle/v1/fairness") ‖ u32be(s))` for s = 0 … seeds−1, so a run is
 * reproducible. A fair draw passes each test at the 1 − alpha level; a biased one (modulo
 * bias, ignored weights, position bias) is flagged. Size runs so that every expected
 * count is ≥ 5.
 *
 * @param entrants - the entrants (weights used as the expected shares)
 * @param options - seeds, places, buckets, alpha, draw under test
 * @returns the three tests and whether any failed
 * @throws {OpsError} `invalid_argument` for fewer than 2 entrants, a bad option, or a draw
 *   that returns an invalid index; `out_of_range` for more than 1 000 000 seeds
 *
 * @example
 * ```ts
 * import { runFairnessHarness } from "@ops/raffle";
 * const entrants = [{ id: "a", weight: 1 }, { id: "b", weight: 2 }, { id: "c", weight: 1 }];
 * runFairnessHarness(entrants, { seeds: 400, places: 2 }).flagged;
 * // => false
 * ```
 */
export function runFairnessHarness(
  entrants: readonly EntrantInput[],
  options: RunFairnessHarnessOptions,
): FairnessReport {
  const fn = "runFairnessHarness";
  if (typeof options !== "object" || options === null || Array.isArray(options))
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["options"],
      rule: "must be an object { seeds, places?, positionBuckets?, alpha?, draw? }",
      received: options,
    });
  if (options.draw !== undefined && typeof options.draw !== "function")
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["options", "draw"],
      rule: "must be a function",
      received: options.draw,
    });
  const list = compileEntrants(entrants);
  const n = list.size;
  const places = options.places ?? 1;
  const buckets = options.positionBuckets ?? Math.min(4, n);
  const alpha = options.alpha ?? 0.001;
  if (n < 2)
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["entrants"],
      rule: "must hold at least 2 distinct entrants",
      received: n,
    });
  if (typeof options.seeds !== "number" || !Number.isInteger(options.seeds) || options.seeds < 1)
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["options", "seeds"],
      rule: "must be an integer ≥ 1",
      received: options.seeds,
    });
  if (options.seeds > MAX_SEEDS)
    throw new OpsError({
      code: "out_of_range",
      fn,
      path: ["options", "seeds"],
      rule: `must be at most ${MAX_SEEDS} (the documented maximum)`,
      received: options.seeds,
    });
  if (!Number.isInteger(places) || places < 1 || places > n)
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["options", "places"],
      rule: `must be an integer from 1 to ${n}`,
      received: places,
    });
  if (!Number.isInteger(buckets) || buckets < 2 || buckets > n)
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["options", "positionBuckets"],
      rule: `must be an integer from 2 to ${n}`,
      received: buckets,
    });
  if (typeof alpha !== "number" || !(alpha > 0 && alpha < 1))
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["options", "alpha"],
      rule: "must be between 0 and 1",
      received: alpha,
    });
  const draw = options.draw ?? defaultDraw;
  const bucketOf = (i: number): number => Math.floor((i * buckets) / n);
  const first = new Array<number>(n).fill(0);
  const byBucket = new Array<number>(buckets).fill(0);
  const equalWeights = list.totalWeight === n;
  const sets = new Map<string, number>();
  const prefix = utf8("ops-raffle/v1/fairness");
  for (let s = 0; s < options.seeds; s++) {
    const seed = bytesToHex(sha256(concatBytes(prefix, u32be(s))));
    const winners = draw(seed, list, places);
    const top = winners[0];
    if (winners.length < places || top === undefined || winners.some((w) => !Number.isInteger(w) || w < 0 || w >= n)) {
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: ["options", "draw"],
        rule: `must return ${places} list indices from 0 to ${n - 1}`,
        received: winners,
      });
    }
    first[top] = (first[top] as number) + 1;
    byBucket[bucketOf(top)] = (byBucket[bucketOf(top)] as number) + 1;
    if (equalWeights) {
      const key = [...winners.slice(0, places)].sort((a, b) => a - b).join(",");
      sets.set(key, (sets.get(key) ?? 0) + 1);
    }
  }
  const share = (i: number): number => (options.seeds * (list.weights[i] as number)) / list.totalWeight;
  const firstWinner = chiSquareTest(
    first,
    first.map((_, i) => share(i)),
  );
  const bucketExpected = new Array<number>(buckets).fill(0);
  for (let i = 0; i < n; i++) bucketExpected[bucketOf(i)] = (bucketExpected[bucketOf(i)] as number) + share(i);
  const positions = chiSquareTest(byBucket, bucketExpected);
  let winnerSets: ChiSquareResult | { skipped: string };
  const combos = binomial(n, places);
  if (!equalWeights) winnerSets = { skipped: "weights differ, so winner sets are not equally likely" };
  else if (places === 1) winnerSets = { skipped: "one place: the first-winner test covers it" };
  else if (combos > 5000 || options.seeds / combos < 5)
    winnerSets = { skipped: `${combos} possible sets need at least ${5 * combos} seeds and at most 5000 sets` };
  else {
    const observed: number[] = [];
    forEachCombination(n, places, (c) => observed.push(sets.get(c.join(",")) ?? 0));
    winnerSets = chiSquareTest(
      observed,
      observed.map(() => options.seeds / combos),
    );
  }
  const failed: string[] = [];
  if (firstWinner.pValue < alpha) failed.push("firstWinner");
  if (positions.pValue < alpha) failed.push("positions");
  if ("pValue" in winnerSets && winnerSets.pValue < alpha) failed.push("winnerSets");
  return { firstWinner, positions, winnerSets, failed, flagged: failed.length > 0 };
}

function defaultDraw(seed: string, list: EntrantList, places: number): readonly number[] {
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i++) bytes[i] = Number.parseInt(seed.slice(2 * i, 2 * i + 2), 16);
  return rankTop(list, bytes, places, 0, list.size).map((r) => r.index);
}

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
}

function forEachCombination(n: number, k: number, visit: (c: readonly number[]) => void): void {
  const c = Array.from({ length: k }, (_, i) => i);
  for (;;) {
    visit(c);
    let i = k - 1;
    while (i >= 0 && c[i] === n - k + i) i--;
    if (i < 0) return;
    c[i] = (c[i] as number) + 1;
    for (let j = i + 1; j < k; j++) c[j] = (c[j - 1] as number) + 1;
  }
}
