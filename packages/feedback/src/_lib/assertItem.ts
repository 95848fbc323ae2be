import { OpsError, parseOrThrow } from "@ops/core";
import type { FeedbackItem } from "../item/feedbackItem";
import { ItemStateSchema } from "./itemStateSchema";

/** The widest instant (ECMAScript's time value range, ±8.64e15 ms), as core's InstantSchema. */
const MAX_INSTANT = 8.64e15;

/**
 * The boundary check of an item: its state fields against {@link ItemStateSchema}, and each
 * history entry by a light walk (not a re-parse: a transition must not cost O(history) zod
 * parses) — an event object (not an array) with string `id`, `itemId` and `type`, an instant
 * `at`, and no NaN, ±Infinity, function or nesting deeper than an event has anywhere in it —
 * so that no NaN, wrong type or unknown status gets in or comes back out.
 */
export function assertItem(
  item: unknown,
  fn: string,
  path: readonly (string | number)[] = ["item"],
): asserts item is FeedbackItem {
  if (typeof item !== "object" || item === null) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path,
      rule: "must be a feedback item made by openFeedback, transition or replay",
      received: item,
    });
  }
  parseOrThrow(ItemStateSchema, item, { fn, path });
  const history = (item as { history: readonly unknown[] }).history;
  for (let i = 0; i < history.length; i++) checkEntry(history[i], fn, [...path, "history", i]);
}

function refuse(fn: string, path: readonly (string | number)[], rule: string, received: unknown): never {
  throw new OpsError({ code: "invalid_argument", fn, path, rule, received });
}

function checkEntry(entry: unknown, fn: string, path: readonly (string | number)[]): void {
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
    refuse(fn, path, "must be an event object (as transition records it)", entry);
  }
  const e = entry as Record<string, unknown>;
  for (const key of ["id", "itemId", "type"] as const) {
    if (typeof e[key] !== "string") refuse(fn, [...path, key], "must be a string", e[key]);
  }
  const at = e.at;
  if (typeof at !== "number" || !Number.isInteger(at) || Math.abs(at) > MAX_INSTANT) {
    refuse(fn, [...path, "at"], "must be an instant: an integer of epoch ms within ±8.64e15", at);
  }
  checkValues(e, fn, path, 0);
}

/** No NaN, ±Infinity, function, symbol or bigint anywhere; nesting at most 3 levels below the event. */
function checkValues(value: object, fn: string, path: readonly (string | number)[], depth: number): void {
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (typeof v === "number") {
      if (!Number.isFinite(v)) refuse(fn, [...path, key], "must be a finite number", v);
    } else if (typeof v === "object" && v !== null) {
      if (depth >= 3) refuse(fn, [...path, key], "is nested deeper than any event field", v);
      checkValues(v, fn, [...path, key], depth + 1);
    } else if (typeof v !== "string" && typeof v !== "boolean" && v !== null && v !== undefined) {
      refuse(fn, [...path, key], "must be a string, number, boolean, null or an object of them", v);
    }
  }
}
