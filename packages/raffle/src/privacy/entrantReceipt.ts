import { OpsError } from "@ops/core";
import { bytesToHex, hexBytes } from "../_lib/bytes";
import { entrantKeyFor, pseudonymWithKey } from "../_lib/pseudonym";

/** What one entrant receives in pseudonymous mode, to find and check their own leaf. */
export interface EntrantReceipt {
  /** The canonical id (NFC). */
  readonly id: string;
  /** The entrant's own key, 64 hex digits: HMAC-SHA256(auditKey, tag ‖ UTF-8(id)). */
  readonly entrantKey: string;
  /** The pseudonym listed instead of the id: hex(HMAC-SHA256(entrantKey, UTF-8(id))). */
  readonly listId: string;
}

/**
 * Derives an entrant's receipt in pseudonymous mode. Published lists then show only
 * pseudonyms: outsiders can re-run the draw over them but cannot tell who entered;
 * auditors, given `auditKey`, can map every pseudonym back to an id; an entrant, given
 * their receipt, can check that their pseudonym belongs to their id (with
 * {@link pseudonymOf}) without learning anything about other entrants (each entrant has
 * their own key, so a receipt cannot be used to test whether someone else entered).
 *
 * Definitions (docs/raffle-spec.md §5): `entrantKey = HMAC-SHA256(auditKey,
 * tag("ops-raffle/v1/entrant-key") ‖ UTF-8(id))`, `listId = hex(HMAC-SHA256(entrantKey,
 * UTF-8(id)))`. HMAC: RFC 2104.
 *
 * @param auditKey - 32 bytes as 64 hex digits, kept secret by the organiser and auditors
 * @param id - the entrant's canonical id
 * @returns the receipt
 * @throws {OpsError} `invalid_argument` for a malformed key or an empty id
 *
 * @example
 * ```ts
 * import { entrantReceipt, pseudonymOf } from "@ops/raffle";
 * const receipt = entrantReceipt("00".repeat(32), "wechat_oa:gh_3a8f:oX1y2");
 * pseudonymOf(receipt.entrantKey, receipt.id) === receipt.listId;
 * // => true
 * ```
 */
export function entrantReceipt(auditKey: string, id: string): EntrantReceipt {
  hexBytes(auditKey, 32, "entrantReceipt", ["auditKey"]);
  if (typeof id !== "string" || id.length === 0)
    throw new OpsError({
      code: "invalid_argument",
      fn: "entrantReceipt",
      path: ["id"],
      rule: "must be a non-empty canonical id",
      received: id,
    });
  const canonical = id.normalize("NFC");
  const key = entrantKeyFor(auditKey, canonical);
  return { id: canonical, entrantKey: bytesToHex(key), listId: pseudonymWithKey(key, canonical) };
}

/**
 * The pseudonym (list id) of a canonical id under an entrant key — what an entrant computes
 * from their receipt to find their own leaf. See {@link entrantReceipt}.
 *
 * @param entrantKey - 64 hex digits from the receipt
 * @param id - the canonical id
 * @returns 64 lower-case hex digits
 * @throws {OpsError} `invalid_argument` for a malformed key
 *
 * @example
 * ```ts
 * import { pseudonymOf } from "@ops/raffle";
 * pseudonymOf("11".repeat(32), "weibo::1669879400").length;
 * // => 64
 * ```
 */
export function pseudonymOf(entrantKey: string, id: string): string {
  return pseudonymWithKey(hexBytes(entrantKey, 32, "pseudonymOf", ["entrantKey"]), id.normalize("NFC"));
}
