import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isOpsError, parseOrThrow } from "@ops/core";
import { type CampaignSpec, CampaignSpecSchema, drawWinners, QUICKNET, specHash } from "@ops/raffle";
import { checkSpec } from "../src/_lib/checkSpec";
import { commitSpec, drandSpec, SECRET } from "./helpers";

// drawWinners checks its spec with checkSpec, a zod-free mirror of CampaignSpecSchema (see
// src/_lib/checkSpec.ts). These tests hold the two together: on arbitrary values and on valid
// specs with arbitrary mutations, both accept or both refuse; accepted, both give the same
// spec (members in the same order, the same undefined members, fresh objects); refused, the
// same first issue as core's parseOrThrow reports it (path, rule, value found there).

type Outcome =
  | { ok: true; value: unknown }
  | { ok: false; path: readonly (string | number)[]; rule: string; received: unknown };

function bySchema(spec: unknown): Outcome {
  try {
    return { ok: true, value: parseOrThrow(CampaignSpecSchema, spec, { fn: "checkSpec" }) };
  } catch (e) {
    if (!isOpsError(e)) throw e;
    return { ok: false, path: e.path, rule: e.rule, received: e.received };
  }
}

function byMirror(spec: unknown): Outcome {
  const checked = checkSpec(spec);
  return checked.ok ? checked : { ok: false, ...checked.issue };
}

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" &&
  v !== null &&
  (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

/** A parsed value as a tree that keeps member order and undefined members, for toEqual. */
function tree(v: unknown): unknown {
  if (Array.isArray(v)) return { array: v.map(tree) };
  if (isPlain(v)) return { object: Object.entries(v).map(([k, x]) => [k, tree(x)]) };
  return v;
}

/** Every object and array inside a value. */
function containers(v: unknown, out = new Set<unknown>()): Set<unknown> {
  if (typeof v === "object" && v !== null && !out.has(v)) {
    out.add(v);
    for (const k of Object.keys(v)) containers((v as Record<string, unknown>)[k], out);
  }
  return out;
}

function expectAgreement(spec: unknown): void {
  const schema = bySchema(spec);
  const mirror = byMirror(spec);
  if (schema.ok && mirror.ok) {
    expect(tree(mirror.value)).toEqual(tree(schema.value));
    // zod builds every object and array afresh; so must the mirror (the certificate holds it)
    const input = containers(spec);
    for (const c of containers(mirror.value)) expect(input.has(c)).toBe(false);
  } else if (!schema.ok && !mirror.ok) {
    expect({ path: mirror.path, rule: mirror.rule }).toEqual({ path: schema.path, rule: schema.rule });
    expect(Object.is(mirror.received, schema.received)).toBe(true);
  } else {
    expect(mirror).toEqual(schema);
  }
}

// --- arbitraries -----------------------------------------------------------------------------

const SAFE = Number.MAX_SAFE_INTEGER;
const hex = (n: number) => fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: n, maxLength: n });
/** Strings at and around every length limit (200, 1000, 2000 code points), with astral and lone surrogates. */
const awkwardStrings = [
  "",
  "a",
  "😀",
  "\ud83d",
  "\ude00",
  "a".repeat(200),
  "a".repeat(201),
  "😀".repeat(200),
  "😀".repeat(201),
  `\ud83d${"😀".repeat(199)}`,
  `${"😀".repeat(199)}\ud83d\ud83d`,
  "\ude00\ud83d".repeat(100),
  "\ud83d".repeat(201),
  "a".repeat(1000),
  "😀".repeat(1001),
  "a".repeat(2000),
  "😀".repeat(2001),
  "a".repeat(1001),
  "a".repeat(2001),
  "ab".repeat(32),
  "AB".repeat(32),
  "ab".repeat(31),
  "abc".repeat(21),
  `${"ab".repeat(32)}0`,
  "ab".repeat(96),
  "ab".repeat(95),
  `${"ab".repeat(95)}0`,
  `${"ab".repeat(96)}0`,
  "AB".repeat(96),
  `${"ab".repeat(32)}\n`,
  QUICKNET.hash,
  QUICKNET.publicKey,
  QUICKNET.publicKey.toUpperCase(),
  "ops-raffle/v1",
  "ops-raffle/v2",
  "drand",
  "commit",
  "public",
  "pseudonymous",
  "bls-unchained-g1-rfc9380",
  "__proto__",
  "toString",
  "constructor",
  "hasOwnProperty",
];
/** Numbers at and around every bound of the schema, and what is not a safe integer. */
const awkwardNumbers = [
  0,
  -0,
  1,
  -1,
  1.5,
  Number.NaN,
  Infinity,
  -Infinity,
  100,
  101,
  3600,
  3601,
  100_000,
  100_001,
  1_000_000,
  1_000_001,
  2_592_000,
  2_592_001,
  8.64e12,
  8.64e12 + 1,
  8.64e15,
  8.64e15 + 1,
  SAFE,
  SAFE + 1,
  -SAFE,
  -SAFE - 2,
  2 ** 60,
  -(2 ** 60),
  1e21,
];
const tier = { name: "mug", count: 1 };
const awkwardValues = fc.constantFrom<unknown>(
  ...awkwardStrings,
  ...awkwardNumbers,
  undefined,
  null,
  true,
  false,
  [],
  {},
  [tier],
  Array.from({ length: 100 }, () => tier),
  Array.from({ length: 101 }, () => tier),
  Array.from({ length: 100 }, () => "#kw"),
  Array.from({ length: 101 }, () => "#kw"),
  { kind: "drand" },
  { kind: "commit" },
  { kind: "commit", commitment: "ab".repeat(32) },
  { kind: "drand", chain: QUICKNET, delaySeconds: 0 },
  QUICKNET,
  { ...QUICKNET, scheme: "pedersen-bls-chained" },
  { mustFollow: true, comment: { keywords: [], minMentions: 0 } },
  new Date(0),
  new Map(),
  Object.create(null),
  Object.create({ kind: "commit", commitment: "ab".repeat(32) }),
);
const anyValue = fc.oneof(
  { weight: 3, arbitrary: awkwardValues },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 210 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double()) },
  {
    weight: 1,
    arbitrary: fc.anything({
      maxDepth: 2,
      withNullPrototype: true,
      withSparseArray: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withBigInt: true,
      withTypedArray: true,
    }),
  },
);

const SHAPE_KEYS = [
  ...Object.keys(drandSpec()),
  "name",
  "count",
  "ruleVersion",
  "rules",
  "max",
  "rule",
  "kind",
  "chain",
  "delaySeconds",
  "commitment",
  "hash",
  "publicKey",
  "period",
  "genesisTime",
  "scheme",
  "mustFollow",
  "mustRepost",
  "comment",
  "keywords",
  "minMentions",
  "minAccountAgeDays",
  "minFollowers",
  "excludeBlocklisted",
  "excludePreviousWinners",
  "excludeBots",
];
const anyKey = fc.oneof(
  fc.constantFrom(...SHAPE_KEYS, "x", "__proto__", "constructor", "toString", "0", "length"),
  fc.string({ maxLength: 4 }),
);

/** An optional member's arbitrary: absent (fc.record's optional keys), undefined, or a value. */
const orUndefined = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 4 });

/**
 * Specs CampaignSpecSchema accepts: either randomness kind, every optional member absent,
 * undefined or set, members in any order.
 */
const text = (min: number, max: number) => fc.string({ unit: "binary", minLength: min, maxLength: max });
const count = (max: number) => fc.integer({ min: 0, max });
const validSpec = fc
  .record(
    {
      format: fc.constantFrom("ops-raffle/v1", "ops-raffle/v1.1"),
      campaignId: text(1, 200),
      title: orUndefined(text(0, 1000)),
      // tier names are distinct (§3)
      tiers: fc.uniqueArray(fc.record({ name: text(1, 200), count: fc.integer({ min: 1, max: 100_000 }) }), {
        minLength: 1,
        maxLength: 100,
        selector: (t) => t.name,
      }),
      alternates: fc.integer({ min: 0, max: 100_000 }),
      eligibility: fc.record({
        ruleVersion: text(1, 200),
        rules: fc.record(
          {
            mustFollow: orUndefined(fc.boolean()),
            mustRepost: orUndefined(fc.boolean()),
            comment: orUndefined(
              fc.record(
                {
                  keywords: orUndefined(fc.array(text(1, 200), { maxLength: 100 })),
                  minMentions: orUndefined(count(100)),
                },
                { requiredKeys: [] },
              ),
            ),
            minAccountAgeDays: orUndefined(count(100_000)),
            minFollowers: orUndefined(fc.integer({ min: 0, max: SAFE })),
            excludeBlocklisted: orUndefined(fc.boolean()),
            excludePreviousWinners: orUndefined(fc.boolean()),
            excludeBots: orUndefined(fc.boolean()),
          },
          { requiredKeys: [] },
        ),
      }),
      weights: fc.record({ max: fc.integer({ min: 1, max: 1_000_000 }), rule: text(0, 2000) }),
      closeAt: fc.integer({ min: 0, max: 8.64e15 }),
      randomness: fc.oneof(
        fc.record({
          kind: fc.constant("drand"),
          chain: fc.oneof(
            fc.constant(QUICKNET),
            fc.record({
              hash: hex(64),
              publicKey: hex(192),
              period: fc.integer({ min: 1, max: 3600 }),
              genesisTime: fc.integer({ min: 0, max: 8.64e12 }),
              scheme: fc.constant("bls-unchained-g1-rfc9380"),
            }),
          ),
          delaySeconds: fc.integer({ min: 0, max: 2_592_000 }),
        }),
        fc.record({ kind: fc.constant("commit"), commitment: hex(64) }),
      ),
      privacy: fc.constantFrom("public", "pseudonymous"),
    },
    {
      requiredKeys: [
        "format",
        "campaignId",
        "tiers",
        "alternates",
        "eligibility",
        "weights",
        "closeAt",
        "randomness",
        "privacy",
      ],
    },
  )
  .chain((spec) => fc.shuffledSubarray(Object.keys(spec), { minLength: 0 }).map((first) => reorder(spec, first)));

function reorder<T extends object>(obj: T, first: string[]): T {
  const out: Record<string, unknown> = {};
  for (const k of first) out[k] = (obj as Record<string, unknown>)[k];
  for (const [k, v] of Object.entries(obj)) if (!(k in out)) out[k] = v;
  return out as T;
}

/** One change to a spec: at the container (object or array) number `at`, in walk order. */
type Mutation =
  | { op: "change"; at: number; pick: number; value: number; other: unknown }
  | { op: "set"; at: number; key: string; value: unknown }
  | { op: "setItem"; at: number; index: number; value: unknown }
  | { op: "delete"; at: number; pick: number }
  | { op: "replace"; at: number; value: unknown }
  | { op: "inherit"; at: number; pick: number }
  | { op: "nullPrototype"; at: number }
  | { op: "reverse"; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant("change" as const),
      at: fc.nat(),
      pick: fc.nat(),
      value: fc.nat(),
      other: anyValue,
    }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant("set" as const), at: fc.nat(), key: anyKey, value: anyValue }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant("setItem" as const), at: fc.nat(), index: fc.nat(3), value: anyValue }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("delete" as const), at: fc.nat(), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("replace" as const), at: fc.nat(), value: anyValue }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("inherit" as const), at: fc.nat(), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("nullPrototype" as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("reverse" as const), at: fc.nat() }) },
);

/** Paths of the plain objects and arrays of a value, outermost first. */
function containerPaths(v: unknown, path: (string | number)[] = [], out: (string | number)[][] = []) {
  if (!isPlain(v)) return out;
  out.push(path);
  for (const k of Object.keys(v)) containerPaths(v[k], [...path, Array.isArray(v) ? Number(k) : k], out);
  return out;
}

function at(root: unknown, path: readonly (string | number)[]): Record<string, unknown> {
  let v = root;
  for (const k of path) v = (v as Record<string, unknown>)[k];
  return v as Record<string, unknown>;
}

const own = (value: unknown) => ({ value, enumerable: true, writable: true, configurable: true });

/** A deep copy of the plain objects and arrays in a value (prototype, holes and frozen state aside). */
function copy(v: unknown): unknown {
  if (Array.isArray(v)) {
    const out = new Array(v.length);
    for (const k of Object.keys(v)) out[Number(k)] = copy(v[Number(k)]);
    return out;
  }
  if (!isPlain(v)) return v;
  const out = Object.create(Object.getPrototypeOf(v)) as Record<string, unknown>;
  for (const k of Object.keys(v)) Object.defineProperty(out, k, own(copy(v[k])));
  return out;
}

/** Applies the mutations to a deep copy (the values put in are copied too); the root may be replaced. */
function mutate(spec: unknown, mutations: readonly Mutation[]): unknown {
  const box: Record<string, unknown> = { root: copy(spec) };
  for (const m of mutations) {
    const paths = containerPaths(box.root, ["root"]);
    if (paths.length === 0) break;
    const path = paths[m.at % paths.length] as (string | number)[];
    const parent = at(box, path.slice(0, -1));
    const key = path[path.length - 1] as string | number;
    const target = at(box, path);
    const keys = Object.keys(target);
    switch (m.op) {
      case "change": {
        // a member takes a boundary value of its own type (a string, a number), else anything
        if (keys.length === 0) break;
        const k = keys[m.pick % keys.length] as string;
        const old = target[k];
        const pool = typeof old === "string" ? awkwardStrings : typeof old === "number" ? awkwardNumbers : null;
        target[k] = pool === null ? copy(m.other) : pool[m.value % pool.length];
        break;
      }
      case "set":
        if (!Array.isArray(target)) Object.defineProperty(target, m.key, own(copy(m.value)));
        break;
      case "setItem":
        if (Array.isArray(target)) target[Math.min(m.index, target.length)] = copy(m.value);
        break;
      case "delete":
        if (keys.length > 0) delete target[keys[m.pick % keys.length] as string];
        break;
      case "replace":
        parent[key] = copy(m.value);
        break;
      case "inherit": {
        // one member moves to the prototype: zod reads it (`in`, `[]`) and lists it (`for…in`)
        if (Array.isArray(target) || keys.length === 0) break;
        const moved = keys[m.pick % keys.length] as string;
        const child = Object.create({ [moved]: target[moved] }) as Record<string, unknown>;
        for (const k of keys) if (k !== moved) child[k] = target[k];
        parent[key] = child;
        break;
      }
      case "nullPrototype":
        if (!Array.isArray(target)) Object.setPrototypeOf(target, null);
        break;
      case "reverse":
        if (Array.isArray(target)) target.reverse();
        else parent[key] = reorder(target, [...keys].reverse());
        break;
    }
  }
  return box.root;
}

// --- tests ------------------------------------------------------------------------------------

describe("checkSpec", () => {
  it("accepts every valid spec and returns what CampaignSpecSchema returns, members in schema order", () => {
    fc.assert(
      fc.property(validSpec, (spec) => {
        expect(checkSpec(spec).ok).toBe(true);
        expectAgreement(spec);
      }),
      { numRuns: 300 },
    );
  });

  it("agrees with CampaignSpecSchema on valid specs with up to four arbitrary mutations", () => {
    fc.assert(
      fc.property(validSpec, fc.array(mutation, { minLength: 1, maxLength: 4 }), (spec, mutations) =>
        expectAgreement(mutate(spec, mutations)),
      ),
      { numRuns: 5000 },
    );
  });

  it("agrees with CampaignSpecSchema on the test specs with arbitrary mutations", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(drandSpec(), commitSpec()),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        (spec, mutations) => expectAgreement(mutate(spec, mutations)),
      ),
      { numRuns: 3000 },
    );
  });

  it("agrees with CampaignSpecSchema on arbitrary values", () => {
    fc.assert(
      fc.property(anyValue, (value) => expectAgreement(value)),
      { numRuns: 1000 },
    );
  });

  it("agrees with CampaignSpecSchema on every member of full specs set to every boundary value, or removed", () => {
    const rules = {
      mustFollow: true,
      mustRepost: false,
      comment: { keywords: ["#春日妆容"], minMentions: 1 },
      minAccountAgeDays: 30,
      minFollowers: 10,
      excludeBlocklisted: true,
      excludePreviousWinners: true,
      excludeBots: true,
    };
    const full = { ...drandSpec(), eligibility: { ruleVersion: "1", rules }, randomness: copy(drandSpec().randomness) };
    const others = [...awkwardNumbers, ...awkwardStrings, undefined, null, true, false, [], {}, ["a"], [{}]];
    const remove = Symbol("remove");
    let checked = 0;
    for (const spec of [full, { ...full, randomness: commitSpec().randomness }]) {
      const paths = containerPaths(spec);
      for (const path of paths) {
        const target = at(spec, path);
        for (const key of [...Object.keys(target), "x", "__proto__"]) {
          for (const value of [...others, remove]) {
            const changed = copy(spec);
            const container = at(changed, path);
            if (value === remove) delete container[key];
            else Object.defineProperty(container, key, own(copy(value)));
            expectAgreement(changed);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(5000);
  });

  it("finds the first of several issues in zod's order", () => {
    // members in schema order, depth first; an object's unknown keys after its members; an
    // array's upper bound before its items; a number's safe range before its bounds
    const base = commitSpec();
    const cases: [unknown, (string | number)[], string][] = [
      [{ ...base, x: 1, privacy: "x" }, ["privacy"], 'must be "public" or "pseudonymous"'],
      [
        { ...base, tiers: [{ name: "", x: 1 }], format: "v2" },
        ["format"],
        'must be "ops-raffle/v1.1" or "ops-raffle/v1"',
      ],
      [{ ...base, tiers: [{ name: "a", count: 1, x: 1 }], alternates: -1 }, ["tiers", 0], 'must not have the key "x"'],
      [{ ...base, tiers: [{ name: "" }], alternates: -1 }, ["tiers", 0, "name"], "must be a non-empty name"],
      [{ ...base, tiers: Array.from({ length: 101 }, () => ({ name: "" })) }, ["tiers"], "must have at most 100 items"],
      [{ ...base, y: 1, x: 2 }, [], 'must not have the keys "y", "x"'],
      [{ ...base, alternates: 2 ** 60 }, ["alternates"], "must be ≤ 9007199254740991"],
      [{ ...base, closeAt: 2 ** 60 }, ["closeAt"], "must be integer epoch milliseconds"],
      [{ ...base, tiers: [{ name: "a", count: 100_001 }] }, ["tiers", 0, "count"], "must be a whole number of winners"],
      [{ ...base, randomness: { kind: "dice" } }, ["randomness", "kind"], 'must be one of "drand", "commit"'],
      [{ ...base, campaignId: "😀".repeat(201) }, ["campaignId"], "must have at most 200 characters"],
      // §3: tier names are distinct
      [
        {
          ...base,
          tiers: [
            { name: "mug", count: 1 },
            { name: "mug", count: 2 },
          ],
        },
        ["tiers"],
        "must not give two tiers the same name",
      ],
      // §6.1: quicknet's chain hash pins its key, period, genesis and scheme
      [
        {
          ...drandSpec(),
          randomness: { kind: "drand", chain: { ...QUICKNET, publicKey: "ab".repeat(96) }, delaySeconds: 60 },
        },
        ["randomness", "chain"],
        "must give exactly the pinned parameters of the known chain it names (quicknet: docs/raffle-spec.md §6.1)",
      ],
      [
        { ...drandSpec(), randomness: { kind: "drand", chain: { ...QUICKNET, period: 30 }, delaySeconds: 60 } },
        ["randomness", "chain"],
        "must give exactly the pinned parameters of the known chain it names (quicknet: docs/raffle-spec.md §6.1)",
      ],
    ];
    for (const [spec, path, rule] of cases) {
      expect(byMirror(spec)).toMatchObject({ ok: false, path, rule });
      expectAgreement(spec);
    }
  });

  it("does not mutate the spec", () => {
    const spec = drandSpec();
    const copy = structuredClone(spec);
    checkSpec(spec);
    expect(spec).toEqual(copy);
  });
});

describe("drawWinners", () => {
  it("refuses a bad spec with parseOrThrow's error (code, path, message, value) and keeps a good one as zod parses it", () => {
    const entrants = [{ id: "weibo::1" }, { id: "weibo::2", weight: 2 }];
    const base = commitSpec();
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 0, maxLength: 3 }), (mutations) => {
        const spec = mutate(base, mutations) as never;
        let expected: CampaignSpec | Error;
        try {
          expected = parseOrThrow(CampaignSpecSchema, spec, { fn: "drawWinners", path: ["spec"] });
        } catch (e) {
          expected = e as Error;
        }
        let cert: ReturnType<typeof drawWinners> | undefined;
        let thrown: unknown;
        try {
          cert = drawWinners(spec, entrants, { secret: SECRET });
        } catch (e) {
          thrown = e;
        }
        if (expected instanceof Error) {
          expect(isOpsError(thrown, "invalid_argument")).toBe(true);
          const error = thrown as { message: string; path: unknown; received: unknown };
          expect({ message: error.message, path: error.path }).toEqual({
            message: expected.message,
            path: (expected as unknown as { path: unknown }).path,
          });
          expect(Object.is(error.received, (expected as unknown as { received: unknown }).received)).toBe(true);
        } else if (cert !== undefined) {
          expect(tree(cert.spec)).toEqual(tree(expected));
          expect(cert.specHash).toBe(specHash(expected));
        } else {
          // the spec is valid; the draw refused something else (a changed commitment, a title
          // given as undefined, which has no canonical JSON), never the spec's shape
          expect((thrown as { path?: unknown[] }).path?.[0]).not.toBe("spec");
        }
      }),
      { numRuns: 500 },
    );
  });
});
