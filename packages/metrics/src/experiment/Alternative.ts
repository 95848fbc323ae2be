import * as z from "zod/mini";

/**
 * The alternative hypothesis of a test comparing a variant B with a control A:
 * `"two-sided"` (pB ≠ pA), `"greater"` (pB > pA) or `"less"` (pB < pA).
 */
export type Alternative = "two-sided" | "greater" | "less";

/**
 * Schema of an {@link Alternative}.
 *
 * @example
 * ```ts
 * import { AlternativeSchema } from "@ops/metrics";
 * AlternativeSchema.safeParse("greater").success;
 * // => true
 * ```
 */
export const AlternativeSchema = /* @__PURE__ */ (() => z.enum(["two-sided", "greater", "less"]))();
