import { findKeywords, parseOrThrow, type NormalizedText } from "@ops/core";
import { createForms, detectWith, type TextForms } from "./_lib/advertising";
import { chunkedMatches } from "./_lib/chunkedMatch";
import { asCompiledRules, type CompiledTrigger } from "./_lib/compiledRules";
import type { CompiledRuleSet } from "./compileRules";
import {
  EvaluationContextSchema,
  ModeratedMessageSchema,
  type Action,
  type EvaluationContext,
  type ModeratedMessage,
  type RecentMessage,
  type StrikePolicy,
  type TriggerKind,
} from "./Rule";

/** What one trigger matched. */
export interface RuleMatch {
  /** Index of the trigger in the rule's `triggers`. */
  readonly trigger: number;
  readonly kind: TriggerKind;
  /**
   * What matched: the keyword as listed, the detector (`url`, `wechat`, `phone`, `qr`)
   * and its value, the pattern source, or the count that broke a limit.
   */
  readonly detail: string;
  /** The keyword list's `category`, when it has one (`"personal_attack"`). */
  readonly category: string | null;
  /** The message text that matched, as written; the whole message for flooding. */
  readonly text: string;
  /** Where `text` is in the message (UTF-16 indices), or null when it is not a span of it. */
  readonly span: { readonly start: number; readonly end: number } | null;
}

/** A rule that fired on a message. */
export interface Decision {
  readonly ruleId: string;
  readonly name: string | null;
  readonly priority: number;
  readonly actions: readonly Action[];
  /** The strike the rule gives (`issueStrike` freezes it into a record), or null. */
  readonly strike: StrikePolicy | null;
  /** At most 20 matches per trigger, in trigger order. */
  readonly matches: readonly RuleMatch[];
}

/** The result of {@link evaluate}. */
export interface Evaluation {
  /** Rules that fired and apply, highest priority first. */
  readonly decisions: readonly Decision[];
  /** Rules that fired but from which one of the author's roles exempts them (for audit). */
  readonly exempted: readonly Decision[];
  /**
   * The actions of all `decisions` merged: one of each kind, the longest timeout, every
   * distinct alert; ordered warn, hide, delete, timeout, remove, alert.
   */
  readonly actions: readonly Action[];
}

const PER_TRIGGER = 20;
const MENTION = /[@＠][^\s@＠]{1,64}/gu;

/**
 * Judges one message against a compiled rule set and says which rules fired, on what text,
 * and what to do. Rules run by priority; a rule fires when any trigger matches; a rule from
 * which one of the author's roles is exempt is reported under `exempted` and applies
 * nothing; a firing `final` rule stops the rules after it. The message is normalised once
 * per form (see {@link normalizeText}) and every keyword list is scanned in linear time.
 *
 * @param message - the message: id, author key, text, time, and mentions when known
 * @param rules - from {@link compileRules}
 * @param context - the author's roles and the recent messages (for flooding)
 * @returns the decisions, the exempted rules, and the merged actions
 * @throws {OpsError} `invalid_argument` for a malformed message or context, or rules not made by `compileRules`
 *
 * @example
 * ```ts
 * import { compileRules, evaluate } from "@ops/community";
 * const rules = compileRules([
 *   { id: "ads", priority: 10, exemptRoles: ["admin"], triggers: [{ kind: "links" }], actions: [{ kind: "delete" }, { kind: "warn" }] },
 *   { id: "attacks", triggers: [{ kind: "keywords", category: "personal_attack", keywords: ["蠢货", "idiot"] }], actions: [{ kind: "hide" }] },
 * ]);
 * const result = evaluate({ id: "m1", actor: "qq::42", text: "你个蠢😡货，加ｖ：shop_8888", at: 0 }, rules);
 * result.decisions.map((d) => [d.ruleId, d.matches[0]?.text]);
 * // => [["ads", "加ｖ：shop_8888"], ["attacks", "蠢😡货"]]
 * result.actions.map((a) => a.kind);
 * // => ["warn", "hide", "delete"]
 * evaluate({ id: "m2", actor: "qq::1", text: "官网 shop.example.com", at: 0 }, rules, { roles: ["admin"] }).exempted.length;
 * // => 1
 * ```
 */
export function evaluate(
  message: ModeratedMessage,
  rules: CompiledRuleSet,
  context: EvaluationContext = {},
): Evaluation {
  const msg = parseOrThrow(ModeratedMessageSchema, message, { fn: "evaluate", path: ["message"] });
  const set = asCompiledRules(rules, "evaluate", ["rules"]);
  const ctx = parseOrThrow(EvaluationContextSchema, context, { fn: "evaluate", path: ["context"] });
  const forms = createForms(msg.text);
  const decisions: Decision[] = [];
  const exempted: Decision[] = [];
  for (const rule of set.rules) {
    const matches: RuleMatch[] = [];
    rule.triggers.forEach((trigger, index) => {
      matches.push(...matchTrigger(trigger, index, msg, ctx.recent, forms));
    });
    if (matches.length === 0) continue;
    const decision: Decision = {
      ruleId: rule.id,
      name: rule.name,
      priority: rule.priority,
      actions: rule.actions,
      strike: rule.strike,
      matches,
    };
    if (ctx.roles.some((r) => rule.exemptRoles.has(r))) {
      exempted.push(decision);
      continue;
    }
    decisions.push(decision);
    if (rule.final) break;
  }
  return { decisions, exempted, actions: mergeActions(decisions.flatMap((d) => d.actions)) };
}

function matchTrigger(
  t: CompiledTrigger,
  trigger: number,
  msg: ModeratedMessage,
  recent: readonly RecentMessage[],
  forms: TextForms,
): RuleMatch[] {
  const base = { trigger, kind: t.kind, category: null };
  switch (t.kind) {
    case "keywords":
      return findKeywords(t.matcher, forms.form(2), { limit: PER_TRIGGER }).map((h) => ({
        ...base,
        detail: h.keyword,
        category: t.category,
        text: h.text,
        span: { start: h.start, end: h.end },
      }));
    case "links":
      return detectWith(t.detector, forms, PER_TRIGGER).map((h) => ({
        ...base,
        detail: `${h.detector}: ${h.value}`,
        text: h.text,
        span: { start: h.start, end: h.end },
      }));
    case "mentions": {
      if (msg.mentions) {
        return msg.mentions.length > t.max
          ? [
              {
                ...base,
                detail: `${msg.mentions.length} mentions (max ${t.max})`,
                text: msg.mentions.join(" "),
                span: null,
              },
            ]
          : [];
      }
      const found = [...msg.text.matchAll(MENTION)];
      if (found.length <= t.max) return [];
      const first = found[0] as RegExpExecArray;
      const last = found[found.length - 1] as RegExpExecArray;
      const start = first.index;
      const end = last.index + last[0].length;
      return [
        {
          ...base,
          detail: `${found.length} mentions (max ${t.max})`,
          text: msg.text.slice(start, end),
          span: { start, end },
        },
      ];
    }
    case "flooding": {
      const from = msg.at - t.windowMs;
      const window = recent.filter((r) => r.actor === msg.actor && r.at > from && r.at <= msg.at);
      const out: RuleMatch[] = [];
      const count = window.length + 1;
      if (t.maxMessages !== null && count > t.maxMessages) {
        out.push({
          ...base,
          detail: `${count} messages within ${t.windowMs} ms (max ${t.maxMessages})`,
          text: msg.text,
          span: null,
        });
      }
      if (t.maxRepeats !== null) {
        const key = floodKey(forms.form(2).text, msg.text);
        const same = 1 + window.filter((r) => floodKey(createForms(r.text).form(2).text, r.text) === key).length;
        if (same > t.maxRepeats)
          out.push({
            ...base,
            detail: `${same} identical messages within ${t.windowMs} ms (max ${t.maxRepeats})`,
            text: msg.text,
            span: null,
          });
      }
      return out;
    }
    case "pattern": {
      const out: RuleMatch[] = [];
      for (const { re, source } of t.regexes) {
        const nt = t.level === -1 ? null : forms.form(t.level);
        for (const m of chunkedMatches(re, nt ? nt.text : msg.text, PER_TRIGGER - out.length)) {
          const s = nt
            ? spanOf(nt, m.index, m.index + m.text.length)
            : { start: m.index, end: m.index + m.text.length, text: m.text };
          out.push({ ...base, detail: source, text: s.text, span: { start: s.start, end: s.end } });
        }
        if (out.length >= PER_TRIGGER) break;
      }
      return out;
    }
  }
}

function floodKey(normalized: string, raw: string): string {
  return normalized.length > 0 ? `n:${normalized}` : `r:${raw.trim()}`;
}

function spanOf(nt: NormalizedText, from: number, to: number): { start: number; end: number; text: string } {
  const start = nt.starts[from] as number;
  const end = nt.ends[to - 1] as number;
  return { start, end, text: nt.source.slice(start, end) };
}

const ORDER: Record<Action["kind"], number> = { warn: 0, hide: 1, delete: 2, timeout: 3, remove: 4, alert: 5 };

function mergeActions(actions: readonly Action[]): Action[] {
  const byKind = new Map<string, Action>();
  for (const a of actions) {
    const key = a.kind === "alert" ? `alert:${a.to ?? ""}` : a.kind;
    const prev = byKind.get(key);
    if (!prev) byKind.set(key, a);
    else if (a.kind === "timeout" && prev.kind === "timeout" && a.durationMs > prev.durationMs) byKind.set(key, a);
  }
  return [...byKind.values()].sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
}
