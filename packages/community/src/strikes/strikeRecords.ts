import { parseOrThrow } from "@ops/core";
import { StrikeLogSchema, type StrikeLog, type StrikeRecord } from "./StrikeLog";

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
  const entries = parseOrThrow(StrikeLogSchema, log, { fn: "strikeRecords", path: ["log"] });
  const revoked = new Map<string, number>();
  for (const e of entries) {
    if (e.type === "revocation") revoked.set(e.strikeId, Math.min(revoked.get(e.strikeId) ?? e.at, e.at));
  }
  const out: StrikeRecord[] = [];
  for (const e of entries) {
    if (e.type !== "strike" || (actor !== undefined && e.actor !== actor)) continue;
    out.push({ ...e, revokedAt: revoked.get(e.id) ?? null });
  }
  return out;
}
