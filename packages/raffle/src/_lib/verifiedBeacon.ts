/**
 * The brand of a beacon that {@link verifyBeacon} accepted: a non-enumerable, read-only
 * property holding the public key (hex) its BLS signature verified under, on a frozen
 * object. A beacon read from JSON, built by hand, spread into a copy or cloned has no
 * brand, so a beacon nobody verified cannot reach a draw by mistake. (It is no boundary
 * against code in the same process that forges the brand on purpose: {@link verifyDraw}
 * checks the signature of every certificate again.) This module holds no curve code: a draw
 * checks the brand without importing @noble/curves.
 *
 * `Symbol.for` (not `Symbol()`): the ESM and CJS builds of the package, loaded side by
 * side, recognise each other's beacons.
 */
export const VERIFIED_UNDER: unique symbol = /* @__PURE__ */ Symbol.for("@ops/raffle/verified-under");

/** What a verified beacon records; see `VerifiedBeacon` in beacon/verifyBeacon.ts. */
export interface BeaconFacts {
  readonly chainHash: string;
  readonly round: number;
  readonly signature: string;
  readonly randomness: string;
}

/**
 * Brands a facts object with the public key it verified under (a non-enumerable, read-only,
 * non-configurable property) and freezes it. It takes the object over: pass a fresh one.
 */
export function brandBeacon<T extends BeaconFacts>(facts: T, publicKey: string): T & Branded {
  return Object.freeze(Object.defineProperty(facts, VERIFIED_UNDER, { value: publicKey })) as T & Branded;
}

type Branded = { readonly [VERIFIED_UNDER]: string };

/** The public key a branded beacon verified under, or null for anything else. */
export function verifiedUnder(value: unknown): string | null {
  if (typeof value !== "object" || value === null || !Object.isFrozen(value)) return null;
  const key = Object.getOwnPropertyDescriptor(value, VERIFIED_UNDER)?.value as unknown;
  return typeof key === "string" ? key : null;
}
