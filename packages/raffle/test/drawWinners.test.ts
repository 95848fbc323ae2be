import { bls12_381 } from "@noble/curves/bls12-381.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compileEntrants,
  drawSeed,
  drawWinners,
  entrantPseudonym,
  entrantReceipt,
  EntrantReceiptSchema,
  entrantScore,
  QUICKNET,
  QUICKNET_DST,
  rerollWinner,
  specHash,
  verifyBeacon,
  verifyDraw,
  verifyEntry,
  type DrawCertificate,
} from "@ops/raffle";
import { commitSpec, drandSpec, mainnet, round, sampleEntrants, SECRET, verified } from "./helpers";

const entrants = sampleEntrants(40);
const cert = drawWinners(drandSpec(1000), entrants, verified(1000));
const codes = (r: ReturnType<typeof verifyDraw>): string[] => (r.ok ? [] : r.error.map((e) => e.code));
const flip = (hex: string): string => (hex[0] === "0" ? "1" : "0") + hex.slice(1);

describe("drawWinners", () => {
  it("draws from a real quicknet round and the certificate verifies", () => {
    expect(cert.format).toBe("ops-raffle/v1.1");
    expect(cert.type).toBe("draw");
    expect(cert.randomness).toEqual({
      kind: "drand",
      chainHash: "52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971",
      ...round(1000),
      chainTrust: "pinned",
    });
    expect(cert.seed).toBe(drawSeed(specHash(drandSpec(1000)), compileEntrants(entrants).root, round(1000).randomness));
    expect(cert.winners.map((w) => w.tier)).toEqual(["500-yuan voucher", "sample kit", "sample kit", "sample kit"]);
    expect(cert.alternates).toHaveLength(2);
    const value = { format: "ops-raffle/v1.1", specHashChecked: false, listRootChecked: false, chainTrust: "pinned" };
    expect(verifyDraw(cert, entrants)).toEqual({ ok: true, value: { ...value, listChecked: true } });
    expect(verifyDraw(cert)).toEqual({ ok: true, value: { ...value, listChecked: false } });
  });

  it("ranks by ascending (score, id): the winners are the lowest scores of the whole list", () => {
    const all = entrants
      .map((e) => ({ id: e.id, score: entrantScore(cert.seed, e.id, e.weight) }))
      .sort((a, b) => (a.score < b.score ? -1 : a.score > b.score ? 1 : 0));
    expect([...cert.winners, ...cert.alternates].map((w) => w.id)).toEqual(all.slice(0, 6).map((a) => a.id));
    expect(cert.cutoffs).toEqual([
      { tier: "500-yuan voucher", score: all[0]!.score },
      { tier: "sample kit", score: all[3]!.score },
    ]);
  });

  it("does not depend on the order of the entrants", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(entrants, { minLength: 40, maxLength: 40 }), (shuffled) => {
        const again = drawWinners(commitSpec(), shuffled, { secret: SECRET });
        return JSON.stringify(again) === JSON.stringify(drawWinners(commitSpec(), entrants, { secret: SECRET }));
      }),
      { numRuns: 15 },
    );
  });

  it("accepts a compiled list and gives the same certificate", () => {
    expect(drawWinners(drandSpec(1000), compileEntrants(entrants), verified(1000))).toEqual(cert);
  });

  it("fills what it can when there are fewer entrants than places, and handles an empty list", () => {
    const few = drawWinners(commitSpec(), [{ id: "qq::1" }, { id: "qq::2" }], { secret: SECRET });
    expect(few.winners.map((w) => w.tier)).toEqual(["500-yuan voucher", "sample kit"]);
    expect(few.alternates).toEqual([]);
    expect(verifyDraw(few, [{ id: "qq::1" }, { id: "qq::2" }]).ok).toBe(true);
    const none = drawWinners(commitSpec(), [], { secret: SECRET });
    expect([none.winners, none.cutoffs.map((c) => c.score)]).toEqual([[], [null, null]]);
    expect(verifyDraw(none, []).ok).toBe(true);
  });

  it("refuses a beacon round earlier than the spec allows, and a later one", () => {
    expect(() => drawWinners(drandSpec(4810223), entrants, verified(1000))).toThrowOpsError("out_of_range", {
      fn: "drawWinners",
      path: ["randomness", "round"],
      message: /beacon round 1000 is earlier than round 4810223/,
    });
    expect(() => drawWinners(drandSpec(123), entrants, verified(1000))).toThrowOpsError("conflict", {
      path: ["randomness", "round"],
      message: /beacon round 1000 is not round 123/,
    });
  });

  it("refuses a forged beacon: verifyBeacon reports it, and drawWinners takes only what verifyBeacon accepted", () => {
    const forged = { round: 1000, signature: round(123).signature };
    const check = verifyBeacon(forged, QUICKNET);
    expect(check.ok === false && check.error.map((f) => f.code)).toEqual(["bad_signature"]);
    const unverified = /drawWinners: randomness must be a beacon returned by verifyBeacon/;
    expect(() => drawWinners(drandSpec(1000), entrants, forged as never)).toThrowOpsError("invalid_argument", {
      path: ["randomness"],
      message: unverified,
    });
    // the genuine JSON, a copy of a verified beacon or an edited one are not verified beacons either
    expect(() => drawWinners(drandSpec(1000), entrants, round(1000) as never)).toThrowOpsError("invalid_argument", {
      message: unverified,
    });
    expect(() => drawWinners(drandSpec(1000), entrants, { ...verified(1000) })).toThrowOpsError("invalid_argument", {
      message: unverified,
    });
    expect(() =>
      drawWinners(drandSpec(1000), entrants, { ...verified(1000), signature: round(123).signature }),
    ).toThrowOpsError("invalid_argument", { message: unverified });
    expect(() => {
      (verified(1000) as { round: number }).round = 1001;
    }).toThrow(TypeError);
  });

  it("refuses a beacon verified under another chain, even one that is genuine there", () => {
    // A chain of our own with the quicknet scheme: its round-1000 beacon verifies under it …
    const sigs = bls12_381.shortSignatures;
    const { secretKey, publicKey } = sigs.keygen(new Uint8Array(48).fill(9));
    const message = new Uint8Array(8);
    new DataView(message.buffer).setBigUint64(0, 1000n);
    const signature = bytesToHex(sigs.sign(sigs.hash(sha256(message), QUICKNET_DST), secretKey).toBytes(true));
    const otherChain = { ...QUICKNET, hash: "11".repeat(32), publicKey: bytesToHex(publicKey.toBytes(true)) };
    const other = verifyBeacon({ round: 1000, signature }, otherChain);
    if (!other.ok) throw new Error("the other chain's beacon must verify there");
    // … and the same signature named as quicknet's fails verifyBeacon; drawWinners refuses the other chain's.
    expect(verifyBeacon({ round: 1000, signature }, QUICKNET).ok).toBe(false);
    expect(() => drawWinners(drandSpec(1000), entrants, other.value)).toThrowOpsError("invalid_argument", {
      path: ["randomness"],
      message: /beacon is from chain 1111.*, not 52db9ba7/,
    });
    const named = verifyBeacon(
      { ...round(1000), chainHash: "8990e7a9aaed2ffed73dbd7092123d6f289930540d7651336225dc172e51b2ce" },
      QUICKNET,
    );
    expect(named.ok === false && named.error.map((f) => f.code)).toEqual(["wrong_chain"]);
  });

  it("refuses a real round of the drand default mainnet chain given for the quicknet round the spec fixes", () => {
    // Round 72785 of chain 8990e7a9… (verified on its own chain in beacon.test.ts).
    const r = mainnet.rounds.find((x) => x.round === 72785)!;
    const check = verifyBeacon({ round: r.round, signature: r.signature, randomness: r.randomness }, QUICKNET);
    expect(check.ok === false && check.error.map((f) => [f.code, f.message])).toEqual([
      ["malformed_signature", "signature must be a 48-byte compressed G1 point (quicknet signs on G1)"],
    ]);
    expect(() => drawWinners(drandSpec(72785), entrants, r as never)).toThrowOpsError("invalid_argument", {
      fn: "drawWinners",
      path: ["randomness"],
    });
    expect(drawWinners(drandSpec(1000), entrants, verified(1000)).randomness).toMatchObject({ round: 1000 }); // the same call accepts a verified quicknet round
  });

  it("refuses a wrong secret, or a secret where the spec names a beacon, or a beacon where it names a commitment", () => {
    expect(() => drawWinners(commitSpec(), entrants, { secret: "b2".repeat(32) })).toThrowOpsError("conflict", {
      path: ["randomness", "secret"],
      message: /does not match the spec's commitment/,
    });
    expect(() => drawWinners(drandSpec(1000), entrants, { secret: SECRET })).toThrowOpsError("invalid_argument", {
      message: /drand beacon/,
    });
    expect(() => drawWinners(commitSpec(), entrants, verified(1000))).toThrowOpsError("invalid_argument", {
      path: ["randomness", "secret"],
      message: /secret \(64 hex digits\) must be given/,
    });
  });

  it("refuses duplicate ids with different weights, weight 0, fractional weights and weights above the spec's max", () => {
    expect(() =>
      drawWinners(
        commitSpec(),
        [
          { id: "a", weight: 1 },
          { id: "a", weight: 2 },
        ],
        { secret: SECRET },
      ),
    ).toThrowOpsError("duplicate");
    expect(() => drawWinners(commitSpec(), [{ id: "a", weight: 0 }], { secret: SECRET })).toThrowOpsError(
      "invalid_argument",
      { message: /weight/ },
    );
    expect(() => drawWinners(commitSpec(), [{ id: "a", weight: 0.5 }], { secret: SECRET })).toThrowOpsError(
      "invalid_argument",
      { message: /weight/ },
    );
    expect(() => drawWinners(commitSpec(), [{ id: "a", weight: 6 }], { secret: SECRET })).toThrowOpsError(
      "invalid_argument",
      { message: /from 1 to 5/ },
    );
    expect(() =>
      drawWinners(commitSpec(), compileEntrants([{ id: "a", weight: 6 }]), { secret: SECRET }),
    ).toThrowOpsError("conflict");
  });

  it("does not mutate the spec or the entrants", () => {
    const spec = commitSpec();
    const list = sampleEntrants(10);
    const before = structuredClone([spec, list]);
    drawWinners(spec, list, { secret: SECRET });
    expect([spec, list]).toEqual(before);
  });

  it("gives each entrant a first-place chance proportional to weight (exact enumeration over 3 entrants)", () => {
    // weights 1, 2, 3: P(first) = 1/6, 2/6, 3/6; 600 commit secrets, chi-square with 2 dof,
    // critical value 13.82 at p = 0.001 (scipy.stats.chi2.ppf(0.999, 2))
    const three = [
      { id: "a", weight: 1 },
      { id: "b", weight: 2 },
      { id: "c", weight: 3 },
    ];
    const wins = { a: 0, b: 0, c: 0 };
    const spec = commitSpec({ tiers: [{ name: "p", count: 1 }], alternates: 0 });
    for (let s = 0; s < 600; s++) {
      const seed = drawSeed("00".repeat(32), "11".repeat(32), s.toString(16).padStart(64, "0"));
      const best = three
        .map((e) => ({ id: e.id, score: entrantScore(seed, e.id, e.weight) }))
        .sort((x, y) => (x.score < y.score ? -1 : 1))[0]!;
      wins[best.id as "a"]++;
    }
    expect(spec.tiers).toHaveLength(1);
    const expected = [100, 200, 300];
    const chi = [wins.a, wins.b, wins.c].reduce((sum, o, i) => sum + (o - expected[i]!) ** 2 / expected[i]!, 0);
    expect(chi).toBeLessThan(13.82);
  });
});

describe("verifyDraw", () => {
  it("catches a changed entrant", () => {
    const changed = entrants.map((e, i) => (i === 7 ? { ...e, id: `${e.id}0` } : e));
    expect(codes(verifyDraw(cert, changed))).toContain("list_root");
  });

  it("catches a changed weight in the list and in the certificate", () => {
    const heavier = entrants.map((e, i) => (i === 7 ? { ...e, weight: e.weight === 5 ? 4 : e.weight + 1 } : e));
    expect(codes(verifyDraw(cert, heavier))).toEqual(expect.arrayContaining(["list_root", "total_weight"]));
    const w = cert.winners[0]!;
    const tampered = {
      ...cert,
      winners: [{ ...w, weight: w.weight === 5 ? 4 : w.weight + 1 }, ...cert.winners.slice(1)],
    };
    // A higher weight can leave the minimum unchanged, so the score alone may not show it;
    // the re-run over the list (or the entrant's own verifyEntry) does.
    expect(codes(verifyDraw(tampered, entrants))).toContain("winners");
  });

  it("catches a changed seed", () => {
    expect(codes(verifyDraw({ ...cert, seed: flip(cert.seed) }))).toEqual(expect.arrayContaining(["seed", "score"]));
  });

  it("catches a changed tier in the spec and in the winners", () => {
    const spec = {
      ...cert.spec,
      tiers: [
        { name: "500-yuan voucher", count: 2 },
        { name: "sample kit", count: 2 },
      ],
    };
    expect(codes(verifyDraw({ ...cert, spec }))).toEqual(expect.arrayContaining(["spec_hash", "tiers"]));
    const relabelled = {
      ...cert,
      winners: cert.winners.map((w, i) => (i === 1 ? { ...w, tier: "500-yuan voucher", tierIndex: 0 } : w)),
    };
    expect(codes(verifyDraw(relabelled))).toContain("tiers");
  });

  it("catches a swapped winner, even one with a correct score", () => {
    const outsider = entrants.find((e) => ![...cert.winners, ...cert.alternates].some((w) => w.id === e.id))!;
    const w = cert.winners[0]!;
    const swapped = {
      ...cert,
      winners: [
        {
          ...w,
          id: outsider.id,
          weight: outsider.weight,
          score: entrantScore(cert.seed, outsider.id, outsider.weight),
        },
        ...cert.winners.slice(1),
      ],
    };
    expect(codes(verifyDraw(swapped, entrants)).length).toBeGreaterThan(0);
    expect(codes(verifyDraw(swapped, entrants))).toContain("winners");
    expect(verifyDraw(swapped).ok).toBe(false);
  });

  it("catches changed randomness, beacon round, specHash, list root, size, cutoffs and alternates", () => {
    const r = cert.randomness as Extract<DrawCertificate["randomness"], { kind: "drand" }>;
    expect(codes(verifyDraw({ ...cert, randomness: { ...r, randomness: flip(r.randomness) } }))).toContain(
      "randomness",
    );
    expect(codes(verifyDraw({ ...cert, randomness: { ...r, ...round(123) } }))).toContain("randomness");
    expect(codes(verifyDraw({ ...cert, specHash: flip(cert.specHash) }))).toContain("spec_hash");
    expect(codes(verifyDraw({ ...cert, list: { ...cert.list, root: flip(cert.list.root) } }, entrants))).toEqual(
      expect.arrayContaining(["seed", "list_root"]),
    );
    expect(codes(verifyDraw({ ...cert, list: { ...cert.list, size: 41 } }, entrants))).toContain("list_size");
    expect(
      codes(verifyDraw({ ...cert, list: { ...cert.list, totalWeight: cert.list.totalWeight + 1 } }, entrants)),
    ).toContain("total_weight");
    expect(codes(verifyDraw({ ...cert, list: { ...cert.list, privacy: "pseudonymous" } }))).toContain("list_privacy");
    expect(codes(verifyDraw({ ...cert, randomness: { ...r, chainHash: flip(r.chainHash) } }))).toContain("randomness");
    expect(codes(verifyDraw({ ...cert, cutoffs: [...cert.cutoffs].reverse() }))).toContain("cutoffs");
    expect(codes(verifyDraw({ ...cert, alternates: cert.alternates.slice(0, 1) }, entrants))).toEqual(
      expect.arrayContaining(["tiers", "alternates"]),
    );
  });

  it("reports each thing wrong with a certificate's beacon, and checks its BLS signature", () => {
    const r = cert.randomness as Extract<DrawCertificate["randomness"], { kind: "drand" }>;
    const moved = verifyDraw({ ...cert, randomness: { ...r, round: 1001 } });
    expect(moved.ok === false && moved.error.filter((f) => f.code === "randomness").map((f) => f.path)).toEqual([
      ["randomness", "round"],
      ["randomness", "signature"],
    ]);
    // a forged signature whose randomness is consistent with it is still caught
    const forged = verifyBeacon({ round: 123, signature: round(123).signature }, QUICKNET);
    if (!forged.ok) throw new Error("round 123 must verify");
    const resigned = { ...r, signature: forged.value.signature, randomness: forged.value.randomness };
    expect(codes(verifyDraw({ ...cert, randomness: resigned }))).toContain("randomness");
  });

  it("refuses certificates of an unknown version and malformed ones", () => {
    expect(() => verifyDraw({ ...cert, format: "ops-raffle/v9" } as never)).toThrowOpsError("unsupported_version");
    expect(() => verifyDraw({ ...cert, seed: 5 } as never)).toThrowOpsError("corrupt_data", {
      fn: "verifyDraw",
      path: ["certificate", "seed"],
      message: "verifyDraw: certificate.seed must be a string, got 5",
    });
  });

  it("does not mutate the certificate", () => {
    const copy = structuredClone(cert);
    verifyDraw(cert, entrants);
    expect(cert).toEqual(copy);
  });
});

describe("rerollWinner", () => {
  it("hands the seat to the next alternate, in order, and the result verifies", () => {
    const first = rerollWinner(cert, cert.winners[2]!.id, "no reply in 7 days");
    expect(first.winners[2]).toMatchObject({ tier: "sample kit", id: cert.alternates[0]!.id });
    const second = rerollWinner(first, first.winners[0]!.id, "declined");
    expect(second.winners[0]).toMatchObject({ tier: "500-yuan voucher", id: cert.alternates[1]!.id });
    expect(second.rerolls.map((r) => r.reason)).toEqual(["no reply in 7 days", "declined"]);
    expect(verifyDraw(second, entrants).ok).toBe(true);
    expect(() => rerollWinner(second, second.winners[1]!.id, "again")).toThrowOpsError("illegal_state");
    expect(() => rerollWinner(cert, "qq::nobody", "x")).toThrowOpsError("not_found");
  });

  it("catches a reroll that skipped an alternate", () => {
    const first = rerollWinner(cert, cert.winners[0]!.id, "x");
    const skipped = { ...first, rerolls: [{ ...first.rerolls[0]!, in: cert.alternates[1]!.id }] };
    expect(codes(verifyDraw(skipped, entrants))).toContain("reroll");
  });
});

describe("verifyEntry", () => {
  const list = compileEntrants(entrants);
  const receipt = (id: string) => entrantReceipt(list, id);

  it("tells each entrant where they stand, from the certificate and their receipt alone", () => {
    const kinds = entrants.map((e) => {
      const r = verifyEntry(cert, receipt(e.id));
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      expect(r.value.weight).toBe(e.weight);
      return r.value.outcome.kind;
    });
    expect(kinds.filter((k) => k === "winner")).toHaveLength(4);
    expect(kinds.filter((k) => k === "alternate")).toHaveLength(2);
    expect(kinds.filter((k) => k === "not_selected")).toHaveLength(34);
  });

  it("reads a receipt from its JSON text (one self-contained file)", () => {
    const text = JSON.stringify(receipt(entrants[7]!.id));
    expect(EntrantReceiptSchema.safeParse(JSON.parse(text)).success).toBe(true);
    expect(verifyEntry(cert, JSON.parse(text)).ok).toBe(true);
  });

  it("tells a rerolled-out winner why, and the alternate that took the seat that they won", () => {
    const w = cert.winners[1]!;
    const next = rerollWinner(cert, w.id, "unreachable");
    const out = verifyEntry(next, receipt(w.id));
    expect(out.ok && out.value.outcome).toEqual({ kind: "rerolled_out", rank: w.rank, reason: "unreachable" });
    const alt = cert.alternates[0]!;
    const moved = verifyEntry(next, receipt(alt.id));
    expect(moved.ok && moved.value.outcome).toEqual({ kind: "winner", tier: w.tier, rank: alt.rank });
  });

  it("detects an entrant left out of the winners", () => {
    const w = cert.winners[0]!;
    const withoutThem = rerollWinner(cert, w.id, "x");
    const hidden = { ...withoutThem, rerolls: [] };
    const r = verifyEntry(hidden, receipt(w.id));
    expect(r.ok === false && r.error.map((e) => e.code)).toEqual(["omitted"]);
  });

  it("compares (score, id) with the worst ranked entry, not the score alone (§10)", () => {
    // an entrant whose score equals the worst ranked score but whose id sorts first was omitted
    const worst = cert.alternates[cert.alternates.length - 1]!;
    const tied = {
      ...cert,
      alternates: cert.alternates.map((a, i, all) => (i === all.length - 1 ? { ...a, id: `${a.id}~` } : a)),
    };
    const r = verifyEntry(tied, receipt(worst.id));
    expect(r.ok === false && r.error.map((e) => e.code)).toEqual(["omitted"]);
  });

  it("detects a wrong weight, a proof from another list and a receipt for another list root", () => {
    const e = entrants[3]!;
    const mine = receipt(e.id);
    const r = verifyEntry(cert, { ...mine, weight: e.weight === 5 ? 4 : e.weight + 1 });
    expect(r.ok === false && r.error.map((x) => x.code)).toContain("not_in_list");
    const other = compileEntrants([...entrants, { id: "qq::late", weight: 1 }]);
    const r2 = verifyEntry(cert, entrantReceipt(other, e.id));
    expect(r2.ok === false && r2.error.map((x) => x.path.join("."))).toEqual(
      expect.arrayContaining(["receipt.listRoot", "receipt.proof.size"]),
    );
  });

  it("refuses a malformed receipt, and an ill-formed id, with an OpsError", () => {
    expect(() => verifyEntry(cert, {} as never)).toThrowOpsError("invalid_argument");
    expect(() => verifyEntry(cert, { ...receipt(entrants[0]!.id), extra: 1 } as never)).toThrowOpsError(
      "invalid_argument",
    );
    expect(() => verifyEntry(cert, { ...receipt(entrants[0]!.id), listId: "weibo::a\uD800" })).toThrowOpsError(
      "invalid_argument",
    );
    expect(() => entrantReceipt(list, "weibo::a\uD800")).toThrowOpsError("invalid_argument");
    expect(() => entrantReceipt(list, "qq::nobody")).toThrowOpsError("not_found");
  });
});

describe("privacy mode", () => {
  it("publishes pseudonyms; outsiders verify over them, each entrant checks with their receipt", () => {
    const auditKey = "5a".repeat(32);
    const spec = commitSpec({ privacy: "pseudonymous" });
    const pcert = drawWinners(spec, entrants, { secret: SECRET }, { auditKey });
    expect(pcert.winners.every((w) => /^[0-9a-f]{64}$/.test(w.id))).toBe(true);
    const publishedList = compileEntrants(entrants, { privacy: "pseudonymous", auditKey });
    const published = publishedList.ids.map((id, i) => ({ id, weight: publishedList.weights[i]! }));
    expect(verifyDraw(pcert, published).ok).toBe(true);
    const e = entrants[5]!;
    const receipt = entrantReceipt(publishedList, e.id, { auditKey });
    expect(receipt).toMatchObject({ id: e.id, weight: e.weight, listId: entrantPseudonym(auditKey, e.id).listId });
    const r = verifyEntry(pcert, receipt);
    expect(r.ok && r.value.listId).toBe(receipt.listId);
    // another entrant's key does not turn this pseudonym into theirs
    const other = entrantReceipt(publishedList, entrants[6]!.id, { auditKey });
    const stolen = verifyEntry(pcert, { ...receipt, entrantKey: other.entrantKey! });
    expect(stolen.ok === false && stolen.error.map((f) => f.code)).toEqual(["pseudonym_mismatch"]);
    const { id: _id, entrantKey: _key, ...bare } = receipt;
    expect(() => verifyEntry(pcert, bare)).toThrowOpsError("invalid_argument", { message: /entrantKey/ });
    expect(() => entrantReceipt(publishedList, e.id)).toThrowOpsError("invalid_argument", { message: /auditKey/ });
    expect(() => drawWinners(spec, entrants, { secret: SECRET })).toThrowOpsError("invalid_argument", {
      message: /auditKey/,
    });
  });
});
