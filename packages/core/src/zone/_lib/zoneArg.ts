// The zone argument of the zone functions: an IANA name, validated on each call, or a zone
// compiled by compileTimeZone, validated once, whose hourly offset cache it carries.
import type { ErrorPath } from "../../error/OpsError";
import type { Instant } from "../../instant/Instant";
import { assertTimeZone, type TimeZone } from "../timeZone";
import { rawOffset } from "./zoneMath";

/**
 * The handle {@link compileTimeZone} returns: the zone's name, and its offset function
 * (unchecked, minutes east of UTC, cached per UTC hour) in a private field — which nothing
 * outside this class can read or forge, which a copy (`{ ...zone }`, JSON) does not carry, and
 * whose presence `#offsets in value` tells without running a proxy's traps, at the cost of one
 * property check on the hot path.
 */
export class TimeZoneHandle implements CompiledTimeZone {
  /** The IANA name. */
  readonly zone: TimeZone;
  readonly #offsets: (t: Instant) => number;
  declare readonly [compiledTimeZone]: true;

  constructor(zone: TimeZone, offsets: (t: Instant) => number) {
    this.zone = zone;
    this.#offsets = offsets;
  }

  /** The offset cache of a handle of this copy of \@ops/core; `undefined` for any other value. */
  static offsetsOf(value: unknown): ((t: Instant) => number) | undefined {
    return typeof value === "object" && value !== null && #offsets in value
      ? (value as TimeZoneHandle).#offsets
      : undefined;
  }
}

/**
 * A time zone checked once by {@link compileTimeZone}: an opaque, frozen handle that every
 * zone function takes in place of the zone's name, skipping the name's validation and
 * reading offsets from the cache it carries (per UTC hour, so that hot loops — bucketing
 * millions of events by local day, expanding a calendar over two years — ask the runtime's
 * `Intl` about once an hour of time covered instead of once a call). Its one readable field
 * is the zone's name. It is branded `"core.timeZone"` (see {@link isCompiled}); a copy
 * (`{ ...zone }`, JSON) is not a compiled zone, nor is a zone compiled by another copy of
 * \@ops/core (compile with the copy whose functions you call). In-process only: compile again
 * from the name.
 */
export interface CompiledTimeZone {
  /** The IANA name. */
  readonly zone: TimeZone;
  /** @internal the type-level mark (no value at run time: the handle's private field is the mark) */
  readonly [compiledTimeZone]: true;
}

/** A type-only key: `{ zone: "…" }` is not a CompiledTimeZone to the compiler either. */
declare const compiledTimeZone: unique symbol;

const ZONE: ErrorPath = ["zone"];

/**
 * The unchecked offset function of a zone argument: a compiled zone's cache, or the
 * runtime's offsets for a name, checked here. Anything else — a copy or look-alike of a
 * compiled zone, a zone compiled by another copy of \@ops/core — is refused as a name would
 * be (`invalid_time_zone` naming `fn` and `path`).
 */
export function offsetsOf(zone: unknown, fn: string, path: ErrorPath = ZONE): (t: Instant) => number {
  const offsets = TimeZoneHandle.offsetsOf(zone);
  if (offsets !== undefined) return offsets;
  assertTimeZone(zone, fn, path);
  return (t) => rawOffset(t, zone);
}
