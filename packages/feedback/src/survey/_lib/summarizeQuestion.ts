import {
  type Csat,
  csat,
  describe,
  type Nps,
  nps,
  type ProportionInterval,
  studentTQuantile,
  wilsonInterval,
} from "@ops/metrics";
import type { Question } from "../question";
import type { AcceptedResponse } from "../validateResponses";

/** Count and share of one option (or Likert point) among those who answered, with its Wilson interval. */
export interface OptionShare {
  readonly count: number;
  /** count ÷ answered; `null` when nobody answered. */
  readonly share: number | null;
  /** `@ops/metrics` `wilsonInterval` of the share (bounds [0, 1] with `reason: "no_trials"` when nobody answered). */
  readonly interval: ProportionInterval;
}

/** The mean of a Likert item (reverse-scored when the item is) with its Student-t interval. */
export interface LikertMean {
  readonly n: number;
  /** `null` with no answers. */
  readonly mean: number | null;
  /** Sample standard deviation (n − 1); `null` below two answers. */
  readonly standardDeviation: number | null;
  /** `null` below two answers. */
  readonly interval: {
    readonly lower: number;
    readonly upper: number;
    readonly confidence: number;
    readonly method: "student_t";
  } | null;
}

export interface SummaryHead {
  readonly questionId: string;
  readonly text: string;
  /** Accepted responses that answered the question. */
  readonly answered: number;
  /** Accepted responses that left it (an optional question) unanswered. */
  readonly skipped: number;
}

/** The summary of one question, by kind. */
export type QuestionSummary =
  | (SummaryHead & {
      readonly kind: "single_choice" | "multiple_choice";
      readonly options: readonly (OptionShare & { readonly id: string; readonly label: string })[];
    })
  | (SummaryHead & {
      readonly kind: "likert";
      readonly scale: { readonly min: number; readonly max: number };
      readonly reverse: boolean;
      /** Counts per raw scale point, as answered (not reverse-scored). */
      readonly points: readonly (OptionShare & { readonly value: number; readonly label: string | null })[];
      readonly mean: LikertMean;
      /** Share of (scored) answers in the two highest points. */
      readonly topTwoBox: OptionShare;
    })
  | (SummaryHead & { readonly kind: "nps"; readonly nps: Nps })
  | (SummaryHead & { readonly kind: "csat"; readonly csat: Csat })
  | (SummaryHead & { readonly kind: "free_text" });

const share = (
  count: number,
  trials: number,
  confidence: number,
): Pick<OptionShare, "count" | "share" | "interval"> => ({
  count,
  share: trials === 0 ? null : count / trials,
  interval: wilsonInterval({ successes: count, trials }, { confidence }) as ProportionInterval,
});

/** The t-based interval of the mean of `scored` (see summarizeSurvey), clipped to [min, max]. */
function likertMean(scored: number[], min: number, max: number, confidence: number): LikertMean {
  const d = describe(scored);
  const n = d.n;
  if (d.mean === null) return { n, mean: null, standardDeviation: null, interval: null };
  if (d.standardDeviation === null) return { n, mean: d.mean, standardDeviation: null, interval: null };
  const t = studentTQuantile(1 - (1 - confidence) / 2, n - 1);
  const half = (t * d.standardDeviation) / Math.sqrt(n);
  return {
    n,
    mean: d.mean,
    standardDeviation: d.standardDeviation,
    interval: {
      lower: Math.max(min, d.mean - half),
      upper: Math.min(max, d.mean + half),
      confidence,
      method: "student_t",
    },
  };
}

/** The summary of one question over accepted responses (answers already checked). */
export function summarizeQuestion(
  question: Question,
  accepted: readonly AcceptedResponse[],
  confidence: number,
): QuestionSummary {
  const values: (number | string | readonly string[])[] = [];
  for (const a of accepted) {
    const v = a.answers[question.id];
    if (v !== undefined) values.push(v);
  }
  const head = {
    questionId: question.id,
    text: question.text,
    answered: values.length,
    skipped: accepted.length - values.length,
  };
  switch (question.kind) {
    case "single_choice":
    case "multiple_choice": {
      const counts = new Map<string, number>(question.options.map((o) => [o.id, 0]));
      for (const v of values)
        for (const id of typeof v === "string" ? [v] : (v as readonly string[]))
          counts.set(id, (counts.get(id) ?? 0) + 1);
      return {
        ...head,
        kind: question.kind,
        options: question.options.map((o) => ({
          id: o.id,
          label: o.label,
          ...share(counts.get(o.id) ?? 0, values.length, confidence),
        })),
      };
    }
    case "likert": {
      const { min, max } = question.scale;
      const raw = values as number[];
      const points = [];
      for (let p = min; p <= max; p++) {
        const count = raw.reduce((s, x) => s + (x === p ? 1 : 0), 0);
        points.push({ value: p, label: question.labels?.[p - min] ?? null, ...share(count, raw.length, confidence) });
      }
      const scored = question.reverse ? raw.map((x) => min + max - x) : raw;
      const top = scored.reduce((s, x) => s + (x >= max - 1 ? 1 : 0), 0);
      return {
        ...head,
        kind: "likert",
        scale: { min, max },
        reverse: question.reverse,
        points,
        mean: likertMean(scored, min, max, confidence),
        topTwoBox: share(top, scored.length, confidence),
      };
    }
    case "nps":
      return { ...head, kind: "nps", nps: nps(values as number[], { confidence }) };
    case "csat":
      return { ...head, kind: "csat", csat: csat(values as number[], { confidence }) };
    case "free_text":
      return { ...head, kind: "free_text" };
  }
}
