import { checkOptions } from "../_lib/checkOptions";
import type { ActorRef, Instant, InteractionId, ThreadId } from "@ops/core";
import type { Interaction, InteractionKind } from "../model/Interaction";
import type { Thread, ThreadType } from "../model/Thread";
import type { ReplyWindowEvent } from "../replyWindow/ReplyWindowPolicy";
import { checkInteractions } from "../_lib/checkInteractions";
import { ANSWERABLE_KINDS, ANSWER_KINDS, ownThreadKey, threadIdOf, type ThreadKey } from "./_lib/threadKey";
import { chronological, dedupeIndexed } from "../_lib/order";
import { checkPreviousThreads, type PreviousThread } from "./_lib/checkPreviousThreads";

/** Options of {@link buildThreads}. */
export interface BuildThreadsOptions {
  /**
   * Threads as the team left them (assignee, priority, labels, snoozed / resolved status).
   * These are carried over by id; a snoozed or resolved thread stays so until a new
   * message that expects an answer arrives after its `lastInboundAt`.
   */
  readonly previous?: readonly Thread[];
}

/** What {@link buildThreads} returns. */
export interface ThreadBuild {
  /** The threads, oldest first (by `createdAt`, then id). */
  readonly threads: readonly Thread[];
  /** The thread of each threaded interaction. Likes, reposts and campaign entries have none. */
  readonly threadOf: ReadonlyMap<InteractionId, ThreadId>;
  /** The interactions of each thread, in chronological order. */
  readonly members: ReadonlyMap<ThreadId, readonly Interaction[]>;
}

interface Acc {
  id: ThreadId;
  type: ThreadType;
  channelId: Interaction["channelId"];
  rootId: InteractionId;
  counterpart: ActorRef | undefined;
  createdAt: Instant;
  waitingSince: Instant | null;
  firstReplyAt: Instant | null;
  lastInboundAt: Instant | null;
  lastInboundKind: InteractionKind | null;
  lastOutboundAt: Instant | null;
  lastAskAt: Instant | null;
  asked: boolean;
  answered: boolean;
  events: Map<InteractionKind, { at: Instant; sentSince: number }>;
  members: Interaction[];
}

/**
 * Groups interactions into threads and computes each thread's clocks — the data an SLA
 * and a reply queue read.
 *
 * **Which thread.** An interaction with `threadId` goes there; one with `inReplyTo` joins
 * its parent's thread (followed up the chain); otherwise a private message, follow, menu
 * click or QR scan joins the conversation with its user (by `conversation.id` when
 * present, else by the user's identity — `recipient` for outbound messages), and a
 * public comment, mention, quote or report opens its own public thread (one thread per
 * top-level comment, so that each gets its own clock). Likes, reposts, campaign entries
 * and lone internal notes belong to no thread. A `recall` joins the thread of the message
 * it recalls (matched by `nativeId`).
 *
 * **Clocks** (platform time, `platformCreatedAt`), in the sense of Zendesk's metrics:
 * `waitingSince` is the first inbound message (comment, reply, dm, mention, quote, report)
 * not followed by an outbound answer; `firstReplyAt` the first answer after the first such
 * message; an answer is an outbound comment / reply / dm / mention / quote whose delivery
 * did not fail. Internal notes and likes never start or stop a clock.
 * `replyWindowEvents` keeps, per inbound kind, its latest event and the private messages
 * sent since (for `replyPolicy`).
 *
 * **Status**: `open` while someone waits, else `pending` when the team has answered, else
 * `resolved`; `previous` carries the team's snoozed / resolved states (see options).
 *
 * Duplicates (the same id twice, as webhook retries produce) are kept once: the copy
 * received last wins.
 *
 * @param interactions - any order; not mutated
 * @param options - the team's previous thread states
 * @returns threads, the thread of each interaction and each thread's members
 * @throws {OpsError} `invalid_argument` naming the index and field of a malformed interaction or previous thread
 *
 * @example
 * ```ts
 * import { buildThreads } from "@ops/interaction";
 * const user = { platform: "wechat_oa", scope: "gh_1", userId: "oU1" };
 * const brand = { platform: "wechat_oa", scope: "gh_1", userId: "gh_1" };
 * const base = { channelId: "ch_wx", visibility: "private", receivedAt: 0 } as const;
 * const { threads } = buildThreads([
 *   { ...base, id: "m1", kind: "dm", direction: "in", actor: user, platformCreatedAt: 1_000 },
 *   { ...base, id: "m2", kind: "dm", direction: "out", actor: brand, recipient: user, platformCreatedAt: 61_000 },
 *   { ...base, id: "m3", kind: "dm", direction: "in", actor: user, platformCreatedAt: 90_000 },
 * ] as never);
 * const t = threads[0]!;
 * [threads.length, t.status, t.firstReplyAt, t.waitingSince];
 * // => [1, "open", 61000, 90000]
 * ```
 */
export function buildThreads(interactions: readonly Interaction[], options: BuildThreadsOptions = {}): ThreadBuild {
  const fn = "buildThreads";
  checkInteractions(interactions, fn);
  checkOptions(options, fn);
  // checked as `ThreadSchema` would, without bundling zod for this rarely used option
  const previous =
    options.previous === undefined ? [] : checkPreviousThreads(options.previous, fn, ["options", "previous"]);
  const unique = dedupeIndexed(interactions);
  const list = chronological(unique.list);

  // The de-duplication index doubles as the id index (it points at the copy kept). Only
  // recalls need the native-id index: it is built over the whole list at the first recall.
  const byId = {
    get: (id: string): Interaction | undefined => {
      const i = unique.indexOf.get(id);
      return i === undefined ? undefined : interactions[i];
    },
  };
  let byNative: Map<string, Interaction> | undefined;
  const nativeIndex = (): Map<string, Interaction> => {
    if (byNative !== undefined) return byNative;
    byNative = new Map();
    for (const x of list)
      if (x.nativeId !== undefined && x.kind !== "recall") byNative.set(`${x.channelId}|${x.nativeId}`, x);
    return byNative;
  };
  const keyOf = new Map<string, ThreadKey | null>();
  const ownKey = (x: Interaction): ThreadKey | null =>
    x.threadId !== undefined
      ? {
          key: `\u0000${x.threadId}`,
          type: x.visibility === "public" ? "public" : x.conversation?.type === "group" ? "group" : "dm",
        }
      : ownThreadKey(x, nativeOwner);
  // Walks up the inReplyTo chain without recursion (chains can be deep), then assigns
  // keys downwards: a child takes its parent's key, or its own when the parent has none.
  const resolve = (x: Interaction): ThreadKey | null => {
    // A root (no link up) needs no memo: its key is a pure function of its own fields.
    if (x.threadId !== undefined || x.inReplyTo === undefined) return ownKey(x);
    if (keyOf.has(x.id)) return keyOf.get(x.id) ?? null;
    const path: Interaction[] = [];
    const onPath = new Set<string>();
    let cur: Interaction | undefined = x;
    let inherited: ThreadKey | null | undefined;
    while (cur !== undefined) {
      if (cur !== x && (cur.threadId !== undefined || cur.inReplyTo === undefined)) {
        inherited = ownKey(cur);
        break;
      }
      if (keyOf.has(cur.id)) {
        inherited = keyOf.get(cur.id) ?? null;
        break;
      }
      path.push(cur);
      onPath.add(cur.id);
      if (cur.threadId !== undefined || cur.inReplyTo === undefined) break;
      const parent = byId.get(cur.inReplyTo);
      if (parent === undefined || onPath.has(parent.id)) break;
      cur = parent;
    }
    let key: ThreadKey | null = inherited ?? null;
    for (let i = path.length - 1; i >= 0; i--) {
      const node = path[i] as Interaction;
      const own = i === path.length - 1 && inherited === undefined;
      key = own || key === null || node.threadId !== undefined ? ownKey(node) : key;
      keyOf.set(node.id, key);
    }
    return key;
  };
  const nativeOwner = (x: Interaction): ThreadKey | null => {
    const owner = x.target === undefined ? undefined : nativeIndex().get(`${x.channelId}|${x.target.id}`);
    return owner === undefined || owner === x ? null : resolve(owner);
  };

  const accs = new Map<string, Acc>();
  const threadOf = new Map<InteractionId, ThreadId>();
  for (const x of list) {
    const key = resolve(x);
    if (key === null) continue;
    let acc = accs.get(key.key);
    if (acc === undefined) {
      const id = key.key.startsWith("\u0000") ? (key.key.slice(1) as ThreadId) : threadIdOf(key.key);
      acc = newAcc(id, key.type, x);
      accs.set(key.key, acc);
    }
    threadOf.set(x.id, acc.id);
    step(acc, x);
  }

  const prevById = new Map(previous.map((t) => [t.id as string, t]));
  const threads: Thread[] = [];
  const members = new Map<ThreadId, readonly Interaction[]>();
  for (const acc of accs.values()) {
    threads.push(finish(acc, prevById.get(acc.id)));
    members.set(acc.id, acc.members);
  }
  threads.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { threads, threadOf, members };
}

function newAcc(id: ThreadId, type: ThreadType, x: Interaction): Acc {
  return {
    id,
    type,
    channelId: x.channelId,
    rootId: x.id,
    counterpart: type === "public" ? undefined : x.direction === "out" ? x.recipient : x.actor,
    createdAt: x.platformCreatedAt,
    waitingSince: null,
    firstReplyAt: null,
    lastInboundAt: null,
    lastInboundKind: null,
    lastOutboundAt: null,
    lastAskAt: null,
    asked: false,
    answered: false,
    events: new Map(),
    members: [],
  };
}

function step(acc: Acc, x: Interaction): void {
  acc.members.push(x);
  if (x.visibility === "internal_note") return;
  const t = x.platformCreatedAt;
  if (x.direction === "out") {
    if (!ANSWER_KINDS.has(x.kind) || x.delivery?.status === "failed") return;
    acc.lastOutboundAt = t;
    acc.answered = true;
    if (acc.waitingSince !== null) acc.waitingSince = null;
    if (acc.firstReplyAt === null && acc.asked) acc.firstReplyAt = t;
    if (x.visibility === "private") for (const e of acc.events.values()) e.sentSince++;
    return;
  }
  if (acc.counterpart === undefined && acc.type !== "public") acc.counterpart = x.actor;
  acc.events.set(x.kind, { at: t, sentSince: 0 });
  if (x.direction !== "in") return;
  acc.lastInboundAt = t;
  acc.lastInboundKind = x.kind;
  if (ANSWERABLE_KINDS.has(x.kind)) {
    acc.asked = true;
    acc.lastAskAt = t;
    if (acc.waitingSince === null) acc.waitingSince = t;
  }
}

function finish(acc: Acc, prev: PreviousThread | undefined): Thread {
  let status: Thread["status"] = acc.waitingSince !== null ? "open" : acc.answered ? "pending" : "resolved";
  let waitingSince = acc.waitingSince;
  if (prev !== undefined && (prev.status === "snoozed" || prev.status === "resolved")) {
    const newAsk = acc.lastAskAt !== null && (prev.lastInboundAt === null || acc.lastAskAt > prev.lastInboundAt);
    if (!newAsk) {
      status = prev.status;
      if (status === "resolved") waitingSince = null;
    }
  }
  const replyWindowEvents: ReplyWindowEvent[] = [];
  for (const [kind, e] of acc.events) replyWindowEvents.push({ kind, at: e.at, sentSince: e.sentSince });
  replyWindowEvents.sort((a, b) => a.at - b.at || (a.kind < b.kind ? -1 : 1));
  const thread: Thread = {
    id: acc.id,
    channelId: acc.channelId,
    type: acc.type,
    status,
    rootId: acc.rootId,
    createdAt: acc.createdAt,
    waitingSince,
    firstReplyAt: acc.firstReplyAt,
    lastInboundAt: acc.lastInboundAt,
    lastInboundKind: acc.lastInboundKind,
    lastOutboundAt: acc.lastOutboundAt,
    snoozedUntil: prev === undefined ? null : prev.snoozedUntil,
    assignee: prev?.assignee ?? null,
    priority: prev?.priority ?? "normal",
    labels: prev === undefined ? [] : [...prev.labels],
    replyWindowEvents,
  };
  if (acc.counterpart !== undefined) return { ...thread, counterpart: { ...acc.counterpart } };
  return thread;
}
