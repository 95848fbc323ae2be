import { OpsError } from "@ops/core";
import { CounterImpl, SumImpl } from "../_lib/exactAggregates";
import { decodeDDSketch } from "../_lib/ddsketchProto";
import { DsHllState } from "../_lib/dsHllCore";
import { DsHyperLogLogImpl } from "../_lib/dsHyperLogLog";
import { HyperLogLogImpl } from "../_lib/hyperLogLogCore";
import { QuantileSketchImpl } from "../_lib/quantileSketchCore";
import { detectSketchFormat } from "./detectSketchFormat";
import type { Counter } from "./createCounter";
import { KllSketchImpl } from "../_lib/kllCore";
import type { HyperLogLog } from "./createHyperLogLog";
import type { KllSketch } from "./createKllSketch";
import type { QuantileSketch } from "./createQuantileSketch";
import type { SumSketch } from "./createSum";
import type { SketchKind } from "./Sketch";

/** The sketch type of each {@link SketchKind}. */
export interface SketchByKind {
  hyperloglog: HyperLogLog;
  quantile: QuantileSketch;
  counter: Counter;
  sum: SumSketch;
  kll: KllSketch;
}

const KINDS = { hyperloglog: 1, quantile: 1, counter: 1, sum: 1, kll: 1 } as const;

/**
 * Reads a sketch back from the bytes of its `serialize()` — or from bytes written by another
 * library: the format is detected from the preamble ({@link detectSketchFormat}). Every field
 * is checked, not only the checksum: header, format version, CRC-32 (ops format), ranges and
 * the consistency of counts, registers, bins, sum, min and max.
 *
 * Ops layout: `"OS"` · kind (1 = hyperloglog, 2 = quantile, 3 = counter, 4 = sum) · format
 * version (1) · payload (little-endian) · CRC-32 (IEEE) of everything before it. Values
 * written by format version 1 will be read by every later release. A `"hyperloglog"` may
 * also be an Apache DataSketches HLL image (compact or updatable, LIST, SET or HLL mode,
 * HLL_4/6/8), a `"quantile"` a DDSketch protobuf message; a `"kll"` is always an Apache
 * DataSketches KLL image (doubles or floats). Byte layouts: docs/sketch-formats.md.
 *
 * @param bytes - the serialised sketch
 * @param kind - the kind expected
 * @returns a new sketch equal to the one serialised
 * @throws {OpsError} `corrupt_data` for damaged, truncated or inconsistent bytes; `unsupported_version` for an unknown format version (or a DDSketch mapping other than the logarithmic one); `conflict` for a sketch of another kind; `invalid_argument` for a non-Uint8Array or an unknown kind
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
  const found = bytes instanceof Uint8Array ? detectSketchFormat(bytes) : null;
  const foreign = found !== null && found.format !== "ops";
  if (foreign && found.kind !== kind && (kind as string) in KINDS) {
    throw new OpsError({
      code: "conflict",
      fn,
      path: ["bytes"],
      rule: `must hold a ${kind} sketch`,
      received: found.kind,
    });
  }
  switch (kind as SketchKind) {
    case "hyperloglog":
      if (foreign) return new DsHyperLogLogImpl(DsHllState.fromBytes(bytes, fn)) as unknown as SketchByKind[K];
      return HyperLogLogImpl.deserialize(bytes, fn) as unknown as SketchByKind[K];
    case "quantile":
      if (foreign)
        return QuantileSketchImpl.fromProtoParts(decodeDDSketch(bytes, fn), fn) as unknown as SketchByKind[K];
      return QuantileSketchImpl.deserialize(bytes, fn) as unknown as SketchByKind[K];
    case "kll":
      if (!(bytes instanceof Uint8Array)) {
        throw new OpsError({
          code: "invalid_argument",
          fn,
          path: ["bytes"],
          rule: "must be a Uint8Array",
          received: bytes,
        });
      }
      if (found?.format === "ops") {
        throw new OpsError({
          code: "conflict",
          fn,
          path: ["bytes"],
          rule: "must hold a kll sketch",
          received: found.kind,
        });
      }
      return KllSketchImpl.deserialize(bytes, fn, 0) as unknown as SketchByKind[K];
    case "counter":
      return CounterImpl.deserialize(bytes, fn) as unknown as SketchByKind[K];
    case "sum":
      return SumImpl.deserialize(bytes, fn) as unknown as SketchByKind[K];
    default:
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: ["kind"],
        rule: "must be hyperloglog, quantile, counter, sum or kll",
        received: kind,
      });
  }
}
