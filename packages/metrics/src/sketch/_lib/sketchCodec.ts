// What the codec objects (dataSketchesHll, dataSketchesKll, ddSketchProto) hold behind the opaque
// public SketchCodec type, and the checks createHyperLogLog, createQuantileSketch and
// deserializeSketch make on them. Small on purpose: importing this file bundles no format.
import type { HllTargetType, HyperLogLog } from "../HyperLogLog";
import type { QuantileSketch } from "../QuantileSketch";
import type { SketchKind } from "../Sketch";
import type { SketchCodec } from "../SketchCodec";

/** A codec with its reader: `bytes` were detected as this format (their preamble matched). */
export interface SketchCodecImpl<K extends SketchKind = SketchKind> extends SketchCodec<K> {
  read(bytes: Uint8Array, fn: string): unknown;
}

/** The HyperLogLog codec: a reader and an empty sketch of lgK `precision`. */
export interface HllCodecImpl extends SketchCodecImpl<"hyperloglog"> {
  create(precision: number, targetType: HllTargetType): HyperLogLog;
}

/** The quantile sketch codec: a reader and an empty sketch with that format's bin mapping. */
export interface QuantileCodecImpl extends SketchCodecImpl<"quantile"> {
  create(relativeAccuracy: number, maxBins: number): QuantileSketch;
}

/** The export that holds the codec of each detected foreign format, as errors name it. */
export const CODEC_EXPORTS: Readonly<Record<string, string>> = {
  "hyperloglog datasketches": "dataSketchesHll",
  "kll datasketches": "dataSketchesKll",
  "quantile ddsketch": "ddSketchProto",
};

/** Whether `value` is one of the codecs (of `kind`, when given). */
export function isSketchCodec(value: unknown, kind?: SketchKind): value is SketchCodecImpl {
  const v = value as Partial<SketchCodecImpl> | null;
  return (
    typeof v === "object" &&
    v !== null &&
    typeof v.read === "function" &&
    typeof v.name === "string" &&
    CODEC_EXPORTS[`${String(v.kind)} ${String(v.format)}`] === v.name &&
    (kind === undefined || v.kind === kind)
  );
}

/** The rule of a `format` option: `"ops"` or the codec export of that kind. */
export function formatRule(kind: SketchKind, exportName: string): string {
  return `must be "ops" or the ${kind} codec ${exportName} (import { ${exportName} } from "@ops/metrics")`;
}
