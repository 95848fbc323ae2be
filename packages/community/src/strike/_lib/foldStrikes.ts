import { parseOrThrow } from "@ops/core";
import { StrikeLogSchema, type StrikeLog, type StrikeRecord } from "../StrikeLog";

/** `strikeRecords` with the caller's name in errors (for `escalationAt`). */
export function foldStrikes(log: StrikeLog, actor: string | undefined, fn: string): StrikeRecord[] {
  const entries = parseOrThrow(StrikeLogSchema, log, { fn, path: ["log"] });
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
