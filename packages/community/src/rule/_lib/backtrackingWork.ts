import { intersect, intersects, union, type CharSet } from "./charSet";
import { PATTERN_WINDOW } from "./chunkedMatch";
import type { RegexNode } from "./regexAst";
import type { BacktrackingRisk } from "./regexSafety";

/**
 * The most work, as {@link windowWork} estimates it, that an accepted pattern may cost on
 * one window: 1 024 steps from each of the window's 512 start positions (2¹⁹), four times
 * one unbounded repetition of a small class tried from every start (`[a-z]+@` on `aaaa…`).
 */
export const MAX_WINDOW_WORK = PATTERN_WINDOW * 1024;

/** What an unbounded repetition counts: the room it has, on average, in a window. */
const UNBOUNDED = PATTERN_WINDOW / 2;
/** Classes with more ranges than this are tested by a call into the engine, not inline. */
const INLINE_RANGES = 16;
const MAX_CHAINS = 16;
const MAX_BETWEEN = 16;

/**
 * Repetitions met so far that one input can feed in turn — a chain of "IDA" pairs in the
 * sense of Weideman et al., "Analyzing matching time behavior of backtracking regular
 * expression matchers by using ambiguity of NFA" (CIAA 2016): each time the last of them
 * gives back a character, what follows runs again. `work` is how many times that is per
 * start position, `chars` what the last repetition consumes, `between` the sets crossed
 * since (a text that pumps both ends of a pair must also cross these).
 */
interface Chain {
  /** Which repetition started the chain: copies made by the branches of an alternation share it. */
  readonly key: number;
  readonly work: number;
  readonly chars: CharSet;
  readonly between: readonly CharSet[];
}

interface Tally {
  total: number;
  keys: number;
  readonly multiline: boolean;
}

/**
 * Estimates the steps a pattern that passed the structural checks costs a backtracking
 * engine (V8's Irregexp) on one window of {@link PATTERN_WINDOW} units: start positions
 * tried (the window length, or 1 for a pattern anchored by `^` without `m`) × the work
 * from one start.
 *
 * From one start, a repetition costs its choices (`n − m + 1` for `{m,n}`, half a window
 * when unbounded) × the weight of its class × one plus the work of every earlier
 * repetition that can hand it the same characters across the items between them
 * (`.*x.*y`: each place where the first `.*` stops re-runs the second). Repetitions
 * separated by a character neither can match (`[a-z]+@[a-z]+`) consume disjoint text, so
 * together they cost no more than one unbounded repetition; a repetition that ends the
 * pattern never gives characters back (the match succeeds) and costs nothing extra.
 *
 * The weight is what a step through the class costs in V8 11 (Node 20) on two-byte
 * text, relative to `[a-z]`: 1 for a class of at most 16 ranges within the BMP, 3 when it
 * also holds supplementary-plane characters (`.`, `[^@]`: surrogate pairs are decoded),
 * 12 for a larger class (`\p{L}`: 377 BMP ranges, tested by a call out of the compiled
 * code). Conservative: property escapes count as "any character" outside the BMP.
 */
export function windowWork(root: RegexNode, multiline: boolean): number {
  const tally: Tally = { total: 0, keys: 0, multiline };
  walk(root, [], tally, true);
  const starts = !multiline && anchored(root) ? 1 : PATTERN_WINDOW;
  return starts * (1 + tally.total);
}

/** Refuses a pattern whose estimated work per window is above {@link MAX_WINDOW_WORK}. */
export function findExcessiveWork(root: RegexNode, multiline: boolean): BacktrackingRisk | null {
  const work = windowWork(root, multiline);
  if (work <= MAX_WINDOW_WORK) return null;
  const steps = Number.isFinite(work) ? `about ${work.toPrecision(2)}` : "unbounded";
  return {
    code: "polynomial_backtracking",
    message: `repetitions that can match the same text multiply their backtracking (e.g. .*x.*y, \\p{L}+@): ${steps} steps per ${PATTERN_WINDOW}-unit window, above the limit of ${MAX_WINDOW_WORK}; bound them ({0,20}) or separate them with a character they cannot match`,
  };
}

/**
 * Walks the pattern left to right, carrying the chains that reach each point. `tail`:
 * nothing after the node can fail, so a repetition there never backtracks.
 */
function walk(node: RegexNode, chains: readonly Chain[], tally: Tally, tail: boolean): readonly Chain[] {
  switch (node.t) {
    case "set":
      return chains.filter((c) => intersects(c.chars, node.set)).map((c) => crossed(c, node.set));
    case "assert":
      // nothing consumed before ^ (outside multiline mode) can be handed on
      return node.kind === "^" && !tally.multiline ? [] : chains;
    case "seq":
      return sequence(node.items, chains, tally, tail);
    case "alt":
      return capped(rejoined(node.alts.flatMap((alt) => walk(alt, chains, tally, tail))), tally);
    case "group":
      if (!node.look) return walk(node.body, chains, tally, tail);
      // a lookaround is atomic: its work counts, its chains end in it (not a tail: a lookbehind runs backwards)
      walk(node.body, chains, tally, false);
      return chains;
    case "quant": {
      if (node.max === 0) return chains;
      if (node.min !== node.max) return repetition(node, chains, tally, tail).chains;
      // a fixed count is its body in sequence; a body without choices filters the same way every time
      const times = hasChoice(node.body) ? node.min : 1;
      let out = chains;
      for (let k = 0; k < times; k++) out = walk(node.body, out, tally, tail && k === times - 1);
      return out;
    }
    default:
      return chains;
  }
}

/**
 * Items in sequence. Repetitions of the sequence that no earlier repetition feeds consume
 * disjoint stretches of the text from one start, so their cost is pooled: at most one
 * unbounded repetition of the heaviest of their classes.
 */
function sequence(
  items: readonly RegexNode[],
  chains: readonly Chain[],
  tally: Tally,
  tail: boolean,
): readonly Chain[] {
  let out = chains;
  let pooled = 0;
  let heaviest = 0;
  items.forEach((item, i) => {
    const inner = unwrap(item);
    const itemTail = tail && items.slice(i + 1).every((next) => next.t === "quant" && next.min === 0);
    if (inner.t === "quant" && inner.min !== inner.max && inner.max > 0) {
      const step = repetition(inner, out, tally, itemTail, true);
      pooled += step.unfed;
      if (step.unfed > 0) heaviest = Math.max(heaviest, step.weight);
      out = step.chains;
    } else out = walk(item, out, tally, itemTail);
  });
  tally.total += Math.min(pooled, UNBOUNDED * heaviest);
  return out;
}

function repetition(
  node: RegexNode & { t: "quant" },
  chains: readonly Chain[],
  tally: Tally,
  tail: boolean,
  pool = false,
): { chains: readonly Chain[]; unfed: number; weight: number } {
  const chars = charsOf(node.body);
  const weight = weightOf(chars);
  if (tail) return { chains: node.min === 0 ? chains : [], unfed: 0, weight };
  const choices = Math.min(node.max - node.min + 1, UNBOUNDED);
  let feed = 1;
  const out: Chain[] = [];
  for (const c of chains) {
    const common = intersect(c.chars, chars);
    if (common.length > 0 && c.between.every((b) => intersects(b, common))) feed += c.work;
    if (node.min === 0) out.push(c);
    else if (intersects(c.chars, chars)) out.push(crossed(c, chars));
  }
  const work = feed * choices;
  const unfed = pool && feed === 1 ? work * weight : 0;
  tally.total += work * weight - unfed;
  out.push({ key: tally.keys++, work, chars, between: [] });
  return { chains: capped(out, tally), unfed, weight };
}

/** Steps through a class, relative to a small BMP class (see {@link windowWork}). */
function weightOf(set: CharSet): number {
  let ranges = 0;
  for (let i = 0; i + 1 < set.length && (set[i] as number) <= 0xffff; i += 2) ranges++;
  if (ranges > INLINE_RANGES) return 12;
  return (set[set.length - 1] ?? 0) > 0xffff ? 3 : 1;
}

/** One chain per key after an alternation: its branches' copies, with only the sets all of them crossed. */
function rejoined(chains: readonly Chain[]): readonly Chain[] {
  const byKey = new Map<number, Chain>();
  for (const c of chains) {
    const seen = byKey.get(c.key);
    if (!seen) byKey.set(c.key, c);
    else {
      let n = 0;
      while (n < seen.between.length && seen.between[n] === c.between[n]) n++;
      byKey.set(c.key, { ...seen, between: seen.between.slice(0, n) });
    }
  }
  return [...byKey.values()];
}

function crossed(c: Chain, set: CharSet): Chain {
  if (c.between.includes(set)) return c;
  const between = [...c.between, set];
  return { ...c, between: between.length > MAX_BETWEEN ? between.slice(1) : between };
}

/** Merges the chains into one when there are too many (more work, fewer constraints: never less cautious). */
function capped(chains: readonly Chain[], tally: Tally): readonly Chain[] {
  if (chains.length <= MAX_CHAINS) return chains;
  return [
    {
      key: tally.keys++,
      work: chains.reduce((sum, c) => sum + c.work, 0),
      chars: union(...chains.map((c) => c.chars)),
      between: [],
    },
  ];
}

/** Every character the node can consume (lookarounds excluded). */
function charsOf(node: RegexNode): CharSet {
  switch (node.t) {
    case "set":
      return node.set;
    case "seq":
      return union(...node.items.map(charsOf));
    case "alt":
      return union(...node.alts.map(charsOf));
    case "group":
      return node.look ? [] : charsOf(node.body);
    case "quant":
      return node.max === 0 ? [] : charsOf(node.body);
    default:
      return [];
  }
}

function hasChoice(node: RegexNode): boolean {
  switch (node.t) {
    case "quant":
      return node.min !== node.max || hasChoice(node.body);
    case "seq":
      return node.items.some(hasChoice);
    case "alt":
      return node.alts.some(hasChoice);
    case "group":
      return hasChoice(node.body);
    default:
      return false;
  }
}

function unwrap(node: RegexNode): RegexNode {
  let n = node;
  while (n.t === "group" && !n.look) n = n.body;
  return n;
}

/** Whether every match must start at index 0 (`^` first, outside multiline mode). */
function anchored(node: RegexNode): boolean {
  switch (node.t) {
    case "assert":
      return node.kind === "^";
    case "seq":
      return node.items.length > 0 && anchored(node.items[0] as RegexNode);
    case "alt":
      return node.alts.every(anchored);
    case "group":
      return !node.look && anchored(node.body);
    default:
      return false;
  }
}
