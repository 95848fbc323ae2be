import * as z from "zod/mini";
import { InstantSchema, PlatformSchema } from "@ops/core";
import { InteractionKindSchema } from "../model/Interaction";

/**
 * Schema of a {@link ReplySurface}: how the brand answers —
 * `message` (a private message in a DM conversation), `private_reply` (a private message
 * sent in answer to a public comment, Meta's "private replies"), `public_reply` (an
 * answer in public under the post or comment).
 *
 * @example
 * ```ts
 * import { ReplySurfaceSchema } from "@ops/interaction";
 * ReplySurfaceSchema.options;
 * // => ["message", "private_reply", "public_reply"]
 * ```
 */
export const ReplySurfaceSchema = /* @__PURE__ */ (() => z.enum(["message", "private_reply", "public_reply"]))();

/** How the brand answers; see {@link ReplySurfaceSchema}. */
export type ReplySurface = z.output<typeof ReplySurfaceSchema>;

/**
 * Schema of a {@link SourceRef}: where a rule comes from — a title, a URL and the date
 * (YYYY-MM-DD) it was read. Platform rules change; the date says how fresh the data is.
 *
 * @example
 * ```ts
 * import { SourceRefSchema } from "@ops/interaction";
 * SourceRefSchema.safeParse({ title: "Messenger Platform policy", url: "https://developers.facebook.com/docs/messenger-platform/policy/policy-overview", retrieved: "2026-11-26" }).success;
 * // => true
 * ```
 */
export const SourceRefSchema = /* @__PURE__ */ (() =>
  z.object({
    title: z.string().check(z.minLength(1), z.maxLength(512)),
    url: z.string().check(z.minLength(1), z.maxLength(2048)),
    retrieved: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a YYYY-MM-DD date" })),
  }))();

/** A citation for a platform rule; see {@link SourceRefSchema}. */
export type SourceRef = z.output<typeof SourceRefSchema>;

/**
 * Schema of a {@link ReplyWindowRule}: one platform rule of the form "after an inbound
 * event of one of the kinds `openedBy`, the brand may send up to `maxMessages` messages on
 * `surface` for `durationMs`". The next event of one of those kinds opens the window
 * again (a refresh) and resets the message count. `maxMessages: null` = no count limit.
 * `tag` names a message tag the send must carry to use this rule (Meta's `HUMAN_AGENT`),
 * `null` for none.
 *
 * @example
 * ```ts
 * import { ReplyWindowRuleSchema } from "@ops/interaction";
 * const rule = { id: "x.test", surface: "message", openedBy: ["dm"], durationMs: 0, maxMessages: null, tag: null, sources: [] };
 * ReplyWindowRuleSchema.safeParse(rule).success; // durationMs must be positive
 * // => false
 * ```
 */
export const ReplyWindowRuleSchema = /* @__PURE__ */ (() =>
  z.object({
    id: z.string().check(z.minLength(1), z.maxLength(128)),
    surface: ReplySurfaceSchema,
    openedBy: z
      .array(InteractionKindSchema)
      .check(z.minLength(1, { error: "must name at least one opening event kind" })),
    durationMs: z.int().check(z.positive({ error: "must be a positive integer number of milliseconds" })),
    maxMessages: z.nullable(z.int().check(z.positive({ error: "must be a positive integer or null (no limit)" }))),
    tag: z.nullable(z.string().check(z.minLength(1), z.maxLength(64))),
    sources: z.array(SourceRefSchema),
    note: z.optional(z.string().check(z.maxLength(2048))),
  }))();

/** One reply-window rule; see {@link ReplyWindowRuleSchema}. */
export type ReplyWindowRule = z.output<typeof ReplyWindowRuleSchema>;

/**
 * Schema of a {@link ReplyWindowPolicy}: all reply-window rules of one platform surface
 * family, e.g. `"wechat_oa.customer_service"`. `unrestricted` lists the surfaces the
 * platform does not limit in time or count (public replies on every platform covered
 * here; DMs on X). A surface that is neither unrestricted nor named by a rule cannot be
 * used.
 *
 * @example
 * ```ts
 * import { ReplyWindowPolicySchema } from "@ops/interaction";
 * ReplyWindowPolicySchema.safeParse({ id: "demo", platform: "demo", unrestricted: ["public_reply"], rules: [] }).success;
 * // => true
 * ```
 */
export const ReplyWindowPolicySchema = /* @__PURE__ */ (() =>
  z.object({
    id: z.string().check(z.minLength(1), z.maxLength(128)),
    platform: PlatformSchema,
    unrestricted: z.array(ReplySurfaceSchema),
    rules: z.array(ReplyWindowRuleSchema),
    sources: z._default(z.array(SourceRefSchema), []),
    note: z.optional(z.string().check(z.maxLength(4096))),
  }))();

/** A platform's reply-window data; see {@link ReplyWindowPolicySchema}. */
export type ReplyWindowPolicy = z.output<typeof ReplyWindowPolicySchema>;

/**
 * Schema of a {@link ReplyWindowEvent}: the latest inbound event of one kind in a thread
 * (`at`), and how many outbound messages the brand has sent since (`sentSince`,
 * public replies and internal notes not counted). `buildThreads` keeps one per kind.
 *
 * @example
 * ```ts
 * import { ReplyWindowEventSchema } from "@ops/interaction";
 * ReplyWindowEventSchema.parse({ kind: "dm", at: 1772933400000, sentSince: 2 });
 * // => { kind: "dm", at: 1772933400000, sentSince: 2 }
 * ```
 */
export const ReplyWindowEventSchema = /* @__PURE__ */ (() =>
  z.object({
    kind: InteractionKindSchema,
    at: InstantSchema,
    sentSince: z.int().check(z.minimum(0)),
  }))();

/** An opening event with its message count; see {@link ReplyWindowEventSchema}. */
export type ReplyWindowEvent = z.output<typeof ReplyWindowEventSchema>;

/**
 * Why a reply is or is not allowed:
 * `open` (a window is open), `unlimited` (the surface has no window, e.g. public replies),
 * `expired` (the window closed), `quota_exhausted` (the window is open but its messages are
 * used up), `not_opened` (no event of an opening kind yet), `unsupported` (the platform
 * offers no such surface for this thread), `blocked` (the user blocked the account — a `block`
 * interaction — after the event that opened the window; a new message from the user reopens it).
 */
export type ReplyAllowanceCode =
  | "open"
  | "unlimited"
  | "expired"
  | "quota_exhausted"
  | "not_opened"
  | "unsupported"
  | "blocked";

/**
 * Whether the brand may answer on one surface now: `allowed`, `until` (the instant the
 * window closes, exclusive; `null` when unlimited or closed), `messagesLeft` (`null` when
 * not counted), the rule and tag that allow it, and a `code` with a human `reason`.
 */
export interface ReplyAllowance {
  readonly surface: ReplySurface;
  readonly allowed: boolean;
  readonly code: ReplyAllowanceCode;
  readonly until: number | null;
  readonly messagesLeft: number | null;
  readonly ruleId: string | null;
  readonly tag: string | null;
  readonly reason: string;
}

/**
 * The answer of `replyPolicy`: the allowance on the thread's natural surface (`message`
 * for DM and group threads, `public_reply` for public threads), with every other surface's
 * allowance in `alternatives` (e.g. a private reply to a comment, or a tagged message
 * after the standard window closed).
 */
export interface ReplyDecision extends ReplyAllowance {
  readonly alternatives: readonly ReplyAllowance[];
}
