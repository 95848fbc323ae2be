import * as z from "zod/mini";

// A leaf: it imports no other raffle file, so any of them may derive a type from the schema
// without an import cycle (src/_lib/checkSpec.ts, which verifyBeacon imports, derives the
// type of its zod-free mirror of it).

/**
 * Schema of a drand beacon as the HTTP API returns it (`/<chain hash>/public/<round>`):
 * `round`, `signature` (hex), `randomness` (hex, optional: it is derived). A
 * `previous_signature` (chained schemes) is refused; `chainHash`, when given, must name the
 * expected chain.
 *
 * @example
 * ```ts
 * import { DrandBeaconSchema } from "@ops/raffle";
 * DrandBeaconSchema.safeParse({ round: 0, signature: "00" }).success;
 * // => false
 * ```
 */
export const DrandBeaconSchema = /* @__PURE__ */ (() => {
  const hash = z.optional(
    z.string().check(z.regex(/^[0-9a-fA-F]{64}$/, { error: "must be 32 bytes as 64 hex digits" })),
  );
  return z.strictObject({
    // z.int() also bounds the round to the safe integers (≤ Number.MAX_SAFE_INTEGER)
    round: z.int({ error: "must be a whole round number" }).check(z.minimum(1, { error: "must be ≥ 1" })),
    signature: z.string().check(z.regex(/^[0-9a-fA-F]+$/, { error: "must be hex" })),
    randomness: hash,
    chainHash: hash,
  });
})();

/** A drand beacon as published (the schema's input); see {@link DrandBeaconSchema}. */
export type DrandBeacon = z.input<typeof DrandBeaconSchema>;
