import type { Question } from "../question";
import type { AnswerValue } from "../surveyResponse";

/** What went wrong with one answer: the rule and a message that follows the question id. */
export interface AnswerProblem {
  readonly rule: "type" | "scale" | "option" | "duplicate_option" | "min_selections" | "max_selections" | "max_length";
  readonly message: string;
}

/** `null`: no answer (missing, `null`, blank text, no option). */
export type CheckedAnswer = { readonly value: AnswerValue | null } | { readonly problem: AnswerProblem };

const wholeIn = (raw: unknown, min: number, max: number): CheckedAnswer => {
  if (typeof raw !== "number")
    return { problem: { rule: "type", message: `must be a whole number from ${min} to ${max}` } };
  if (!Number.isInteger(raw) || raw < min || raw > max)
    return { problem: { rule: "scale", message: `must be a whole number from ${min} to ${max}` } };
  return { value: raw };
};

/** Number of Unicode code points of `s`, counting at most `limit + 1`. */
function codePoints(s: string, limit: number): number {
  let n = 0;
  for (let i = 0; i < s.length && n <= limit; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** Checks one raw answer against its question; never throws. */
export function checkAnswer(question: Question, raw: unknown): CheckedAnswer {
  if (raw === undefined || raw === null) return { value: null };
  switch (question.kind) {
    case "likert":
      return wholeIn(raw, question.scale.min, question.scale.max);
    case "nps":
      return wholeIn(raw, 0, 10);
    case "csat":
      return wholeIn(raw, 1, 5);
    case "single_choice": {
      if (typeof raw !== "string") return { problem: { rule: "type", message: "must be an option id (a string)" } };
      if (!question.options.some((o) => o.id === raw))
        return {
          problem: { rule: "option", message: `must be one of ${question.options.map((o) => o.id).join(", ")}` },
        };
      return { value: raw };
    }
    case "multiple_choice": {
      if (!Array.isArray(raw)) return { problem: { rule: "type", message: "must be an array of option ids" } };
      if (raw.length === 0) return { value: null };
      const max = question.maxSelections ?? question.options.length;
      if (raw.length > question.options.length)
        return { problem: { rule: "max_selections", message: `must select at most ${max} options` } };
      const picked = new Set<string>();
      for (const id of raw) {
        if (typeof id !== "string") return { problem: { rule: "type", message: "must be an array of option ids" } };
        if (!question.options.some((o) => o.id === id))
          return {
            problem: { rule: "option", message: `must select among ${question.options.map((o) => o.id).join(", ")}` },
          };
        if (picked.has(id)) return { problem: { rule: "duplicate_option", message: `must not select ${id} twice` } };
        picked.add(id);
      }
      if (picked.size < question.minSelections)
        return {
          problem: { rule: "min_selections", message: `must select at least ${question.minSelections} options` },
        };
      if (picked.size > max)
        return { problem: { rule: "max_selections", message: `must select at most ${max} options` } };
      return { value: [...picked] };
    }
    case "free_text": {
      if (typeof raw !== "string") return { problem: { rule: "type", message: "must be a string" } };
      if (raw.trim() === "") return { value: null };
      if (raw.length > 2 * question.maxLength || codePoints(raw, question.maxLength) > question.maxLength)
        return { problem: { rule: "max_length", message: `must be at most ${question.maxLength} characters` } };
      return { value: raw };
    }
  }
}
