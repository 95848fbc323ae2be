import { assertInstant, OpsError } from "@ops/core";
import type { Interaction } from "../model/Interaction";
import { DirectionSchema, InteractionKindSchema, VisibilitySchema } from "../model/Interaction";

const KINDS: ReadonlySet<string> = new Set(InteractionKindSchema.options);
const DIRECTIONS: ReadonlySet<string> = new Set(DirectionSchema.options);
const VISIBILITIES: ReadonlySet<string> = new Set(VisibilitySchema.options);

/**
 * A cheap structural check of interactions for hot paths (a zod parse of a million
 * objects costs seconds). Checks the fields the pure functions read; callers that want the
 * full check parse with `InteractionSchema` first.
 */
export function checkInteractions(list: unknown, fn: string, arg = "interactions"): asserts list is readonly Interaction[] {
  if (!Array.isArray(list)) {
    throw new OpsError({ code: "invalid_argument", fn, path: [arg], rule: "must be an array of interactions", received: list });
  }
  for (let i = 0; i < list.length; i++) checkOne(list[i], fn, [arg, i]);
}

function fail(fn: string, path: (string | number)[], rule: string, received: unknown): never {
  throw new OpsError({ code: "invalid_argument", fn, path, rule, received });
}

function checkOne(x: unknown, fn: string, path: (string | number)[]): void {
  if (typeof x !== "object" || x === null) fail(fn, path, "must be an interaction object", x);
  const v = x as Record<string, unknown>;
  if (typeof v.id !== "string" || v.id.length === 0) fail(fn, [...path, "id"], "must be a non-empty string", v.id);
  if (typeof v.channelId !== "string" || v.channelId.length === 0) fail(fn, [...path, "channelId"], "must be a non-empty string", v.channelId);
  if (typeof v.kind !== "string" || !KINDS.has(v.kind)) fail(fn, [...path, "kind"], `must be one of ${InteractionKindSchema.options.join(", ")}`, v.kind);
  if (typeof v.direction !== "string" || !DIRECTIONS.has(v.direction)) fail(fn, [...path, "direction"], "must be in, out or activity", v.direction);
  if (typeof v.visibility !== "string" || !VISIBILITIES.has(v.visibility)) fail(fn, [...path, "visibility"], "must be public, private or internal_note", v.visibility);
  const actor = v.actor as Record<string, unknown> | null | undefined;
  if (typeof actor !== "object" || actor === null || typeof actor.platform !== "string" || typeof actor.userId !== "string") {
    fail(fn, [...path, "actor"], "must be an actor reference { platform, scope, userId }", actor);
  }
  assertInstant(v.platformCreatedAt, fn, [...path, "platformCreatedAt"]);
  assertInstant(v.receivedAt, fn, [...path, "receivedAt"]);
  for (const key of ["inReplyTo", "threadId", "nativeId"] as const) {
    const value = v[key];
    if (value !== undefined && (typeof value !== "string" || value.length === 0)) fail(fn, [...path, key], "must be a non-empty string when present", value);
  }
}
