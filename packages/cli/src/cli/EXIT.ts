/**
 * Exit codes of the `ops` command ({@link run}): 0 verified (or done), 1 refused (a
 * certificate that does not hold up, a beacon that does not verify), 2 usage error or
 * unreadable input.
 *
 * @example
 * ```ts
 * import { EXIT } from "@ops/cli";
 * EXIT.refused;
 * // => 1
 * ```
 */
export const EXIT = { ok: 0, refused: 1, usage: 2 } as const;
