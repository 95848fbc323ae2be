// The verification page against the tamper corpora, in headless Chromium: every case of
// packages/raffle/test/vectors/tampers-v1.1.json (honest drand quicknet and commit
// certificates, one tamper of every field with and without the list, reorderings,
// removals, unknown members, published-hash mismatches and the forgeries of issue 15) is
// pasted into the built page, which must show the corpus's verdict and the same distinct codes
// as verifyDraw (a throw: "unreadable" with the OpsError's code), each with
// its sentence in English and Chinese. The same for every quiz and award case of
// contest-tampers-v1.1.json against verifyQuiz / verifyAward, with the published submissions
// or judging inputs in the page's contest field. (packages/raffle's tests keep both corpora
// true to the verifiers.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  distinct,
  expectMessages,
  json,
  openPage,
  type PageUnderTest,
  readVectors,
  type Shown,
  type Texts,
  SKIP_BROWSER,
} from "./pageHarness";

interface CorpusCase {
  name: string;
  certificate: unknown;
  list: unknown[] | null;
  options: { expectedSpecHash?: string; expectedListRoot?: string } | null;
  ok: boolean;
  codes: string[];
  throws?: string;
}

interface ContestCase {
  name: string;
  field: string | null;
  certificate: unknown;
  /** The published submissions (quiz) or { entries, scores } (award), or null. */
  inputs: unknown;
  ok?: boolean;
  codes?: string[];
  throws?: string;
}

const draws = readVectors<{ cases: CorpusCase[] }>("tampers-v1.1.json").cases;
const contests = readVectors<{ cases: ContestCase[] }>("contest-tampers-v1.1.json").cases;

const texts = (c: CorpusCase): Texts => ({
  certificate: json(c.certificate),
  ...(c.list === null ? {} : { list: json(c.list) }),
  ...(c.options?.expectedSpecHash === undefined ? {} : { specHash: c.options.expectedSpecHash }),
  ...(c.options?.expectedListRoot === undefined ? {} : { listRoot: c.options.expectedListRoot }),
});

let under: PageUnderTest;
/** What the page showed for each case: every case runs through the page's form, in one round trip per chunk. */
const shown = new Map<string, Shown>();
const contestShown = new Map<string, Shown>();
async function runAll<C extends { name: string }>(cases: C[], toTexts: (c: C) => Texts, into: Map<string, Shown>) {
  for (let at = 0; at < cases.length; at += 100) {
    const chunk = cases.slice(at, at + 100);
    const results = await under.verifyAllInPage(chunk.map(toTexts));
    for (const [i, c] of chunk.entries()) into.set(c.name, results[i] as Shown);
  }
}
beforeAll(async () => {
  under = await openPage();
  await runAll(draws, texts, shown);
  await runAll(
    contests,
    (c) => ({ certificate: json(c.certificate), ...(c.inputs === null ? {} : { contest: json(c.inputs) }) }),
    contestShown,
  );
}, 300_000);
afterAll(async () => {
  await under?.close();
});

describe.skipIf(SKIP_BROWSER)("verification page: the draw tamper corpus (tampers-v1.1.json)", () => {
  it("has honest and forged cases, and options the page can express", () => {
    expect(draws.length).toBeGreaterThan(100);
    expect(shown.size).toBe(draws.length);
    expect(draws.some((c) => c.ok)).toBe(true);
    expect(draws.some((c) => !c.ok && c.throws === undefined)).toBe(true);
    for (const c of draws)
      for (const key of Object.keys(c.options ?? {})) expect(["expectedSpecHash", "expectedListRoot"]).toContain(key);
  });
  it("names each case once", () => {
    expect(new Set(draws.map((c) => c.name)).size).toBe(draws.length);
  });
  for (const c of draws) {
    it(c.name, () => {
      const page = shown.get(c.name);
      if (!page) throw new Error(`the page did not run ${c.name}`);
      if (c.throws !== undefined) {
        expect(page.verdict).toBe("unreadable");
        expect(page.codes).toEqual([c.throws]);
      } else {
        expect(page.verdict).toBe(c.ok ? "verified" : "refused");
        // the corpus lists the distinct codes, sorted
        expect(distinct(page.codes).sort()).toEqual(c.codes);
      }
      expectMessages(page);
    });
  }
});

describe.skipIf(SKIP_BROWSER)("verification page: the quiz and award tamper corpus (contest-tampers-v1.1.json)", () => {
  it("has honest and forged quizzes and awards, each named once", () => {
    expect(contestShown.size).toBe(contests.length);
    expect(new Set(contests.map((c) => c.name)).size).toBe(contests.length);
    for (const type of ["quiz", "award"]) {
      expect(contests.some((c) => c.name.startsWith(`${type}:`) && c.ok === true)).toBe(true);
      expect(contests.some((c) => c.name.startsWith(`${type}:`) && c.ok === false)).toBe(true);
    }
  });
  for (const c of contests) {
    it(c.name, () => {
      const page = contestShown.get(c.name);
      if (!page) throw new Error(`the page did not run ${c.name}`);
      if (c.throws !== undefined) {
        expect(page.verdict).toBe("unreadable");
        expect(page.codes).toEqual([c.throws]);
      } else {
        expect(page.verdict).toBe(c.ok ? "verified" : "refused");
        // this corpus lists the distinct codes sorted
        expect(distinct(page.codes).sort()).toEqual(c.codes);
      }
      expectMessages(page);
    });
  }
});

describe.skipIf(SKIP_BROWSER)("verification page: isolation", () => {
  it("made no network request and broke no CSP rule", async () => {
    expect(under.requests).toEqual([]);
    expect(await under.violations()).toEqual([]);
  });
});
