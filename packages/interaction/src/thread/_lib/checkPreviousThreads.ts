import { MAX_INSTANT, OpsError, type ActorId, type Instant, type ThreadId } from "@ops/core";
import type { Priority, ThreadStatus } from "../../model/Thread";
import { INTERACTION_KINDS, PRIORITIES, THREAD_STATUSES, THREAD_TYPES } from "../../_lib/modelValues";

/** What `buildThreads` carries over from a previous thread (the schema's defaults applied). */
export interface PreviousThread {
  readonly id: ThreadId;
  readonly status: ThreadStatus;
  readonly lastInboundAt: Instant | null;
  readonly snoozedUntil: Instant | null;
  readonly assignee: ActorId | null;
  readonly priority: Priority;
  readonly labels: readonly string[];
}

const CONTROL = /[\u0000-\u001f\u007f]/;
const PLATFORM = /^[a-z][a-z0-9_.-]{0,63}$/;

type Path = (string | number)[];
const bad = (fn: string, path: Path, rule: string, received: unknown): never => {
  throw new OpsError({ code: "invalid_argument", fn, path, rule, received });
};
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isInstant = (v: unknown): v is Instant =>
  typeof v === "number" && Number.isInteger(v) && Math.abs(v) <= MAX_INSTANT;
// core's IdSchema: a string of 1 to 256 characters without control characters
const isId = (v: unknown): v is string => typeof v === "string" && v.length >= 1 && v.length <= 256 && !CONTROL.test(v);
const oneOf = (list: readonly string[], v: unknown): boolean => typeof v === "string" && list.includes(v);

/**
 * The `previous` threads of `buildThreads`, checked without zod: it accepts and refuses
 * exactly what `z.array(ThreadSchema)` does (test/modelValues.test.ts compares the two on
 * random values), so that `buildThreads` need not bundle zod for a rarely used option.
 *
 * @throws {OpsError} `invalid_argument` naming the index and field of the first bad value
 */
export function checkPreviousThreads(list: unknown, fn: string, path: Path): PreviousThread[] {
  if (!Array.isArray(list)) return bad(fn, path, "must be an array of threads", list);
  const out: PreviousThread[] = [];
  for (let i = 0; i < list.length; i++) {
    const t: unknown = list[i];
    const at = (...rest: (string | number)[]): Path => [...path, i, ...rest];
    if (!isObject(t)) return bad(fn, at(), "must be a thread object", t);
    if (!isId(t.id)) bad(fn, at("id"), "must be a non-empty id of at most 256 characters", t.id);
    if (!isId(t.channelId)) bad(fn, at("channelId"), "must be a non-empty id of at most 256 characters", t.channelId);
    if (!oneOf(THREAD_TYPES, t.type)) bad(fn, at("type"), "must be public, dm or group", t.type);
    if (!oneOf(THREAD_STATUSES, t.status))
      bad(fn, at("status"), "must be open, pending, snoozed or resolved", t.status);
    if (t.rootId !== undefined && !isId(t.rootId)) bad(fn, at("rootId"), "must be an interaction id", t.rootId);
    if (t.counterpart !== undefined) checkActorRef(t.counterpart, fn, at("counterpart"));
    if (!isInstant(t.createdAt)) bad(fn, at("createdAt"), "must be an instant", t.createdAt);
    for (const f of ["waitingSince", "firstReplyAt", "lastInboundAt", "lastOutboundAt"] as const)
      if (t[f] !== null && !isInstant(t[f])) bad(fn, at(f), "must be an instant or null", t[f]);
    if (t.lastInboundKind !== null && !oneOf(INTERACTION_KINDS, t.lastInboundKind))
      bad(fn, at("lastInboundKind"), "must be an interaction kind or null", t.lastInboundKind);
    if (t.snoozedUntil != null && !isInstant(t.snoozedUntil))
      bad(fn, at("snoozedUntil"), "must be an instant or null", t.snoozedUntil);
    if (t.assignee != null && !isId(t.assignee)) bad(fn, at("assignee"), "must be an actor id or null", t.assignee);
    if (t.priority !== undefined && !oneOf(PRIORITIES, t.priority))
      bad(fn, at("priority"), "must be low, normal, high or urgent", t.priority);
    const labels = t.labels === undefined ? [] : t.labels;
    if (!Array.isArray(labels) || labels.length > 256)
      bad(fn, at("labels"), "must be an array of at most 256 labels", labels);
    for (let k = 0; k < (labels as unknown[]).length; k++) {
      const l = (labels as unknown[])[k];
      if (typeof l !== "string" || l.length < 1 || l.length > 128)
        bad(fn, at("labels", k), "must be a label of 1 to 128 characters", l);
    }
    const events = t.replyWindowEvents === undefined ? [] : t.replyWindowEvents;
    if (!Array.isArray(events)) bad(fn, at("replyWindowEvents"), "must be an array of reply-window events", events);
    for (let e = 0; e < (events as unknown[]).length; e++) {
      const ev = (events as unknown[])[e];
      if (!isObject(ev)) bad(fn, at("replyWindowEvents", e), "must be { kind, at, sentSince }", ev);
      const v = ev as Record<string, unknown>;
      if (!oneOf(INTERACTION_KINDS, v.kind))
        bad(fn, at("replyWindowEvents", e, "kind"), "must be an interaction kind", v.kind);
      if (!isInstant(v.at)) bad(fn, at("replyWindowEvents", e, "at"), "must be an instant", v.at);
      if (typeof v.sentSince !== "number" || !Number.isSafeInteger(v.sentSince) || v.sentSince < 0)
        bad(fn, at("replyWindowEvents", e, "sentSince"), "must be a whole number ≥ 0", v.sentSince);
    }
    out.push({
      id: t.id as ThreadId,
      status: t.status as ThreadStatus,
      lastInboundAt: t.lastInboundAt as Instant | null,
      snoozedUntil: (t.snoozedUntil ?? null) as Instant | null,
      assignee: (t.assignee ?? null) as ActorId | null,
      priority: (t.priority ?? "normal") as Priority,
      labels: [...(labels as string[])],
    });
  }
  return out;
}

/** core's `ActorRefSchema`: `{ platform: <lower-case id>, scope?: string ≤ 256 (default ""), userId: 1–256 characters }`. */
function checkActorRef(v: unknown, fn: string, path: Path): void {
  if (!isObject(v)) bad(fn, path, "must be an actor reference { platform, scope, userId }", v);
  const a = v as Record<string, unknown>;
  if (typeof a.platform !== "string" || !PLATFORM.test(a.platform))
    bad(fn, [...path, "platform"], "must be a lower-case platform id", a.platform);
  if (a.scope !== undefined && (typeof a.scope !== "string" || a.scope.length > 256))
    bad(fn, [...path, "scope"], "must be a string of at most 256 characters", a.scope);
  if (typeof a.userId !== "string" || a.userId.length < 1 || a.userId.length > 256)
    bad(fn, [...path, "userId"], "must be the platform's non-empty user id", a.userId);
}
