import { actorKey, parseOrThrow, type ActorRef, type ChannelId, type Instant, type Period } from "@ops/core";
import { ActorRefSchema, PeriodSchema } from "@ops/core";
import * as z from "zod/mini";
import type { Interaction, InteractionKind } from "../model/Interaction";
import { checkInteractions } from "../_lib/checkInteractions";
import { checkOptions } from "../_lib/checkOptions";
import { chronological, dedupeById } from "../_lib/order";

/** Options of {@link actorHistory}. */
export interface ActorHistoryOptions {
  /** Only interactions whose platform time is in this half-open period `[start, end)`; default: all. */
  readonly period?: Period;
  /** Keep internal notes about the actor (default true: the history is for the team). */
  readonly includeInternalNotes?: boolean;
}

/** What {@link actorHistory} returns. */
export interface ActorHistory {
  /** The interactions by or to the actor, oldest first. */
  readonly interactions: readonly Interaction[];
  /** How many of each kind the actor authored (outbound messages to them not counted). */
  readonly countsByKind: Readonly<Partial<Record<InteractionKind, number>>>;
  /** The channels the actor was seen on, sorted. */
  readonly channels: readonly ChannelId[];
  /** Earliest and latest platform time of the actor's own interactions; `null` when none. */
  readonly firstSeenAt: Instant | null;
  readonly lastSeenAt: Instant | null;
}

const IdentitiesSchema = /* @__PURE__ */ (() =>
  z.array(ActorRefSchema).check(z.minLength(1, { error: "must list at least one identity" })))();

/**
 * One person's history with the brand — what they wrote, liked, entered, and what the team
 * sent them — across all their identities (pass `actor.identities` of a merged
 * {@link Actor} to see every channel), for personal answers in DMs.
 *
 * An interaction belongs to the history when its `actor` or `recipient` is one of the
 * identities (compared by `actorKey`, so scope matters: a WeChat OpenID is only the same
 * user within its account).
 *
 * @param interactions - any order; not mutated
 * @param identities - the actor's platform identities
 * @param options - period and internal notes
 * @returns the history, oldest first, with counts by kind
 * @throws {OpsError} `invalid_argument` for malformed interactions, identities or period
 *
 * @example
 * ```ts
 * import { actorHistory } from "@ops/interaction";
 * const me = { platform: "douyin", scope: "aw_app", userId: "_000abc" };
 * const other = { platform: "douyin", scope: "aw_app", userId: "_000xyz" };
 * const x = (id: string, actor: typeof me, kind: string, t: number) =>
 *   ({ id, channelId: "ch_dy", kind, direction: "in", visibility: "public", actor, platformCreatedAt: t, receivedAt: t });
 * const h = actorHistory([x("1", me, "comment", 5), x("2", other, "comment", 6), x("3", me, "like", 7)] as never, [me]);
 * [h.interactions.map((i) => i.id), h.countsByKind, h.lastSeenAt];
 * // => [["1", "3"], { comment: 1, like: 1 }, 7]
 * ```
 */
export function actorHistory(
  interactions: readonly Interaction[],
  identities: readonly ActorRef[],
  options: ActorHistoryOptions = {},
): ActorHistory {
  const fn = "actorHistory";
  checkInteractions(interactions, fn);
  checkOptions(options, fn);
  const refs = parseOrThrow(IdentitiesSchema, identities, { fn, path: ["identities"] });
  const period =
    options.period === undefined
      ? undefined
      : parseOrThrow(PeriodSchema, options.period, { fn, path: ["options", "period"] });
  const keys = new Set(refs.map((r) => actorKey(r)));
  const notes = options.includeInternalNotes ?? true;
  const picked: Interaction[] = [];
  const counts: Partial<Record<InteractionKind, number>> = {};
  const channels = new Set<string>();
  let first: Instant | null = null;
  let last: Instant | null = null;
  for (const x of chronological(dedupeById(interactions))) {
    const t = x.platformCreatedAt;
    if (period !== undefined && (t < period.start || t >= period.end)) continue;
    if (!notes && x.visibility === "internal_note") continue;
    const own = keys.has(actorKey(x.actor));
    const toThem = x.recipient !== undefined && keys.has(actorKey(x.recipient));
    if (!own && !toThem) continue;
    picked.push(x);
    channels.add(x.channelId);
    if (own) {
      counts[x.kind] = (counts[x.kind] ?? 0) + 1;
      if (first === null) first = t;
      last = t;
    }
  }
  return {
    interactions: picked,
    countsByKind: counts,
    channels: [...channels].sort() as ChannelId[],
    firstSeenAt: first,
    lastSeenAt: last,
  };
}
