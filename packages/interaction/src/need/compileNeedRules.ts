import { parseOrThrow } from "@ops/core";
import * as z from "zod/mini";
import { normalizeText } from "../_lib/normalizeText";
import { DirectionSchema, InteractionKindSchema, type Direction, type InteractionKind } from "../model/Interaction";

const Keyword = /* @__PURE__ */ (() =>
  z.string().check(
    z.minLength(1, { error: "must be a non-empty keyword" }),
    z.maxLength(200),
    z.refine((k) => normalizeText(k).length > 0, { error: "must keep at least one character after normalisation" }),
  ))();

/**
 * Schema of a {@link NeedRule}: tag an interaction with `tag` when its text contains any
 * keyword of `any`, every keyword of `all`, and no keyword of `none` (e.g. `none: ["不敏感"]`
 * for a "sensitive skin" rule). `kinds` limits the rule to some interaction kinds;
 * `directions` defaults to `["in"]` (what users ask, not what the team says).
 *
 * @example
 * ```ts
 * import { NeedRuleSchema } from "@ops/interaction";
 * NeedRuleSchema.parse({ tag: "sensitive_skin", any: ["敏感肌", "sensitive skin"] }).directions;
 * // => ["in"]
 * ```
 */
export const NeedRuleSchema = /* @__PURE__ */ (() =>
  z.object({
    tag: z.string().check(z.minLength(1), z.maxLength(128)),
    any: z.array(Keyword).check(z.minLength(1, { error: "must list at least one keyword" })),
    all: z._default(z.array(Keyword), []),
    none: z._default(z.array(Keyword), []),
    kinds: z.optional(z.array(InteractionKindSchema)),
    directions: z._default(z.array(DirectionSchema), ["in"]),
  }))();

/** A keyword rule for latent needs / topics; see {@link NeedRuleSchema}. */
export type NeedRule = z.output<typeof NeedRuleSchema>;
/** What {@link NeedRuleSchema} accepts. */
export type NeedRuleInput = z.input<typeof NeedRuleSchema>;

/** A matcher for one normalised keyword. */
type Matcher = (text: string) => boolean;

/** Need rules validated and compiled once, for {@link tagInteraction} and {@link countTagsByPeriod}. Opaque. */
export interface CompiledNeedRules {
  readonly version: 1;
  readonly tags: readonly string[];
  /** @internal */
  readonly rules: readonly {
    readonly tag: string;
    readonly any: readonly Matcher[];
    readonly all: readonly Matcher[];
    readonly none: readonly Matcher[];
    readonly kinds: ReadonlySet<InteractionKind> | null;
    readonly directions: ReadonlySet<Direction>;
  }[];
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function matcherFor(keyword: string): Matcher {
  const k = normalizeText(keyword);
  // Chinese and Japanese have no spaces between words: a CJK keyword matches as a substring.
  if (CJK.test(k)) return (text) => text.includes(k);
  // Latin keywords match whole words: a keyword that starts (ends) with a letter must not
  // touch another Latin letter there, one that starts (ends) with a digit must not touch a
  // digit. So "spf" matches "spf50" and "SPF 50" but not "spfx"; CJK neighbours are boundaries.
  const edge = (c: string): string => (/\p{N}/u.test(c) ? "\\p{N}" : /\p{L}/u.test(c) ? "\\p{Script=Latin}" : "");
  const before = edge(k[0] as string);
  const after = edge(k[k.length - 1] as string);
  const re = new RegExp(`${before ? `(?<![${before}])` : ""}${escapeRegExp(k)}${after ? `(?![${after}])` : ""}`, "u");
  return (text) => text.includes(k) && re.test(text);
}

/**
 * Validates need / topic keyword rules and compiles them for fast tagging (validate once,
 * tag many: the hot path does no schema work).
 *
 * Matching is CJK-aware: Chinese has no word boundaries, so a keyword with Han (or kana,
 * Hangul) characters matches anywhere in the text (`敏感肌` in `我是敏感肌，求推荐`), while a
 * Latin keyword matches whole words only (`spf` does not match `spfx`, but does match
 * `spf50`: letters and digits are separate runs) — with CJK characters counting as word
 * boundaries (`SPF` matches in `油皮用SPF50防晒`). Text and
 * keywords are compared after NFKC + lower-case folding (zero-width characters dropped, white space collapsed), so
 * full-width `ＳＰＦ５０` equals `spf50`. Simplified and traditional characters are not
 * folded (list both: `敏感肌`, `敏感肌膚`).
 *
 * @param rules - the rules; tags may repeat (their matches are united)
 * @returns an opaque compiled rule set
 * @throws {OpsError} `invalid_argument` naming the rule and field that break {@link NeedRuleSchema}
 *
 * @example
 * ```ts
 * import { compileNeedRules } from "@ops/interaction";
 * compileNeedRules([{ tag: "sensitive_skin", any: ["敏感肌"] }, { tag: "sun", any: ["SPF"] }]).tags;
 * // => ["sensitive_skin", "sun"]
 * ```
 */
export function compileNeedRules(rules: readonly NeedRuleInput[]): CompiledNeedRules {
  const parsed = parseOrThrow(z.array(NeedRuleSchema), rules, { fn: "compileNeedRules", path: ["rules"] });
  const compiled = parsed.map((r) => ({
    tag: r.tag,
    any: r.any.map(matcherFor),
    all: r.all.map(matcherFor),
    none: r.none.map(matcherFor),
    kinds: r.kinds === undefined ? null : new Set(r.kinds),
    directions: new Set(r.directions),
  }));
  return { version: 1, tags: [...new Set(parsed.map((r) => r.tag))].sort(), rules: compiled };
}
