/**
 * The hostile values of the hostile-input suite (issue 20): each has a stable label (the
 * KNOWN_FINDINGS table names inputs by it) and builds a fresh value on every call, so that
 * a function that mutates its input cannot poison the next case.
 */

import type { ValueSets } from "./harness.ts";
import { longValues } from "./longValues.ts";

/** A labelled hostile value. */
export interface Hostile {
  readonly label: string;
  readonly make: () => unknown;
}

const h = (label: string, make: () => unknown): Hostile => ({ label, make });

/** A cyclic object: `{ self: [Circular] }`. */
const cyclic = (): unknown => {
  const o: Record<string, unknown> = {};
  o.self = o;
  return o;
};

/**
 * Put in every argument position and every field the valid arguments have: wrong types,
 * the numbers that break arithmetic, the instants at and just beyond both ends of the
 * ECMAScript range, lone surrogates, objects without a prototype, cycles.
 */
export const LEAF_VALUES: readonly Hostile[] = [
  h("undefined", () => undefined),
  h("null", () => null),
  h("true", () => true),
  h('""', () => ""),
  h('"x"', () => "x"),
  h('"\\uD800"', () => "\uD800"),
  h('"a\\uDC00b"', () => "a\uDC00b"),
  h("NaN", () => Number.NaN),
  h("0", () => 0),
  h("-0", () => -0),
  h("Infinity", () => Number.POSITIVE_INFINITY),
  h("-Infinity", () => Number.NEGATIVE_INFINITY),
  // 2^53 + 1 has no double: the literal rounds to 2^53, the first integer past MAX_SAFE_INTEGER
  h("2^53+1", () => 2 ** 53 + 1),
  h("-1", () => -1),
  h("1.5", () => 1.5),
  h("8.64e15", () => 8.64e15),
  h("-8.64e15", () => -8.64e15),
  h("8.64e15+1", () => 8.64e15 + 1),
  h("-8.64e15-1", () => -8.64e15 - 1),
  h("{}", () => ({})),
  h("[]", () => []),
  h("Object.create(null)", () => Object.create(null)),
  h("() => {}", () => () => {}),
  h("Symbol()", () => Symbol("hostile")),
  h("10n", () => 10n),
];

/** Only in argument positions (as a whole argument): the large and the structurally odd. */
export const ARGUMENT_ONLY_VALUES: readonly Hostile[] = [
  h("cyclic", cyclic),
  h("[,,]", () => new Array(2)), // two holes
  h("Date(NaN)", () => new Date(Number.NaN)),
  h("10 000 × {}", () => Array.from({ length: 10_000 }, () => ({}))),
  h('100 001 × "a"', () => "a".repeat(100_001)),
];

/** What a schema's `safeParse` gets: the huge values only test zod itself, so they are left out. */
export const SCHEMA_VALUES: readonly Hostile[] = [...LEAF_VALUES, ...ARGUMENT_ONLY_VALUES.slice(0, 3)];

/** Added in the long run (OPS_HOSTILE_LONG=1) to every position. */
export const LONG_LEAF_VALUES: readonly Hostile[] = [
  h("-(2^53+1)", () => -(2 ** 53 + 1)),
  h("2^53+2", () => 2 ** 53 + 2),
  h("Number.MAX_VALUE", () => Number.MAX_VALUE),
  h("-Number.MAX_VALUE", () => -Number.MAX_VALUE),
  h("Number.MIN_VALUE", () => Number.MIN_VALUE),
  h("2^31", () => 2 ** 31),
  h("2^32", () => 2 ** 32),
  h("-2^31-1", () => -(2 ** 31) - 1),
  h("1e21", () => 1e21),
  h("0.1", () => 0.1),
  h("-0.5", () => -0.5),
  h('"NaN"', () => "NaN"),
  h('"1"', () => "1"),
  h('"\\uD800" × 3', () => "\uD800\uD800\uD800"),
  h('"2026-03-08T09:30:00Z"', () => "2026-03-08T09:30:00Z"),
  h('"+275760-09-13T00:00:00.001Z"', () => "+275760-09-13T00:00:00.001Z"),
  h('"-271821-04-19T23:59:59.999Z"', () => "-271821-04-19T23:59:59.999Z"),
  h('"__proto__"', () => "__proto__"),
  h('"constructor"', () => "constructor"),
  h('"\\u0000"', () => "\u0000"),
  h('"\\uFFFF\\uFFFE"', () => "\uFFFF\uFFFE"),
  h('"😀"', () => "😀"),
  h('"\\uD83Dx"', () => "\uD83Dx"),
  h("new Date(0)", () => new Date(0)),
  h("new Map()", () => new Map()),
  h("new Set()", () => new Set()),
  h("new Uint8Array(0)", () => new Uint8Array(0)),
  h("[NaN]", () => [Number.NaN]),
  h("[null]", () => [null]),
  h("[undefined]", () => [undefined]),
  h("[[]]", () => [[]]),
  h('{ "__proto__": { polluted: 1 } }', () => JSON.parse('{"__proto__":{"polluted":1}}')),
  h("{ length: -1 }", () => ({ length: -1 })),
  h("{ length: 2^32 }", () => ({ length: 2 ** 32 })),
  h("new Error()", () => new Error("hostile")),
  h("Promise.resolve()", () => Promise.resolve()),
  h("frozen {}", () => Object.freeze({})),
];

/** Added in the long run to argument positions. */
export const LONG_ARGUMENT_VALUES: readonly Hostile[] = [
  h("10 000 × 0", () => new Array(10_000).fill(0)),
  h("100 000 × 0", () => new Array(100_000).fill(0)),
  h("100 000 × {}", () => Array.from({ length: 100_000 }, () => ({}))),
  h("1 000 000 × 0", () => new Array(1_000_000).fill(0)),
  h("100 000 × NaN", () => new Array(100_000).fill(Number.NaN)),
  h("100 000 × null", () => new Array(100_000).fill(null)),
  h('500 001 × "😀"', () => "😀".repeat(500_001)),
  h('1 000 001 × "\\uD800"', () => "\uD800".repeat(1_000_001)),
  h("[[[…]]] 10 000 deep", () => {
    let v: unknown = [];
    for (let i = 0; i < 10_000; i++) v = [v];
    return v;
  }),
  h("{v:{v:…}} 10 000 deep", () => {
    let v: unknown = {};
    for (let i = 0; i < 10_000; i++) v = { v };
    return v;
  }),
];

/** The values of a run: the fast tables, or (long) all of them plus seeded fast-check values, deeper and wider. */
export function valueSets(long: boolean): ValueSets {
  if (!long)
    return {
      argument: [...LEAF_VALUES, ...ARGUMENT_ONLY_VALUES],
      inside: LEAF_VALUES,
      schema: SCHEMA_VALUES,
      maxDepth: 4,
      maxPoints: 40,
    };
  const sampled = longValues();
  return {
    argument: [...LEAF_VALUES, ...ARGUMENT_ONLY_VALUES, ...LONG_LEAF_VALUES, ...LONG_ARGUMENT_VALUES, ...sampled],
    inside: [...LEAF_VALUES, ...LONG_LEAF_VALUES, ...ARGUMENT_ONLY_VALUES.slice(0, 3)],
    schema: [...SCHEMA_VALUES, ...LONG_LEAF_VALUES, ...sampled],
    maxDepth: 8,
    maxPoints: 400,
  };
}

/** The label of a removed property (not a value: the key is deleted). */
export const MISSING_LABEL = "(missing)";

/**
 * Every value the fast sweep puts at a place: what `"*"` stands for in KNOWN_FINDINGS. A
 * whole argument (`arg1`) gets the argument values, an array element (`arg0[0]`) the inside
 * values, an object property (`arg1.period`) the inside values and removal.
 */
export function allValuesAt(place: string, schema = false): readonly string[] {
  if (place === "valid" || place.startsWith("max size")) return ["—"];
  const fast = valueSets(false);
  if (/^arg\d+$/.test(place)) return (schema ? SCHEMA_VALUES : fast.argument).map((v) => v.label);
  if (place.endsWith("]")) return fast.inside.map((v) => v.label);
  return [MISSING_LABEL, ...fast.inside.map((v) => v.label)];
}

/** The labels a KNOWN_FINDINGS value spec stands for at a place of `target` (a schema's `safeParse` gets fewer). */
export function expandValues(
  target: string,
  place: string,
  values: readonly string[] | "*" | "any" | { readonly allBut: readonly string[] },
): readonly string[] {
  const all = allValuesAt(place, target.endsWith(".safeParse"));
  if (values === "any") return []; // no single value: see KNOWN_FINDINGS
  if (values === "*") return all;
  if ("allBut" in values) return all.filter((v) => !values.allBut.includes(v));
  return values;
}
