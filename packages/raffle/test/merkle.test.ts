import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, concatBytes, hexToBytes } from "@noble/hashes/utils.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileEntrants, inclusionProof, merkleLeafHash, pseudonymOf, verifyInclusion } from "@ops/raffle";
import { auditPath, rootFromPath, rootOfLeaves } from "../src/_lib/merkle";

/** RFC 6962 §2.1 as written: MTH with k = largest power of two < n (reference, slow). */
function mth(leaves: Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return sha256(new Uint8Array(0));
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return sha256(concatBytes(Uint8Array.of(1), mth(leaves.slice(0, k)), mth(leaves.slice(k))));
}

/** RFC 6962 §2.1.1 PATH(m, D[n]), reference. */
function path(m: number, leaves: Uint8Array[]): Uint8Array[] {
  if (leaves.length <= 1) return [];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return m < k
    ? [...path(m, leaves.slice(0, k)), mth(leaves.slice(k))]
    : [...path(m - k, leaves.slice(k)), mth(leaves.slice(0, k))];
}

const codes = (r: ReturnType<typeof verifyInclusion>): string[] => (r.ok ? [] : r.error.map((f) => f.code));
const leafOf = (data: Uint8Array): Uint8Array => sha256(concatBytes(Uint8Array.of(0), data));
const pack = (hashes: Uint8Array[]): Uint8Array => concatBytes(...hashes);

describe("rootOfLeaves", () => {
  it("gives the roots of the certificate-transparency reference tree", () => {
    // Leaves and roots of the RFC 6962 test tree used by certificate-transparency-go
    // (merkle/testonly: LeafInputs and RootHashes for sizes 1…8).
    const inputs = [
      "",
      "00",
      "10",
      "2021",
      "3031",
      "40414243",
      "5051525354555657",
      "606162636465666768696a6b6c6d6e6f",
    ].map((h) => leafOf(hexToBytes(h)));
    const roots = [
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
      "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
      "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
      "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
      "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
      "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];
    for (const [i, root] of roots.entries()) {
      expect(bytesToHex(rootOfLeaves(pack(inputs.slice(0, i + 1)), i + 1))).toBe(root);
    }
  });

  it("is SHA-256 of the empty string for an empty list", () => {
    // RFC 6962 §2.1: MTH({}) = SHA-256()
    expect(bytesToHex(rootOfLeaves(new Uint8Array(0), 0))).toBe(
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
  });

  it("equals the recursive RFC 6962 definition for every size up to 70", () => {
    const leaves = Array.from({ length: 70 }, (_, i) => leafOf(Uint8Array.of(i)));
    for (let n = 0; n <= 70; n++)
      expect(bytesToHex(rootOfLeaves(pack(leaves.slice(0, n)), n))).toBe(bytesToHex(mth(leaves.slice(0, n))));
  });

  it("does not modify the leaf buffer", () => {
    const buf = pack(Array.from({ length: 5 }, (_, i) => leafOf(Uint8Array.of(i))));
    const copy = buf.slice();
    rootOfLeaves(buf, 5);
    expect(buf).toEqual(copy);
  });
});

describe("auditPath", () => {
  it("equals RFC 6962 PATH and verifies with RFC 9162's algorithm for every leaf of every size up to 40", () => {
    const leaves = Array.from({ length: 40 }, (_, i) => leafOf(Uint8Array.of(i, 7)));
    for (let n = 1; n <= 40; n++) {
      const root = mth(leaves.slice(0, n));
      for (let m = 0; m < n; m++) {
        const p = auditPath(pack(leaves.slice(0, n)), n, m);
        expect(p.map(bytesToHex)).toEqual(path(m, leaves.slice(0, n)).map(bytesToHex));
        expect(bytesToHex(rootFromPath(leaves[m]!, m, n, p)!)).toBe(bytesToHex(root));
      }
    }
  });

  it("rejects a path used with the wrong index or a size of another shape", () => {
    const leaves = Array.from({ length: 11 }, (_, i) => leafOf(Uint8Array.of(i)));
    const p = auditPath(pack(leaves), 11, 4);
    const root = bytesToHex(mth(leaves));
    expect(rootFromPath(leaves[4]!, 11, 11, p)).toBeNull();
    const wrongIndex = rootFromPath(leaves[4]!, 5, 11, p);
    expect(wrongIndex === null || bytesToHex(wrongIndex) !== root).toBe(true);
    // A path of the wrong length for the claimed size is refused outright. (A size with the
    // same path shape gives the same root: RFC 9162 binds the size through the signed tree
    // head, so verifyEntry compares the proof's size with the certificate's.)
    expect(rootFromPath(leaves[4]!, 4, 5, p)).toBeNull();
  });
});

describe("inclusionProof", () => {
  it("proves every entrant of random lists", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !/[\u0000-\u001f\u007f\ud800-\udfff]/.test(s)),
          { minLength: 1, maxLength: 30, selector: (s) => s.normalize("NFC") },
        ),
        (ids) => {
          const list = compileEntrants(ids.map((id, i) => ({ id, weight: (i % 3) + 1 })));
          return list.ids.every(
            (id, i) => verifyInclusion(list.root, { id, weight: list.weights[i]! }, inclusionProof(list, id)).ok,
          );
        },
      ),
      { numRuns: 50 },
    );
  });

  it("fails for another weight, another id or a tampered sibling", () => {
    const list = compileEntrants(["a", "b", "c", "d", "e"].map((id) => ({ id })));
    const proof = inclusionProof(list, "c");
    expect(verifyInclusion(list.root, { id: "c" }, proof)).toEqual({
      ok: true,
      value: { index: 2, size: 5, leafHash: merkleLeafHash("c", 1) },
    });
    expect(codes(verifyInclusion(list.root, { id: "c", weight: 2 }, proof))).toEqual(["root_mismatch"]);
    expect(codes(verifyInclusion(list.root, { id: "d" }, proof))).toEqual(["root_mismatch"]);
    const tampered = {
      ...proof,
      path: [proof.path[0]!.replace(/^./, (c) => (c === "0" ? "1" : "0")), ...proof.path.slice(1)],
    };
    expect(codes(verifyInclusion(list.root, { id: "c" }, tampered))).toEqual(["root_mismatch"]);
  });

  it("says why a proof does not fit: index beyond the size, a path of the wrong length, a malformed proof", () => {
    const list = compileEntrants(["a", "b", "c", "d", "e"].map((id) => ({ id })));
    const proof = inclusionProof(list, "c");
    expect(codes(verifyInclusion(list.root, { id: "c" }, { ...proof, index: 5 }))).toEqual(["index_out_of_range"]);
    expect(codes(verifyInclusion(list.root, { id: "c" }, { ...proof, path: proof.path.slice(1) }))).toEqual([
      "path_length",
    ]);
    expect(codes(verifyInclusion(list.root, { id: "c" }, { ...proof, path: [...proof.path, proof.path[0]!] }))).toEqual(
      ["path_length"],
    );
    for (const bad of [
      { ...proof, index: -1 },
      { ...proof, size: 5.5 },
      { ...proof, path: "x" as never },
    ])
      expect(codes(verifyInclusion(list.root, { id: "c" }, bad))).toEqual(["malformed_proof"]);
    expect(() => verifyInclusion(list.root, { id: "c" }, { ...proof, path: ["zz"] })).toThrowOpsError(
      "invalid_argument",
      { fn: "verifyInclusion", path: ["proof", "path", 0] },
    );
    expect(() => verifyInclusion(list.root, { id: "" }, proof)).toThrowOpsError("invalid_argument", {
      fn: "verifyInclusion",
      path: ["entrant", "id"],
    });
  });

  it("refuses an ill-formed id instead of proving the leaf of its U+FFFD twin (issue 15, forgery 4)", () => {
    const honest = compileEntrants([{ id: "weibo::a\uFFFD" }, { id: "weibo::b" }]);
    const proof = inclusionProof(honest, "weibo::a\uFFFD");
    expect(verifyInclusion(honest.root, { id: "weibo::a\uFFFD" }, proof).ok).toBe(true);
    // TextEncoder writes a lone surrogate as U+FFFD: without the check both strings share a leaf
    expect(new TextEncoder().encode("weibo::a\uD800")).toEqual(new TextEncoder().encode("weibo::a\uFFFD"));
    expect(() => verifyInclusion(honest.root, { id: "weibo::a\uD800" }, proof)).toThrowOpsError("invalid_argument", {
      path: ["entrant", "id"],
    });
    expect(() => merkleLeafHash("weibo::a\uD800", 1)).toThrowOpsError("invalid_argument");
    expect(() => merkleLeafHash("\uDC00", 1)).toThrowOpsError("invalid_argument");
    expect(() => inclusionProof(honest, "weibo::a\uD800")).toThrowOpsError("invalid_argument");
    expect(() => pseudonymOf("11".repeat(32), "weibo::a\uD800")).toThrowOpsError("invalid_argument");
    expect(() => compileEntrants([{ id: "weibo::a\uD800" }])).toThrowOpsError("invalid_argument");
  });

  it("refuses wrong-type arguments with an OpsError, never a TypeError", () => {
    const list = compileEntrants([{ id: "a" }, { id: "b" }]);
    const proof = inclusionProof(list, "a");
    expect(() => inclusionProof({} as never, "a")).toThrowOpsError("invalid_argument");
    expect(() => inclusionProof({ ...list, weights: [1, 1] } as never, "a")).toThrowOpsError("invalid_argument");
    expect(() => verifyInclusion(undefined as never, { id: "a" }, proof)).toThrowOpsError("invalid_argument");
    expect(() => verifyInclusion(list.root, null as never, proof)).toThrowOpsError("invalid_argument");
    expect(() => verifyInclusion(list.root, { id: "a" }, null as never)).toThrowOpsError("invalid_argument");
    // a sparse path (the long hostile run's TypeError): the hole is refused, naming its index
    const three = compileEntrants([{ id: "a" }, { id: "b" }, { id: "c" }]);
    const holey = [...inclusionProof(three, "a").path];
    delete holey[0];
    expect(() =>
      verifyInclusion(three.root, { id: "a" }, { ...inclusionProof(three, "a"), path: holey }),
    ).toThrowOpsError("invalid_argument", { path: ["proof", "path", 0] });
  });

  it("gives the same root and proofs when leaf hashes are not retained", () => {
    const entrants = ["a", "b", "c", "d", "e", "f", "g"].map((id, i) => ({ id, weight: i + 1 }));
    const kept = compileEntrants(entrants);
    const lean = compileEntrants(entrants, { retainLeafHashes: false });
    expect(lean.leafHashes).toBeNull();
    expect(lean.root).toBe(kept.root);
    for (const id of kept.ids) expect(inclusionProof(lean, id)).toEqual(inclusionProof(kept, id));
  });

  it("throws not_found for an id outside the list", () => {
    const list = compileEntrants([{ id: "a" }]);
    expect(() => inclusionProof(list, "z")).toThrowOpsError("not_found", { fn: "inclusionProof", path: ["listId"] });
  });

  it("has an empty path for a one-entrant list, whose root is the leaf hash", () => {
    const list = compileEntrants([{ id: "微博::一" }]);
    expect(inclusionProof(list, "微博::一").path).toEqual([]);
    expect(list.root).toBe(merkleLeafHash("微博::一", 1));
  });
});

describe("merkleLeafHash", () => {
  it("hashes 0x00 ‖ u16be(len) ‖ UTF-8(id) ‖ u32be(weight)", () => {
    const id = new TextEncoder().encode("qq::42");
    const expected = sha256(concatBytes(Uint8Array.of(0, 0, id.length), id, Uint8Array.of(0, 0, 1, 0)));
    expect(merkleLeafHash("qq::42", 256)).toBe(bytesToHex(expected));
  });

  it("refuses weight 0, fractional weights and empty ids", () => {
    expect(() => merkleLeafHash("a", 0)).toThrowOpsError("invalid_argument", { message: /weight/ });
    expect(() => merkleLeafHash("a", 1.5)).toThrowOpsError("invalid_argument", { message: /weight/ });
    expect(() => merkleLeafHash("", 1)).toThrowOpsError("invalid_argument", { message: /listId/ });
  });
});
