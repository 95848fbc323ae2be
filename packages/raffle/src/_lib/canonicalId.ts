import { OpsError } from "@ops/core";
import { hasLoneSurrogate } from "./bytes";

/** NFC of a non-empty, well-formed id (an unpaired surrogate would hash as U+FFFD: refused). */
export function canonicalIdOrThrow(id: unknown, fn: string, path: (string | number)[]): string {
  if (typeof id !== "string" || id.length === 0 || hasLoneSurrogate(id) || /\p{Cn}/u.test(id))
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path,
      rule: "must be a non-empty canonical id without unpaired surrogates or unassigned code points",
      received: id,
    });
  return id.normalize("NFC");
}
