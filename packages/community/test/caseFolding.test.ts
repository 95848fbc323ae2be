import { describe, expect, it } from "vitest";
import { FOLD_RUNS, foldCase } from "../src/rule/_lib/caseFolding";
import { single } from "../src/rule/_lib/charSet";

/**
 * The case-insensitive classes of this runtime's `iu` matching, read off the engine itself:
 * every code point whose case changes (or that a case mapping reaches) is matched, with
 * `iu`, against all the others. ECMA-262 §22.2.2.7.3 Canonicalize: with `u` and `i`, two
 * characters match when CaseFolding.txt's simple or common mappings (status C or S) take
 * them to the same character.
 */
function runtimeClasses(): Map<number, number> {
  const cased = new Set<number>();
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const ch = String.fromCodePoint(cp);
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    if (lower === ch && upper === ch) continue;
    cased.add(cp);
    for (const mapped of [lower, upper]) {
      const m = mapped.codePointAt(0) as number;
      if (String.fromCodePoint(m) === mapped) cased.add(m);
    }
  }
  const all = String.fromCodePoint(...cased);
  const rep = new Map<number, number>();
  for (const cp of cased) {
    if (rep.has(cp)) continue;
    const members = [...all.matchAll(new RegExp(`\\u{${cp.toString(16)}}`, "giu"))].map(
      (m) => m[0].codePointAt(0) as number,
    );
    if (members.length < 2) continue;
    const smallest = Math.min(...members);
    for (const m of members) rep.set(m, smallest);
  }
  return rep;
}

/** The table's classes: code point → smallest member, for every member of a class of two or more. */
function tableClasses(): Map<number, number> {
  const rep = new Map<number, number>();
  for (let i = 0; i < FOLD_RUNS.length; i += 4) {
    const [x0, count, stride, delta] = FOLD_RUNS.slice(i, i + 4) as [number, number, number, number];
    for (let k = 0; k < count; k++) {
      rep.set(x0 + k * stride, x0 + k * stride + delta);
      rep.set(x0 + k * stride + delta, x0 + k * stride + delta);
    }
  }
  return rep;
}

/** The runs encoding of a class map, as src/rule/_lib/caseFolding.ts stores it (printed when the test fails). */
function encode(rep: Map<number, number>): string {
  const pairs = [...rep].filter(([x, r]) => x !== r).sort((a, b) => a[0] - b[0]);
  const runs: { x: number; n: number; s: number; d: number }[] = [];
  for (const [x, r] of pairs) {
    const last = runs[runs.length - 1];
    if (last && last.d === r - x && (last.n === 1 ? x - last.x <= 8 : x === last.x + last.n * last.s)) {
      if (last.n === 1) last.s = x - last.x;
      last.n++;
    } else runs.push({ x, n: 1, s: 1, d: r - x });
  }
  return runs.map(({ x, n, s, d }) => [x, n, s, d].map((v) => v.toString(36)).join(" ")).join(",");
}

describe("foldCase (the iu case folding of the ReDoS guard)", () => {
  it(`is the folding of this runtime's RegExp with iu (Unicode ${process.versions.unicode})`, () => {
    const runtime = runtimeClasses();
    const table = tableClasses();
    // every equivalence the engine makes must be in the table, or the guard misses overlaps;
    // on a failure, paste the printed runs into RUNS in src/rule/_lib/caseFolding.ts
    const missing = [...runtime].filter(([cp, r]) => table.get(cp) !== r);
    expect(missing.length === 0 ? "" : encode(runtime)).toBe("");
    // and nothing more: a table that folds more than the engine refuses safe patterns
    expect(table.size).toBe(runtime.size);
  });

  it.each([
    // CaseFolding.txt: 00C9; C; 00E9 — LATIN CAPITAL LETTER E WITH ACUTE
    ["é", ["É", "é"]],
    // 212A; C; 006B — KELVIN SIGN; 004B; C; 006B
    ["k", ["K", "k", "\u212a"]],
    // 017F; C; 0073 — LATIN SMALL LETTER LONG S
    ["s", ["S", "s", "\u017f"]],
    // 03C2; C; 03C3 — GREEK SMALL LETTER FINAL SIGMA; 03A3; C; 03C3
    ["ς", ["Σ", "ς", "σ"]],
    // 1E9E; S; 00DF — LATIN CAPITAL LETTER SHARP S (simple folding)
    ["ß", ["ß", "ẞ"]],
    // 0130 has only T and F foldings: İ matches itself alone under iu
    ["İ", ["İ"]],
  ])("folds %s to the class %j, as /iu matches", (ch, members) => {
    const cp = ch.codePointAt(0) as number;
    const folded = foldCase(single(cp));
    const list: number[] = [];
    for (let i = 0; i + 1 < folded.length; i += 2)
      for (let c = folded[i] as number; c <= (folded[i + 1] as number); c++) list.push(c);
    expect(list).toEqual(members.map((m) => m.codePointAt(0) as number).sort((a, b) => a - b));
    for (const m of members) expect(new RegExp(`^${ch}$`, "iu").test(m)).toBe(true);
  });

  it("leaves sets without cased letters alone and does not change its input", () => {
    const digits = [0x30, 0x39];
    expect(foldCase(digits)).toBe(digits);
    const az = [0x61, 0x7a];
    expect(foldCase(az)).toEqual([0x41, 0x5a, 0x61, 0x7a, 0x17f, 0x17f, 0x212a, 0x212a]);
    expect(az).toEqual([0x61, 0x7a]);
  });
});
