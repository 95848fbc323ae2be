// Turning the public event inputs into validated columns, once per call.
import { MAX_INSTANT, OpsError, type ErrorPath } from "@ops/core";
import { buildEventColumns } from "../column/buildEventColumns";
import type { EventColumns, EventInput, MetricEvent } from "../column/EventColumns";

function isColumns(input: unknown): input is EventColumns {
  return (
    typeof input === "object" &&
    input !== null &&
    !Array.isArray(input) &&
    (input as { at?: unknown }).at instanceof Float64Array
  );
}

/** Validated columns for any {@link EventInput}; arrays of objects are converted. */
export function toColumns(input: EventInput, fn: string, path: ErrorPath = ["events"]): EventColumns {
  if (Array.isArray(input)) {
    try {
      return buildEventColumns(input as readonly MetricEvent[]);
    } catch (e) {
      if (e instanceof OpsError)
        throw new OpsError({
          code: e.code,
          fn,
          path: [...path, ...e.path.slice(1)],
          rule: e.rule,
          received: e.received,
        });
      throw e;
    }
  }
  if (!isColumns(input)) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path,
      rule: "must be an array of events or EventColumns",
      received: input,
    });
  }
  checkColumns(input, fn, path);
  return input;
}

function checkColumns(c: EventColumns, fn: string, path: ErrorPath): void {
  const n = c.at.length;
  const fail = (field: string, rule: string, received?: unknown, i?: number): never => {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: i === undefined ? [...path, field] : [...path, field, i],
      rule,
      received,
    });
  };
  if (!(c.actor instanceof Int32Array) || c.actor.length !== n)
    fail("actor", `must be an Int32Array of length ${n} (at.length)`);
  if (!(c.channel instanceof Int32Array) || c.channel.length !== n)
    fail("channel", `must be an Int32Array of length ${n} (at.length)`);
  if (!(c.kind instanceof Uint8Array) || c.kind.length !== n)
    fail("kind", `must be a Uint8Array of length ${n} (at.length)`);
  if (!(c.value instanceof Float64Array) || c.value.length !== n)
    fail("value", `must be a Float64Array of length ${n} (at.length)`);
  for (const dict of ["actors", "channels", "kinds"] as const) {
    if (!Array.isArray(c[dict])) fail(dict, "must be an array of strings");
  }
  const nActors = c.actors.length;
  const nChannels = c.channels.length;
  const nKinds = c.kinds.length;
  const { at, actor, channel, kind, value } = c;
  for (let i = 0; i < n; i++) {
    const t = at[i] as number;
    if (!(Math.abs(t) <= MAX_INSTANT) || Math.floor(t) !== t)
      fail("at", "must be an integer number of epoch milliseconds within ±8.64e15", t, i);
    const a = actor[i] as number;
    if (a < 0 || a >= nActors) fail("actor", `must be a code into actors (0 … ${nActors - 1})`, a, i);
    const ch = channel[i] as number;
    if (ch < 0 || ch >= nChannels) fail("channel", `must be a code into channels (0 … ${nChannels - 1})`, ch, i);
    if ((kind[i] as number) >= nKinds) fail("kind", `must be a code into kinds (0 … ${nKinds - 1})`, kind[i], i);
    if (!Number.isFinite(value[i] as number)) fail("value", "must be a finite number", value[i], i);
  }
}

/** A 0/1 mask over kind codes for a kind filter; `null` = every kind. Unknown kinds match nothing. */
export function kindMask(cols: EventColumns, kinds: readonly string[] | undefined): Uint8Array | null {
  if (kinds === undefined) return null;
  const wanted = new Set(kinds);
  const mask = new Uint8Array(256);
  cols.kinds.forEach((k, code) => {
    if (wanted.has(k)) mask[code] = 1;
  });
  return mask;
}
