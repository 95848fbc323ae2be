import { OpsError, parseOrThrow } from "@ops/core";
import { StrikeLogEntrySchema, StrikeLogSchema, type StrikeLog, type StrikeLogEntry } from "./StrikeLog";

/**
 * Appends one entry to an append-only strike log and returns the new log; the old one is
 * untouched. Appending an entry equal to one already present returns the log unchanged
 * (so a retried request is harmless).
 *
 * Invariants: strike ids are unique; a revocation names a strike already in the log, is
 * not earlier than that strike, and each strike is revoked at most once.
 *
 * @param log - the log so far (trusted: built by this function)
 * @param entry - a strike (see `issueStrike`) or a revocation
 * @returns a new log with the entry at the end
 * @throws {OpsError} `invalid_argument` for a malformed entry, a log that breaks `StrikeLogSchema` (holes, NaN, wrong types), or a revocation before its strike; `duplicate` for a reused strike id or a second revocation; `not_found` for a revocation of an unknown strike
 *
 * @example
 * ```ts
 * import { appendStrikeEntry, issueStrike } from "@ops/community";
 * const s = issueStrike({ weight: 1, ttlMs: null }, { id: "s1", actor: "qq::42", ruleId: "no-ads", at: 0 });
 * const log = appendStrikeEntry(appendStrikeEntry([], s), { type: "revocation", strikeId: "s1", at: 5 });
 * log.length;
 * // => 2
 * ```
 */
export function appendStrikeEntry(log: StrikeLog, entry: StrikeLogEntry): StrikeLog {
  const fn = "appendStrikeEntry";
  const e = parseOrThrow(StrikeLogEntrySchema, entry, { fn, path: ["entry"] });
  // the whole log, as the functions that fold it do: a hole or a NaN in an earlier entry is an error here, not passed on
  const entries = parseOrThrow(StrikeLogSchema, log, { fn, path: ["log"] });
  const same = entries.find((x) =>
    e.type === "strike" ? x.type === "strike" && x.id === e.id : x.type === "revocation" && x.strikeId === e.strikeId,
  );
  if (same) {
    if (JSON.stringify(same) === JSON.stringify(e)) return log;
    throw new OpsError({
      code: "duplicate",
      fn,
      path: ["entry", e.type === "strike" ? "id" : "strikeId"],
      rule:
        e.type === "strike" ? "must be a strike id not yet in the log" : "must name a strike that is not yet revoked",
      received: e.type === "strike" ? e.id : e.strikeId,
    });
  }
  if (e.type === "revocation") {
    const strike = entries.find((x) => x.type === "strike" && x.id === e.strikeId);
    if (!strike)
      throw new OpsError({
        code: "not_found",
        fn,
        path: ["entry", "strikeId"],
        rule: "must name a strike in the log",
        received: e.strikeId,
      });
    if (e.at < strike.at)
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: ["entry", "at"],
        rule: `must not be before the strike (${strike.at})`,
        received: e.at,
      });
  }
  return [...log, e];
}
