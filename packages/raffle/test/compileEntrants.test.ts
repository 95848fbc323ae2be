import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileEntrants, entrantId, entrantPseudonym } from "@ops/raffle";
import { sampleEntrants } from "./helpers";

const enc = new TextEncoder();
/** Reference order: compare the UTF-8 encodings byte by byte. */
const utf8Sort = (ids: string[]): string[] =>
  [...ids].sort((a, b) => {
    const x = enc.encode(a);
    const y = enc.encode(b);
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
    return x.length - y.length;
  });

describe("compileEntrants", () => {
  it("sorts by UTF-8 bytes, not by JavaScript's UTF-16 order", () => {
    // U+FF21 (Ａ) is EF BC A1 in UTF-8; U+1F600 (😀) is F0 9F 98 80: UTF-8 puts Ａ first,
    // UTF-16 puts 😀 (D83D DE00) first.
    const ids = ["x::😀", "x::Ａ", "x::a", "x::中"];
    expect(compileEntrants(ids.map((id) => ({ id }))).ids).toEqual(["x::a", "x::中", "x::Ａ", "x::😀"]);
    expect([...ids].sort()).not.toEqual(["x::a", "x::中", "x::Ａ", "x::😀"]);
  });

  it("orders any list like a byte-wise sort of the UTF-8 encodings", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ unit: "grapheme", minLength: 1, maxLength: 6 }), {
          maxLength: 40,
          selector: (s) => s.normalize("NFC"),
        }),
        (raw) => {
          const ids = raw.map((s) => s.normalize("NFC")).filter((s) => !/[\u0000-\u001f\u007f]/.test(s));
          return JSON.stringify(compileEntrants(ids.map((id) => ({ id }))).ids) === JSON.stringify(utf8Sort(ids));
        },
      ),
    );
  });

  it("NFC-normalises ids, so decomposed and composed forms are one entrant", () => {
    const composed = "weibo::Jos\u00e9";
    const decomposed = "weibo::Jose\u0301";
    const list = compileEntrants([{ id: composed }, { id: decomposed }]);
    expect(list.ids).toEqual([composed]);
    expect(list.duplicatesMerged).toBe(1);
  });

  it("gives the same root whatever the input order", () => {
    const entrants = sampleEntrants(50);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(entrants, { minLength: 50, maxLength: 50 }),
        (shuffled) => compileEntrants(shuffled).root === compileEntrants(entrants).root,
      ),
      { numRuns: 20 },
    );
  });

  it("changes the root when an id or a weight changes", () => {
    const base = compileEntrants(sampleEntrants(10)).root;
    const changedWeight = sampleEntrants(10).map((e, i) => (i === 3 ? { ...e, weight: e.weight + 1 } : e));
    const changedId = sampleEntrants(10).map((e, i) => (i === 3 ? { ...e, id: `${e.id}x` } : e));
    expect(compileEntrants(changedWeight).root).not.toBe(base);
    expect(compileEntrants(changedId).root).not.toBe(base);
  });

  it("refuses one id with two different weights", () => {
    expect(() =>
      compileEntrants([
        { id: "qq::1", weight: 1 },
        { id: "qq::1", weight: 2 },
      ]),
    ).toThrowOpsError("duplicate", { fn: "compileEntrants" });
  });

  it("refuses weight 0, fractional, negative, too large and non-numeric weights", () => {
    for (const weight of [0, 1.5, -1, 1_000_001, Number.NaN, "2"]) {
      expect(() => compileEntrants([{ id: "qq::1", weight: weight as number }])).toThrowOpsError("invalid_argument", {
        message: /compileEntrants: entrants\[0\]\.weight must be an integer/,
      });
    }
    expect(() => compileEntrants([{ id: "qq::1", weight: 6 }], { maxWeight: 5 })).toThrowOpsError("invalid_argument", {
      message: /from 1 to 5/,
    });
  });

  it("refuses empty ids, control characters, unpaired surrogates and non-arrays", () => {
    for (const id of ["", "qq::\u0000", "qq::\n", "qq::\ud800", 7]) {
      expect(() => compileEntrants([{ id: id as string }])).toThrowOpsError("invalid_argument");
    }
    expect(() => compileEntrants("nope" as never)).toThrowOpsError("invalid_argument", {
      message: /entrants must be an array/,
    });
    expect(() => compileEntrants([{ id: "x".repeat(1025) }])).toThrowOpsError("invalid_argument", { message: /1024/ });
    expect(() => compileEntrants([{ id: "中".repeat(400) }])).toThrowOpsError("invalid_argument", {
      message: /1024 UTF-8 bytes/,
    });
  });

  it("handles an empty list and a one-entrant list", () => {
    const empty = compileEntrants([]);
    expect([empty.size, empty.totalWeight, empty.root]).toEqual([
      0,
      0,
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    ]);
    const one = compileEntrants([{ id: "douyin:app7:老王", weight: 4 }]);
    expect([one.size, one.totalWeight]).toEqual([1, 4]);
  });

  it("does not mutate its input", () => {
    const entrants = sampleEntrants(20);
    const copy = structuredClone(entrants);
    compileEntrants(entrants);
    expect(entrants).toEqual(copy);
  });

  it("compiles columns { ids, weights } to exactly the list of the same records", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            id: fc.constantFrom(
              "weibo::1",
              "weibo::2",
              "x::中",
              "x::Ａ",
              "x::😀",
              "douyin:a:Jose\u0301",
              "douyin:a:Jos\u00e9",
            ),
            weight: fc.integer({ min: 1, max: 3 }),
          }),
          { maxLength: 30 },
        ),
        (records) => {
          const call = (entrants: Parameters<typeof compileEntrants>[0]) => {
            try {
              const l = compileEntrants(entrants);
              return {
                ids: l.ids,
                weights: [...l.weights],
                idBytes: [...l.idBytes],
                root: l.root,
                merged: l.duplicatesMerged,
                leaves: l.leafHashes && [...l.leafHashes],
              };
            } catch (e) {
              return { error: (e as { code?: string }).code };
            }
          };
          const columns = { ids: records.map((r) => r.id), weights: Uint32Array.from(records.map((r) => r.weight)) };
          expect(call(columns)).toEqual(call(records));
        },
      ),
      { numRuns: 200 },
    );
    expect(compileEntrants({ ids: ["weibo::2", "weibo::1"] }).root).toBe(
      compileEntrants([{ id: "weibo::2" }, { id: "weibo::1" }]).root,
    );
  });

  it("refuses columns with a missing ids array, a weights column of another length or a bad weight", () => {
    expect(() => compileEntrants({ ids: "weibo::1" } as never)).toThrowOpsError("invalid_argument", {
      message: /entrants must be an array of \{ id, weight \} or columns/,
    });
    expect(() => compileEntrants(null as never)).toThrowOpsError("invalid_argument");
    expect(() => compileEntrants({ ids: ["weibo::1", "weibo::2"], weights: [1] })).toThrowOpsError("invalid_argument", {
      message: /entrants\.weights must have one weight per id \(2\)/,
    });
    expect(() => compileEntrants({ ids: ["weibo::1"], weights: new Uint32Array([0]) })).toThrowOpsError(
      "invalid_argument",
      { message: /entrants\[0\]\.weight must be an integer/ },
    );
    expect(() => compileEntrants({ ids: ["qq::\u0000"] })).toThrowOpsError("invalid_argument", {
      message: /entrants\[0\]\.id/,
    });
    expect(() => compileEntrants({ ids: ["qq::1", "qq::1"], weights: [1, 2] })).toThrowOpsError("duplicate");
  });

  it("does not mutate its columns", () => {
    const ids = ["weibo::2", "weibo::1", "weibo::2"];
    const weights = new Uint32Array([1, 2, 1]);
    compileEntrants({ ids, weights });
    expect([ids, [...weights]]).toEqual([
      ["weibo::2", "weibo::1", "weibo::2"],
      [1, 2, 1],
    ]);
  });

  it("lists pseudonyms, not ids, in pseudonymous mode", () => {
    const auditKey = "42".repeat(32);
    const list = compileEntrants([{ id: "weibo::1" }, { id: "weibo::2" }], { privacy: "pseudonymous", auditKey });
    expect(list.ids.every((id) => /^[0-9a-f]{64}$/.test(id))).toBe(true);
    expect(list.ids).toContain(entrantPseudonym(auditKey, "weibo::1").listId);
    expect(() => compileEntrants([{ id: "weibo::1" }], { privacy: "pseudonymous" })).toThrowOpsError(
      "invalid_argument",
      { message: /auditKey/ },
    );
  });
});

describe("entrantId", () => {
  it("builds platform:scope:userId in NFC and refuses a nickname-less reference", () => {
    expect(entrantId({ platform: "douyin", scope: "app7", userId: "Jose\u0301" })).toBe("douyin:app7:Jos\u00e9");
    expect(() => entrantId({ platform: "WeChat", userId: "x" })).toThrowOpsError("invalid_argument", {
      message: /entrantId: actor\.platform/,
    });
    expect(() => entrantId({ platform: "weibo", userId: "" })).toThrowOpsError("invalid_argument", {
      message: /actor\.userId/,
    });
  });
});
