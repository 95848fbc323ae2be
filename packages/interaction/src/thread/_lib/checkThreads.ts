import { assertInstant, OpsError } from "@ops/core";
import type { Thread } from "../../model/Thread";
import { PRIORITIES as PRIORITY_LIST, THREAD_STATUSES, THREAD_TYPES } from "../../_lib/modelValues";

const STATUSES: ReadonlySet<string> = /* @__PURE__ */ (() => new Set(THREAD_STATUSES))();
const PRIORITIES: ReadonlySet<string> = /* @__PURE__ */ (() => new Set(PRIORITY_LIST))();
const TYPES: ReadonlySet<string> = /* @__PURE__ */ (() => new Set(THREAD_TYPES))();

/**
 * A cheap structural check of threads for hot paths (the fields the queue reads); a zod
 * parse per thread costs tens of microseconds.
 */
export function checkThreads(list: unknown, fn: string, arg = "threads"): asserts list is readonly Thread[] {
  if (!Array.isArray(list))
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: [arg],
      rule: "must be an array of threads",
      received: list,
    });
  for (let i = 0; i < list.length; i++) {
    const t = list[i] as Record<string, unknown> | null;
    const at = (field: string) => [arg, i, field];
    if (typeof t !== "object" || t === null)
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: [arg, i],
        rule: "must be a thread object",
        received: t,
      });
    if (typeof t.id !== "string" || t.id === "")
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: at("id"),
        rule: "must be a non-empty string",
        received: t.id,
      });
    if (typeof t.channelId !== "string" || t.channelId === "")
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: at("channelId"),
        rule: "must be a non-empty string",
        received: t.channelId,
      });
    if (typeof t.type !== "string" || !TYPES.has(t.type))
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: at("type"),
        rule: "must be public, dm or group",
        received: t.type,
      });
    if (typeof t.status !== "string" || !STATUSES.has(t.status))
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: at("status"),
        rule: "must be open, pending, snoozed or resolved",
        received: t.status,
      });
    if (typeof t.priority !== "string" || !PRIORITIES.has(t.priority))
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: at("priority"),
        rule: "must be low, normal, high or urgent",
        received: t.priority,
      });
    assertInstant(t.createdAt, fn, at("createdAt"));
    for (const f of ["waitingSince", "snoozedUntil", "firstReplyAt", "lastInboundAt", "lastOutboundAt"] as const)
      if (t[f] !== null && t[f] !== undefined) assertInstant(t[f], fn, at(f));
    if (t.lastInboundKind !== null && t.lastInboundKind !== undefined && typeof t.lastInboundKind !== "string")
      bad(fn, at("lastInboundKind"), "must be an interaction kind or null", t.lastInboundKind);
    const labels = t.labels;
    if (labels !== undefined && (!Array.isArray(labels) || labels.some((l) => typeof l !== "string")))
      bad(fn, at("labels"), "must be an array of strings", labels);
    const events = t.replyWindowEvents;
    if (events !== undefined) {
      if (!Array.isArray(events)) bad(fn, at("replyWindowEvents"), "must be an array of reply-window events", events);
      for (let e = 0; e < events.length; e++) {
        const ev = events[e] as Record<string, unknown> | null;
        const p = [arg, i, "replyWindowEvents", e];
        if (typeof ev !== "object" || ev === null) bad(fn, p, "must be { kind, at, sentSince }", ev);
        if (typeof ev.kind !== "string") bad(fn, [...p, "kind"], "must be an interaction kind", ev.kind);
        assertInstant(ev.at, fn, [...p, "at"]);
        if (typeof ev.sentSince !== "number" || !Number.isSafeInteger(ev.sentSince) || ev.sentSince < 0)
          bad(fn, [...p, "sentSince"], "must be a whole number ≥ 0", ev.sentSince);
      }
    }
    if (t.assignee !== null && t.assignee !== undefined && typeof t.assignee !== "string")
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: at("assignee"),
        rule: "must be an actor id or null",
        received: t.assignee,
      });
  }
}

function bad(fn: string, path: (string | number)[], rule: string, received: unknown): never {
  throw new OpsError({ code: "invalid_argument", fn, path, rule, received });
}
