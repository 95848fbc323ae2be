import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isOpsError, parseOrThrow } from "@ops/core";
import { DrandBeaconSchema, DrandChainSchema, QUICKNET } from "@ops/raffle";
import { checkBeacon, checkChain } from "../src/_lib/checkSpec";

// verifyBeacon checks its arguments with checkBeacon and checkChain, zod-free mirrors of
// DrandBeaconSchema and DrandChainSchema (see src/_lib/checkSpec.ts), which keep zod out of
// its bundle. These tests hold each mirror to its schema: on arbitrary values and on valid
// values with arbitrary mutations, both accept or both refuse; accepted, both give the same
// value (members in the same order, the same undefined members); refused, the same first
// issue as core's parseOrThrow reports it (path, rule, value found there).

type Outcome =
  | { ok: true; value: unknown }
  | { ok: false; path: readonly (string | number)[]; rule: string; received: unknown };

function bySchema(schema: typeof DrandBeaconSchema | typeof DrandChainSchema, value: unknown): Outcome {
  try {
    return { ok: true, value: parseOrThrow(schema, value, { fn: "check" }) };
  } catch (e) {
    if (!isOpsError(e)) throw e;
    return { ok: false, path: e.path, rule: e.rule, received: e.received };
  }
}

function byMirror(check: typeof checkBeacon | typeof checkChain, value: unknown): Outcome {
  const checked = check(value);
  return checked.ok ? checked : { ok: false, ...checked.issue };
}

function expectAgreement(kind: "beacon" | "chain", value: unknown): void {
  const schema = bySchema(kind === "beacon" ? DrandBeaconSchema : DrandChainSchema, value);
  const mirror = byMirror(kind === "beacon" ? checkBeacon : checkChain, value);
  if (schema.ok && mirror.ok) {
    expect(Object.entries(mirror.value as object)).toEqual(Object.entries(schema.value as object));
    expect(mirror.value).not.toBe(value);
  } else if (!schema.ok && !mirror.ok) {
    expect({ path: mirror.path, rule: mirror.rule }).toEqual({ path: schema.path, rule: schema.rule });
    expect(Object.is(mirror.received, schema.received)).toBe(true);
  } else {
    expect(mirror).toEqual(schema);
  }
}

const BEACON = {
  round: 1000,
  signature: "b44679b9a59af2ec876b1a6b1ad52ea9b1615fc3982b19576350f93447cb1125e342b73a8dd2bacbe47e4b6b63ed5e39",
  randomness: "fe290beca10872ef2fb164d2aa4442de4566183ec51c56ff3cd603d930e54fdd",
  chainHash: QUICKNET.hash,
};

const awkward: unknown[] = [
  undefined,
  null,
  true,
  0,
  -0,
  1,
  -1,
  1.5,
  Number.NaN,
  Infinity,
  -Infinity,
  3600,
  3601,
  8.64e12,
  8.64e12 + 1,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER - 2,
  1e300,
  10n,
  "",
  "0",
  "x",
  "ab".repeat(32),
  "AB".repeat(32),
  "ab".repeat(31),
  `${"ab".repeat(32)}\n`,
  "ab".repeat(96),
  "AB".repeat(96),
  "ab".repeat(24),
  QUICKNET.hash,
  QUICKNET.publicKey,
  "bls-unchained-g1-rfc9380",
  "bls-unchained-g2-rfc9380",
  "__proto__",
  Symbol("s"),
  [],
  {},
  new Date(0),
  () => 1,
];

describe("checkBeacon and checkChain agree with DrandBeaconSchema and DrandChainSchema", () => {
  for (const [kind, valid] of [
    ["beacon", BEACON],
    ["chain", QUICKNET],
  ] as const) {
    it(`${kind}: every member set to every awkward value, removed, and extra keys`, () => {
      expectAgreement(kind, valid);
      expectAgreement(kind, { ...valid });
      for (const v of awkward) {
        expectAgreement(kind, v);
        for (const key of Object.keys(valid)) {
          expectAgreement(kind, { ...valid, [key]: v });
          const { [key]: _, ...rest } = valid as Record<string, unknown>;
          expectAgreement(kind, rest);
          expectAgreement(kind, { ...rest, extra: v });
        }
      }
      expectAgreement(kind, { ...valid, a: 1, b: 2 });
      expectAgreement(kind, JSON.parse(`{"__proto__": 1, "round": 1}`));
      expectAgreement(kind, Object.assign(Object.create({ inherited: 1 }), valid));
      expectAgreement(kind, Object.assign(Object.create(null), valid));
    });
    it(`${kind}: arbitrary values and arbitrary mutations of a valid one`, () => {
      const member = fc.oneof(fc.constantFrom(...awkward), fc.anything(), fc.integer(), fc.double(), fc.string());
      fc.assert(fc.property(fc.anything(), (v) => expectAgreement(kind, v)));
      fc.assert(
        fc.property(fc.dictionary(fc.constantFrom(...Object.keys(valid), "extra", "x"), member), (changes) =>
          expectAgreement(kind, { ...valid, ...changes }),
        ),
      );
    });
  }
});
