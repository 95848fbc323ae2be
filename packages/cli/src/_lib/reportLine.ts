import { formatPath, type ErrorPath } from "@ops/core";
import type { ReportLine } from "./verificationTypes";
import { REPORT_MESSAGES, type ReportMessageKey, type ReportText } from "../raffle/reportMessages";

/** Values put into a message's `{name}` slots. */
export type Slots = Readonly<Record<string, string | number>>;

/** A message with its `{name}` slots filled, in both languages. Slots filled with text ({@link ReportText}) use each language's own. */
export function fillText(
  key: ReportMessageKey,
  slots: Readonly<Record<string, string | number | ReportText>> = {},
): ReportText {
  // a code a newer verifier added that this table does not know yet: the generic sentence (the detail says more)
  const text = Object.hasOwn(REPORT_MESSAGES, key) ? REPORT_MESSAGES[key] : REPORT_MESSAGES["problem.other"];
  const fill = (s: string, lang: "en" | "zh"): string =>
    s.replace(/\{(\w+)\}/g, (m, name: string) => {
      const v = slots[name];
      if (v === undefined) return m;
      return typeof v === "object" ? v[lang] : String(v);
    });
  return { en: fill(text.en, "en"), zh: fill(text.zh, "zh") };
}

/** One report line from a message key (and, for a problem, the verifier's code, message and path). */
export function reportLine(
  key: ReportMessageKey,
  slots: Readonly<Record<string, string | number | ReportText>> = {},
  found?: { readonly code: string; readonly message: string; readonly path: ErrorPath },
): ReportLine {
  const known = Object.hasOwn(REPORT_MESSAGES, key);
  const text = fillText(known ? key : "problem.other", { code: found?.code ?? key, ...slots });
  if (found === undefined) return { key: known ? key : "problem.other", text };
  return {
    key: known ? key : "problem.other",
    code: found.code,
    text,
    detail: found.message,
    path: formatPath(found.path),
  };
}
