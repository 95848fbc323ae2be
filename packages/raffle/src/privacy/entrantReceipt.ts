import { OpsError, parseOrThrow } from "@ops/core";
import * as z from "zod/mini";
import { hexBytes } from "../_lib/bytes";
import { isEntrantList } from "../_lib/isEntrantList";
import { MAX_ID_BYTES } from "../_lib/leaf";
import type { EntrantList } from "../list/compileEntrants";
import { inclusionProof } from "../merkle/inclusionProof";
import { canonicalIdOrThrow } from "../_lib/canonicalId";
import { entrantPseudonym } from "./entrantPseudonym";

const Hex32 = /* @__PURE__ */ (() =>
  z.string().check(z.regex(/^[0-9a-f]{64}$/, { error: "must be 64 lower-case hex digits" })))();

/**
 * Schema of an entrant's receipt (docs/raffle-spec.md §5), one JSON file that lets the
 * entrant run {@link verifyEntry} alone: the list root it was issued for, the entrant's list
 * id and weight, and the inclusion proof of that leaf; in pseudonymous mode also the
 * canonical `id` and the `entrantKey` (both or neither), so that the entrant can check the
 * pseudonym is theirs. Unknown members are refused.
 *
 * ```
 * { "format": "ops-raffle/v1.1", "type": "receipt", "listRoot": hash, "listId": string,
 *   "weight": 1…1000000, "proof": { "index", "size", "path": [hash, …] },
 *   "id"?: string, "entrantKey"?: hash }
 * ```
 *
 * @example
 * ```ts
 * import { EntrantReceiptSchema } from "@ops/raffle";
 * EntrantReceiptSchema.safeParse({ format: "ops-raffle/v1.1", type: "receipt" }).success;
 * // => false
 * ```
 */
export const EntrantReceiptSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      format: z.literal("ops-raffle/v1.1"),
      type: z.literal("receipt"),
      listRoot: Hex32,
      listId: z.string().check(z.minLength(1), z.maxLength(MAX_ID_BYTES)),
      weight: z.int().check(z.minimum(1), z.maximum(1_000_000)),
      proof: z.strictObject({
        index: z.int().check(z.minimum(0)),
        size: z.int().check(z.minimum(0)),
        path: z.array(Hex32).check(z.maxLength(64)),
      }),
      id: z.optional(z.string().check(z.minLength(1), z.maxLength(MAX_ID_BYTES))),
      entrantKey: z.optional(Hex32),
    })
    .check(
      z.refine((r) => (r.id === undefined) === (r.entrantKey === undefined), {
        error: "must hold both id and entrantKey (pseudonymous mode) or neither (public mode)",
      }),
    ))();

/** An entrant's receipt; see {@link EntrantReceiptSchema}. */
export type EntrantReceipt = z.output<typeof EntrantReceiptSchema>;

/** Options of {@link entrantReceipt}. */
export interface EntrantReceiptOptions {
  /** The audit key (64 hex digits), required for a pseudonymous list. */
  readonly auditKey?: string;
}

/**
 * Issues one entrant's receipt from the compiled list, after entries close (when the list
 * root is published): their list id, weight and inclusion proof under the list root, and in
 * pseudonymous mode their canonical id and entrant key. Organisers hand each entrant their
 * receipt (a JSON file); with it and the certificate, {@link verifyEntry} checks that the
 * entrant was in the list with that weight and where their score put them.
 *
 * @param list - the compiled list (from {@link compileEntrants})
 * @param id - the entrant's canonical id (in both modes)
 * @param options - `auditKey` for a pseudonymous list
 * @returns the receipt ({@link EntrantReceiptSchema})
 * @throws {OpsError} `invalid_argument` for a bad list, id or missing audit key; `not_found`
 *   when the id is not in the list
 *
 * @example
 * ```ts
 * import { compileEntrants, entrantReceipt } from "@ops/raffle";
 * const list = compileEntrants([{ id: "qq::1" }, { id: "qq::2", weight: 3 }]);
 * const receipt = entrantReceipt(list, "qq::2");
 * [receipt.listId, receipt.weight, receipt.proof.index];
 * // => ["qq::2", 3, 1]
 * ```
 */
export function entrantReceipt(list: EntrantList, id: string, options: EntrantReceiptOptions = {}): EntrantReceipt {
  const fn = "entrantReceipt";
  if (!isEntrantList(list, fn, ["list"]))
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["list"],
      rule: "must be a compiled list",
      received: list,
    });
  if (typeof options !== "object" || options === null)
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["options"],
      rule: "must be an object",
      received: options,
    });
  const canonical = canonicalIdOrThrow(id, fn, ["id"]);
  let listId = canonical;
  let keyed: { id: string; entrantKey: string } | null = null;
  if (list.privacy === "pseudonymous") {
    if (options.auditKey === undefined)
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: ["options", "auditKey"],
        rule: "is required for a pseudonymous list",
      });
    hexBytes(options.auditKey, 32, fn, ["options", "auditKey"]);
    const p = entrantPseudonym(options.auditKey, canonical);
    listId = p.listId;
    keyed = { id: p.id, entrantKey: p.entrantKey };
  }
  const proof = inclusionProof(list, listId);
  return parseOrThrow(
    EntrantReceiptSchema,
    {
      format: "ops-raffle/v1.1",
      type: "receipt",
      listRoot: list.root,
      listId,
      weight: list.weights[proof.index] as number,
      proof: { index: proof.index, size: proof.size, path: [...proof.path] },
      ...(keyed ?? {}),
    },
    { fn, path: ["receipt"] },
  );
}
