import { OpsError } from "@ops/core";
import { checkEvent } from "./_lib/checkEvent";
import type { EventColumns, MetricEvent } from "./EventColumns";

/**
 * Builds {@link EventColumns} from plain event objects: instants and values go into
 * `Float64Array`s, actor and channel into `Int32Array` codes, kind into a `Uint8Array`
 * code, each with a dictionary of the strings in order of first appearance.
 *
 * @param events - the events (not mutated); `channel` and `kind` default to `""`, `value` to 0
 * @returns fresh columns
 * @throws {OpsError} `invalid_argument` for an invalid instant, an empty actor or a non-finite value; `out_of_range` for more than 256 kinds
 *
 * @example
 * ```ts
 * import { buildEventColumns } from "@ops/metrics";
 * const cols = buildEventColumns([
 *   { at: 0, actor: "wx:alice", channel: "weibo", kind: "comment" },
 *   { at: 5, actor: "wx:bob", channel: "weibo", kind: "like", value: 2 },
 *   { at: 9, actor: "wx:alice", channel: "douyin", kind: "comment" },
 * ]);
 * [Array.from(cols.actor), cols.actors, Array.from(cols.channel), cols.kinds, Array.from(cols.value)];
 * // => [[0, 1, 0], ["wx:alice", "wx:bob"], [0, 0, 1], ["comment", "like"], [0, 2, 0]]
 * ```
 */
export function buildEventColumns(events: readonly MetricEvent[]): EventColumns {
  const fn = "buildEventColumns";
  if (!Array.isArray(events)) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["events"],
      rule: "must be an array of events",
      received: events,
    });
  }
  const n = events.length;
  const at = new Float64Array(n);
  const actor = new Int32Array(n);
  const channel = new Int32Array(n);
  const kind = new Uint8Array(n);
  const value = new Float64Array(n);
  const actorCodes = new Map<string, number>();
  const channelCodes = new Map<string, number>();
  const kindCodes = new Map<string, number>();
  const code = (dict: Map<string, number>, key: string): number => {
    let c = dict.get(key);
    if (c === undefined) {
      c = dict.size;
      dict.set(key, c);
    }
    return c;
  };
  for (let i = 0; i < n; i++) {
    const e = checkEvent(events[i], fn, ["events", i]);
    at[i] = e.at;
    actor[i] = code(actorCodes, e.actor);
    channel[i] = code(channelCodes, e.channel ?? "");
    const k = code(kindCodes, e.kind ?? "");
    if (k > 255) {
      throw new OpsError({
        code: "out_of_range",
        fn,
        path: ["events", i, "kind"],
        rule: "must be one of at most 256 distinct kinds",
        received: e.kind,
      });
    }
    kind[i] = k;
    value[i] = e.value ?? 0;
  }
  return {
    at,
    actor,
    actors: [...actorCodes.keys()],
    channel,
    channels: [...channelCodes.keys()],
    kind,
    kinds: [...kindCodes.keys()],
    value,
  };
}
