// Issue 15: each forgery an outsider built against ops-raffle/v1 is refused, each by a
// certificate (or input) built here; and misuse gets an OpsError, never a TypeError or NaN.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  assembleCertificate,
  CampaignSpecSchema,
  canonicalJson,
  commitSeed,
  compileEntrants,
  drawSeed,
  drawWinners,
  mergeShards,
  QUICKNET,
  rerollWinner,
  runFairnessHarness,
  scoreShard,
  specHash,
  verifyBeacon,
  verifyDraw,
  type DrawCertificate,
} from "@ops/raffle";
import { ORGANISER_PUBLIC_KEY, organiserBeacon, ownKeyForgery, reseal } from "./vectors/forge";
import { commitSpec, drandSpec, sampleEntrants, SECRET, verified } from "./helpers";

const entrants = sampleEntrants(30);
const codes = (r: ReturnType<typeof verifyDraw>): string[] => (r.ok ? [] : [...new Set(r.error.map((e) => e.code))]);
const honest = drawWinners(drandSpec(1000), entrants, verified(1000));

describe("forgery 1: the organiser's own key", () => {
  it("refuses a spec that names quicknet's chain hash with another key, period, genesis or scheme", () => {
    for (const change of [{ publicKey: ORGANISER_PUBLIC_KEY }, { period: 30 }, { genesisTime: 1692803368 }]) {
      const spec = drandSpec(1000, {
        randomness: { kind: "drand", chain: { ...QUICKNET, ...change }, delaySeconds: 60 },
      });
      expect(CampaignSpecSchema.safeParse(spec).success).toBe(false);
      expect(() => specHash(spec)).toThrowOpsError("invalid_argument", { path: ["spec", "randomness", "chain"] });
      expect(() => drawWinners(spec, entrants, verified(1000))).toThrowOpsError("invalid_argument", {
        path: ["spec", "randomness", "chain"],
      });
    }
    // verifyBeacon refuses it too, so no beacon "verified" under quicknet's name with that key exists
    expect(() => verifyBeacon(organiserBeacon(1000), { ...QUICKNET, publicKey: ORGANISER_PUBLIC_KEY })).toThrowOpsError(
      "invalid_argument",
      { path: ["chain"] },
    );
  });

  it("refuses the forged certificate, consistent in every other field, as not well-formed", () => {
    const forged = ownKeyForgery(honest, entrants);
    expect(() => verifyDraw(forged)).toThrowOpsError("corrupt_data", {
      path: ["certificate", "spec", "randomness", "chain"],
    });
    expect(() => verifyDraw(forged, entrants)).toThrowOpsError("corrupt_data");
  });

  it("refuses an unknown chain unless the caller trusts it, and the certificate says so", () => {
    const chain = { ...QUICKNET, hash: "0d".repeat(32), publicKey: ORGANISER_PUBLIC_KEY };
    const spec = drandSpec(1000, { randomness: { kind: "drand", chain, delaySeconds: 60 } });
    const beacon = verifyBeacon(organiserBeacon(1000), chain);
    if (!beacon.ok) throw new Error("the organiser's beacon verifies under the organiser's chain");
    expect(() => drawWinners(spec, entrants, beacon.value)).toThrowOpsError("invalid_argument", {
      message: /trustedChains/,
    });
    const cert = drawWinners(spec, entrants, beacon.value, { trustedChains: [chain] });
    expect(cert.randomness).toMatchObject({ kind: "drand", chainTrust: "caller" });
    expect(codes(verifyDraw(cert))).toEqual(["untrusted_chain"]);
    expect(codes(verifyDraw(cert, entrants, { trustedChains: [QUICKNET] }))).toEqual(["untrusted_chain"]);
    expect(verifyDraw(cert, entrants, { trustedChains: [chain] })).toMatchObject({
      ok: true,
      value: { chainTrust: "caller", listChecked: true },
    });
    // a certificate that calls a caller-trusted chain "pinned" (or the reverse) is refused
    const lying = { ...cert, randomness: { ...cert.randomness, chainTrust: "pinned" as const } };
    expect(codes(verifyDraw(lying, null, { trustedChains: [chain] }))).toEqual(["untrusted_chain"]);
    const modest = { ...honest, randomness: { ...honest.randomness, chainTrust: "caller" as const } };
    expect(codes(verifyDraw(modest))).toEqual(["untrusted_chain"]);
    // trusting a chain means all five members: another period is another chain
    expect(codes(verifyDraw(cert, null, { trustedChains: [{ ...chain, period: 4 }] }))).toEqual(["untrusted_chain"]);
  });
});

describe("forgery 2: alternates and rerolls, caught without the list", () => {
  const base = drawWinners(commitSpec(), entrants, { secret: SECRET });

  it("refuses alternates reordered with their ranks unchanged", () => {
    const [a, b, ...rest] = base.alternates;
    expect(codes(verifyDraw({ ...base, alternates: [b!, a!, ...rest] }))).toEqual(["alternates"]);
  });

  it("refuses a reroll that skipped the first unused alternate", () => {
    const seat = base.winners[1]!;
    const skipped = base.alternates[1]!;
    const forged: DrawCertificate = {
      ...base,
      winners: base.winners.map((w, i) => (i === 1 ? { ...skipped, tier: seat.tier, tierIndex: seat.tierIndex } : w)),
      alternates: base.alternates.filter((_, i) => i !== 1),
      rerolls: [
        { out: { rank: seat.rank, id: seat.id, weight: seat.weight, score: seat.score }, in: skipped.id, reason: "x" },
      ],
    };
    expect(codes(verifyDraw(forged))).toContain("alternates");
  });

  it("refuses swapped reroll records, and accepts chained ones in order", () => {
    const one = rerollWinner(base, base.winners[0]!.id, "declined");
    const two = rerollWinner(one, one.winners[0]!.id, "the alternate declined too"); // chained
    expect(verifyDraw(two).ok).toBe(true);
    expect(verifyDraw(two, entrants).ok).toBe(true);
    expect(codes(verifyDraw({ ...two, rerolls: [two.rerolls[1]!, two.rerolls[0]!] }))).not.toEqual([]);
    // two independent rerolls swapped
    const a = rerollWinner(base, base.winners[0]!.id, "declined");
    const b = rerollWinner(a, a.winners[2]!.id, "unreachable");
    expect(verifyDraw(b).ok).toBe(true);
    expect(codes(verifyDraw({ ...b, rerolls: [b.rerolls[1]!, b.rerolls[0]!] }))).toContain("alternates");
  });

  it("checks the score of a rerolled-out winner", () => {
    const one = rerollWinner(base, base.winners[0]!.id, "declined");
    const out = one.rerolls[0]!.out;
    const forged = { ...one, rerolls: [{ ...one.rerolls[0]!, out: { ...out, score: "00".repeat(32) } }] };
    expect(codes(verifyDraw(forged))).toContain("score");
  });
});

describe("forgery 3: a redraw under another spec or list", () => {
  const base = drawWinners(commitSpec(), entrants, { secret: SECRET });

  it("verifies alone, and is refused by the spec hash and list root published beforehand", () => {
    const otherSpec = reseal({ ...base, spec: { ...base.spec, title: "redrawn" } }, entrants);
    expect(verifyDraw(otherSpec).ok).toBe(true);
    expect(codes(verifyDraw(otherSpec, null, { expectedSpecHash: base.specHash }))).toEqual(["expected_spec_hash"]);
    const otherList = reseal(base, entrants.slice(1));
    expect(verifyDraw(otherList).ok).toBe(true);
    expect(codes(verifyDraw(otherList, null, { expectedListRoot: base.list.root }))).toEqual(["expected_list_root"]);
    const checked = verifyDraw(base, null, { expectedSpecHash: base.specHash, expectedListRoot: base.list.root });
    expect(checked).toMatchObject({
      ok: true,
      value: { specHashChecked: true, listRootChecked: true, listChecked: false },
    });
  });

  it("refuses malformed options with an OpsError", () => {
    expect(() => verifyDraw(base, null, { expectedSpecHash: "AB" })).toThrowOpsError("invalid_argument", {
      path: ["options", "expectedSpecHash"],
    });
    expect(() => verifyDraw(base, null, { extra: 1 } as never)).toThrowOpsError("invalid_argument");
    expect(() => verifyDraw(base, 5 as never)).toThrowOpsError("invalid_argument", { path: ["entrants"] });
  });
});

describe("forgery 5: typed errors at every boundary", () => {
  it("runFairnessHarness refuses more seeds than its documented maximum", () => {
    const three = [{ id: "a" }, { id: "b" }, { id: "c" }];
    expect(() => runFairnessHarness(three, { seeds: 2 ** 53 + 1 })).toThrowOpsError("out_of_range");
    expect(() => runFairnessHarness(three, { seeds: 1_000_001 })).toThrowOpsError("out_of_range");
    expect(() => runFairnessHarness(three, undefined as never)).toThrowOpsError("invalid_argument");
  });

  it("canonicalJson refuses circular and too deeply nested values", () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrowOpsError("invalid_argument", { path: ["value", "self"] });
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(() => canonicalJson(deep)).toThrowOpsError("invalid_argument", { message: /64 levels/ });
    let ok: unknown = 1;
    for (let i = 0; i < 64; i++) ok = [ok];
    expect(canonicalJson(ok)).toBe(`${"[".repeat(64)}1${"]".repeat(64)}`);
    // a shared (not circular) value is fine
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });

  it("mergeShards and assembleCertificate refuse NaN, fractional and missing weights and wrong types", () => {
    const seed = "00".repeat(32);
    const shard = (weight: unknown) => ({
      seed,
      size: 1,
      hashes: 1,
      top: [{ id: "a", weight, score: "01".repeat(32) }],
    });
    for (const w of [Number.NaN, 1.5, 0, undefined])
      expect(() => mergeShards([shard(w)] as never, 1)).toThrowOpsError("invalid_argument", {
        path: ["shards", 0, "top", 0, "weight"],
      });
    expect(() => mergeShards(undefined as never, 1)).toThrowOpsError("invalid_argument");
    expect(() => mergeShards([new Array(2)] as never, 1)).toThrowOpsError("invalid_argument");
    const spec = commitSpec();
    const list = compileEntrants(entrants);
    const reveal = drawWinners(spec, [], { secret: SECRET }).randomness.randomness;
    const s = scoreShard(drawSeed(specHash(spec), list.root, reveal), { list, start: 0, end: list.size }, 6);
    const summary = { root: list.root, size: list.size, totalWeight: list.totalWeight, privacy: "public" as const };
    expect(assembleCertificate(spec, summary, { secret: SECRET }, [s])).toEqual(
      drawWinners(spec, list, { secret: SECRET }),
    );
    expect(() =>
      assembleCertificate(spec, { ...summary, totalWeight: Number.NaN }, { secret: SECRET }, [s]),
    ).toThrowOpsError("invalid_argument", { path: ["list", "totalWeight"] });
    expect(() => assembleCertificate(spec, null as never, { secret: SECRET }, [s])).toThrowOpsError("invalid_argument");
    expect(() => assembleCertificate(spec, summary, { secret: SECRET }, null as never)).toThrowOpsError(
      "invalid_argument",
    );
  });

  it("refuses wrong-type arguments with an OpsError", () => {
    expect(() => compileEntrants([], null as never)).toThrowOpsError("invalid_argument");
    expect(() => compileEntrants([], { privacy: Number.NaN } as never)).toThrowOpsError("invalid_argument");
    expect(() => drawWinners(commitSpec(), entrants, { secret: SECRET }, null as never)).toThrowOpsError(
      "invalid_argument",
    );
    expect(() =>
      drawWinners(commitSpec(), entrants, { secret: SECRET }, { counter: { hashes: Symbol() } } as never),
    ).toThrowOpsError("invalid_argument");
    const cert = drawWinners(commitSpec(), entrants, { secret: SECRET });
    expect(() => rerollWinner(cert, cert.winners[0]!.id, Object.create(null))).toThrowOpsError("invalid_argument");
    expect(() => scoreShard("00".repeat(32), null as never, 1)).toThrowOpsError("invalid_argument");
    const list = compileEntrants(entrants);
    expect(() =>
      scoreShard("00".repeat(32), { list: { ...list, ids: undefined } as never, start: 0, end: 1 }, 1),
    ).toThrowOpsError("invalid_argument");
    expect(commitSeed(SECRET)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("checks 1–4 apply to ops-raffle/v1 certificates too", () => {
  const v1 = JSON.parse(readFileSync(new URL("./vectors/raffle-v1.json", import.meta.url), "utf8")) as {
    cases: { name: string; expected: { certificate: DrawCertificate } }[];
  };
  const cert = v1.cases.find((c) => c.name === "drand-public")!.expected.certificate;

  it("still verifies the honest v1 certificate, and refuses its forgeries", () => {
    expect(cert.format).toBe("ops-raffle/v1");
    expect(verifyDraw(cert)).toMatchObject({ ok: true, value: { format: "ops-raffle/v1", chainTrust: "pinned" } });
    const [a, b] = cert.alternates;
    expect(codes(verifyDraw({ ...cert, alternates: [b!, a!] }))).toEqual(["alternates"]);
    expect(codes(verifyDraw(cert, null, { expectedSpecHash: "00".repeat(32) }))).toEqual(["expected_spec_hash"]);
    expect(() => verifyDraw(ownKeyForgery(cert, []))).toThrowOpsError("corrupt_data");
    // a v1 certificate carries neither v1.1 member
    expect(() => verifyDraw({ ...cert, type: "draw" })).toThrowOpsError("corrupt_data");
  });
});
