import { InstantSchema, type Instant } from "@ops/core";
import * as z from "zod/mini";
import { KeySchema } from "../_lib/schemas";

/**
 * One event as a plain object: who (`actor`), where (`channel`), what (`kind`), when
 * (`at`) and an optional amount (`value`, e.g. an order total; default 0).
 * A missing `channel` or `kind` is the empty string.
 */
export interface MetricEvent {
  readonly at: Instant;
  readonly actor: string;
  readonly channel?: string;
  readonly kind?: string;
  readonly value?: number;
}

/** Schema of a {@link MetricEvent}. */
export const MetricEventSchema = /* @__PURE__ */ (() =>
  z.object({
    at: InstantSchema,
    actor: KeySchema,
    channel: z.optional(z.string()),
    kind: z.optional(z.string()),
    value: z.optional(z.number({ error: "must be a finite number" })),
  }))();

/**
 * Events in columnar form, so that millions of events need a handful of typed arrays
 * instead of millions of objects (≈ 25 bytes an event). Row `i` is the event
 * `{ at: at[i], actor: actors[actor[i]], channel: channels[channel[i]], kind: kinds[kind[i]], value: value[i] }`.
 *
 * Build one with {@link buildEventColumns}, or fill the arrays directly (e.g. from a
 * database cursor). Functions that take it check it once per call: equal lengths, codes
 * inside their dictionaries, integer instants, finite values. They never mutate it.
 */
export interface EventColumns {
  /** Epoch milliseconds (integers). */
  readonly at: Float64Array;
  /** Codes into {@link EventColumns.actors}. */
  readonly actor: Int32Array;
  readonly actors: readonly string[];
  /** Codes into {@link EventColumns.channels}. */
  readonly channel: Int32Array;
  readonly channels: readonly string[];
  /** Codes into {@link EventColumns.kinds} (at most 256 kinds). */
  readonly kind: Uint8Array;
  readonly kinds: readonly string[];
  /** Amounts (finite numbers); 0 where an event has none. */
  readonly value: Float64Array;
}

/** What the heavy functions accept: plain event objects or {@link EventColumns}. */
export type EventInput = readonly MetricEvent[] | EventColumns;
