import { parseOrThrow } from "@ops/core";
import * as z from "zod/mini";
import { CountSchema } from "../_lib/schemas";
import { rateOf } from "../_lib/ratio";
import type { Rate } from "./rate";

/** Figures of one WeChat Official Account article (or a sum of several). */
export interface ReadRateInput {
  /** Distinct readers (阅读人数). */
  readonly readers: number;
  /** Users the article was delivered to (送达人数), usually the followers at send time. */
  readonly targetUsers: number;
}

/** Schema of {@link ReadRateInput}. */
export const ReadRateInputSchema = /* @__PURE__ */ (() =>
  z.object({ readers: CountSchema, targetUsers: CountSchema }))();

/**
 * Read rate in the WeChat Official Account sense (阅读率): distinct readers / users the
 * article was delivered to (送达人数), as the WeChat Official Accounts Platform's article
 * analytics (图文分析) report it. Readers who arrived through shares or search are not
 * followers, so the rate may exceed 1; it is returned as is, never capped.
 *
 * @param input - `readers`, `targetUsers`: finite numbers from 0 to 2^53 − 1
 * @returns the rate with its parts; `value: null` with a reason when nobody was targeted
 * @throws {OpsError} `invalid_argument` for a negative, NaN, infinite or too large figure; `out_of_range` when `readers / targetUsers` would exceed `Number.MAX_VALUE` (a fractional `targetUsers` near 0)
 *
 * @example
 * ```ts
 * import { readRate } from "@ops/metrics";
 * readRate({ readers: 1_200, targetUsers: 48_000 }).value;
 * // => 0.025
 * readRate({ readers: 0, targetUsers: 0 }).reason;
 * // => "zero_denominator"
 * ```
 */
export function readRate(input: ReadRateInput): Rate {
  const parsed = parseOrThrow(ReadRateInputSchema, input, { fn: "readRate", path: ["input"] });
  return rateOf(parsed.readers, parsed.targetUsers, "readRate", ["input", "targetUsers"]);
}
