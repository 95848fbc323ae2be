import { IdSchema, InstantSchema } from "@ops/core";
import { z } from "zod";
import { AdvertisingOptionsSchema } from "./detectAdvertising";
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
export const ActionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("hide") }),
  z.object({ kind: z.literal("delete") }),
  z.object({ kind: z.literal("warn"), message: z.string().max(2000).optional() }),
  z.object({
    kind: z.literal("timeout"),
    durationMs: z.number().int().positive({ error: "must be a positive integer number of milliseconds" }),
  }),
  z.object({ kind: z.literal("remove") }),
  z.object({ kind: z.literal("alert"), to: z.string().max(256).optional() }),
]);

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
 *   (default `"invisible"`), in overlapping windows of 1024 units (128 overlap) so that a
 *   pattern's cost stays linear in the message length; a match longer than 128 units that
 *   crosses a window edge can be missed.
 */
export const TriggerSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("keywords"),
    keywords: z.array(z.string()).min(1, { error: "must hold at least one keyword" }),
    boundaries: z.enum(["auto", "none"]).optional(),
    category: z.string().max(64).optional(),
  }),
  AdvertisingOptionsSchema.extend({ kind: z.literal("links") }),
  z.object({ kind: z.literal("mentions"), max: z.number().int().nonnegative({ error: "must be an integer ≥ 0" }) }),
  z
    .object({
      kind: z.literal("flooding"),
      windowMs: z.number().int().positive({ error: "must be a positive integer number of milliseconds" }),
      maxMessages: z.number().int().positive().optional(),
      maxRepeats: z.number().int().positive().optional(),
    })
    .refine((t) => t.maxMessages !== undefined || t.maxRepeats !== undefined, {
      error: "needs maxMessages or maxRepeats",
      path: ["maxMessages"],
    }),
  z.object({
    kind: z.literal("pattern"),
    patterns: z.array(UserPatternSchema).min(1, { error: "must hold at least one pattern" }),
    on: z.enum(["raw", "invisible", "whitespace", "separators"]).optional(),
  }),
]);

/** One trigger of a {@link Rule}; see {@link TriggerSchema}. */
export type Trigger = z.input<typeof TriggerSchema>;

/** The kinds of {@link Trigger}. */
export type TriggerKind = Trigger["kind"];

/**
 * Schema of the strike a rule gives when it fires: its weight (frozen into the strike
 * record when issued) and how long the strike counts (`ttlMs`, `null` = until revoked).
 */
export const StrikePolicySchema = z.object({
  weight: z.number().positive({ error: "must be a number > 0" }).max(1000),
  ttlMs: z.number().int().positive({ error: "must be a positive integer number of milliseconds" }).nullable(),
});

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
export const RuleSchema = z.object({
  id: IdSchema,
  name: z.string().max(256).optional(),
  priority: z.number().int().default(0),
  enabled: z.boolean().default(true),
  triggers: z.array(TriggerSchema).min(1, { error: "must hold at least one trigger" }),
  actions: z.array(ActionSchema).min(1, { error: "must hold at least one action" }),
  exemptRoles: z.array(z.string().min(1)).default([]),
  strike: StrikePolicySchema.nullable().default(null),
  final: z.boolean().default(false),
});

/** A community rule as the caller writes it; see {@link RuleSchema}. */
export type Rule = z.input<typeof RuleSchema>;

/** Schema of the message that {@link evaluate} judges. `mentions`, when the platform gives them, replaces counting `@name` in the text. */
export const ModeratedMessageSchema = z.object({
  id: IdSchema,
  /** Key of the author, e.g. `actorKey(ref)` from @ops/core. */
  actor: z.string().min(1),
  text: z.string().max(100_000, { error: "must be at most 100 000 characters" }),
  at: InstantSchema,
  mentions: z.array(z.string()).optional(),
});

/** A message to moderate. */
export type ModeratedMessage = z.infer<typeof ModeratedMessageSchema>;

/** Schema of a message the author sent earlier (for flooding). */
export const RecentMessageSchema = z.object({
  actor: z.string().min(1),
  text: z.string().max(100_000),
  at: InstantSchema,
});

/** An earlier message, for flooding triggers. */
export type RecentMessage = z.infer<typeof RecentMessageSchema>;

/** Schema of the {@link EvaluationContext}. */
export const EvaluationContextSchema = z.object({
  roles: z.array(z.string()).default([]),
  recent: z.array(RecentMessageSchema).default([]),
});

/**
 * What {@link evaluate} needs besides the message: the author's roles in the group (for
 * exemptions) and the group's recent messages (only the author's, up to the message's
 * time, are used for flooding).
 */
export type EvaluationContext = z.input<typeof EvaluationContextSchema>;
