import { IdSchema, InstantSchema, KeywordListSchema } from "@ops/core";
import * as z from "zod/mini";
import { DetectAdvertisingOptionsSchema } from "./detectAdvertising";
import { UserPatternSchema } from "./checkRegexSafety";

/**
 * Schema of a moderation action. `timeout` mutes the member for `durationMs`; `remove`
 * takes them out of the group; `alert` tells a moderator (`to` names a queue or role).
 *
 * @example
 * ```ts
 * import { ActionSchema } from "@ops/community";
 * ActionSchema.parse({ kind: "timeout", durationMs: 86_400_000 });
 * // => { kind: "timeout", durationMs: 86400000 }
 * ```
 */
export const ActionSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("hide") }),
    z.object({ kind: z.literal("delete") }),
    z.object({ kind: z.literal("warn"), message: z.optional(z.string().check(z.maxLength(2000))) }),
    z.object({
      kind: z.literal("timeout"),
      durationMs: z.int().check(z.positive({ error: "must be a positive integer number of milliseconds" })),
    }),
    z.object({ kind: z.literal("remove") }),
    z.object({ kind: z.literal("alert"), to: z.optional(z.string().check(z.maxLength(256))) }),
  ]))();

/** What a rule does to a message or its author: hide, delete, warn, timeout, remove, alert. */
export type Action = z.infer<typeof ActionSchema>;

/** The kinds of {@link Action}, from the mildest to the strongest (alert is orthogonal). */
export type ActionKind = Action["kind"];

/**
 * Schema of a rule trigger. A rule fires when any of its triggers matches.
 * - `keywords`: a keyword list (Chinese, English, mixed) matched with Aho–Corasick on
 *   normalised text; `category` labels it (`"advertising"`, `"personal_attack"`), so that
 *   attack lists and ad lists are data, not code;
 * - `links`: URLs, WeChat ids, phone numbers, QR mentions (see `detectAdvertising`);
 * - `mentions`: more than `max` mentions in one message;
 * - `flooding`: in the `windowMs` up to and including this message, more than
 *   `maxMessages` messages from the author, or more than `maxRepeats` with the same
 *   normalised text;
 * - `pattern`: user regular expressions, refused at compile time if they can backtrack
 *   catastrophically (`checkRegexSafety`), run on the normalised form named by `on`
 *   (default `"invisible"`), in overlapping windows of 512 units (128 overlap) so that a
 *   pattern's cost stays linear in the message length; a match longer than 128 units that
 *   crosses a window edge can be missed.
 */
export const TriggerSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion("kind", [
    z.object({
      kind: z.literal("keywords"),
      keywords: KeywordListSchema,
      boundaries: z.optional(z.enum(["auto", "none"])),
      category: z.optional(z.string().check(z.maxLength(64))),
    }),
    z.extend(DetectAdvertisingOptionsSchema, { kind: z.literal("links") }),
    z.object({ kind: z.literal("mentions"), max: z.int().check(z.nonnegative({ error: "must be an integer ≥ 0" })) }),
    z
      .object({
        kind: z.literal("flooding"),
        windowMs: z.int().check(z.positive({ error: "must be a positive integer number of milliseconds" })),
        maxMessages: z.optional(z.int().check(z.positive())),
        maxRepeats: z.optional(z.int().check(z.positive())),
      })
      .check(
        z.refine((t) => t.maxMessages !== undefined || t.maxRepeats !== undefined, {
          error: "needs maxMessages or maxRepeats",
          path: ["maxMessages"],
        }),
      ),
    z.object({
      kind: z.literal("pattern"),
      patterns: z.array(UserPatternSchema).check(z.minLength(1, { error: "must hold at least one pattern" })),
      on: z.optional(z.enum(["raw", "invisible", "whitespace", "separators"])),
    }),
  ]))();

/** One trigger of a {@link Rule}; see {@link TriggerSchema}. */
export type Trigger = z.input<typeof TriggerSchema>;

/** The kinds of {@link Trigger}. */
export type TriggerKind = Trigger["kind"];

/**
 * Schema of the strike a rule gives when it fires: its weight (frozen into the strike
 * record when issued) and how long the strike counts (`ttlMs`, `null` = until revoked).
 */
export const StrikePolicySchema = /* @__PURE__ */ (() =>
  z.object({
    weight: z.number().check(z.positive({ error: "must be a number > 0" }), z.maximum(1000)),
    ttlMs: z.nullable(z.int().check(z.positive({ error: "must be a positive integer number of milliseconds" }))),
  }))();

/** See {@link StrikePolicySchema}. */
export type StrikePolicy = z.infer<typeof StrikePolicySchema>;

/**
 * Schema of a community rule: triggers × actions, with exempt roles and a priority.
 * Higher `priority` is evaluated and reported first (ties keep list order); a rule with
 * `final: true` that fires stops rules of lower priority from being reported.
 *
 * @example
 * ```ts
 * import { RuleSchema } from "@ops/community";
 * RuleSchema.parse({ id: "no-ads", triggers: [{ kind: "links" }], actions: [{ kind: "delete" }] }).priority;
 * // => 0
 * ```
 */
export const RuleSchema = /* @__PURE__ */ (() =>
  z.object({
    id: IdSchema,
    name: z.optional(z.string().check(z.maxLength(256))),
    priority: z._default(z.int(), 0),
    enabled: z._default(z.boolean(), true),
    triggers: z.array(TriggerSchema).check(z.minLength(1, { error: "must hold at least one trigger" })),
    actions: z.array(ActionSchema).check(z.minLength(1, { error: "must hold at least one action" })),
    exemptRoles: z._default(z.array(z.string().check(z.minLength(1))), []),
    strike: z._default(z.nullable(StrikePolicySchema), null),
    final: z._default(z.boolean(), false),
  }))();

/** A community rule as the caller writes it; see {@link RuleSchema}. */
export type Rule = z.input<typeof RuleSchema>;

/** Schema of the message that {@link evaluate} judges. `mentions`, when the platform gives them, replaces counting `@name` in the text. */
export const ModeratedMessageSchema = /* @__PURE__ */ (() =>
  z.object({
    id: IdSchema,
    /** Key of the author, e.g. `actorKey(ref)` from @ops/core. */
    actor: z.string().check(z.minLength(1)),
    text: z.string().check(z.maxLength(100_000, { error: "must be at most 100 000 characters" })),
    at: InstantSchema,
    mentions: z.optional(z.array(z.string())),
  }))();

/** A message to moderate. */
export type ModeratedMessage = z.infer<typeof ModeratedMessageSchema>;

/** Schema of a message the author sent earlier (for flooding). */
export const RecentMessageSchema = /* @__PURE__ */ (() =>
  z.object({
    actor: z.string().check(z.minLength(1)),
    text: z.string().check(z.maxLength(100_000)),
    at: InstantSchema,
  }))();

/** An earlier message, for flooding triggers. */
export type RecentMessage = z.infer<typeof RecentMessageSchema>;

/** Schema of the {@link EvaluationContext}. */
export const EvaluationContextSchema = /* @__PURE__ */ (() =>
  z.object({
    roles: z._default(z.array(z.string()), []),
    recent: z._default(z.array(RecentMessageSchema), []),
  }))();

/**
 * What {@link evaluate} needs besides the message: the author's roles in the group (for
 * exemptions) and the group's recent messages (only the author's, up to the message's
 * time, are used for flooding).
 */
export type EvaluationContext = z.input<typeof EvaluationContextSchema>;
