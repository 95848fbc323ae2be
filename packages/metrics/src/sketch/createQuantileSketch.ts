import * as z from "zod/mini";
import { checkedOption, intOption, numberOption, readOptions } from "../_lib/readOptions";
import { MIN_RELATIVE_ACCURACY, QuantileSketchImpl } from "./_lib/quantileSketchCore";
import { formatRule, isSketchCodec, type QuantileCodecImpl } from "./_lib/sketchCodec";
import type { QuantileSketch } from "./QuantileSketch";
import type { SketchCodec } from "./SketchCodec";

/** Options of {@link createQuantileSketch}. */
export interface QuantileSketchOptions {
  /**
   * `"ops"` (default: \@ops' own bytes) or the `ddSketchProto` codec (the DDSketch protobuf of
   * \@datadog/sketches-js and the Datadog agent, with its bin mapping).
   */
  readonly format?: "ops" | SketchCodec<"quantile">;
  /** α in [10⁻⁶, 1); default 0.01 (1 %). Below 10⁻⁶ the bin index of a double would leave 32 bits. */
  readonly relativeAccuracy?: number;
  /** Bins per sign before the lowest are folded, 16–2²⁰; default 2048 (covers 1e-9 to 1e9 at 1 %). */
  readonly maxBins?: number;
}

const FORMAT_RULE = /* @__PURE__ */ formatRule("quantile", "ddSketchProto");
const isQuantileFormat = (v: unknown): v is "ops" | QuantileCodecImpl => v === "ops" || isSketchCodec(v, "quantile");

/** Schema of {@link QuantileSketchOptions} (`createQuantileSketch` makes the same checks by hand, so that it does not bundle zod). */
export const QuantileSketchOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    format: z.optional(z.custom<"ops" | SketchCodec<"quantile">>(isQuantileFormat, { error: FORMAT_RULE })),
    relativeAccuracy: z.optional(
      z
        .number()
        .check(
          z.gte(MIN_RELATIVE_ACCURACY, { error: `must be ≥ ${MIN_RELATIVE_ACCURACY}` }),
          z.lt(1, { error: "must be < 1" }),
        ),
    ),
    maxBins: z.optional(
      z
        .int({ error: "must be a whole number" })
        .check(z.minimum(16, { error: "must be ≥ 16" }), z.maximum(1 << 20, { error: "must be ≤ 2^20" })),
    ),
  }))();

/**
 * Creates an empty DDSketch-style quantile sketch: quantiles with a guaranteed relative
 * error (1 % by default) in bounded memory, mergeable across shards without loss.
 *
 * With γ = (1 + α)/(1 − α), a value x > 0 goes to bin i = ⌈log_γ x⌉, which holds
 * (γ^(i−1), γ^i]; the bin is reported as 2γ^i/(γ + 1), within α of every value in it.
 * Negative values use a mirrored store and zeros a counter. The q-quantile walks the
 * bins to the one holding rank q(n − 1), as DDSketch does, and is clamped to the exact
 * min and max. Merging adds bin counts, so it equals one pass over all values. More
 * than `maxBins` bins fold the lowest ones (only the lowest quantiles lose accuracy).
 * Source: C. Masson, J. E. Rim, H. K. Lee, "DDSketch: A Fast and Fully-Mergeable Quantile
 * Sketch with Relative-Error Guarantees", PVLDB 12(12), 2019.
 *
 * With `format: ddSketchProto` (the codec, imported separately) the bins follow @datadog/sketches-js's logarithmic mapping (γ = 1 +
 * 2α/(1 − α), bin ⌈log₂(x)·ln 2/ln γ⌉, |x| ≤ 2.2·10⁻³⁰⁸·γ counted as zero) and `serialize()`
 * writes the DDSketch protobuf message that its `DDSketch.fromProto` reads (DataDog's
 * ddsketch.proto, the schema sketches-go, -java and -py share), with four extra fields that
 * keep the exact sum, min, max and bin limit for \@ops readers; `deserializeSketch(bytes,
 * "quantile", { formats: [ddSketchProto] })` reads its `toProto` messages. Two ddsketch sketches merge when their γ is equal
 * (as sketches-js's `mergeable`), whatever their maxBins; the result keeps the receiver's.
 * See docs/sketch-formats.md.
 *
 * @param options - `format` ("ops" or ddSketchProto), `relativeAccuracy` (0.01), `maxBins` (2048)
 * @returns an empty sketch
 * @throws {OpsError} `invalid_argument` for a format other than "ops" and `ddSketchProto` (the string "ddsketch" included), an accuracy outside [10⁻⁶, 1) or maxBins outside 16–2²⁰; from `add`: `invalid_argument` for anything but a finite number, `out_of_range` when the sum would overflow
 *
 * @example
 * ```ts
 * import { createQuantileSketch } from "@ops/metrics";
 * const replyMinutes = createQuantileSketch();
 * for (let i = 1; i <= 1000; i++) replyMinutes.add(i);
 * const p90 = replyMinutes.quantile(0.9) ?? 0; // exact: 900
 * Math.abs(p90 - 900) / 900 <= 0.01;
 * // => true
 * [replyMinutes.count, replyMinutes.min, replyMinutes.max];
 * // => [1000, 1, 1000]
 * ```
 */
export function createQuantileSketch(options: QuantileSketchOptions = {}): QuantileSketch {
  // the checks of QuantileSketchOptionsSchema, by hand (no zod in the bundle of a sketch)
  const fn = "createQuantileSketch";
  const o = readOptions(options, fn);
  const format = checkedOption(o, "format", isQuantileFormat, FORMAT_RULE, fn);
  const relativeAccuracy = numberOption(o, "relativeAccuracy", MIN_RELATIVE_ACCURACY, 1, fn) ?? 0.01;
  const maxBins = intOption(o, "maxBins", 16, 1 << 20, fn, "must be ≤ 2^20") ?? 2048;
  if (format !== undefined && format !== "ops") return format.create(relativeAccuracy, maxBins);
  return new QuantileSketchImpl(relativeAccuracy, maxBins, null);
}
