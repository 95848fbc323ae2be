import { OpsError } from "@ops/core";
import type { EntrantList } from "../list/compileEntrants";

/**
 * True for a list made by compileEntrants (its `kind` tag). A value that carries the tag but
 * whose columns do not fit together (sizes, typed arrays, privacy) is refused with
 * `invalid_argument` rather than read: the draw and proofs index into those arrays.
 */
export function isEntrantList(
  value: unknown,
  fn = "compileEntrants",
  path: (string | number)[] = ["list"],
): value is EntrantList {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const v = value as Partial<Record<keyof EntrantList, unknown>>;
  if (v.kind !== "ops-raffle/entrant-list") return false;
  const size = v.size;
  const ok =
    typeof size === "number" &&
    Number.isSafeInteger(size) &&
    size >= 0 &&
    Array.isArray(v.ids) &&
    v.ids.length === size &&
    v.weights instanceof Uint32Array &&
    v.weights.length === size &&
    v.idBytes instanceof Uint8Array &&
    v.idOffsets instanceof Uint32Array &&
    v.idOffsets.length === size + 1 &&
    (v.privacy === "public" || v.privacy === "pseudonymous") &&
    typeof v.root === "string" &&
    /^[0-9a-f]{64}$/.test(v.root) &&
    typeof v.totalWeight === "number" &&
    Number.isSafeInteger(v.totalWeight) &&
    (v.leafHashes === null || (v.leafHashes instanceof Uint8Array && v.leafHashes.length === 32 * size));
  if (!ok)
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path,
      rule: "must be a list returned by compileEntrants, unchanged",
      received: value,
    });
  return true;
}
