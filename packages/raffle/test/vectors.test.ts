// An independent verifier written from docs/raffle-spec.md alone (plain @noble/hashes calls,
// no code from src/ except the JCS serialiser), checked against test/vectors/raffle-v1.json,
// and the library checked against the same file.
import { readFileSync } from "node:fs";
import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, concatBytes, hexToBytes } from "@noble/hashes/utils.js";
import { describe, expect, it } from "vitest";
import {
  canonicalJson,
  drawWinners,
  QUICKNET,
  rerollWinner,
  verifyBeacon,
  verifyDraw,
  verifyEntry,
  verifyInclusion,
  type DrawCertificate,
} from "@ops/raffle";

interface VectorCase {
  name: string;
  input: {
    spec: {
      tiers: { name: string; count: number }[];
      alternates: number;
      privacy: string;
      randomness: { kind: string };
    };
    entrants: { id: string; weight: number }[];
    randomness: { round?: number; signature?: string; randomness?: string; secret?: string };
    auditKey?: string;
  };
  expected: {
    canonicalSpec: string;
    specHash: string;
    sortedListIds: string[];
    leafHashes: string[];
    listRoot: string;
    randomness: string;
    seed: string;
    scores: Record<string, string>;
    proofs: { listId: string; weight: number; index: number; size: number; path: string[] }[];
    certificate: DrawCertificate;
  };
}

const vectors = JSON.parse(readFileSync(new URL("./vectors/raffle-v1.json", import.meta.url), "utf8")) as {
  cases: VectorCase[];
};
const enc = new TextEncoder();
const tag = (name: string): Uint8Array => {
  const t = new Uint8Array(32);
  t.set(enc.encode(name));
  return t;
};
const u16 = (n: number): Uint8Array => Uint8Array.of(n >>> 8, n & 0xff);
const u32 = (n: number): Uint8Array => Uint8Array.of(n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
const cmp = (a: Uint8Array, b: Uint8Array): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
};
function mth(leaves: Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return sha256(new Uint8Array(0));
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return sha256(concatBytes(Uint8Array.of(1), mth(leaves.slice(0, k)), mth(leaves.slice(k))));
}

function reference(c: VectorCase) {
  const specHash = bytesToHex(sha256(enc.encode(c.expected.canonicalSpec)));
  const listIds = c.input.entrants.map((e) => {
    const id = e.id.normalize("NFC");
    if (c.input.auditKey === undefined) return id;
    const entrantKey = hmac(
      sha256,
      hexToBytes(c.input.auditKey),
      concatBytes(tag("ops-raffle/v1/entrant-key"), enc.encode(id)),
    );
    return bytesToHex(hmac(sha256, entrantKey, enc.encode(id)));
  });
  const rows = listIds
    .map((id, i) => ({ id, bytes: enc.encode(id), weight: c.input.entrants[i]!.weight }))
    .sort((a, b) => cmp(a.bytes, b.bytes));
  const leaves = rows.map((r) => sha256(concatBytes(Uint8Array.of(0), u16(r.bytes.length), r.bytes, u32(r.weight))));
  const root = mth(leaves);
  const randomness =
    c.input.spec.randomness.kind === "drand"
      ? sha256(hexToBytes(c.input.randomness.signature!))
      : sha256(concatBytes(tag("ops-raffle/v1/reveal"), hexToBytes(c.input.randomness.secret!)));
  const seed = sha256(concatBytes(tag("ops-raffle/v1/seed"), hexToBytes(specHash), root, randomness));
  const scored = rows.map((r) => {
    let best: Uint8Array | null = null;
    for (let j = 0; j < r.weight; j++) {
      const h = sha256(concatBytes(tag("ops-raffle/v1/score"), seed, r.bytes, u32(j)));
      if (best === null || cmp(h, best) < 0) best = h;
    }
    return { ...r, score: best! };
  });
  const ranked = [...scored].sort((a, b) => cmp(a.score, b.score) || cmp(a.bytes, b.bytes));
  const winners: { tier: string; id: string }[] = [];
  let pos = 0;
  for (const t of c.input.spec.tiers)
    for (let k = 0; k < t.count && pos < ranked.length; k++) winners.push({ tier: t.name, id: ranked[pos++]!.id });
  const alternates = ranked.slice(pos, pos + c.input.spec.alternates).map((r) => r.id);
  return {
    specHash,
    sortedListIds: rows.map((r) => r.id),
    weights: rows.map((r) => r.weight),
    leafHashes: leaves.map(bytesToHex),
    listRoot: bytesToHex(root),
    randomness: bytesToHex(randomness),
    seed: bytesToHex(seed),
    scores: Object.fromEntries(scored.map((s) => [s.id, bytesToHex(s.score)])),
    winners,
    alternates,
  };
}

describe("test vectors (docs/raffle-spec.md)", () => {
  it("has the four cases the spec refers to", () => {
    expect(vectors.cases.map((c) => c.name)).toEqual([
      "drand-public",
      "commit-pseudonymous",
      "single-entrant",
      "empty-list",
    ]);
  });

  for (const c of vectors.cases) {
    describe(c.name, () => {
      it("an independent verifier written from the spec derives every expected value", () => {
        const ref = reference(c);
        expect(canonicalJson(c.input.spec)).toBe(c.expected.canonicalSpec);
        expect(ref.specHash).toBe(c.expected.specHash);
        expect(ref.sortedListIds).toEqual(c.expected.sortedListIds);
        expect(ref.leafHashes).toEqual(c.expected.leafHashes);
        expect(ref.listRoot).toBe(c.expected.listRoot);
        expect(ref.randomness).toBe(c.expected.randomness);
        expect(ref.seed).toBe(c.expected.seed);
        expect(ref.scores).toEqual(c.expected.scores);
        expect(ref.winners).toEqual(c.expected.certificate.winners.map((w) => ({ tier: w.tier, id: w.id })));
        expect(ref.alternates).toEqual(c.expected.certificate.alternates.map((a) => a.id));
      });

      it("the library reproduces the certificate and verifies it and the proofs", () => {
        const options = c.input.auditKey === undefined ? {} : { auditKey: c.input.auditKey };
        // a drand case gives the beacon JSON as published: verify it first, as a caller does
        const { round, signature, secret } = c.input.randomness;
        let randomness: Parameters<typeof drawWinners>[2];
        if (secret !== undefined) randomness = { secret };
        else {
          const beacon = verifyBeacon({ round: round!, signature: signature!, ...c.input.randomness }, QUICKNET);
          if (!beacon.ok) throw new Error(JSON.stringify(beacon.error));
          randomness = beacon.value;
        }
        const cert = drawWinners(c.input.spec as never, c.input.entrants, randomness, options);
        // this release writes ops-raffle/v1.1: the v1 certificate plus "type" and "chainTrust"
        const { type, ...rest } = cert;
        const { chainTrust, ...v1Randomness } = cert.randomness as { chainTrust?: string };
        expect(type).toBe("draw");
        expect(chainTrust).toBe(cert.randomness.kind === "drand" ? "pinned" : undefined);
        expect({ ...rest, format: "ops-raffle/v1", randomness: v1Randomness }).toEqual(c.expected.certificate);
        const ref = reference(c);
        const published = ref.sortedListIds.map((id, i) => ({ id, weight: ref.weights[i]! }));
        // honest v1 certificates still verify, with and without the list
        expect(verifyDraw(c.expected.certificate, published)).toMatchObject({
          ok: true,
          value: { format: "ops-raffle/v1", listChecked: true },
        });
        expect(verifyDraw(c.expected.certificate).ok).toBe(true);
        for (const p of c.expected.proofs)
          expect(verifyInclusion(c.expected.listRoot, { id: p.listId, weight: p.weight }, p)).toMatchObject({
            ok: true,
            value: { index: p.index, size: p.size },
          });
      });
    });
  }
});

// ---- ops-raffle/v1.1 (test/vectors/raffle-v1.1.json): rerolls, NFD and duplicate inputs,
// pseudonymous drand, receipts and refusals, re-derived from docs/raffle-spec.md alone.

interface V11Case extends VectorCase {
  about: string;
  input: VectorCase["input"] & { rerolls?: { winner: number; reason: string }[] };
  expected: VectorCase["expected"] & {
    weights: number[];
    duplicatesMerged: number;
    receipt?: {
      listRoot: string;
      listId: string;
      weight: number;
      proof: { index: number; size: number; path: string[] };
      id?: string;
      entrantKey?: string;
    };
  };
}
interface Refusal {
  name: string;
  reason: string;
  opsError: string;
  input: {
    spec: Record<string, unknown>;
    entrants: { id: unknown; weight?: unknown }[];
    randomness: Record<string, unknown>;
  };
}
const v11 = JSON.parse(readFileSync(new URL("./vectors/raffle-v1.1.json", import.meta.url), "utf8")) as {
  cases: V11Case[];
  refusals: Refusal[];
};

/** §4 steps 1–5 from the doc: NFC, list id, de-duplication, byte order. */
function canonicalRows(c: V11Case) {
  const byId = new Map<string, number>();
  for (const e of c.input.entrants) {
    const id = e.id.normalize("NFC");
    const listId =
      c.input.auditKey === undefined
        ? id
        : bytesToHex(
            hmac(
              sha256,
              hmac(sha256, hexToBytes(c.input.auditKey), concatBytes(tag("ops-raffle/v1/entrant-key"), enc.encode(id))),
              enc.encode(id),
            ),
          );
    const prior = byId.get(listId);
    if (prior !== undefined && prior !== e.weight) throw new Error("duplicate with two weights");
    byId.set(listId, e.weight);
  }
  return [...byId].map(([id, weight]) => ({ id, weight, bytes: enc.encode(id) })).sort((a, b) => cmp(a.bytes, b.bytes));
}

/** RFC 9162 §2.1.3.2 as §4.8 states it, with the index < size step. */
function verifyPath(leaf: Uint8Array, index: number, size: number, path: string[], root: string): boolean {
  if (index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const hex of path) {
    const p = hexToBytes(hex);
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = sha256(concatBytes(Uint8Array.of(1), p, r));
      if (fn % 2 === 0)
        while (fn % 2 === 0 && fn !== 0) {
          fn >>= 1;
          sn >>= 1;
        }
    } else r = sha256(concatBytes(Uint8Array.of(1), r, p));
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && bytesToHex(r) === root;
}

/** The reason docs/raffle-spec.md §12 gives for refusing an input, or null when it is valid. */
function refusalReason(input: Refusal["input"]): string | null {
  const spec = input.spec as {
    format: unknown;
    campaignId: unknown;
    tiers: { name: string; count: number }[];
    closeAt: number;
    weights: { max: number };
    randomness: { kind: string; chain?: Record<string, unknown>; delaySeconds?: number; commitment?: string };
  };
  const members = [
    "format",
    "campaignId",
    "title",
    "tiers",
    "alternates",
    "eligibility",
    "weights",
    "closeAt",
    "randomness",
    "privacy",
  ];
  if (Object.keys(spec).some((k) => !members.includes(k))) return "spec_invalid";
  if (spec.format !== "ops-raffle/v1.1" && spec.format !== "ops-raffle/v1") return "spec_invalid";
  if (typeof spec.campaignId !== "string" || spec.campaignId.length === 0) return "spec_invalid";
  if (!Array.isArray(spec.tiers) || spec.tiers.length === 0) return "spec_invalid";
  if (new Set(spec.tiers.map((t) => t.name)).size !== spec.tiers.length) return "spec_invalid";
  if (!Number.isInteger(spec.closeAt) || spec.closeAt < 0) return "spec_invalid";
  const chain = spec.randomness.chain;
  if (chain !== undefined) {
    const quicknet = { ...QUICKNET } as Record<string, unknown>;
    if (chain.hash === quicknet.hash) {
      if (Object.keys(quicknet).some((k) => chain[k] !== quicknet[k])) return "pinned_chain";
    } else return "untrusted_chain";
  }
  const seen = new Map<string, number>();
  for (const e of input.entrants) {
    if (
      typeof e.id !== "string" ||
      e.id.length === 0 ||
      /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(e.id) ||
      /[\u0000-\u001f\u007f]/.test(e.id) ||
      /\p{Cn}/u.test(e.id)
    )
      return "invalid_id";
    const id = e.id.normalize("NFC");
    if (enc.encode(id).length > 1024) return "invalid_id";
    const w = e.weight ?? 1;
    if (typeof w !== "number" || !Number.isInteger(w) || w < 1 || w > spec.weights.max) return "invalid_weight";
    if (seen.has(id) && seen.get(id) !== w) return "duplicate_id";
    seen.set(id, w);
  }
  if (chain !== undefined) {
    const t = spec.closeAt + (spec.randomness.delaySeconds as number) * 1000;
    const g = (chain.genesisTime as number) * 1000;
    const p = (chain.period as number) * 1000;
    const round = Math.max(1, Math.ceil((t - g) / p) + 1);
    const given = input.randomness.round as number;
    if (given < round) return "round_too_early";
    if (given > round) return "round_mismatch";
  } else {
    const secret = hexToBytes(input.randomness.secret as string);
    if (bytesToHex(sha256(concatBytes(tag("ops-raffle/v1/commit"), secret))) !== spec.randomness.commitment)
      return "commitment";
  }
  return null;
}

describe("test vectors v1.1 (docs/raffle-spec.md)", () => {
  it("has the cases §12 lists", () => {
    expect(v11.cases.map((c) => c.name)).toEqual(["drand-pseudonymous", "commit-public-rerolls", "nfd-and-duplicates"]);
    expect(v11.refusals.length).toBeGreaterThanOrEqual(20);
  });

  for (const c of v11.cases) {
    describe(c.name, () => {
      it("an independent verifier written from the spec derives every expected value", () => {
        const rows = canonicalRows(c);
        expect(rows.map((r) => r.id)).toEqual(c.expected.sortedListIds);
        expect(rows.map((r) => r.weight)).toEqual(c.expected.weights);
        expect(c.input.entrants.length - rows.length).toBe(c.expected.duplicatesMerged);
        const ref = reference({
          ...c,
          input: { ...c.input, entrants: rows.map((r) => ({ id: r.id, weight: r.weight })), auditKey: undefined },
        } as never);
        expect(ref.specHash).toBe(c.expected.specHash);
        expect(ref.leafHashes).toEqual(c.expected.leafHashes);
        expect(ref.listRoot).toBe(c.expected.listRoot);
        expect(ref.randomness).toBe(c.expected.randomness);
        expect(ref.seed).toBe(c.expected.seed);
        expect(ref.scores).toEqual(c.expected.scores);
        // §8 rerolls: the replaced winner's seat goes to the first unused alternate
        const seats = ref.winners.map((w) => ({ ...w }));
        const alternates = [...ref.alternates];
        for (const r of c.input.rerolls ?? []) seats[r.winner]!.id = alternates.shift()!;
        const cert = c.expected.certificate;
        expect(cert.format).toBe("ops-raffle/v1.1");
        expect((cert as { type?: string }).type).toBe("draw");
        expect(cert.winners.map((w) => ({ tier: w.tier, id: w.id }))).toEqual(seats);
        expect(cert.alternates.map((a) => a.id)).toEqual(alternates);
        expect(cert.rerolls.map((r) => r.reason)).toEqual((c.input.rerolls ?? []).map((r) => r.reason));
        const receipt = c.expected.receipt;
        if (receipt !== undefined) {
          // §5: the receipt alone checks inclusion (and, pseudonymous, the pseudonym)
          const bytes = enc.encode(receipt.listId);
          const leaf = sha256(concatBytes(Uint8Array.of(0), u16(bytes.length), bytes, u32(receipt.weight)));
          expect(receipt.listRoot).toBe(c.expected.listRoot);
          expect(verifyPath(leaf, receipt.proof.index, receipt.proof.size, receipt.proof.path, receipt.listRoot)).toBe(
            true,
          );
          expect(verifyPath(leaf, receipt.proof.size, receipt.proof.size, receipt.proof.path, receipt.listRoot)).toBe(
            false,
          );
          if (receipt.entrantKey !== undefined)
            expect(bytesToHex(hmac(sha256, hexToBytes(receipt.entrantKey), enc.encode(receipt.id!)))).toBe(
              receipt.listId,
            );
        }
      });

      it("the library reproduces the certificate and verifies it (and the receipt)", () => {
        const options = c.input.auditKey === undefined ? {} : { auditKey: c.input.auditKey };
        const { secret } = c.input.randomness;
        let randomness: Parameters<typeof drawWinners>[2];
        if (secret !== undefined) randomness = { secret };
        else {
          const beacon = verifyBeacon(c.input.randomness as never, QUICKNET);
          if (!beacon.ok) throw new Error(JSON.stringify(beacon.error));
          randomness = beacon.value;
        }
        let cert = drawWinners(c.input.spec as never, c.input.entrants, randomness, options);
        for (const r of c.input.rerolls ?? []) cert = rerollWinner(cert, cert.winners[r.winner]!.id, r.reason);
        expect(cert).toEqual(c.expected.certificate);
        const published = c.expected.sortedListIds.map((id, i) => ({ id, weight: c.expected.weights[i]! }));
        expect(
          verifyDraw(cert, published, { expectedSpecHash: c.expected.specHash, expectedListRoot: c.expected.listRoot })
            .ok,
        ).toBe(true);
        if (c.expected.receipt !== undefined) expect(verifyEntry(cert, c.expected.receipt as never).ok).toBe(true);
      });
    });
  }

  for (const r of v11.refusals)
    it(`refuses ${r.name} (${r.reason})`, () => {
      expect(refusalReason(r.input)).toBe(r.reason);
      let randomness: Parameters<typeof drawWinners>[2] = r.input.randomness as never;
      if (r.input.randomness.secret === undefined) {
        // a real quicknet round, verified as a caller does; the spec is what must be refused
        const beacon = verifyBeacon(r.input.randomness as never, QUICKNET);
        if (!beacon.ok) throw new Error("fixture round must verify");
        randomness = beacon.value;
      }
      expect(() => drawWinners(r.input.spec as never, r.input.entrants as never, randomness)).toThrowOpsError(
        r.opsError as never,
      );
    });
});
