/// <reference lib="dom" />
// (the callbacks given to page.evaluate run in the browser: the DOM types describe them)
// Drives the built verification page in headless Chromium for page*.test.ts: one browser and
// one page per test file, every request but the page's own file recorded and refused, CSP
// violations recorded, and a one-round-trip `verifyInPage` (fill every field, submit, wait
// for the result, read it).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isOpsError } from "@ops/core";
import { type Browser, chromium, type Page } from "playwright-core";
import { expect } from "vitest";
import { buildPage } from "../page/build.mjs";
import { REPORT_MESSAGES, type ReportMessageKey } from "../src/raffle/reportMessages";

/** Debian's Chromium (scripts/system-deps.sh installs it); CHROMIUM overrides. */
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

/** `OPS_SKIP_SYSTEM_DEPS=1` (the test command's opt-out of Debian packages): the browser tests are skipped, and the test command says so. */
export const SKIP_BROWSER = process.env.OPS_SKIP_SYSTEM_DEPS === "1";

const vectors = fileURLToPath(new URL("../../raffle/test/vectors/", import.meta.url));

/** A JSON file of packages/raffle/test/vectors. */
export function readVectors<T>(name: string): T {
  return JSON.parse(readFileSync(join(vectors, name), "utf8")) as T;
}

/** What the page's fields hold for one run (absent = empty). */
export interface Texts {
  certificate: string;
  list?: string;
  receipt?: string;
  contest?: string;
  specHash?: string;
  listRoot?: string;
  chain?: string;
}

/** What the page showed: the verdict, each problem's code and message key, the text, and the lines per language. */
export interface Shown {
  verdict: string;
  codes: string[];
  keys: string[];
  /** The message keys of what the page says it checked. */
  checked: string[];
  text: string;
  zh: number;
  en: number;
}

interface Probe {
  violations: string[];
  after(before: string | undefined): Promise<Shown>;
  verify(texts: Texts): Promise<Shown>;
  verifyAll(texts: Texts[]): Promise<Shown[]>;
}

/** The opened page and what the test does with it. */
export interface PageUnderTest {
  readonly html: string;
  readonly page: Page;
  /** Requests the page made (refused) and errors it threw: must stay empty. */
  readonly requests: string[];
  /** Fills every field (an absent one is cleared), submits the form and waits for the result. */
  verifyInPage(texts: Texts): Promise<Shown>;
  /** The same for many cases, one after the other, in one round trip to the browser. */
  verifyAllInPage(cases: Texts[]): Promise<Shown[]>;
  /** Runs `act` (a drop, a key press, a chosen file) and waits for the run it starts. */
  runBy(act: () => Promise<unknown>): Promise<Shown>;
  /** The CSP violations the page caused. */
  violations(): Promise<string[]>;
  close(): Promise<void>;
}

/** Builds the page, writes it to a temporary file and opens it from file:// in Chromium. */
export async function openPage(): Promise<PageUnderTest> {
  if (!existsSync(CHROMIUM))
    throw new Error(`no Chromium at ${CHROMIUM}: run scripts/system-deps.sh (Debian's chromium), or set CHROMIUM`);
  const html = await buildPage();
  const dir = mkdtempSync(join(tmpdir(), "ops-verify-page-"));
  writeFileSync(join(dir, "verify.html"), html);
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const page = await browser.newPage();
  const self = pathToFileURL(join(dir, "verify.html")).href;
  const requests: string[] = [];
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url === self) return route.continue();
    requests.push(url);
    return route.abort();
  });
  page.on("request", (request) => {
    if (request.url() !== self) requests.push(request.url());
  });
  page.on("pageerror", (error) => requests.push(`pageerror: ${error.message}`));
  await page.addInitScript(() => {
    const violations: string[] = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
    const read = () => {
      const region = document.getElementById("result") as HTMLElement;
      const problems = [...region.querySelectorAll<HTMLElement>('ul[data-section="problems"] li')];
      return {
        verdict: region.dataset.verdict ?? "",
        codes: problems.map((li) => li.dataset.code ?? ""),
        keys: problems.map((li) => li.dataset.key ?? ""),
        checked: [...region.querySelectorAll<HTMLElement>('ul[data-section="checked"] li')].map(
          (li) => li.dataset.key ?? "",
        ),
        text: region.textContent ?? "",
        zh: region.querySelectorAll('[lang="zh-CN"]').length,
        en: region.querySelectorAll('[lang="en"]').length,
      };
    };
    const after = (before: string | undefined) =>
      new Promise<ReturnType<typeof read>>((resolve) => {
        const region = document.getElementById("result") as HTMLElement;
        if (region.dataset.run !== before) return resolve(read());
        const observer = new MutationObserver(() => {
          if (region.dataset.run === before) return;
          observer.disconnect();
          resolve(read());
        });
        observer.observe(region, { attributes: true, attributeFilter: ["data-run"] });
      });
    const fill = (t: Record<string, string | undefined>) => {
      for (const id of ["certificate", "list", "receipt", "contest", "chain", "specHash", "listRoot"]) {
        const field = document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement;
        field.value = t[id] ?? "";
        delete field.dataset.file;
      }
    };
    /** Fills the fields, submits the form, and resolves with the result of that run. */
    const verify = (t: Record<string, string | undefined>) => {
      const before = document.getElementById("result")?.dataset.run;
      fill(t);
      (document.getElementById("form") as HTMLFormElement).requestSubmit();
      return after(before);
    };
    /** Runs the cases one after the other (the page's own form, one run each). */
    const verifyAll = async (cases: Record<string, string | undefined>[]) => {
      const shown: ReturnType<typeof read>[] = [];
      for (const t of cases) shown.push(await verify(t));
      return shown;
    };
    Object.assign(window, { __probe: { violations, after, verify, verifyAll } });
  });
  await page.goto(self);
  return {
    html,
    page,
    requests,
    verifyInPage: (texts) => page.evaluate((t) => (window as unknown as { __probe: Probe }).__probe.verify(t), texts),
    verifyAllInPage: (cases) =>
      page.evaluate((all) => (window as unknown as { __probe: Probe }).__probe.verifyAll(all), cases),
    async runBy(act) {
      const before = await page.evaluate(() => document.getElementById("result")?.dataset.run);
      await act();
      return page.evaluate((b) => (window as unknown as { __probe: Probe }).__probe.after(b), before);
    },
    violations: () => page.evaluate(() => (window as unknown as { __probe: Probe }).__probe.violations),
    async close() {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Pretty JSON, as an organiser's file holds it. */
export const json = (value: unknown): string => JSON.stringify(value, null, 2);

/** The distinct codes in first-seen order (how the corpora list them). */
export const distinct = (codes: readonly string[]): string[] => [...new Set(codes)];

/** Each problem's sentence is the report's, in both languages (sentences with `{slots}` are filled, so checked up to the first slot). */
export function expectMessages(shown: Shown): void {
  for (const key of shown.keys) {
    const message = REPORT_MESSAGES[key as ReportMessageKey];
    expect(message, `no sentence for ${key}`).toBeDefined();
    expect(shown.text).toContain(message.en.split("{")[0]);
    expect(shown.text).toContain(message.zh.split("{")[0]);
  }
}

/** The verdict and distinct codes a verifier gives in Node, as the page must show them (a throw: `unreadable` and its code). */
export function nodeOutcome(verify: () => { ok: boolean; error?: readonly { code: string }[] }): {
  verdict: string;
  codes: string[];
} {
  try {
    const result = verify();
    return result.ok
      ? { verdict: "verified", codes: [] }
      : { verdict: "refused", codes: distinct((result.error ?? []).map((f) => f.code)) };
  } catch (error) {
    if (!isOpsError(error)) throw error;
    return { verdict: "unreadable", codes: [error.code] };
  }
}
