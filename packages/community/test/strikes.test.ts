import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  appendStrikeEntry,
  compileRules,
  DEFAULT_LADDER,
  escalationAt,
  evaluate,
  issueStrike,
  strikeRecords,
  type StrikeLog,
} from "./helpers";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 10, 1);

function logOf(...entries: Parameters<typeof appendStrikeEntry>[1][]): StrikeLog {
  return entries.reduce<StrikeLog>((log, e) => appendStrikeEntry(log, e), []);
}
const strike = (id: string, at: number, ttl: number | null, weight = 1, actor = "qq::42") =>
  issueStrike({ weight, ttlMs: ttl }, { id, actor, ruleId: "no-ads", at });

describe("issueStrike", () => {
  it("freezes the rule's weight at action time", () => {
    const rules = [
      {
        id: "no-ads",
        triggers: [{ kind: "keywords" as const, keywords: ["代购"] }],
        actions: [{ kind: "delete" as const }],
        strike: { weight: 2, ttlMs: 7 * DAY },
      },
    ];
    const d = evaluate({ id: "m", actor: "qq::42", text: "代购", at: T0 }, compileRules(rules)).decisions[0]!;
    const s = issueStrike(d.strike!, { id: "s1", actor: "qq::42", ruleId: d.ruleId, at: T0 });
    // the rule changes later: the strike does not
    rules[0]!.strike.weight = 5;
    expect(s).toMatchObject({ weight: 2, expiresAt: T0 + 7 * DAY });
  });

  it("refuses a bad policy and an expiry beyond the instant range", () => {
    expect(() => issueStrike({ weight: 0, ttlMs: 1 }, { id: "s", actor: "a", ruleId: "r", at: 0 })).toThrowOpsError(
      "invalid_argument",
      { fn: "issueStrike", path: ["policy", "weight"], message: /must be a number > 0/ },
    );
    expect(() =>
      issueStrike({ weight: 1, ttlMs: 1 }, { id: "s", actor: "a", ruleId: "r", at: 8.64e15 }),
    ).toThrowOpsError("invalid_argument", { fn: "issueStrike", path: ["policy", "ttlMs"] });
  });
});

describe("appendStrikeEntry", () => {
  it("appends without touching the old log", () => {
    const a = logOf(strike("s1", T0, DAY));
    const b = appendStrikeEntry(a, strike("s2", T0, DAY));
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(2);
  });

  it("is idempotent for an identical entry and refuses a reused id", () => {
    const a = logOf(strike("s1", T0, DAY));
    expect(appendStrikeEntry(a, strike("s1", T0, DAY))).toBe(a);
    expect(() => appendStrikeEntry(a, strike("s1", T0, DAY, 3))).toThrowOpsError("duplicate", {
      fn: "appendStrikeEntry",
      path: ["entry", "id"],
      message: /must be a strike id not yet in the log/,
    });
  });

  it("refuses revoking an unknown strike, revoking before the strike, and revoking twice", () => {
    const a = logOf(strike("s1", T0, DAY));
    expect(() => appendStrikeEntry(a, { type: "revocation", strikeId: "nope", at: T0 })).toThrowOpsError("not_found", {
      fn: "appendStrikeEntry",
      path: ["entry", "strikeId"],
      message: /must name a strike in the log/,
    });
    expect(() => appendStrikeEntry(a, { type: "revocation", strikeId: "s1", at: T0 - 1 })).toThrowOpsError(
      "invalid_argument",
      { fn: "appendStrikeEntry", path: ["entry", "at"], message: /must not be before the strike/ },
    );
    const b = appendStrikeEntry(a, { type: "revocation", strikeId: "s1", at: T0 + 1 });
    expect(() => appendStrikeEntry(b, { type: "revocation", strikeId: "s1", at: T0 + 2 })).toThrowOpsError(
      "duplicate",
      { fn: "appendStrikeEntry", path: ["entry", "strikeId"], message: /must name a strike that is not yet revoked/ },
    );
  });

  it("refuses a malformed entry", () => {
    expect(() =>
      appendStrikeEntry([], { type: "strike", id: "s", actor: "a", ruleId: "r", weight: 1, at: 10, expiresAt: 5 }),
    ).toThrowOpsError("invalid_argument", {
      fn: "appendStrikeEntry",
      path: ["entry", "expiresAt"],
      message: /must be after at/,
    });
  });
});

describe("escalationAt", () => {
  const log = logOf(strike("s1", T0, 30 * DAY), strike("s2", T0 + DAY, 30 * DAY), strike("s3", T0 + 2 * DAY, null));

  it("climbs the default ladder: 1 → warning, 2 → 24 h timeout, 3 → removal", () => {
    expect(escalationAt(log, "qq::42", T0 - 1)).toEqual({ points: 0, active: [], step: null, nextExpiryAt: null });
    expect(escalationAt(log, "qq::42", T0).step).toEqual(DEFAULT_LADDER[0]);
    expect(escalationAt(log, "qq::42", T0 + DAY).step?.action).toEqual({ kind: "timeout", durationMs: 24 * HOUR });
    expect(escalationAt(log, "qq::42", T0 + 2 * DAY).step?.action).toEqual({ kind: "remove" });
  });

  it("counts a strike up to just before its expiry and not at it", () => {
    const justBefore = escalationAt(log, "qq::42", T0 + 30 * DAY - 1);
    expect(justBefore.points).toBe(3);
    expect(justBefore.nextExpiryAt).toBe(T0 + 30 * DAY);
    const atExpiry = escalationAt(log, "qq::42", T0 + 30 * DAY);
    expect(atExpiry.points).toBe(2);
    expect(atExpiry.active.map((s) => s.id)).toEqual(["s2", "s3"]);
    expect(atExpiry.step?.label).toBe("24 h timeout");
  });

  it("stops counting a revoked strike from its revocation on, and keeps the past as it was", () => {
    const revoked = appendStrikeEntry(log, {
      type: "revocation",
      strikeId: "s3",
      at: T0 + 3 * DAY,
      by: "mod:1",
      reason: "appeal upheld",
    });
    expect(escalationAt(revoked, "qq::42", T0 + 3 * DAY - 1).points).toBe(3);
    expect(escalationAt(revoked, "qq::42", T0 + 3 * DAY).points).toBe(2);
    expect(strikeRecords(revoked, "qq::42").find((r) => r.id === "s3")?.revokedAt).toBe(T0 + 3 * DAY);
  });

  it("uses frozen weights and a custom ladder, and ignores other actors", () => {
    const l = logOf(strike("a1", T0, null, 2.5), strike("b1", T0, null, 10, "qq::7"));
    const ladder = [
      { minPoints: 2, action: { kind: "hide" as const } },
      { minPoints: 5, action: { kind: "remove" as const } },
    ];
    expect(escalationAt(l, "qq::42", T0, { ladder })).toMatchObject({ points: 2.5, step: { minPoints: 2 } });
    expect(escalationAt(l, "nobody", T0)).toEqual({ points: 0, active: [], step: null, nextExpiryAt: null });
  });

  it("refuses a ladder out of order and a bad instant", () => {
    const bad = [
      { minPoints: 3, action: { kind: "remove" as const } },
      { minPoints: 1, action: { kind: "warn" as const } },
    ];
    expect(() => escalationAt(log, "qq::42", T0, { ladder: bad })).toThrowOpsError("invalid_argument", {
      fn: "escalationAt",
      path: ["options", "ladder"],
      message: /must list steps in strictly increasing minPoints/,
    });
    expect(() => escalationAt(log, "qq::42", Number.NaN)).toThrowOpsError("invalid_argument", {
      fn: "escalationAt",
      path: ["now"],
    });
    expect(() => escalationAt([{ type: "strike" } as never], "qq::42", T0)).toThrowOpsError("invalid_argument", {
      fn: "escalationAt",
      message: /^escalationAt: log\[0\]/,
    });
  });

  it("does not depend on the order in which strikes were appended (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            at: fc.integer({ min: 0, max: 100 }),
            ttl: fc.option(fc.integer({ min: 1, max: 100 })),
            w: fc.integer({ min: 1, max: 3 }),
          }),
          { maxLength: 12 },
        ),
        fc.integer({ min: 0, max: 200 }),
        (specs, t) => {
          const entries = specs.map((s, i) => strike(`s${i}`, s.at, s.ttl, s.w));
          const forward = escalationAt(logOf(...entries), "qq::42", t);
          const backward = escalationAt(logOf(...[...entries].reverse()), "qq::42", t);
          expect(backward.points).toBe(forward.points);
          expect(backward.step).toEqual(forward.step);
          const expected = specs
            .filter((s) => s.at <= t && (s.ttl === null || t < s.at + s.ttl))
            .reduce((a, s) => a + s.w, 0);
          expect(forward.points).toBe(expected);
        },
      ),
    );
  });
});
