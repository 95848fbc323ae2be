import { EMPTY, intersects, union, type CharSet } from "./charSet";
import type { RegexNode } from "./regexAst";

/** A reason to refuse a pattern, found by {@link findBacktrackingRisk}. */
export interface BacktrackingRisk {
  readonly code:
    | "backreference"
    | "nested_quantifier"
    | "overlapping_alternation"
    | "adjacent_quantifiers"
    | "polynomial_backtracking";
  readonly message: string;
}

/**
 * Looks for the shapes that make a backtracking engine (V8's Irregexp) take exponential or
 * high-polynomial time; see the JSDoc of `checkRegexSafety` for the rules and sources.
 */
export function findBacktrackingRisk(root: RegexNode): BacktrackingRisk | null {
  let found: BacktrackingRisk | null = null;
  const visit = (node: RegexNode): void => {
    if (found) return;
    switch (node.t) {
      case "backref":
        found = { code: "backreference", message: "backreferences are not regular and can backtrack exponentially" };
        return;
      case "alt":
        node.alts.forEach(visit);
        return;
      case "group":
        visit(node.body);
        return;
      case "seq":
        checkAdjacent(node.items, (risk) => (found ??= risk));
        node.items.forEach(visit);
        return;
      case "quant":
        if (node.max > 1) {
          const outerVariable = node.min !== node.max;
          // a fixed count k over a bounded variable body costs up to choices^k paths: (a?){25} is 2^25
          let choices = 1;
          findQuant(node.body, (q) => {
            if (q.min !== q.max && q.max !== Infinity) choices = Math.max(choices, q.max - q.min + 1);
            return false;
          });
          const inner =
            findQuant(node.body, (q) => q.min !== q.max && (outerVariable || q.max === Infinity)) ||
            (choices > 1 && choices ** node.max > PATH_BUDGET);
          if (inner) {
            found = {
              code: "nested_quantifier",
              message: "a repeated group contains another variable repetition (star height ≥ 2, e.g. (a+)+)",
            };
            return;
          }
          const alt = findAmbiguousAlternation(node.body);
          if (alt) {
            found = {
              code: "overlapping_alternation",
              message: `alternatives under a repetition can match the same text (${alt})`,
            };
            return;
          }
        }
        visit(node.body);
        return;
      default:
        return;
    }
  };
  visit(root);
  return found;
}

function findQuant(node: RegexNode, pred: (q: RegexNode & { t: "quant" }) => boolean): boolean {
  switch (node.t) {
    case "quant":
      return pred(node) || findQuant(node.body, pred);
    case "alt":
      return node.alts.some((a) => findQuant(a, pred));
    case "seq":
      return node.items.some((a) => findQuant(a, pred));
    case "group":
      return findQuant(node.body, pred);
    default:
      return false;
  }
}

export function nullable(node: RegexNode): boolean {
  switch (node.t) {
    case "set":
      return false;
    case "seq":
      return node.items.every(nullable);
    case "alt":
      return node.alts.some(nullable);
    case "group":
      return node.look || nullable(node.body);
    case "quant":
      return node.min === 0 || nullable(node.body);
    default:
      return true;
  }
}

export function firstSet(node: RegexNode): CharSet {
  switch (node.t) {
    case "set":
      return node.set;
    case "seq": {
      const parts: CharSet[] = [];
      for (const item of node.items) {
        parts.push(firstSet(item));
        if (!nullable(item)) break;
      }
      return union(...parts);
    }
    case "alt":
      return union(...node.alts.map(firstSet));
    case "group":
      return node.look ? EMPTY : firstSet(node.body);
    case "quant":
      return node.max === 0 ? EMPTY : firstSet(node.body);
    default:
      return EMPTY;
  }
}

/** The most backtracking paths a bounded construct may have before it is refused. */
const PATH_BUDGET = 1000;

/**
 * `\d+\d+`, `.*.*`: two unbounded repetitions over overlapping characters in a row; and
 * `a?a?a?…` (Cox's pathological `a?ⁿaⁿ`): a chain of bounded variable repetitions over
 * overlapping characters whose choices multiply past {@link PATH_BUDGET}.
 */
function checkAdjacent(items: readonly RegexNode[], report: (r: BacktrackingRisk) => void): void {
  let paths = 1;
  let prev: CharSet | null = null;
  for (const raw of items) {
    const item = unwrap(raw);
    if (item.t === "quant" && item.min !== item.max) {
      const set = firstSet(item.body);
      // an unbounded item counts as 2 here (take it or not); two unbounded ones in a row are checkUnboundedPairs' business
      const choices = item.max === Infinity ? 2 : item.max - item.min + 1;
      paths = prev !== null && intersects(prev, set) ? paths * choices : choices;
      prev = set;
      if (paths > PATH_BUDGET) {
        report({
          code: "adjacent_quantifiers",
          message:
            "a chain of optional or repeated items over the same characters has too many ways to match (e.g. a?a?a?…aaa)",
        });
        return;
      }
    } else if (item.t === "set" && prev !== null && intersects(prev, item.set)) {
      // a fixed character that the chain can also match keeps the chain ambiguous
    } else if (item.t !== "assert") {
      paths = 1;
      prev = null;
    }
  }
  checkUnboundedPairs(items, report);
}

function checkUnboundedPairs(items: readonly RegexNode[], report: (r: BacktrackingRisk) => void): void {
  for (let i = 0; i < items.length; i++) {
    const x = unwrap(items[i] as RegexNode);
    if (x.t !== "quant" || x.max !== Infinity) continue;
    const xs = firstSet(x.body);
    for (let j = i + 1; j < items.length; j++) {
      const y = unwrap(items[j] as RegexNode);
      if (y.t === "quant" && y.max === Infinity && intersects(xs, firstSet(y.body))) {
        report({
          code: "adjacent_quantifiers",
          message: "two unbounded repetitions in a row can match the same characters (e.g. \\d+\\d+)",
        });
        return;
      }
      if (!nullable(y)) break;
    }
  }
}

function unwrap(node: RegexNode): RegexNode {
  let n = node;
  while (n.t === "group" && !n.look) n = n.body;
  return n;
}

/** Returns a description of the first alternation under `node` whose branches overlap. */
function findAmbiguousAlternation(node: RegexNode): string | null {
  switch (node.t) {
    case "alt": {
      for (let a = 0; a < node.alts.length; a++) {
        for (let b = a + 1; b < node.alts.length; b++) {
          if (overlap(node.alts[a] as RegexNode, node.alts[b] as RegexNode)) return `branches ${a + 1} and ${b + 1}`;
        }
      }
      for (const alt of node.alts) {
        const inner = findAmbiguousAlternation(alt);
        if (inner) return inner;
      }
      return null;
    }
    case "seq":
      for (const item of node.items) {
        const inner = findAmbiguousAlternation(item);
        if (inner) return inner;
      }
      return null;
    case "group":
    case "quant":
      return findAmbiguousAlternation(node.body);
    default:
      return null;
  }
}

interface Prefix {
  readonly sets: CharSet[];
  /** First characters of what follows the fixed prefix, or null if the branch may end there. */
  readonly rest: CharSet | null;
}

function prefixOf(node: RegexNode): Prefix {
  const items: RegexNode[] = [];
  const flatten = (n: RegexNode): void => {
    if (n.t === "seq") n.items.forEach(flatten);
    else if (n.t === "group" && !n.look) flatten(n.body);
    else if (n.t === "quant" && n.min === n.max && n.max <= 16 && prefixIsFixed(n.body))
      for (let k = 0; k < n.min; k++) flatten(n.body);
    else items.push(n);
  };
  flatten(node);
  const sets: CharSet[] = [];
  let i = 0;
  for (; i < items.length; i++) {
    const item = items[i] as RegexNode;
    if (item.t === "set") sets.push(item.set);
    else if (item.t !== "assert") break;
  }
  const rest = items.slice(i);
  const restNode: RegexNode = { t: "seq", items: rest };
  return { sets, rest: rest.length === 0 || nullable(restNode) ? null : firstSet(restNode) };
}

function prefixIsFixed(node: RegexNode): boolean {
  if (node.t === "set" || node.t === "assert") return true;
  if (node.t === "seq") return node.items.every(prefixIsFixed);
  if (node.t === "group") return !node.look && prefixIsFixed(node.body);
  return false;
}

/** Conservative: true unless the two branches provably start differently. */
function overlap(a: RegexNode, b: RegexNode): boolean {
  if (nullable(a) || nullable(b)) return true;
  const pa = prefixOf(a);
  const pb = prefixOf(b);
  const common = Math.min(pa.sets.length, pb.sets.length);
  for (let k = 0; k < common; k++) if (!intersects(pa.sets[k] as CharSet, pb.sets[k] as CharSet)) return false;
  const nextA = pa.sets.length > common ? (pa.sets[common] as CharSet) : pa.rest;
  const nextB = pb.sets.length > common ? (pb.sets[common] as CharSet) : pb.rest;
  if (nextA === null || nextB === null) return true;
  return intersects(nextA, nextB);
}
