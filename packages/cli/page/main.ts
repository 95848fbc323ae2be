// The verification page's script (bundled and inlined by build.mjs): reads the fields, runs
// the CLI's own verificationReport (the same checks and sentences as `ops raffle verify`) and
// shows the report in English and Chinese. Everything runs here: no network.
import { reportLine } from "../src/_lib/reportLine";
import { unreadableReport } from "../src/_lib/unreadableReport";
import type { ReportMessageKey, ReportText } from "../src/raffle/reportMessages";
import { REPORT_MESSAGES } from "../src/raffle/reportMessages";
import { type VerificationReport, verificationReport } from "../src/raffle/verificationReport";
import { type PageTexts, readTexts, TEXT_FIELDS, type TextField, textarea, wireFiles } from "./fields";
import { type PageReport, renderReport } from "./render";

// The page's own rules and words (the verifiers' come with the report).
const PAGE_TEXT = {
  specHash: { en: "the spec hash must be 64 hex digits", zh: "规则哈希必须是 64 位十六进制数字" },
  listRoot: { en: "the list root must be 64 hex digits", zh: "名单根哈希必须是 64 位十六进制数字" },
  tooLarge: { en: "the file is larger than 256 MB", zh: "文件超过 256 MB" },
  pasted: { en: "(pasted)", zh: "（粘贴的内容）" },
} as const satisfies Record<string, ReportText>;

/** What each field holds, in the report's words. */
function whatOf(field: TextField, certificateType: unknown): ReportMessageKey {
  if (field === "contest") return certificateType === "quiz" ? "what.submissions" : "what.inputs";
  return (
    { certificate: "what.certificate", list: "what.list", receipt: "what.receipt", chain: "what.chain" } as const
  )[field];
}

function unreadable(
  key: ReportMessageKey,
  slots: Parameters<typeof reportLine>[1],
  code: string,
  message: string,
  field: string,
) {
  return unreadableReport("unknown", [reportLine(key, slots, { code, message, path: [field] })]);
}

/** The report of what the page's fields hold (texts in, report out; the same steps as `ops raffle verify`). */
export function reportOfTexts(texts: PageTexts): VerificationReport {
  const parse = (
    field: TextField,
    type: unknown,
  ): { ok: true; value: unknown } | { ok: false; report: VerificationReport } => {
    try {
      return { ok: true, value: JSON.parse(texts[field]) as unknown };
    } catch (error) {
      const what = reportLine(whatOf(field, type)).text;
      const file = texts.files[field] ?? PAGE_TEXT.pasted;
      return { ok: false, report: unreadable("unreadable.json", { what, file }, "unreadable", String(error), field) };
    }
  };
  if (texts.certificate === "")
    return unreadableReport("unknown", [
      reportLine("unreadable.missing", { what: reportLine("what.certificate").text }),
    ]);
  const certificate = parse("certificate", undefined);
  if (!certificate.ok) return certificate.report;
  const type = (certificate.value as { type?: unknown } | null)?.type;
  const inputs: Record<string, unknown> = {};
  for (const field of ["list", "receipt", "contest"] as const) {
    if (texts[field] === "") continue;
    const parsed = parse(field, type);
    if (!parsed.ok) return parsed.report;
    inputs[field === "contest" ? (type === "quiz" ? "submissions" : "inputs") : field] = parsed.value;
  }
  if (texts.chain !== "") {
    // one chain or a list of them, as `ops raffle verify --trust-chain` reads its file
    const chains = parse("chain", type);
    if (!chains.ok) return chains.report;
    inputs.trustedChains = Array.isArray(chains.value) ? chains.value : [chains.value];
  }
  for (const [field, key] of [
    ["specHash", "expectedSpecHash"],
    ["listRoot", "expectedListRoot"],
  ] as const) {
    if (texts[field] === "") continue;
    if (!/^[0-9a-fA-F]{64}$/.test(texts[field]))
      return unreadable(
        "unreadable.input",
        { what: reportLine("what.input").text, rule: PAGE_TEXT[field] },
        "invalid_argument",
        `${field} must be 64 hex digits`,
        field,
      );
    inputs[key] = texts[field];
  }
  return verificationReport(certificate.value, inputs);
}

/** The report as the page lays it out: verdict, then problems, what was checked, what was not. */
function pageReport(report: VerificationReport): PageReport {
  const lines = (list: VerificationReport["checked"]) =>
    list.map((line) => ({
      ...line.text,
      key: line.key,
      ...(line.code === undefined ? {} : { code: line.code }),
      ...(line.detail === undefined
        ? {}
        : {
            detail: [line.code, line.path, line.detail].filter((part) => part !== undefined && part !== "").join(" · "),
          }),
    }));
  return {
    verdict: report.verdict,
    title: report.title,
    sections: [
      { key: "problems", heading: REPORT_MESSAGES["heading.problems"], lines: lines(report.problems) },
      { key: "checked", heading: REPORT_MESSAGES["heading.checked"], lines: lines(report.checked) },
      { key: "notChecked", heading: REPORT_MESSAGES["heading.notChecked"], lines: lines(report.notChecked) },
    ],
  };
}

function start(doc: Document): void {
  const form = doc.getElementById("form");
  const region = doc.getElementById("result");
  if (!(form instanceof HTMLFormElement) || !region) throw new Error("verify page: the form is missing");
  let runs = 0;
  const show = (report: VerificationReport): void => {
    renderReport(doc, pageReport(report));
    region.removeAttribute("aria-busy");
    region.dataset.run = String(++runs);
  };
  const run = (): void => {
    region.setAttribute("aria-busy", "true");
    // let the browser paint the busy state before the BLS check (tens of milliseconds)
    setTimeout(() => {
      let report: VerificationReport;
      try {
        report = reportOfTexts(readTexts(doc));
      } catch (error) {
        // a defect, not an input problem: say so instead of failing silently
        const rule = String(error instanceof Error ? error.message : error);
        report = unreadable(
          "unreadable.input",
          { what: reportLine("what.input").text, rule },
          "internal_error",
          rule,
          "page",
        );
      }
      show(report);
    }, 0);
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  form.addEventListener("reset", () => {
    for (const field of TEXT_FIELDS) delete textarea(doc, field).dataset.file;
    region.hidden = true;
    region.replaceChildren();
    delete region.dataset.verdict;
  });
  wireFiles(doc, run, (field, file, reason) => {
    const what = reportLine(whatOf(field, undefined)).text;
    show(
      reason === "too_large"
        ? unreadable("unreadable.input", { what, rule: PAGE_TEXT.tooLarge }, "too_large", "larger than 256 MB", field)
        : unreadable("unreadable.file", { what, file }, "unreadable", "the browser could not read the file", field),
    );
  });
}

start(document);
