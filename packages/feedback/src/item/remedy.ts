import * as z from "zod/mini";

/**
 * Schema of a {@link Remedy}: what was done for the user. `refund` and `compensation` need
 * an `amount` (≥ 0, in major units of the currency, e.g. 500 for a 500-yuan voucher) and an
 * ISO 4217 `currency`; `exchange` and `explanation` may carry them but need not.
 *
 * @example
 * ```ts
 * import { RemedySchema } from "@ops/feedback";
 * RemedySchema.parse({ kind: "compensation", amount: 50, currency: "CNY" });
 * // => { kind: "compensation", amount: 50, currency: "CNY" }
 * RemedySchema.safeParse({ kind: "refund" }).success;
 * // => false
 * ```
 */
export const RemedySchema = /* @__PURE__ */ (() =>
  z
    .object({
      kind: z.enum(["refund", "exchange", "compensation", "explanation"]),
      amount: z.optional(z.number().check(z.nonnegative({ error: "must be a finite number ≥ 0" }))),
      currency: z.optional(
        z
          .string()
          .check(z.regex(/^[A-Z]{3}$/, { error: "must be an ISO 4217 code of three capital letters, e.g. CNY" })),
      ),
    })
    .check(
      z.superRefine((remedy, ctx) => {
        const { kind, amount, currency } = remedy;
        const missing = amount === undefined ? "amount" : "currency";
        if ((kind === "refund" || kind === "compensation") && (amount === undefined || currency === undefined)) {
          ctx.issues.push({ code: "custom", input: remedy, path: [missing], message: `is required for a ${kind}` });
        } else if ((amount === undefined) !== (currency === undefined)) {
          ctx.issues.push({
            code: "custom",
            input: remedy,
            path: [missing],
            message: `must be given together with ${missing === "amount" ? "currency" : "amount"}`,
          });
        }
      }),
    ))();

/** What was done for the user: refund, exchange, compensation or explanation. */
export type Remedy = z.output<typeof RemedySchema>;
