/// <reference lib="dom" />
// (the callbacks given to page.evaluate run in the browser: the DOM types describe them)
// The verification page (page/, docs/raffle-verify.html) in headless Chromium, as an entrant
// uses it: the spec's vectors (a real drand quicknet draw in raffle-v1.json, the draws of
// raffle-v1.1.json, the quiz and award of contest-v1.1.json) pasted, dropped or chosen as files, with the list, a receipt, the
// published hashes or the contest inputs; the verdict and codes must equal what @ops/raffle's
// verifiers say, in both languages; the page must be usable from the keyboard and on a
// phone, show certificate text as text, and make no network request. (Every case of the
// draw, quiz and award tamper corpora: page-corpus.test.ts.)
import {
  type AwardCertificate,
  compileEntrants,
  type DrawCertificate,
  entrantReceipt,
  type QuizCertificate,
  verifyDraw,
} from "@ops/raffle";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPORT_MESSAGES } from "../src/raffle/reportMessages";
import { verificationReport } from "../src/raffle/verificationReport";
import {
  distinct,
  expectMessages,
  json,
  nodeOutcome,
  openPage,
  type PageUnderTest,
  readVectors,
  type Shown,
  SKIP_BROWSER,
} from "./pageHarness";

interface Certificate {
  specHash: string;
  list: { root: string };
  spec: { campaignId: string };
  seed: string;
}
const v1 = readVectors<{
  cases: {
    name: string;
    input: { entrants: { id: string; weight?: number }[]; auditKey?: string };
    expected: { certificate: Certificate };
  }[];
}>("raffle-v1.json");
const contest = readVectors<{
  quiz: { certificate: QuizCertificate; inputs: { submissions: unknown[] } };
  award: { certificate: AwardCertificate; inputs: { entries: unknown[]; scores: unknown[] } };
}>("contest-v1.1.json");
const v11 = readVectors<{
  cases: {
    name: string;
    expected: { certificate: unknown; sortedListIds: string[]; weights: number[]; receipt: unknown };
  }[];
}>("raffle-v1.1.json");
const tampers = readVectors<{ cases: { name: string; certificate: unknown }[] }>("tampers-v1.1.json").cases;
const drandCase = v1.cases.find((c) => c.name === "drand-public");
if (!drandCase) throw new Error("raffle-v1.json has no drand-public case");

let under: PageUnderTest;
let html: string;
beforeAll(async () => {
  under = await openPage();
  html = under.html;
}, 60_000);
afterAll(async () => {
  await under?.close();
});
const verifyInPage = (texts: Parameters<PageUnderTest["verifyInPage"]>[0]): Promise<Shown> => under.verifyInPage(texts);
const runBy = (act: () => Promise<unknown>): Promise<Shown> => under.runBy(act);

describe.skipIf(SKIP_BROWSER)("verification page (built)", () => {
  it("is one file with a strict CSP and no external reference", () => {
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">`,
    );
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed|base)\b/i);
    expect(html).not.toMatch(/\b(fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts)\s*\(/);
  });
});

describe.skipIf(SKIP_BROWSER)("verification page: draws in Chromium", () => {
  const honest = drandCase.expected.certificate;
  const list = drandCase.input.entrants;

  it("verifies the spec's drand quicknet vector and shows both languages", async () => {
    const shown = await verifyInPage({ certificate: json(honest) });
    expect(shown.verdict).toBe("verified");
    expect(shown.codes).toEqual([]);
    expect(shown.text).toContain(REPORT_MESSAGES["verdict.verified"].en);
    expect(shown.text).toContain(REPORT_MESSAGES["verdict.verified"].zh);
    expect(shown.zh).toBeGreaterThan(3);
    expect(shown.zh).toBe(shown.en);
    // without the list the page says what it could not check
    expect(shown.text).toContain(REPORT_MESSAGES["heading.notChecked"].zh);
  });

  it("re-runs the whole draw when the published list is given", async () => {
    const shown = await verifyInPage({ certificate: json(honest), list: json(list) });
    expect(shown.verdict).toBe("verified");
    expect(shown.text).toContain(REPORT_MESSAGES["checked.full_rerun"].en);
    expect(shown.text).toContain(REPORT_MESSAGES["checked.full_rerun"].zh);
  });

  it("takes the published values in either case and refuses a malformed one", async () => {
    const right = await verifyInPage({
      certificate: json(honest),
      specHash: honest.specHash.toUpperCase(),
      listRoot: honest.list.root,
    });
    expect(right.verdict).toBe("verified");
    expect(right.text).toContain(REPORT_MESSAGES["checked.spec_published"].en.split("{")[0]);
    const malformed = await verifyInPage({ certificate: json(honest), specHash: "abc" });
    expect(malformed.verdict).toBe("unreadable");
    expect(malformed.text).toContain("规则哈希必须是 64 位十六进制数字");
  });

  it("trusts another drand chain only when it is given, as verifyDraw does", async () => {
    const forgery = tampers.find((c) => c.name === "forgery-1-unknown-chain/without-list");
    if (!forgery) throw new Error("tampers-v1.1.json has no forgery-1-unknown-chain/without-list");
    const certificate = forgery.certificate as DrawCertificate;
    if (certificate.spec.randomness.kind !== "drand") throw new Error("the forgery is not a drand draw");
    const chain = certificate.spec.randomness.chain;
    const untrusted = await verifyInPage({ certificate: json(certificate) });
    expect(untrusted.verdict).toBe("refused");
    expect(untrusted.codes).toContain("untrusted_chain");
    const trusted = await verifyInPage({ certificate: json(certificate), chain: json(chain) });
    const expected = nodeOutcome(() => verifyDraw(certificate, undefined, { trustedChains: [chain] }));
    expect({ verdict: trusted.verdict, codes: distinct(trusted.codes) }).toEqual(expected);
    expect(trusted.codes).not.toContain("untrusted_chain");
    const list = await verifyInPage({ certificate: json(certificate), chain: json([chain]) });
    expect(list.verdict).toBe(trusted.verdict);
    const notJson = await verifyInPage({ certificate: json(certificate), chain: "{" });
    expect(notJson.verdict).toBe("unreadable");
    expect(notJson.text).toContain("drand");
  });

  it("checks an entrant's receipt", async () => {
    // a receipt as the organiser issues it (entrantReceipt over the published list)
    const receipt = entrantReceipt(compileEntrants(list), "xiaohongshu::José");
    expect(receipt.listRoot).toBe(honest.list.root);
    const shown = await verifyInPage({ certificate: json(honest), receipt: json(receipt) });
    expect(shown.verdict).toBe("verified");
    expect(shown.text).toContain(REPORT_MESSAGES["checked.entry_included"].en.split("{")[0]);
    // xiaohongshu::José is the vector's third-ranked winner (raffle-v1.json)
    expect(shown.text).toContain(
      REPORT_MESSAGES["checked.entry_winner"].en.replace("{tier}", "sample kit").replace("{rank}", "3"),
    );
    const forged = await verifyInPage({
      certificate: json(honest),
      receipt: json({ ...receipt, weight: receipt.weight + 1 }),
    });
    expect(forged.verdict).toBe("refused");
    expect(forged.codes).toContain("not_in_list");
    expectMessages(forged);
  });

  it("checks pseudonymous receipts as the CLI's report does", async () => {
    const pseudonymous = v1.cases.find((c) => c.name === "commit-pseudonymous");
    if (!pseudonymous?.input.auditKey) throw new Error("raffle-v1.json has no commit-pseudonymous case");
    const { auditKey, entrants } = pseudonymous.input;
    const certificate = pseudonymous.expected.certificate;
    const compiled = compileEntrants(entrants, { privacy: "pseudonymous", auditKey });
    for (const { id } of entrants.slice(0, 4)) {
      const receipt = entrantReceipt(compiled, id, { auditKey });
      const shown = await verifyInPage({ certificate: json(certificate), receipt: json(receipt) });
      const report = verificationReport(certificate, { receipt });
      expect(report.verdict).toBe("verified");
      expect(shown.verdict).toBe("verified");
      expect(shown.checked).toEqual(report.checked.map((line) => line.key));
      for (const line of report.checked) expect(shown.text).toContain(line.text.zh);
    }
  });

  it("says which field is not JSON", async () => {
    const certificate = await verifyInPage({ certificate: "{not json" });
    expect(certificate.verdict).toBe("unreadable");
    expect(certificate.text).toContain("证书");
    const listShown = await verifyInPage({ certificate: json(honest), list: "[1, 2" });
    expect(listShown.verdict).toBe("unreadable");
    expect(listShown.text).toContain("名单");
    const empty = await verifyInPage({ certificate: "" });
    expect(empty.verdict).toBe("unreadable");
  });

  it("shows a certificate's text as text, never as HTML", async () => {
    const forged = { ...honest, spec: { ...honest.spec, campaignId: '<img src=x onerror="document.title=1">' } };
    const shown = await verifyInPage({ certificate: json(forged) });
    expect(shown.verdict).toBe("refused");
    expect(await under.page.locator("#result img").count()).toBe(0);
  });

  it("reads a dropped certificate file and a chosen list file", async () => {
    await under.page.evaluate(() => (document.getElementById("form") as HTMLFormElement).reset());
    const transfer = await under.page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], "certificate.json", { type: "application/json" }));
      return dt;
    }, json(honest));
    const dropped = await runBy(() =>
      under.page.dispatchEvent('[data-drop="certificate"]', "drop", { dataTransfer: transfer }),
    );
    expect(dropped.verdict).toBe("verified");
    expect(await under.page.inputValue("#certificate")).toBe(json(honest));
    const chosen = await runBy(() =>
      under.page.setInputFiles("#list-file", {
        name: "list.json",
        mimeType: "application/json",
        buffer: Buffer.from(json(list)),
      }),
    );
    expect(chosen.verdict).toBe("verified");
    expect(chosen.text).toContain(REPORT_MESSAGES["checked.full_rerun"].en);
    // a file that is not JSON is named in the message
    const bad = await runBy(() =>
      under.page.setInputFiles("#receipt-file", {
        name: "my-receipt.txt",
        mimeType: "text/plain",
        buffer: Buffer.from("receipt?"),
      }),
    );
    expect(bad.verdict).toBe("unreadable");
    expect(bad.text).toContain("my-receipt.txt");
  });

  it("works from the keyboard: every control is labelled and Enter on Verify runs", async () => {
    const unlabelled = await under.page.evaluate(() =>
      [...document.querySelectorAll("textarea, input, button")]
        .filter((el) => {
          const labels = (el as HTMLInputElement).labels;
          return !(labels && labels.length > 0) && !el.getAttribute("aria-label") && !el.textContent?.trim();
        })
        .map((el) => el.id),
    );
    expect(unlabelled).toEqual([]);
    await under.page.evaluate(() => (document.getElementById("form") as HTMLFormElement).reset());
    await under.page.fill("#certificate", json(honest));
    await under.page.focus("#certificate");
    // Tab leaves the textarea for the certificate's file button, then the list field
    await under.page.keyboard.press("Tab");
    expect(await under.page.evaluate(() => document.activeElement?.id)).toBe("certificate-file");
    await under.page.focus("#verify");
    const shown = await runBy(() => under.page.keyboard.press("Enter"));
    expect(shown.verdict).toBe("verified");
    // the result takes the focus, so that a screen reader reads it
    expect(await under.page.evaluate(() => document.activeElement?.id)).toBe("result");
  });

  it("clears every field and the result with Clear", async () => {
    await verifyInPage({ certificate: json(honest), list: json(list), specHash: honest.specHash });
    await under.page.click("#clear");
    const state = await under.page.evaluate(() => ({
      hidden: (document.getElementById("result") as HTMLElement).hidden,
      values: [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("textarea, input[type=text]")].map(
        (field) => field.value,
      ),
    }));
    expect(state.hidden).toBe(true);
    expect(state.values.every((value) => value === "")).toBe(true);
  });

  it("fits a phone's screen without sideways scrolling", async () => {
    await under.page.setViewportSize({ width: 360, height: 740 });
    const shown = await verifyInPage({ certificate: json({ ...honest, seed: "0".repeat(64) }), list: json(list) });
    expect(shown.verdict).toBe("refused");
    const overflow = await under.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await under.page.setViewportSize({ width: 1280, height: 800 });
  });
});

describe.skipIf(SKIP_BROWSER)("verification page: the spec's v1.1 vectors (raffle-v1.1.json)", () => {
  for (const vector of v11.cases) {
    it(`${vector.name}: alone, with the published list and with the receipt, as the CLI's report says`, async () => {
      const { certificate, sortedListIds, weights, receipt } = vector.expected;
      const published = sortedListIds.map((id, i) => ({ id, weight: weights[i] }));
      type Run = [Parameters<PageUnderTest["verifyInPage"]>[0], Parameters<typeof verificationReport>[1]];
      const runs: Run[] = [
        [{ certificate: json(certificate) }, {}],
        [{ certificate: json(certificate), list: json(published) }, { list: published }],
      ];
      if (receipt) runs.push([{ certificate: json(certificate), receipt: json(receipt) }, { receipt }]);
      for (const [texts, inputs] of runs) {
        const shown = await verifyInPage(texts);
        const report = verificationReport(certificate, inputs);
        expect(report.verdict).toBe("verified");
        expect(shown.verdict).toBe("verified");
        expect(shown.checked).toEqual(report.checked.map((line) => line.key));
      }
    });
  }
});

describe.skipIf(SKIP_BROWSER)("verification page: quiz and award certificates", () => {
  const quiz = contest.quiz;
  const award = contest.award;
  const awardInputs = { entries: award.inputs.entries, scores: award.inputs.scores };

  it("verifies the spec's quiz vector, with and without the submissions", async () => {
    const alone = await verifyInPage({ certificate: json(quiz.certificate) });
    expect(alone.verdict).toBe("verified");
    const full = await verifyInPage({ certificate: json(quiz.certificate), contest: json(quiz.inputs.submissions) });
    expect(full.verdict).toBe("verified");
    expect(full.text).toContain(REPORT_MESSAGES["checked.quiz_rerun"].en.split("{")[0]);
  });

  it("verifies the spec's award vector, with and without the judging inputs", async () => {
    const alone = await verifyInPage({ certificate: json(award.certificate) });
    expect(alone.verdict).toBe("verified");
    const full = await verifyInPage({ certificate: json(award.certificate), contest: json(awardInputs) });
    expect(full.verdict).toBe("verified");
    expect(full.text).toContain(REPORT_MESSAGES["checked.award_rerun"].en.split("{")[0]);
  });
});

describe.skipIf(SKIP_BROWSER)("verification page: isolation", () => {
  it("made no network request and broke no CSP rule", async () => {
    expect(under.requests).toEqual([]);
    expect(await under.violations()).toEqual([]);
  });
});
