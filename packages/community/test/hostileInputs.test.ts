// Issue 20, hostile inputs: an OpsError naming the field — never a TypeError from inside,
// never NaN passed on. `options: null` is refused like any non-object; omitted options are `{}`.
import { describe, expect, it } from "vitest";
import {
  appendStrikeEntry,
  checkRegexSafety,
  compileKeywords,
  detectAdvertising,
  findKeywords,
  normalizeText,
  type StrikeLog,
} from "@ops/community";

const T = Date.UTC(2026, 2, 8);
const strike = {
  type: "strike",
  id: "s1",
  actor: "weibo::1",
  ruleId: "r1",
  weight: 1,
  at: T,
  expiresAt: null,
} as const;

describe("appendStrikeEntry", () => {
  const next = { ...strike, id: "s2" };
  it("refuses a log with a hole or a malformed entry instead of passing it on", () => {
    expect(() => appendStrikeEntry(new Array(2) as unknown as StrikeLog, next)).toThrowOpsError("invalid_argument", {
      path: ["log", 0],
    });
    expect(() => appendStrikeEntry([{ ...strike, actor: Number.NaN } as never], next)).toThrowOpsError(
      "invalid_argument",
      { path: ["log", 0, "actor"] },
    );
    expect(() => appendStrikeEntry([{ ...strike, weight: Number.POSITIVE_INFINITY }], next)).toThrowOpsError(
      "invalid_argument",
      { path: ["log", 0, "weight"] },
    );
    expect(() => appendStrikeEntry([{ ...strike, at: Symbol() as never }], next)).toThrowOpsError("invalid_argument", {
      path: ["log", 0, "at"],
    });
  });
  it("still appends to a valid log", () => {
    expect(appendStrikeEntry([strike], next)).toEqual([strike, next]);
  });
});

describe("checkRegexSafety", () => {
  it("reports flags of any type as a refusal value, never a TypeError", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const flags of [10n, cyclic]) {
      const r = checkRegexSafety("a+", flags as never);
      expect(r.ok ? null : r.error.code).toBe("unsupported_flag");
    }
  });
});

describe("options: null", () => {
  it("is refused by findKeywords and normalizeText; omitted options are the defaults", () => {
    const matcher = compileKeywords(["加微信"]);
    expect(() => findKeywords(matcher, "加微信", null as never)).toThrowOpsError("invalid_argument", {
      path: ["options"],
    });
    expect(findKeywords(matcher, "加微信")).toHaveLength(1);
    expect(() => normalizeText("x", null as never)).toThrowOpsError("invalid_argument", { path: ["options"] });
    expect(() => normalizeText("x", { strip: Object.create(null) })).toThrowOpsError("invalid_argument", {
      path: ["options", "strip"],
    });
  });
});

describe("detectAdvertising", () => {
  it("refuses a text longer than 200 000 UTF-16 units before scanning it", () => {
    const t = performance.now();
    expect(() => detectAdvertising("\uD800".repeat(1_000_001))).toThrowOpsError("invalid_argument", { path: ["text"] });
    expect(performance.now() - t).toBeLessThan(1000);
    expect(detectAdvertising("加我微信 abc12345")).not.toHaveLength(0);
  });
});
