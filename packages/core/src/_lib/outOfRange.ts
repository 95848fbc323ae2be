import { OpsError, type ErrorPath } from "../error/OpsError";

/** The instant range (±MAX_INSTANT) as it reads in error messages. */
export const INSTANT_RANGE = "±8.64e15 epoch milliseconds (-271821-04-20T00:00:00.000Z to +275760-09-13T00:00:00.000Z)";

/**
 * The error for valid arguments whose answer is an instant outside ±8.64e15 ms:
 * `out_of_range`, as opposed to `invalid_argument` for an argument that is not an instant
 * at all. `what` is phrased to follow the path: "lies in a local day that starts".
 */
export function outOfRange(fn: string, path: ErrorPath, what: string, received?: unknown): OpsError {
  return new OpsError({
    code: "out_of_range",
    fn,
    path,
    rule: `${what} outside ${INSTANT_RANGE}`,
    ...(received === undefined ? {} : { received }),
  });
}
