import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { VerificationInputs } from "../src/index";
import { expectAgreement, type Outcome } from "./agreementHelpers";

interface CorpusCase {
  readonly name: string;
  readonly certificate: unknown;
  /** tampers-v1.1.json: the published list (or null) and verifyDraw's options (or null). */
  readonly list?: unknown;
  readonly options?: { expectedSpecHash?: string; expectedListRoot?: string; trustedChains?: unknown } | null;
  /** contest-tampers-v1.1.json: the published submissions or entries and scores (or null). */
  readonly inputs?: unknown;
  readonly ok: boolean;
  readonly codes?: readonly string[];
  readonly throws?: string;
}

/** A certificate's type (none: a v1 draw). */
const typeOf = (certificate: unknown): "draw" | "quiz" | "award" => {
  const type = (certificate as { type?: unknown } | null)?.type;
  return type === "quiz" || type === "award" ? type : "draw";
};

/** Where a certificate's published list goes: the draw's list, a quiz's submissions, an award's inputs. */
const listMember = (certificate: unknown): "list" | "submissions" | "inputs" =>
  (({ draw: "list", quiz: "submissions", award: "inputs" }) as const)[typeOf(certificate)];

const corpus = (file: string): readonly CorpusCase[] | null => {
  const url = new URL(`../../raffle/test/vectors/${file}`, import.meta.url);
  return existsSync(url) ? (JSON.parse(readFileSync(url, "utf8")) as { cases: CorpusCase[] }).cases : null;
};

describe.each(["tampers-v1.1.json", "contest-tampers-v1.1.json"])("the tamper corpus %s", (file) => {
  const cases = corpus(file);
  it.skipIf(cases === null)(
    "gets the corpus's verdict and codes for every case, in the report and from ops raffle verify",
    () => {
      expect(cases!.length).toBeGreaterThan(100);
      for (const c of cases ?? []) {
        const published = c.list ?? c.inputs;
        const inputs: VerificationInputs = {
          ...(published === null || published === undefined ? {} : { [listMember(c.certificate)]: published }),
          ...(c.options?.expectedSpecHash === undefined ? {} : { expectedSpecHash: c.options.expectedSpecHash }),
          ...(c.options?.expectedListRoot === undefined ? {} : { expectedListRoot: c.options.expectedListRoot }),
          ...(c.options?.trustedChains === undefined ? {} : { trustedChains: c.options.trustedChains }),
        };
        const expected: Outcome =
          c.throws !== undefined ? { throws: c.throws } : c.ok ? { ok: true } : { ok: false, codes: c.codes ?? [] };
        expectAgreement(c.name, c.certificate, inputs, expected, { distinct: true });
      }
    },
    300_000,
  );
});
