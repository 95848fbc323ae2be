import type { ErrorPath } from "@ops/core";
import type * as z from "zod/mini";
import type { DrandBeaconSchema } from "../beacon/DrandBeaconSchema";
import type { DrandChain } from "../beacon/quicknet";
import type { CampaignSpec } from "../spec/CampaignSpecSchema";
import { type ChainFacts, PINNED_RULE, pinnedChainProblem } from "./knownChains";

// CampaignSpecSchema (with the EligibilityRulesSchema and DrandChainSchema inside it) written
// out for drawWinners, whose bundle otherwise carried zod's object, union, array and check
// machinery for this one parse: 8.5 kB of its 15.0 kB min+gz. The schemas stay the
// published definition, and specHash, verifyDraw and the rest still parse with them. This
// mirrors them: the same values accepted; the same output (fresh objects and arrays, members
// in the schema's order, an optional member given as undefined kept as undefined); for a
// refused value, the issue core's parseOrThrow reports first, with the same path and
// message. zod lists issues depth first in schema order: an object's unknown keys after its
// members, an array's upper bound before its items and its lower bound after them, a
// number's safe range before its bounds. test/checkSpec.test.ts runs both on arbitrary and
// mutated specs and on every member set to every boundary value, and asserts that they
// agree, so a change made to one and not the other fails the tests.
//
// DrandBeaconSchema and DrandChainSchema are mirrored here too, for verifyBeacon (checkBeacon,
// checkChain): parsing with the schemas, its bundle carried zod for these two parses, 35.5 kB
// min+gz against 30.4 kB with the mirrors. test/checkBeacon.test.ts holds them to the schemas
// the same way.

/** Where and why a spec breaks CampaignSpecSchema, as parseOrThrow would report it. */
export interface SpecIssue {
  readonly path: ErrorPath;
  readonly rule: string;
  /** The value at `path`. */
  readonly received: unknown;
}

/** The checked value, or its first issue. */
export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issue: SpecIssue };

/** The checked spec, or its first issue. */
export type SpecCheck = Checked<CampaignSpec>;

/** A beacon as `DrandBeaconSchema` parses it: the schema's output, so the two cannot drift. */
export type ParsedBeacon = Readonly<z.output<typeof DrandBeaconSchema>>;

type Read = (value: unknown, path: ErrorPath) => unknown;
/** A member that may be absent (`z.optional`): absent stays absent, undefined stays undefined. */
interface Optional {
  readonly optional: Read;
}

class Refusal {
  constructor(readonly issue: SpecIssue) {}
}

function refuse(path: ErrorPath, rule: string, received: unknown): never {
  throw new Refusal({ path, rule, received });
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** `z.strictObject(shape)`. */
function strict(shape: Record<string, Read | Optional>): Read {
  return (value, path) => {
    if (!isObject(value)) return refuse(path, "must be an object", value);
    const out: Record<string, unknown> = {};
    for (const key in shape) {
      const field = shape[key] as Read | Optional;
      const v = value[key];
      if (typeof field === "function") out[key] = field(v, [...path, key]);
      else if (v !== undefined) out[key] = field.optional(v, [...path, key]);
      else if (key in value) out[key] = undefined;
    }
    const unknown: string[] = [];
    for (const key in value) if (!Object.hasOwn(shape, key)) unknown.push(key);
    if (unknown.length > 0)
      refuse(path, `must not have the key${unknown.length > 1 ? "s" : ""} ${unknown.map(quote).join(", ")}`, value);
    return out;
  };
}

const optional = (read: Read): Optional => ({ optional: read });
const quote = (s: string): string => JSON.stringify(s);

/** `z.discriminatedUnion("kind", options)`. */
function byKind(options: Record<string, Read>): Read {
  return (value, path) => {
    if (!isObject(value)) return refuse(path, "must be an object", value);
    const kind = value.kind;
    if (typeof kind !== "string" || !Object.hasOwn(options, kind))
      return refuse([...path, "kind"], `must be one of ${Object.keys(options).map(quote).join(", ")}`, kind);
    return (options[kind] as Read)(value, path);
  };
}

/** `z.array(item).check(z.minLength(min, { error: minRule }), z.maxLength(max))`. */
function array(item: Read, max: number, min = 0, minRule = ""): Read {
  return (value, path) => {
    if (!Array.isArray(value)) return refuse(path, "must be an array", value);
    // zod refuses an array over its upper bound before reading its items, and checks the
    // lower bound after them
    if (value.length > max) refuse(path, `must have at most ${max} items`, value);
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) out.push(item(value[i], [...path, i]));
    if (value.length < min) refuse(path, minRule, value);
    return out;
  };
}

/** `z.string().check(z.minLength(min, …), z.maxLength(max))`; zod counts code points, a lone surrogate as one. */
function text(max: number, min = 0, minRule = `must have at least ${min} character${min === 1 ? "" : "s"}`): Read {
  return (value, path) => {
    if (typeof value !== "string") return refuse(path, "must be a string", value);
    const length = value.length - (value.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0);
    if (length < min) refuse(path, minRule, value);
    if (length > max) refuse(path, `must have at most ${max} characters`, value);
    return value;
  };
}

/** `z.string().check(z.regex(pattern, { error: rule }))`. */
function matching(pattern: RegExp, rule: string): Read {
  return (value, path) => {
    if (typeof value !== "string") return refuse(path, "must be a string", value);
    if (!pattern.test(value)) refuse(path, rule, value);
    return value;
  };
}

/** `z.literal(values, { error: rule })`. */
const literal =
  (values: readonly unknown[], rule: string): Read =>
  (value, path) =>
    values.includes(value) ? value : refuse(path, rule, value);

/** The discriminator of a {@link byKind} option, which has already matched it. */
const matchedKind: Read = (value) => value;

/** `z.boolean()`. */
const boolean: Read = (value, path) => (typeof value === "boolean" ? value : refuse(path, "must be a boolean", value));

/** Rules of {@link int}: `type` is the schema's own error, which also names a failed range without a rule of its own. */
interface IntRules {
  readonly type?: string;
  readonly min?: string;
  readonly max?: string;
}

/** `z.int({ error: rules.type }).check(z.minimum(min, { error: rules.min }), z.maximum(max, { error: rules.max }))`. */
function int(min: number, max: number, rules: IntRules = {}): Read {
  return (value, path) => {
    const fail = (rule: string): never => refuse(path, rules.type ?? rule, value);
    if (typeof value !== "number" || !Number.isInteger(value)) return fail("must be an integer");
    if (value > Number.MAX_SAFE_INTEGER) fail(`must be ≤ ${Number.MAX_SAFE_INTEGER}`);
    if (value < Number.MIN_SAFE_INTEGER) fail(`must be ≥ ${Number.MIN_SAFE_INTEGER}`);
    if (value < min) refuse(path, rules.min ?? rules.type ?? `must be ≥ ${min}`, value);
    if (value > max) refuse(path, rules.max ?? rules.type ?? `must be ≤ ${max}`, value);
    return value;
  };
}

const HEX32 = /^[0-9a-f]{64}$/;

/** CampaignSpecSchema's refinement of `tiers`: no two tiers share a name. */
function distinctNames(read: Read): Read {
  return (value, path) => {
    const tiers = read(value, path) as { name: string }[];
    if (new Set(tiers.map((t) => t.name)).size !== tiers.length)
      refuse(path, "must not give two tiers the same name", value);
    return tiers;
  };
}

/** DrandChainSchema's refinement: a known chain hash with its pinned parameters only. */
function pinned(read: Read): Read {
  return (value, path) => {
    const chain = read(value, path) as ChainFacts;
    if (pinnedChainProblem(chain) !== null) refuse(path, PINNED_RULE, value);
    return chain;
  };
}

const name = /* @__PURE__ */ text(200, 1, "must be a non-empty name");
/** EligibilityRulesSchema's `Count`: a whole number ≥ 0. */
const count = (max: number): Read => int(0, max, { type: "must be a whole number", min: "must be ≥ 0" });

/** `DrandChainSchema` (its shape; CampaignSpecSchema adds the pin, {@link pinned}). */
const readChain: Read = /* @__PURE__ */ strict({
  hash: matching(HEX32, "must be the chain hash as 64 lower-case hex digits"),
  publicKey: matching(/^[0-9a-f]{192}$/, "must be a compressed G2 public key as 192 lower-case hex digits"),
  period: int(1, 3600, { min: "must be a whole number of seconds ≥ 1" }),
  genesisTime: int(0, 8.64e12, { min: "must be whole seconds since the Unix epoch" }),
  scheme: literal(["bls-unchained-g1-rfc9380"], "must be bls-unchained-g1-rfc9380 (quicknet's scheme)"),
});

/** `DrandBeaconSchema`. */
const readBeacon: Read = /* @__PURE__ */ (() => {
  const hash = optional(matching(/^[0-9a-fA-F]{64}$/, "must be 32 bytes as 64 hex digits"));
  return strict({
    round: int(1, Number.MAX_SAFE_INTEGER, { type: "must be a whole round number", min: "must be ≥ 1" }),
    signature: matching(/^[0-9a-fA-F]+$/, "must be hex"),
    randomness: hash,
    chainHash: hash,
  });
})();

const readSpec: Read = /* @__PURE__ */ strict({
  format: literal(["ops-raffle/v1.1", "ops-raffle/v1"], 'must be "ops-raffle/v1.1" or "ops-raffle/v1"'),
  campaignId: name,
  title: optional(text(1000)),
  tiers: distinctNames(
    array(
      strict({ name, count: int(1, 100_000, { type: "must be a whole number of winners", min: "must be ≥ 1" }) }),
      100,
      1,
      "must list at least one prize tier",
    ),
  ),
  alternates: int(0, 100_000, { min: "must be a whole number ≥ 0" }),
  eligibility: strict({
    ruleVersion: name,
    rules: strict({
      mustFollow: optional(boolean),
      mustRepost: optional(boolean),
      comment: optional(
        strict({
          keywords: optional(array(text(200, 1), 100)),
          minMentions: optional(count(100)),
        }),
      ),
      minAccountAgeDays: optional(count(100_000)),
      minFollowers: optional(count(Number.MAX_SAFE_INTEGER)),
      excludeBlocklisted: optional(boolean),
      excludePreviousWinners: optional(boolean),
      excludeBots: optional(boolean),
    }),
  }),
  weights: strict({
    max: int(1, 1_000_000, { min: "must be a whole number ≥ 1", max: "must be ≤ 1000000" }),
    rule: text(2000),
  }),
  closeAt: int(0, 8.64e15, { type: "must be integer epoch milliseconds" }),
  randomness: byKind({
    drand: strict({
      kind: matchedKind,
      chain: pinned(readChain),
      delaySeconds: int(0, 30 * 86_400, { min: "must be whole seconds ≥ 0" }),
    }),
    commit: strict({
      kind: matchedKind,
      commitment: matching(HEX32, "must be 32 bytes as 64 lower-case hex digits"),
    }),
  }),
  privacy: literal(["public", "pseudonymous"], 'must be "public" or "pseudonymous"'),
});

/** Runs a mirror: the value it reads, or the first issue (path relative to the value). */
function check<T>(read: Read, value: unknown): Checked<T> {
  try {
    return { ok: true, value: read(value, []) as T };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, issue: e.issue };
    throw e;
  }
}

/**
 * Checks a campaign spec as `CampaignSpecSchema` does, without zod: the parsed spec, or the
 * first issue (path relative to the spec, rule, value found there).
 */
export function checkSpec(spec: unknown): SpecCheck {
  return check(readSpec, spec);
}

/** Checks a beacon as `DrandBeaconSchema` does, without zod; see {@link checkSpec}. */
export function checkBeacon(beacon: unknown): Checked<ParsedBeacon> {
  return check(readBeacon, beacon);
}

/** Checks a chain as `DrandChainSchema` does (no pin), without zod; see {@link checkSpec}. */
export function checkChain(chain: unknown): Checked<DrandChain> {
  return check(readChain, chain);
}
