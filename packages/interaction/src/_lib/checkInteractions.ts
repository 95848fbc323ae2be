import { assertInstant, OpsError } from "@ops/core";
import type { Interaction } from "../model/Interaction";
import { DIRECTIONS as DIRECTION_LIST, INTERACTION_KINDS, VISIBILITIES as VISIBILITY_LIST } from "./modelValues";

// plain lists, not the schemas' `.options`: a hot-path check must not bundle zod (modelValues.ts)
const KINDS: ReadonlySet<string> = /* @__PURE__ */ (() => new Set(INTERACTION_KINDS))();
const DIRECTIONS: ReadonlySet<string> = /* @__PURE__ */ (() => new Set(DIRECTION_LIST))();
const VISIBILITIES: ReadonlySet<string> = /* @__PURE__ */ (() => new Set(VISIBILITY_LIST))();

/**
 * A cheap structural check of interactions for hot paths (a zod parse of a million
 * objects costs seconds). Checks the fields the pure functions read; callers that want the
 * full check parse with `InteractionSchema` first.
 */
export function checkInteractions(
  list: unknown,
  fn: string,
  arg = "interactions",
): asserts list is readonly Interaction[] {
  if (!Array.isArray(list)) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: [arg],
      rule: "must be an array of interactions",
      received: list,
    });
  }
  for (let i = 0; i < list.length; i++) checkOne(list[i], fn, arg, i);
}

/** The bound of `@ops/core`'s `assertInstant`, checked inline so that valid items allocate nothing. */
const MAX_INSTANT = 8.64e15;
const ID_FIELDS = ["inReplyTo", "threadId", "nativeId"] as const;
const isInstant = (value: unknown): boolean =>
  typeof value === "number" && Number.isInteger(value) && Math.abs(value) <= MAX_INSTANT;

function fail(fn: string, path: (string | number)[], rule: string, received: unknown): never {
  throw new OpsError({ code: "invalid_argument", fn, path, rule, received });
}

// The error path is built only on failure: a valid item costs no allocation.
function checkOne(x: unknown, fn: string, arg: string, i: number): void {
  if (typeof x !== "object" || x === null) fail(fn, [arg, i], "must be an interaction object", x);
  const v = x as Record<string, unknown>;
  if (typeof v.id !== "string" || v.id.length === 0) fail(fn, [arg, i, "id"], "must be a non-empty string", v.id);
  if (typeof v.channelId !== "string" || v.channelId.length === 0)
    fail(fn, [arg, i, "channelId"], "must be a non-empty string", v.channelId);
  if (typeof v.kind !== "string" || !KINDS.has(v.kind))
    fail(fn, [arg, i, "kind"], `must be one of ${INTERACTION_KINDS.join(", ")}`, v.kind);
  if (typeof v.direction !== "string" || !DIRECTIONS.has(v.direction))
    fail(fn, [arg, i, "direction"], "must be in, out or activity", v.direction);
  if (typeof v.visibility !== "string" || !VISIBILITIES.has(v.visibility))
    fail(fn, [arg, i, "visibility"], "must be public, private or internal_note", v.visibility);
  const actor = v.actor as Record<string, unknown> | null | undefined;
  if (
    typeof actor !== "object" ||
    actor === null ||
    typeof actor.platform !== "string" ||
    typeof actor.scope !== "string" ||
    typeof actor.userId !== "string"
  ) {
    fail(fn, [arg, i, "actor"], "must be an actor reference { platform, scope, userId }", actor);
  }
  if (!isInstant(v.platformCreatedAt)) assertInstant(v.platformCreatedAt, fn, [arg, i, "platformCreatedAt"]);
  if (!isInstant(v.receivedAt)) assertInstant(v.receivedAt, fn, [arg, i, "receivedAt"]);
  for (let k = 0; k < ID_FIELDS.length; k++) {
    const key = ID_FIELDS[k] as (typeof ID_FIELDS)[number];
    const value = v[key];
    if (value !== undefined && (typeof value !== "string" || value.length === 0))
      fail(fn, [arg, i, key], "must be a non-empty string when present", value);
  }
  if (v.content !== undefined) checkContent(v.content, fn, arg, i);
}

/** `content`, when present: `{ text: string, media?: MediaItem[], hashtags?: string[] }` (what is read and passed on). */
function checkContent(c: unknown, fn: string, arg: string, i: number): void {
  const v = c as Record<string, unknown> | null;
  const media = v?.media;
  const tags = v?.hashtags;
  const str = (x: unknown) => x === undefined || typeof x === "string";
  if (
    typeof v !== "object" ||
    v === null ||
    typeof v.text !== "string" ||
    !(
      media === undefined ||
      (Array.isArray(media) && media.every((m) => typeof m?.type === "string" && str(m.id) && str(m.url)))
    ) ||
    !(tags === undefined || (Array.isArray(tags) && tags.every((t) => typeof t === "string")))
  )
    fail(fn, [arg, i, "content"], "must be { text: string, media?: { type, id?, url? }[], hashtags?: string[] }", c);
}
