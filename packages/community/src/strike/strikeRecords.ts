import { foldStrikes } from "./_lib/foldStrikes";
import type { StrikeLog, StrikeRecord } from "./StrikeLog";

/**
 * Folds a strike log into one record per strike, with `revokedAt` set from the earliest
 * revocation of it (null when none), in log order. Optionally only one actor's.
 *
 * @param log - the strike log
 * @param actor - keep only this actor's strikes (default: all)
 * @returns fresh records
 * @throws {OpsError} `invalid_argument` for a malformed log
 *
 * @example
 * ```ts
 * import { strikeRecords } from "@ops/community";
 * const log = [
 *   { type: "strike", id: "s1", actor: "a", ruleId: "r", weight: 2, at: 0, expiresAt: null },
 *   { type: "revocation", strikeId: "s1", at: 9 },
 * ] as const;
 * strikeRecords(log).map((r) => [r.id, r.revokedAt]);
 * // => [["s1", 9]]
 * ```
 */
export function strikeRecords(log: StrikeLog, actor?: string): StrikeRecord[] {
  return foldStrikes(log, actor, "strikeRecords");
}
