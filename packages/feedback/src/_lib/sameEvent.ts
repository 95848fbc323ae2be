import { formatPath, OpsError } from "@ops/core";
import type { FeedbackEvent } from "../event/feedbackEvent";
import type { MutableDeep } from "./mutableDeep";
import { redactEventDraft } from "./redactEvent";

type Path = (string | number)[];

/**
 * Where two events with the same id differ, or `null` when they are the same event.
 *
 * "The same" is deep equality of the parsed events (`FeedbackEventSchema`'s output: defaults
 * filled in, unknown keys dropped, so `{ note: null }` equals an omitted note; key order does
 * not matter, array order does). When the item has been erased (`redacted`), the events it
 * holds have lost their personal fields, so an incoming event also counts as the same when
 * its erased form equals the stored one: a delivery retried after erasure stays harmless.
 */
export function eventDifference(incoming: FeedbackEvent, stored: FeedbackEvent, redacted: boolean): Path | null {
  const diff = difference(incoming, stored, []);
  if (diff === null || !redacted) return diff;
  const erased = { ...incoming, ...("source" in incoming ? { source: { ...incoming.source } } : {}) };
  redactEventDraft(erased as MutableDeep<FeedbackEvent>);
  return difference(erased, stored, []); // where they differ beyond what erasure explains
}

function difference(a: unknown, b: unknown, path: Path): Path | null {
  if (a === b) return null;
  if (
    typeof a !== "object" ||
    typeof b !== "object" ||
    a === null ||
    b === null ||
    Array.isArray(a) !== Array.isArray(b)
  )
    return path;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) {
    const diff = difference(x[key], y[key], [...path, Array.isArray(a) ? Number(key) : key]);
    if (diff !== null) return diff;
  }
  return null;
}

/**
 * The `conflict` for an event whose id an earlier event already has, with other content:
 * a forged or corrupted duplicate. `path` is where the later one is, `earlier` the first.
 */
export function idConflict(
  fn: string,
  path: readonly (string | number)[],
  id: string,
  earlier: readonly (string | number)[],
  diff: Path,
): OpsError {
  return new OpsError({
    code: "conflict",
    fn,
    path,
    rule: `reuses the id ${JSON.stringify(id)} of ${formatPath(earlier)} with different content (at ${
      diff.length === 0 ? "the top level" : formatPath(diff)
    }): one of them is forged or corrupted`,
  });
}
