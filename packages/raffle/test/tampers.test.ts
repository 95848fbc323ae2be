import { readFileSync } from "node:fs";
import { isOpsError } from "@ops/core";
import { describe, expect, it } from "vitest";
import { type DrawCertificate, verifyDraw } from "@ops/raffle";
import { leafPaths, type TamperCase } from "./vectors/tamperCases";

// The corpus the CLI and the verification page are tested against
// (test/vectors/tampers-v1.1.json, written by test/vectors/generate-tampers.ts).
const corpus = JSON.parse(readFileSync(new URL("./vectors/tampers-v1.1.json", import.meta.url), "utf8")) as {
  cases: TamperCase[];
};

describe("tampers-v1.1.json", () => {
  it("gives, case by case, exactly what verifyDraw gives (the file cannot go stale)", () => {
    const differ: string[] = [];
    for (const c of corpus.cases) {
      let got: { ok: boolean; codes: string[]; throws?: string };
      try {
        const r = verifyDraw(c.certificate as DrawCertificate, c.list, c.options ?? {});
        got = { ok: r.ok, codes: r.ok ? [] : [...new Set(r.error.map((f) => f.code))].sort() };
      } catch (e) {
        if (!isOpsError(e)) throw e;
        got = { ok: false, codes: [], throws: e.code };
      }
      const want = { ok: c.ok, codes: c.codes, ...(c.throws === undefined ? {} : { throws: c.throws }) };
      if (JSON.stringify(got) !== JSON.stringify(want)) differ.push(`${c.name}: ${JSON.stringify(got)}`);
    }
    expect(differ).toEqual([]);
  }, 120_000);

  it("tampers every field of each tampered certificate, with and without the list", () => {
    const bases = new Set(corpus.cases.filter((c) => c.tampered !== undefined).map((c) => c.base));
    expect([...bases].sort()).toEqual(["commit-pseudonymous-rerolls", "drand-public-rerolls"]);
    for (const base of bases) {
      const honest = corpus.cases.find((c) => c.name === `${base}/honest/without-list`)!;
      const tampered = corpus.cases.filter((c) => c.base === base && c.tampered !== undefined);
      for (const path of leafPaths(honest.certificate as never)) {
        const hits = tampered.filter((c) => c.tampered === path);
        expect(hits.map((c) => c.list !== null).sort(), path).toEqual(expect.arrayContaining([false, true]));
      }
      // arrays reordered and shortened, unknown members added
      for (const kind of ["swap:", "drop:", "add:", "remove:"])
        expect(
          tampered.some((c) => c.name.includes(`/${kind}`)),
          kind,
        ).toBe(true);
    }
  });

  it("refuses every forgery of issue 15 and accepts every honest certificate", () => {
    const byName = new Map(corpus.cases.map((c) => [c.name, c]));
    for (const c of corpus.cases.filter((x) => x.name.includes("/honest/")))
      expect(c.ok, c.name).toBe(!c.name.endsWith("wrong-published-hashes"));
    expect(byName.get("forgery-1-quicknet-hash-organiser-key/without-list")?.throws).toBe("corrupt_data");
    expect(byName.get("forgery-1-unknown-chain/without-list")?.codes).toEqual(["untrusted_chain"]);
    expect(byName.get("forgery-2-alternates-reordered/without-list")?.ok).toBe(false);
    expect(byName.get("forgery-2-reroll-skips-first-alternate/without-list")?.ok).toBe(false);
    expect(byName.get("forgery-2-rerolls-swapped/without-list")?.ok).toBe(false);
    // a consistent redraw verifies alone; what was published beforehand refuses it
    expect(byName.get("forgery-3-redraw-other-spec/without-options")?.ok).toBe(true);
    expect(byName.get("forgery-3-redraw-other-spec/expected-spec-hash")?.codes).toEqual(["expected_spec_hash"]);
    expect(byName.get("forgery-3-redraw-other-list/without-options")?.ok).toBe(true);
    expect(byName.get("forgery-3-redraw-other-list/expected-list-root")?.codes).toEqual(["expected_list_root"]);
  });

  it("accepts, with the list, only the tampers that change nothing verifiable (reroll reasons)", () => {
    const accepted = corpus.cases.filter((c) => c.tampered !== undefined && c.ok && c.list !== null);
    expect(
      accepted.every((c) => /^rerolls\[\d+\]\.reason$/.test(c.tampered!)),
      accepted.map((c) => c.name).join(),
    ).toBe(true);
  });
});
