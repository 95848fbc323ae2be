// Renders a ReportSection as Markdown lines: its title as a level-2 heading, then each
// block — a paragraph, a "- label: value" list, or a table whose numeric columns are
// right-aligned. Labels come from the locale unless the analyst's `labels` override them.
import { OpsError, type TimeZone } from "@ops/core";
import type { ReportSection, SectionCell, SectionLabel } from "../ReportSection";
import { formatCount, formatDuration, formatLocalInstant, formatPercent, type Locale } from "./reportFormat";

export interface SectionContext {
  readonly locale: Locale;
  readonly timeZone: TimeZone;
  readonly labels: Readonly<Record<string, string>>;
}

/** One line of Markdown text: line breaks would start a new block, so they become spaces. */
export const oneLine = (s: string): string => s.replace(/[\r\n\u2028\u2029]+/g, " ");
/** Text inside a table cell: one line, with its pipes escaped. */
export const tableText = (s: string): string => oneLine(s).replace(/\\/g, "\\\\").replace(/\|/g, "\\|");

export function labelText(label: SectionLabel, ctx: SectionContext): string {
  return oneLine(Object.hasOwn(ctx.labels, label.key) ? (ctx.labels[label.key] as string) : label[ctx.locale]);
}

export function cellText(cell: SectionCell, ctx: SectionContext): string {
  switch (cell.kind) {
    case "text":
      return typeof cell.value === "string" ? oneLine(cell.value) : labelText(cell.value, ctx);
    case "code":
      return cell.value === "" ? "—" : `\`${oneLine(cell.value).replace(/`/g, "ʼ")}\``;
    case "instant":
      return cell.value === null
        ? "—"
        : formatLocalInstant(cell.value, ctx.timeZone, ctx.locale, cell.precision ?? "minute");
    default:
      if (cell.value === null) return "—";
      return cell.kind === "rate"
        ? formatPercent(cell.value)
        : cell.kind === "duration"
          ? formatDuration(cell.value, ctx.locale)
          : formatCount(cell.value);
  }
}

const NUMERIC = new Set(["count", "rate", "duration"]);

export function renderSection(section: ReportSection, ctx: SectionContext): string[] {
  const lines = ["", `## ${labelText(section.title, ctx)}`];
  const colon = ctx.locale === "zh-CN" ? "：" : ": ";
  for (const block of section.blocks) {
    lines.push("");
    if (block.kind === "paragraph") lines.push(labelText(block.text, ctx));
    else if (block.kind === "figures")
      for (const f of block.items) lines.push(`- ${labelText(f.label, ctx)}${colon}${cellText(f.value, ctx)}`);
    else {
      const right = block.columns.map(
        (_, j) => block.rows.length > 0 && block.rows.every((r) => NUMERIC.has((r[j] as SectionCell).kind)),
      );
      lines.push(
        `| ${block.columns.map((c) => tableText(labelText(c.label, ctx))).join(" | ")} |`,
        `| ${right.map((r) => (r ? "---:" : "---")).join(" | ")} |`,
      );
      for (const row of block.rows) lines.push(`| ${row.map((c) => tableText(cellText(c, ctx))).join(" | ")} |`);
    }
  }
  return lines;
}

/** Two sections with one id would make a label override ambiguous: refused. */
export function assertUniqueIds(sections: readonly ReportSection[], fn: string, path: readonly (string | number)[]) {
  const seen = new Set<string>();
  sections.forEach((s, i) => {
    if (seen.has(s.id))
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: [...path, i, "id"],
        rule: "must be unique among the sections",
        received: s.id,
      });
    seen.add(s.id);
  });
}
