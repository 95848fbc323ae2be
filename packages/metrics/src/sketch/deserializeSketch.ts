import { OpsError } from "@ops/core";
import { CounterImpl, SumImpl } from "../_lib/exactAggregates";
import { HyperLogLogImpl } from "../_lib/hyperLogLogCore";
import { QuantileSketchImpl } from "../_lib/quantileSketchCore";
import type { Counter } from "./createCounter";
import type { HyperLogLog } from "./createHyperLogLog";
import type { QuantileSketch } from "./createQuantileSketch";
import type { SumSketch } from "./createSum";
import type { SketchKind } from "./Sketch";

/** The sketch type of each {@link SketchKind}. */
export interface SketchByKind {
  hyperloglog: HyperLogLog;
  quantile: QuantileSketch;
  counter: Counter;
  sum: SumSketch;
}

/**
 * Reads a sketch back from the bytes of its `serialize()`, checking the header, the
 * format version, the CRC-32 and the consistency of the content.
 *
 * Layout: `"OS"` · kind (1 = hyperloglog, 2 = quantile, 3 = counter, 4 = sum) · format
 * version (1) · payload (little-endian) · CRC-32 (IEEE) of everything before it. Values
 * written by format version 1 will be read by every later release.
 *
 * @param bytes - the serialised sketch
 * @param kind - the kind expected
 * @returns a new sketch equal to the one serialised
 * @throws {OpsError} `corrupt_data` for damaged or truncated bytes; `unsupported_version` for an unknown format version; `conflict` for a sketch of another kind; `invalid_argument` for a non-Uint8Array or an unknown kind
 *
 * @example
 * ```ts
 * import { createHyperLogLog, deserializeSketch } from "@ops/metrics";
 * const shard = createHyperLogLog({ precision: 10 }).add("a").add("b");
 * const copy = deserializeSketch(shard.serialize(), "hyperloglog");
 * copy.estimate() === shard.estimate();
 * // => true
 * ```
 */
export function deserializeSketch<K extends SketchKind>(bytes: Uint8Array, kind: K): SketchByKind[K] {
  const fn = "deserializeSketch";
  switch (kind as SketchKind) {
    case "hyperloglog":
      return HyperLogLogImpl.deserialize(bytes, fn) as unknown as SketchByKind[K];
    case "quantile":
      return QuantileSketchImpl.deserialize(bytes, fn) as unknown as SketchByKind[K];
    case "counter":
      return CounterImpl.deserialize(bytes, fn) as unknown as SketchByKind[K];
    case "sum":
      return SumImpl.deserialize(bytes, fn) as unknown as SketchByKind[K];
    default:
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: ["kind"],
        rule: "must be hyperloglog, quantile, counter or sum",
        received: kind,
      });
  }
}
