import { OpsError } from "@ops/core";
import * as z from "zod/mini";
import { checkedOption, enumOption, intOption, readOptions } from "../_lib/readOptions";
import { HyperLogLogImpl } from "./_lib/hyperLogLogCore";
import { formatRule, type HllCodecImpl, isSketchCodec } from "./_lib/sketchCodec";
import type { HllTargetType, HyperLogLog } from "./HyperLogLog";
import type { SketchCodec } from "./SketchCodec";

/** Options of {@link createHyperLogLog}. */
export interface HyperLogLogOptions {
  /**
   * `"ops"` (default: the fastest, \@ops' own bytes) or the `dataSketchesHll` codec (Apache
   * DataSketches' compact HLL image; importing it bundles the reference's estimator tables).
   */
  readonly format?: "ops" | SketchCodec<"hyperloglog">;
  /** p from 4 to 18 (datasketches: lgK from 4 to 21); m = 2^p registers; default 14 (16 KiB, ±0.81 %) (datasketches: 12). */
  readonly precision?: number;
  /** A 32-bit hash seed, default 0. Shards to be merged must share it. Not for datasketches (always 9001). */
  readonly seed?: number;
  /** Datasketches only: `"HLL_4"` (default, as the reference), `"HLL_6"` or `"HLL_8"` bits per register. */
  readonly targetType?: HllTargetType;
}

const FORMAT_RULE = /* @__PURE__ */ formatRule("hyperloglog", "dataSketchesHll");
const isHllFormat = (v: unknown): v is "ops" | HllCodecImpl => v === "ops" || isSketchCodec(v, "hyperloglog");

/** Schema of {@link HyperLogLogOptions} (`createHyperLogLog` makes the same checks by hand, so that it does not bundle zod). */
export const HyperLogLogOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    format: z.optional(z.custom<"ops" | SketchCodec<"hyperloglog">>(isHllFormat, { error: FORMAT_RULE })),
    precision: z.optional(
      z
        .int({ error: "must be a whole number" })
        .check(z.minimum(4, { error: "must be ≥ 4" }), z.maximum(21, { error: "must be ≤ 21" })),
    ),
    targetType: z.optional(z.enum(["HLL_4", "HLL_6", "HLL_8"], { error: 'must be "HLL_4", "HLL_6" or "HLL_8"' })),
    seed: z.optional(
      z
        .int({ error: "must be a whole number" })
        .check(z.minimum(0, { error: "must be ≥ 0" }), z.maximum(0xffffffff, { error: "must be < 2^32" })),
    ),
  }))();

/**
 * Creates an empty HyperLogLog distinct counter: a fixed 2^p bytes, whatever the number
 * of items, with a relative standard error of 1.04/√m (0.81 % at the default p = 14).
 *
 * Each item is hashed to 64 bits (MurmurHash3-style mixing); the first p bits choose a
 * register, which keeps the maximum "rank" (position of the first 1-bit) of the other
 * 64 − p bits. The count is estimated from the histogram of ranks with Ertl's improved
 * estimator, which is nearly unbiased from 0 to beyond 10^9 without the empirical bias tables
 * of HyperLogLog++ and reduces to linear counting in the small range. Merging keeps the
 * register-wise maximum, so a merge equals one pass over all items.
 * Sources: P. Flajolet, É. Fusy, O. Gandouet, F. Meunier, "HyperLogLog: the analysis of a
 * near-optimal cardinality estimation algorithm", AofA 2007 (RSE 1.04/√m); O. Ertl,
 * "New cardinality estimation algorithms for HyperLogLog sketches", arXiv:1702.01284 (2017), Algorithm 6.
 *
 * With `format: dataSketchesHll` (the codec, imported separately so that only its users bundle
 * the reference's estimator tables, ~40 kB min+gz) the sketch is Apache DataSketches' HLL (lgK 4–21, HLL_4/6/8):
 * MurmurHash3_x64_128 with seed 9001 over the same bytes as Java's and C++'s `update` — a safe
 * integer as the 8 little-endian bytes of `update(int64_t)` (negatives in two's complement, −0
 * as 0), a string as its UTF-8 bytes — so its compact image is byte-identical to the reference
 * library's for the same inputs in the same order, its estimate and bounds equal, and it merges
 * (as `hll_union` does, across lgK) with sketches written by Druid, Pinot, Spark, Hive or the
 * Java/C++/Python libraries. Non-integer numbers are refused (JavaScript cannot tell 3 from 3.0,
 * which DataSketches hashes differently): count `String(x)` or an integer key instead. See
 * docs/sketch-formats.md.
 *
 * @param options - `format` ("ops" or dataSketchesHll), `precision` (14; datasketches 12), `seed` (0), `targetType` (datasketches: "HLL_4")
 * @returns an empty sketch
 * @throws {OpsError} `invalid_argument` for a format other than "ops" and `dataSketchesHll` (the string "datasketches" included), a precision outside 4–18 (datasketches: 4–21), a seed outside 0–2³²−1, a seed with datasketches or a targetType without it
 *
 * @example
 * ```ts
 * import { createHyperLogLog, dataSketchesHll } from "@ops/metrics";
 * const visitors = createHyperLogLog();
 * for (let id = 0; id < 1000; id++) visitors.add(id).add(id); // every id twice
 * visitors.add("wechat_oa:gh_3a8f:oX1y2");
 * Math.abs(visitors.estimate() - 1001) < 1001 * 0.03;
 * // => true
 * const druid = createHyperLogLog({ format: dataSketchesHll, precision: 12, targetType: "HLL_8" });
 * druid.add(42).add("小红").serialize().length; // LIST mode: 8-byte preamble + 2 coupons
 * // => 16
 * ```
 */
export function createHyperLogLog(options: HyperLogLogOptions = {}): HyperLogLog {
  const fn = "createHyperLogLog";
  // the checks of HyperLogLogOptionsSchema, by hand (no zod in the bundle of a sketch)
  const o = readOptions(options, fn);
  const opts = {
    format: checkedOption(o, "format", isHllFormat, FORMAT_RULE, fn),
    precision: intOption(o, "precision", 4, 21, fn),
    targetType: enumOption(o, "targetType", ["HLL_4", "HLL_6", "HLL_8"], fn),
    seed: intOption(o, "seed", 0, 0xffffffff, fn, "must be < 2^32"),
  };
  const refuse = (field: string, rule: string, received: unknown): never => {
    throw new OpsError({ code: "invalid_argument", fn, path: ["options", field], rule, received });
  };
  if (opts.format !== undefined && opts.format !== "ops") {
    if (opts.seed !== undefined)
      refuse("seed", "must be absent with the datasketches format (its seed is 9001)", opts.seed);
    return opts.format.create(opts.precision ?? 12, opts.targetType ?? "HLL_4");
  }
  if (opts.targetType !== undefined)
    refuse("targetType", "must be absent unless format is dataSketchesHll", opts.targetType);
  if (opts.precision !== undefined && opts.precision > 18) refuse("precision", "must be ≤ 18", opts.precision);
  return new HyperLogLogImpl(opts.precision ?? 14, opts.seed ?? 0);
}
