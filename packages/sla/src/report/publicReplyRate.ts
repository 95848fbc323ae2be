import { InstantSchema, OpsError, parseOrThrow, type Instant } from "@ops/core";
import { InteractionKindSchema, type Interaction, type InteractionKind } from "@ops/interaction";
import { rate, type Rate } from "@ops/metrics";
import * as z from "zod/mini";
import { addBusinessTime } from "../calendar/addBusinessTime";
import { businessTimeBetween } from "../calendar/businessTimeBetween";
import type { BusinessCalendar } from "../calendar/compileCalendar";
import { BusinessCalendarSchema } from "../policy/slaPolicy";
import { isThanksOnly } from "./isThanksOnly";

/** Options of {@link publicReplyRate}. */
export interface PublicReplyRateOptions {
  /** The reply target, ms (e.g. 2 h for product questions). */
  readonly target: number;
  /** The instant the rate is taken at; comments still inside their target and unanswered are left out. */
  readonly now: Instant;
  /** Count the target in this calendar's business time; default elapsed time. */
  readonly calendar?: BusinessCalendar | undefined;
  /** Inbound kinds that are comments; default `["comment", "reply"]`. */
  readonly kinds?: readonly InteractionKind[] | undefined;
  /** Which comments need a reply; default: every one whose text is not thanks-only (see `isThanksOnly`). */
  readonly needsReply?: ((comment: Interaction) => boolean) | undefined;
  /** Which brand messages count as an answer; default: not thanks-only. Use it to leave out bots and auto-replies too. */
  readonly countsAsReply?: ((reply: Interaction) => boolean) | undefined;
}

/** Schema of {@link PublicReplyRateOptions}. */
export const PublicReplyRateOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    target: z.int().check(z.positive({ error: "must be a positive integer number of milliseconds" })),
    now: InstantSchema,
    calendar: z.optional(BusinessCalendarSchema),
    kinds: z.optional(z.array(InteractionKindSchema)),
    needsReply: z.optional(z.function()),
    countsAsReply: z.optional(z.function()),
  }))();

/** The answer of {@link publicReplyRate}. */
export interface PublicReplyRate {
  /** Comments answered within the target ÷ comments that needed a reply and are decided. */
  readonly withinTarget: Rate;
  /** Comments answered at all (at any time up to `now`) ÷ the same denominator. */
  readonly answered: Rate;
  /** Comments left out because they need no reply (thanks, bots, …). */
  readonly excluded: number;
  /** Comments not yet answered whose target has not passed at `now` (not in the denominator). */
  readonly pending: number;
}

/**
 * The public-comment reply rate within target: of the public comments that needed a
 * reply, the share that got a counted brand reply (an outbound, non-internal interaction
 * whose `inReplyTo` is the comment — public or private reply) within `target`, measured
 * from the comment's `platformCreatedAt` in elapsed or business time. Predicates drop
 * comments that need no answer and replies that are no answer (bot messages, a bare
 * "谢谢"). A comment still unanswered inside its target is pending, not a miss.
 *
 * Definition: withinTarget = |{c : first counted reply r, t(r) − t(c) ≤ target}| ÷
 * |{c : answered, or target passed by now}|; a zero denominator gives `value: null` with
 * a reason (`@ops/metrics`' `rate`).
 *
 * @param interactions - comments and replies of any channel (not mutated); other interactions are ignored
 * @param options - `target`, `now`, and optionally `calendar`, `kinds`, `needsReply`, `countsAsReply`
 * @returns within-target and answered rates, with the excluded and pending counts
 * @throws {OpsError} `invalid_argument` for bad options or interactions without ids and times; `out_of_horizon` when the calendar does not cover a comment
 *
 * @example
 * ```ts
 * import { publicReplyRate } from "@ops/sla";
 * import { InteractionSchema } from "@ops/interaction";
 * const M = 60_000;
 * const t0 = Date.UTC(2026, 2, 9, 1, 0);
 * const base = { channelId: "ch_weibo", visibility: "public", actor: { platform: "weibo", userId: "u1" } };
 * const comment = (id: string, at: number, text: string) =>
 *   InteractionSchema.parse({ ...base, id, kind: "comment", direction: "in", content: { text }, platformCreatedAt: at, receivedAt: at });
 * const answer = (id: string, to: string, at: number, text: string) =>
 *   InteractionSchema.parse({ ...base, id, kind: "reply", direction: "out", inReplyTo: to, content: { text }, platformCreatedAt: at, receivedAt: at });
 * const r = publicReplyRate(
 *   [
 *     comment("c1", t0, "这个色号适合黄皮吗？"), answer("r1", "c1", t0 + 30 * M, "适合的，暖调黄皮很显白～"),
 *     comment("c2", t0, "有没有敏感肌能用的？"), answer("r2", "c2", t0 + 10 * M, "谢谢亲"),
 *     comment("c3", t0, "谢谢分享！"),
 *   ],
 *   { target: 60 * M, now: t0 + 3 * 60 * M },
 * );
 * [r.withinTarget.numerator, r.withinTarget.denominator, r.excluded];
 * // => [1, 2, 1]
 * ```
 */
export function publicReplyRate(
  interactions: readonly Interaction[],
  options: PublicReplyRateOptions,
): PublicReplyRate {
  const fn = "publicReplyRate";
  const o = parseOrThrow(PublicReplyRateOptionsSchema, options, { fn, path: ["options"] });
  if (!Array.isArray(interactions))
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["interactions"],
      rule: "must be an array of interactions",
    });
  const kinds = new Set<string>(o.kinds ?? ["comment", "reply"]);
  const needsReply = options.needsReply ?? ((c: Interaction) => !isThanksOnly(c.content?.text));
  const countsAsReply = options.countsAsReply ?? ((r: Interaction) => !isThanksOnly(r.content?.text));
  const calendar = options.calendar;
  const firstReply = new Map<string, number>();
  // a plain loop, not forEach: a hole in the array is an item to refuse, not one to skip
  for (let i = 0; i < interactions.length; i++) {
    const x = interactions[i] as Interaction;
    if (x === null || typeof x !== "object" || typeof x.id !== "string" || !Number.isInteger(x.platformCreatedAt)) {
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: ["interactions", i],
        rule: "must be an interaction with an id and platformCreatedAt",
      });
    }
    const text: unknown = x.content?.text;
    if (text !== undefined && typeof text !== "string") {
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: ["interactions", i, "content", "text"],
        rule: "must be a string",
        received: text,
      });
    }
    if (x.direction === "out" && x.visibility !== "internal_note" && x.inReplyTo !== undefined && countsAsReply(x)) {
      const prev = firstReply.get(x.inReplyTo);
      if (prev === undefined || x.platformCreatedAt < prev) firstReply.set(x.inReplyTo, x.platformCreatedAt);
    }
  }
  let excluded = 0;
  let pending = 0;
  let decided = 0;
  let answered = 0;
  let within = 0;
  for (const c of interactions) {
    if (c.direction !== "in" || c.visibility !== "public" || !kinds.has(c.kind)) continue;
    if (!needsReply(c)) {
      excluded++;
      continue;
    }
    const at = c.platformCreatedAt;
    const replied = firstReply.get(c.id);
    const repliedBy = replied !== undefined && replied <= o.now ? replied : undefined;
    if (repliedBy === undefined) {
      const due = calendar === undefined ? at + o.target : addBusinessTime(calendar, at, o.target);
      if (due >= o.now) pending++;
      else decided++;
      continue;
    }
    decided++;
    answered++;
    const took = calendar === undefined ? repliedBy - at : businessTimeBetween(calendar, at, repliedBy);
    if (took <= o.target) within++;
  }
  return { withinTarget: rate(within, decided), answered: rate(answered, decided), excluded, pending };
}
