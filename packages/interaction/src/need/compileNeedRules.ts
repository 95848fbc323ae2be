import { brandCompiled, compileKeywords, normalizeText, parseOrThrow, type KeywordMatcher } from "@ops/core";
import * as z from "zod/mini";
import { DirectionSchema, InteractionKindSchema, type Direction, type InteractionKind } from "../model/Interaction";

const Keyword = /* @__PURE__ */ (() =>
  z.string().check(
    z.minLength(1, { error: "must be a non-empty keyword" }),
    z.maxLength(200),
    z.refine((k) => normalizeText(k).text.length > 0, {
      error: "must keep at least one letter or digit after normalisation (not only emoji, spaces or punctuation)",
    }),
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

/** Need rules validated and compiled once, for {@link tagInteraction} and {@link countTagsByPeriod}. Opaque. */
export interface CompiledNeedRules {
  readonly version: 1;
  readonly tags: readonly string[];
  /** @internal One matcher for every keyword of every rule (null for no rules): a text is scanned once. */
  readonly matcher: KeywordMatcher | null;
  /** @internal The rules, their keywords normalised as the matcher reports them. */
  readonly rules: readonly {
    readonly tag: string;
    readonly any: readonly string[];
    readonly all: readonly string[];
    readonly none: readonly string[];
    readonly kinds: ReadonlySet<InteractionKind> | null;
    readonly directions: ReadonlySet<Direction>;
  }[];
}

const normalized = (keyword: string): string => normalizeText(keyword).text;

/**
 * Validates need / topic keyword rules and compiles them for fast tagging (validate once,
 * tag many: the hot path does no schema work).
 *
 * Matching is the text module of \@ops/core (`compileKeywords` / `findKeywords`, one
 * Aho–Corasick pass over the text for all rules). It is CJK-aware: Chinese has no word
 * boundaries, so a keyword with Han or kana characters matches anywhere in the text
 * (`敏感肌` in `我是敏感肌，求推荐`), while a Latin keyword matches whole words only: an edge
 * that is a letter or digit must not touch another letter or digit (`spf` does not match
 * `spfx` nor `spf50` — list `spf50` too — but matches `SPF 50` and `SPF-50`), with CJK
 * characters counting as word boundaries (`SPF` matches in `油皮用SPF防晒`). Text and
 * keywords are compared after NFKC + lower-case folding with zero-width characters, emoji,
 * white space and punctuation removed (`normalizeText`), so full-width `ＳＰＦ５０` equals
 * `spf50` and `敏\u200b感肌` equals `敏感肌`. Simplified and traditional characters are not
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
    any: r.any.map(normalized),
    all: r.all.map(normalized),
    none: r.none.map(normalized),
    kinds: r.kinds === undefined ? null : new Set(r.kinds),
    directions: new Set(r.directions),
  }));
  const keywords = [...new Set(compiled.flatMap((r) => [...r.any, ...r.all, ...r.none]))];
  const result: CompiledNeedRules = {
    version: 1,
    tags: [...new Set(parsed.map((r) => r.tag))].sort(),
    matcher: keywords.length === 0 ? null : compileKeywords(keywords, {}, { fn: "compileNeedRules", path: ["rules"] }),
    rules: compiled,
  };
  return brandCompiled(result, "interaction.needRules");
}
