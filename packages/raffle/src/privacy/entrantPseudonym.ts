import { bytesToHex, hexBytes } from "../_lib/bytes";
import { canonicalIdOrThrow } from "../_lib/canonicalId";
import { entrantKeyFor, pseudonymWithKey } from "../_lib/pseudonym";

/** An entrant's pseudonym and key in pseudonymous mode (the id half of an {@link EntrantReceipt}). */
export interface EntrantPseudonym {
  /** The canonical id (NFC). */
  readonly id: string;
  /** The entrant's own key, 64 hex digits: HMAC-SHA256(auditKey, tag ‖ UTF-8(id)). */
  readonly entrantKey: string;
  /** The pseudonym listed instead of the id: hex(HMAC-SHA256(entrantKey, UTF-8(id))). */
  readonly listId: string;
}

/**
 * Derives an entrant's key and pseudonym in pseudonymous mode ({@link entrantReceipt} puts
 * them, with the weight and inclusion proof, in the receipt the entrant keeps). Published lists then show only
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
 * @returns `{ id, entrantKey, listId }`
 * @throws {OpsError} `invalid_argument` for a malformed key or an empty or ill-formed id
 *
 * @example
 * ```ts
 * import { entrantPseudonym, pseudonymOf } from "@ops/raffle";
 * const p = entrantPseudonym("00".repeat(32), "wechat_oa:gh_3a8f:oX1y2");
 * pseudonymOf(p.entrantKey, p.id) === p.listId;
 * // => true
 * ```
 */
export function entrantPseudonym(auditKey: string, id: string): EntrantPseudonym {
  hexBytes(auditKey, 32, "entrantPseudonym", ["auditKey"]);
  const canonical = canonicalIdOrThrow(id, "entrantPseudonym", ["id"]);
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
 * @throws {OpsError} `invalid_argument` for a malformed key, or an id that is empty or holds
 *   an unpaired surrogate
 *
 * @example
 * ```ts
 * import { pseudonymOf } from "@ops/raffle";
 * pseudonymOf("11".repeat(32), "weibo::1669879400").length;
 * // => 64
 * ```
 */
export function pseudonymOf(entrantKey: string, id: string): string {
  const key = hexBytes(entrantKey, 32, "pseudonymOf", ["entrantKey"]);
  return pseudonymWithKey(key, canonicalIdOrThrow(id, "pseudonymOf", ["id"]));
}
