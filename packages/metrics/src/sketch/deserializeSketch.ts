import { OpsError } from "@ops/core";
import * as z from "zod/mini";
import { listOption, readOptions } from "../_lib/readOptions";
import { CounterImpl, SumImpl } from "./_lib/exactAggregates";
import { readHyperLogLog } from "./_lib/hyperLogLogCore";
import { readQuantileSketch } from "./_lib/quantileSketchCore";
import { CODEC_EXPORTS, isSketchCodec, type SketchCodecImpl } from "./_lib/sketchCodec";
import type { Counter } from "./Counter";
import type { SumSketch } from "./SumSketch";
import { detectSketchFormat } from "./detectSketchFormat";
import type { HyperLogLog } from "./HyperLogLog";
import type { KllSketch } from "./KllSketch";
import type { QuantileSketch } from "./QuantileSketch";
import type { SketchKind } from "./Sketch";
import type { SketchCodec } from "./SketchCodec";

/** The sketch type of each {@link SketchKind}. */
export interface SketchByKind {
  hyperloglog: HyperLogLog;
  quantile: QuantileSketch;
  counter: Counter;
  sum: SumSketch;
  kll: KllSketch;
}

/** Options of {@link deserializeSketch}. */
export interface DeserializeSketchOptions {
  /**
   * The formats other than \@ops' own to accept: `dataSketchesHll`, `dataSketchesKll`,
   * `ddSketchProto` (default none). Bytes detected as a format whose codec is not listed are
   * refused, never misread.
   */
  readonly formats?: readonly SketchCodec[];
}

const FORMATS_RULE = "must be a list of sketch codecs (dataSketchesHll, dataSketchesKll, ddSketchProto)";
const CODEC_RULE = "must be a sketch codec (dataSketchesHll, dataSketchesKll, ddSketchProto)";

/**
 * Schema of {@link DeserializeSketchOptions}. (`deserializeSketch` makes the same check by hand,
 * so that reading \@ops' own bytes does not bundle zod.)
 */
export const DeserializeSketchOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    formats: z.optional(
      z.array(
        z.custom<SketchCodec>((v) => isSketchCodec(v), { error: CODEC_RULE }),
        { error: FORMATS_RULE },
      ),
    ),
  }))();

const KINDS = { hyperloglog: 1, quantile: 1, counter: 1, sum: 1, kll: 1 } as const;

/**
 * Reads a sketch back from the bytes of its `serialize()` — or from bytes written by another
 * library: the format is detected from the preamble ({@link detectSketchFormat}). Every field
 * is checked, not only the checksum: header, format version, CRC-32 (ops format), ranges and
 * the consistency of counts, registers, bins, sum, min and max.
 *
 * Ops layout: `"OS"` · kind (1 = hyperloglog, 2 = quantile, 3 = counter, 4 = sum) · format
 * version (1) · payload (little-endian) · CRC-32 (IEEE) of everything before it. Values
 * written by format version 1 will be read by every later release. The other formats are read
 * only with their codec in `options.formats` (imported separately, so that a program reading
 * \@ops' own bytes does not bundle them): a `"hyperloglog"` may be an Apache DataSketches HLL
 * image (`dataSketchesHll`: compact or updatable, LIST, SET or HLL mode, HLL_4/6/8), a
 * `"quantile"` a DDSketch protobuf message (`ddSketchProto`); a `"kll"` is always an Apache
 * DataSketches KLL image (`dataSketchesKll`, doubles or floats). Bytes recognised as a format
 * whose codec was not passed are refused with an error naming the codec to pass. Byte layouts:
 * docs/sketch-formats.md.
 *
 * @param bytes - the serialised sketch
 * @param kind - the kind expected
 * @param options - `formats`: the codecs of the foreign formats to accept (default none)
 * @returns a new sketch equal to the one serialised
 * @throws {OpsError} `corrupt_data` for damaged, truncated or inconsistent bytes; `unsupported_version` for an unknown format version (or a DDSketch mapping other than the logarithmic one); `conflict` for a sketch of another kind; `invalid_argument` for a non-Uint8Array, an unknown kind, a `formats` that is not a list of codecs, or bytes of a format whose codec is not in `formats` (the message names the export to pass)
 *
 * @example
 * ```ts
 * import { createHyperLogLog, dataSketchesHll, deserializeSketch } from "@ops/metrics";
 * const shard = createHyperLogLog({ precision: 10 }).add("a").add("b");
 * const copy = deserializeSketch(shard.serialize(), "hyperloglog");
 * copy.estimate() === shard.estimate();
 * // => true
 * const druid = createHyperLogLog({ format: dataSketchesHll }).add(1).serialize();
 * deserializeSketch(druid, "hyperloglog", { formats: [dataSketchesHll] }).format;
 * // => "datasketches"
 * let code = "";
 * try { deserializeSketch(druid, "hyperloglog"); } catch (e) { code = (e as { code: string }).code; }
 * code; // the message says: pass { formats: [dataSketchesHll] }
 * // => "invalid_argument"
 * ```
 */
export function deserializeSketch<K extends SketchKind>(
  bytes: Uint8Array,
  kind: K,
  options: DeserializeSketchOptions = {},
): SketchByKind[K] {
  const fn = "deserializeSketch";
  // the checks of DeserializeSketchOptionsSchema, by hand (no zod in the bundle that reads ops bytes)
  const formats: readonly SketchCodecImpl[] =
    listOption(readOptions(options, fn), "formats", isSketchCodec, FORMATS_RULE, CODEC_RULE, fn) ?? [];
  if (typeof kind !== "string" || !Object.hasOwn(KINDS, kind)) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["kind"],
      rule: "must be hyperloglog, quantile, counter, sum or kll",
      received: kind,
    });
  }
  if (!(bytes instanceof Uint8Array)) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["bytes"],
      rule: "must be a Uint8Array",
      received: bytes,
    });
  }
  const found = detectSketchFormat(bytes);
  // a foreign format (kll has no other): its codec reads it, and only its codec
  if (kind === "kll" || (found !== null && found.format !== "ops")) {
    const seen = found ?? { kind: "kll", format: "datasketches" };
    if (seen.kind !== kind) {
      throw new OpsError({
        code: "conflict",
        fn,
        path: ["bytes"],
        rule: `must hold a ${kind} sketch`,
        received: seen.kind,
      });
    }
    const codec = formats.find((c) => c.kind === seen.kind && c.format === seen.format);
    if (codec === undefined) {
      const name = CODEC_EXPORTS[`${seen.kind} ${seen.format}`] as string;
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: ["options", "formats"],
        rule: `must include ${name} to read these bytes (${found === null ? "a" : "detected:"} ${seen.format} ${seen.kind} sketch): deserializeSketch(bytes, "${kind}", { formats: [${name}] }) with import { ${name} } from "@ops/metrics"`,
      });
    }
    return codec.read(bytes, fn) as unknown as SketchByKind[K];
  }
  switch (kind as SketchKind) {
    case "hyperloglog":
      return readHyperLogLog(bytes, fn) as unknown as SketchByKind[K];
    case "quantile":
      return readQuantileSketch(bytes, fn) as unknown as SketchByKind[K];
    case "counter":
      return CounterImpl.deserialize(bytes, fn) as unknown as SketchByKind[K];
    default:
      return SumImpl.deserialize(bytes, fn) as unknown as SketchByKind[K];
  }
}
