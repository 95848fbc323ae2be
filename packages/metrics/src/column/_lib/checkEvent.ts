// Hand validation of one event object.
import { MAX_INSTANT, OpsError, type ErrorPath } from "@ops/core";
import type { MetricEvent } from "../EventColumns";

/** Checks one event object by hand (a zod parse per event is too slow for millions). */
export function checkEvent(e: unknown, fn: string, path: ErrorPath): MetricEvent {
  if (typeof e !== "object" || e === null)
    throw new OpsError({ code: "invalid_argument", fn, path, rule: "must be an event object", received: e });
  const ev = e as Record<string, unknown>;
  const at = ev.at;
  if (typeof at !== "number" || !Number.isInteger(at) || Math.abs(at) > MAX_INSTANT) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: [...path, "at"],
      rule: "must be an integer number of epoch milliseconds within ±8.64e15",
      received: at,
    });
  }
  if (typeof ev.actor !== "string" || ev.actor === "") {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: [...path, "actor"],
      rule: "must be a non-empty string",
      received: ev.actor,
    });
  }
  for (const key of ["channel", "kind"] as const) {
    if (ev[key] !== undefined && typeof ev[key] !== "string") {
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: [...path, key],
        rule: "must be a string",
        received: ev[key],
      });
    }
  }
  const value = ev.value;
  if (value !== undefined && (typeof value !== "number" || !Number.isFinite(value))) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: [...path, "value"],
      rule: "must be a finite number",
      received: value,
    });
  }
  return e as MetricEvent;
}
