import type { ReportText } from "../src/raffle/reportMessages";

/** One line of a report as the page shows it: both languages, and the failure code when it is a problem. */
export interface PageLine extends ReportText {
  /** The report's message key (`checked.seed`, `winners`, `quiz.correct`). */
  readonly key?: string;
  readonly code?: string;
  /** For a problem: where, and the verifier's own (English) words. */
  readonly detail?: string;
}

/** What the page shows after a run. */
export interface PageReport {
  readonly verdict: "verified" | "refused" | "unreadable";
  readonly title: ReportText;
  readonly sections: readonly {
    readonly key: string;
    readonly heading: ReportText;
    readonly lines: readonly PageLine[];
  }[];
}

const ICON = { verified: "✓", refused: "✗", unreadable: "?" } as const;

/** A block with the English text and the Chinese text below it (lang-tagged, so that screen readers switch voice). */
function bilingual(doc: Document, tag: string, text: ReportText): HTMLElement {
  const el = doc.createElement(tag);
  const en = doc.createElement("span");
  en.lang = "en";
  en.textContent = text.en;
  const zh = doc.createElement("span");
  zh.lang = "zh-CN";
  zh.className = "zh";
  zh.textContent = text.zh;
  el.append(en, " ", zh);
  return el;
}

/**
 * Shows a report in the result region (text only: nothing from a certificate is ever parsed as
 * HTML), marks the verdict in `data-verdict`, each line's message key in `data-key` and every
 * problem's code in `data-code`, and moves
 * the focus there so that keyboard and screen-reader users land on the result.
 */
export function renderReport(doc: Document, report: PageReport): void {
  const region = doc.getElementById("result");
  if (!region) throw new Error("verify page: #result is missing from the page");
  region.replaceChildren();
  region.dataset.verdict = report.verdict;
  const verdict = bilingual(doc, "p", {
    en: `${ICON[report.verdict]} ${report.title.en}`,
    zh: report.title.zh,
  });
  verdict.className = `verdict ${report.verdict}`;
  verdict.id = "verdict";
  region.append(verdict);
  for (const section of report.sections) {
    if (section.lines.length === 0) continue;
    const heading = bilingual(doc, "h2", section.heading);
    const list = doc.createElement("ul");
    list.dataset.section = section.key;
    for (const line of section.lines) {
      const item = bilingual(doc, "li", line);
      if (line.key !== undefined) item.dataset.key = line.key;
      if (line.code !== undefined) item.dataset.code = line.code;
      if (section.key === "problems") item.className = "problem";
      if (line.detail !== undefined) {
        const detail = doc.createElement("small");
        detail.className = "detail";
        detail.textContent = line.detail;
        item.append(detail);
      }
      list.append(item);
    }
    region.append(heading, list);
  }
  region.hidden = false;
  region.focus();
}
