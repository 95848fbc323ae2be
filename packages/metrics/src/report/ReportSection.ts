import * as z from "zod/mini";

/**
 * A label in every language a report is rendered in, with a `key` an analyst overrides it
 * by (`renderMarkdown(report, { labels: { "feedback.title": "客诉闭环" } })`). Keys are
 * dotted, the owning package first: `sla.title`, `feedback.backlog`.
 */
export interface SectionLabel {
  readonly key: string;
  readonly en: string;
  readonly "zh-CN": string;
}

/**
 * One typed cell of a section: the renderer formats it for the locale, as it formats the
 * KPI tables (counts grouped by thousands, rates as percentages, durations in hours and
 * minutes, instants as local date-times in the report's zone). `null` renders "—".
 */
export type SectionCell =
  | { readonly kind: "count"; readonly value: number | null }
  /** A rate in [0, 1] (or beyond), shown as a percentage. */
  | { readonly kind: "rate"; readonly value: number | null }
  /** A duration in ms. */
  | { readonly kind: "duration"; readonly value: number | null }
  /** An instant, shown in the report's zone: a date-time, or a date with `precision: "day"`. */
  | { readonly kind: "instant"; readonly value: number | null; readonly precision?: "minute" | "day" | undefined }
  /** Data as written (an id, a channel name), or a label translated by the renderer. */
  | { readonly kind: "text"; readonly value: string | SectionLabel }
  /** Data shown as code (an id, a hash). */
  | { readonly kind: "code"; readonly value: string };

/** A column of a section table: its heading; numeric columns are right-aligned. */
export interface SectionColumn {
  readonly label: SectionLabel;
}

/** A block of a section: a paragraph, a list of labelled figures, or a table. */
export type SectionBlock =
  | { readonly kind: "paragraph"; readonly text: SectionLabel }
  | {
      readonly kind: "figures";
      readonly items: readonly { readonly label: SectionLabel; readonly value: SectionCell }[];
    }
  | {
      readonly kind: "table";
      readonly columns: readonly SectionColumn[];
      readonly rows: readonly (readonly SectionCell[])[];
    };

/**
 * A titled block of a report, built by the package that owns the data — @ops/sla's SLA
 * compliance, @ops/feedback's loop-closing, @ops/community's health — and appended after
 * the KPI tables by {@link renderMarkdown} (`sections` option, or {@link composeReport}).
 */
export interface ReportSection {
  /** Stable id of the section (`"sla"`, `"feedback"`), unique in a report. */
  readonly id: string;
  readonly title: SectionLabel;
  readonly blocks: readonly SectionBlock[];
}

const text = (max: number) => z.string().check(z.maxLength(max, { error: `must be at most ${max} characters` }));

/** Schema of {@link SectionLabel}. */
export const SectionLabelSchema = /* @__PURE__ */ (() =>
  z.object({
    key: z
      .string()
      .check(z.regex(/^[A-Za-z][\w.-]{0,99}$/, { error: "must be a dotted key of letters, digits, _ . - (≤ 100)" })),
    en: text(2000),
    "zh-CN": text(2000),
  }))();

/** Schema of {@link SectionCell}: numbers are finite (zod refuses NaN and ±Infinity). */
export const SectionCellSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("count"), value: z.nullable(z.number()) }),
    z.object({ kind: z.literal("rate"), value: z.nullable(z.number()) }),
    z.object({ kind: z.literal("duration"), value: z.nullable(z.number()) }),
    z.object({
      kind: z.literal("instant"),
      value: z.nullable(z.number().check(z.minimum(-8.64e15), z.maximum(8.64e15))),
      precision: z.optional(z.enum(["minute", "day"])),
    }),
    z.object({ kind: z.literal("text"), value: z.union([text(2000), SectionLabelSchema]) }),
    z.object({ kind: z.literal("code"), value: text(2000) }),
  ]))();

/** Schema of {@link SectionBlock}: at most 1000 figures, 100 columns and 10 000 rows. */
export const SectionBlockSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("paragraph"), text: SectionLabelSchema }),
    z.object({
      kind: z.literal("figures"),
      items: z
        .array(z.object({ label: SectionLabelSchema, value: SectionCellSchema }))
        .check(z.maxLength(1000, { error: "must hold at most 1000 figures" })),
    }),
    z
      .object({
        kind: z.literal("table"),
        columns: z
          .array(z.object({ label: SectionLabelSchema }))
          .check(
            z.minLength(1, { error: "must hold 1 to 100 columns" }),
            z.maxLength(100, { error: "must hold 1 to 100 columns" }),
          ),
        rows: z
          .array(z.array(SectionCellSchema))
          .check(z.maxLength(10_000, { error: "must hold at most 10 000 rows" })),
      })
      .check(
        z.refine((t) => t.rows.every((r) => r.length === t.columns.length), {
          error: "every row must have one cell per column",
          path: ["rows"],
        }),
      ),
  ]))();

/** Schema of {@link ReportSection}: at most 100 blocks. */
export const ReportSectionSchema = /* @__PURE__ */ (() =>
  z.object({
    id: z.string().check(z.regex(/^[A-Za-z][\w.-]{0,99}$/, { error: "must be an id of letters, digits, _ . -" })),
    title: SectionLabelSchema,
    blocks: z.array(SectionBlockSchema).check(z.maxLength(100, { error: "must hold at most 100 blocks" })),
  }))();
