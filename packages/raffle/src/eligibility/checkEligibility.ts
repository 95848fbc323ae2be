import { actorKey, InstantSchema, OpsError, parseOrThrow, type Instant } from "@ops/core";
import { InteractionSchema, type Interaction, type InteractionInput } from "@ops/interaction";
import * as z from "zod/mini";
import type { ReadonlyDeep } from "@ops/core";
import { compareUtf8 } from "../_lib/utf8Order";
import { EligibilityRulesSchema, type EligibilityRulesInput } from "./EligibilityRulesSchema";

/** Why an entrant was excluded, in the order the rules are checked. */
export type ExclusionReason =
  | "blocklisted"
  | "previous_winner"
  | "bot"
  | "not_following"
  | "no_repost"
  | "no_qualifying_comment"
  | "too_few_mentions"
  | "account_too_new"
  | "too_few_followers"
  | "duplicate_actor";

/** Every {@link ExclusionReason}, in checking order. */
export const EXCLUSION_REASONS: readonly ExclusionReason[] = /* @__PURE__ */ (() =>
  Object.freeze<ExclusionReason[]>([
    "blocklisted",
    "previous_winner",
    "bot",
    "not_following",
    "no_repost",
    "no_qualifying_comment",
    "too_few_mentions",
    "account_too_new",
    "too_few_followers",
    "duplicate_actor",
  ]))();

/**
 * Schema of the facts {@link checkEligibility} needs besides the events: the campaign post,
 * the close time, and the data the rules refer to. Ids in lists are canonical entrant ids.
 */
export const EligibilityContextSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    /** The platform's id of the campaign post that must be reposted / commented on. */
    postId: z.string().check(z.minLength(1), z.maxLength(512)),
    /** The campaign id that `campaign_entry` interactions carry, if any. */
    campaignId: z.optional(z.string().check(z.minLength(1), z.maxLength(256))),
    /** Entries open (inclusive) and close (inclusive), epoch ms, on `platformCreatedAt`. */
    opensAt: z.optional(InstantSchema),
    closeAt: InstantSchema,
    /** Canonical ids known to follow the account at close (a follower-list snapshot). */
    followers: z.optional(z.array(z.string())),
    /** Profile facts per canonical id: account creation instant and follower count. */
    profiles: z.optional(
      z.record(
        z.string(),
        z.strictObject({
          accountCreatedAt: z.optional(InstantSchema),
          followers: z.optional(z.int().check(z.minimum(0))),
        }),
      ),
    ),
    blocklist: z.optional(z.array(z.string())),
    previousWinners: z.optional(z.array(z.string())),
  }))();

/** Facts for {@link checkEligibility}; see {@link EligibilityContextSchema}. Arrays may be read-only. */
export type EligibilityContext = ReadonlyDeep<z.input<typeof EligibilityContextSchema>>;

/** Options of {@link checkEligibility}. */
export interface CheckEligibilityOptions {
  /**
   * The integrator's bot/spam verdict, called once per candidate (in canonical order) when
   * `rules.excludeBots` is set. It must be deterministic (same input, same answer), so that
   * the published exclusion counts can be reproduced.
   */
  readonly isBot?: (entrant: { readonly id: string; readonly events: readonly Interaction[] }) => boolean;
  /** Chances per eligible entrant (integer ≥ 1); default 1. Same determinism rule. */
  readonly weight?: (entrant: { readonly id: string; readonly events: readonly Interaction[] }) => number;
}

/** The outcome of {@link checkEligibility}. */
export interface EligibilityResult {
  /** Eligible entrants, sorted by UTF-8 bytes of the id, ready for `compileEntrants`. */
  readonly entrants: readonly { readonly id: string; readonly weight: number }[];
  /** Excluded candidates with every rule they broke, sorted by id. */
  readonly excluded: readonly { readonly id: string; readonly reasons: readonly ExclusionReason[] }[];
  /** Excluded candidates per first broken rule (sums to `excluded.length`). */
  readonly counts: Readonly<Record<ExclusionReason, number>>;
  /** Number of distinct candidates (actors with an entry-like interaction in the window). */
  readonly candidates: number;
  /** Interactions outside the entry window, ignored. */
  readonly outsideWindow: number;
}

const ENTRY_KINDS = /* @__PURE__ */ new Set([
  "comment",
  "reply",
  "quote",
  "repost",
  "campaign_entry",
  "mention",
  "like",
  // WeChat 在看 ("Wow"): as a like, it makes its actor a candidate; draws that ask for
  // "点赞 + 在看 + 留言" add a comment rule on top
  "wow",
]);

/**
 * Decides who may enter a draw from interaction events (the @ops/interaction model):
 * candidates are actors with a comment, reply, quote, repost, like, 在看 (`wow`), mention or
 * campaign entry on the campaign post (or carrying the campaign id) inside the entry window; each
 * is checked against the spec's rules in a fixed order — blocklist, previous winners,
 * bot verdict, follow (last follow/unfollow event at or before close, or the follower
 * snapshot), repost, comment with a keyword (NFKC, case-insensitive, in the text or the
 * hashtags) and at least N @mentions, account age, followers — then one entry per actor:
 * identities merged into one `actorId` keep only the first canonical id (UTF-8 order).
 * Deterministic: same events and context, same result, whatever the event order.
 *
 * @param rules - the spec's `eligibility.rules`
 * @param interactions - the campaign's interactions (not mutated)
 * @param context - post id, window and the lists rules refer to
 * @param options - bot verdict and weight hooks
 * @returns eligible entrants, excluded ones with reasons, per-reason counts
 * @throws {OpsError} `invalid_argument` for bad rules, events or context, or a weight hook
 *   that returns something other than an integer ≥ 1
 *
 * @example
 * ```ts
 * import { checkEligibility } from "@ops/raffle";
 * const base = { channelId: "ch_weibo", direction: "in", visibility: "public", target: { type: "post", id: "P1" }, platformCreatedAt: 1000, receivedAt: 1000 } as const;
 * const events = [
 *   { ...base, id: "i1", kind: "repost", actor: { platform: "weibo", userId: "1" } },
 *   { ...base, id: "i2", kind: "comment", actor: { platform: "weibo", userId: "1" }, content: { text: "#春日妆容 @小美" } },
 *   { ...base, id: "i3", kind: "comment", actor: { platform: "weibo", userId: "2" }, content: { text: "抽我" } },
 * ] as const;
 * const result = checkEligibility({ mustRepost: true, comment: { keywords: ["#春日妆容"] } }, events, { postId: "P1", closeAt: 5000 });
 * result.entrants;
 * // => [{ id: "weibo::1", weight: 1 }]
 * result.counts.no_repost;
 * // => 1
 * ```
 */
export function checkEligibility(
  rules: EligibilityRulesInput,
  interactions: readonly InteractionInput[],
  context: EligibilityContext,
  options: CheckEligibilityOptions = {},
): EligibilityResult {
  const fn = "checkEligibility";
  const r = parseOrThrow(EligibilityRulesSchema, rules, { fn, path: ["rules"] });
  if (!Array.isArray(interactions))
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["interactions"],
      rule: "must be an array of interaction events",
      received: interactions,
    });
  // item by item: the first bad event is reported at once (zod would collect every issue of
  // every item first — seconds for 10 000 malformed events)
  const events: Interaction[] = [];
  for (let i = 0; i < interactions.length; i++)
    events.push(parseOrThrow(InteractionSchema, interactions[i], { fn, path: ["interactions", i] }));
  const ctx = parseOrThrow(EligibilityContextSchema, context, { fn, path: ["context"] });
  const inWindow = (t: Instant): boolean => t <= ctx.closeAt && (ctx.opensAt === undefined || t >= ctx.opensAt);
  const byActor = new Map<string, Interaction[]>();
  const candidates = new Set<string>();
  let outside = 0;
  for (const e of events) {
    if (!inWindow(e.platformCreatedAt)) {
      outside++;
      continue;
    }
    const id = actorKey(e.actor);
    const list = byActor.get(id);
    if (list) list.push(e);
    else byActor.set(id, [e]);
    const aboutCampaign =
      e.target?.id === ctx.postId || (ctx.campaignId !== undefined && e.campaignId === ctx.campaignId);
    if (aboutCampaign && ENTRY_KINDS.has(e.kind) && e.direction !== "out") candidates.add(id);
  }
  const followers = new Set(ctx.followers ?? []);
  const blocked = new Set(ctx.blocklist ?? []);
  const winners = new Set(ctx.previousWinners ?? []);
  const keywords = (r.comment?.keywords ?? []).map(fold);
  const ids = [...candidates].sort(compareUtf8);
  const eligible: { id: string; weight: number; actorId?: string }[] = [];
  const excluded: { id: string; reasons: ExclusionReason[] }[] = [];
  for (const id of ids) {
    const own = (byActor.get(id) ?? [])
      .slice()
      .sort((a, b) => a.platformCreatedAt - b.platformCreatedAt || compareUtf8(a.id, b.id));
    const reasons: ExclusionReason[] = [];
    if (r.excludeBlocklisted && blocked.has(id)) reasons.push("blocklisted");
    if (r.excludePreviousWinners && winners.has(id)) reasons.push("previous_winner");
    if (r.excludeBots && options.isBot?.({ id, events: own }) === true) reasons.push("bot");
    if (r.mustFollow && !follows(own, followers.has(id))) reasons.push("not_following");
    const onPost = own.filter((e) => e.target?.id === ctx.postId);
    if (r.mustRepost && !onPost.some((e) => e.kind === "repost" || e.kind === "quote")) reasons.push("no_repost");
    if (r.comment) {
      const comments = onPost.filter((e) => e.kind === "comment" || e.kind === "reply" || e.kind === "quote");
      const matching = comments.filter((e) => keywords.length === 0 || keywords.some((k) => hasKeyword(e, k)));
      if (matching.length === 0) reasons.push("no_qualifying_comment");
      else if (
        r.comment.minMentions !== undefined &&
        !matching.some((e) => mentions(e) >= (r.comment?.minMentions ?? 0))
      )
        reasons.push("too_few_mentions");
    }
    const profile = ctx.profiles?.[id];
    if (r.minAccountAgeDays !== undefined) {
      const created = profile?.accountCreatedAt;
      if (created === undefined || created > ctx.closeAt - r.minAccountAgeDays * 86_400_000)
        reasons.push("account_too_new");
    }
    if (r.minFollowers !== undefined && (profile?.followers ?? -1) < r.minFollowers) reasons.push("too_few_followers");
    if (reasons.length > 0) {
      excluded.push({ id, reasons });
      continue;
    }
    const weight = options.weight ? options.weight({ id, events: own }) : 1;
    if (!Number.isInteger(weight) || weight < 1)
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: ["options", "weight"],
        rule: "must return an integer ≥ 1",
        received: weight,
      });
    const actorId = own.find((e) => e.actorId !== undefined)?.actorId;
    eligible.push(actorId === undefined ? { id, weight } : { id, weight, actorId });
  }
  const seenActors = new Set<string>();
  const entrants: { id: string; weight: number }[] = [];
  for (const e of eligible) {
    if (e.actorId !== undefined && seenActors.has(e.actorId)) {
      excluded.push({ id: e.id, reasons: ["duplicate_actor"] });
      continue;
    }
    if (e.actorId !== undefined) seenActors.add(e.actorId);
    entrants.push({ id: e.id, weight: e.weight });
  }
  excluded.sort((a, b) => compareUtf8(a.id, b.id));
  const counts = Object.fromEntries(EXCLUSION_REASONS.map((reason) => [reason, 0])) as Record<ExclusionReason, number>;
  for (const x of excluded) counts[x.reasons[0] as ExclusionReason]++;
  return { entrants, excluded, counts, candidates: ids.length, outsideWindow: outside };
}

function fold(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/^#/, "");
}

function hasKeyword(e: Interaction, keyword: string): boolean {
  return fold(e.content?.text ?? "").includes(keyword) || (e.content?.hashtags ?? []).some((h) => fold(h) === keyword);
}

function mentions(e: Interaction): number {
  return (e.content?.text ?? "").match(/@[^\s@]+/gu)?.length ?? 0;
}

function follows(events: readonly Interaction[], inSnapshot: boolean): boolean {
  let state: boolean | null = null;
  for (const e of events) {
    if (e.kind === "follow") state = true;
    else if (e.kind === "unfollow") state = false;
  }
  return state ?? inSnapshot;
}
