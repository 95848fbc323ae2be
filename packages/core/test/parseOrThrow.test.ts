// parseOrThrow with zod/mini schemas: zod/mini ships no message locale, so the rule of an issue
// without its own message is phrased by core (src/validate/_lib/issueRule.ts). One case per issue code.
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { parseOrThrow } from "@ops/core";

const ruleOf = (schema: z.ZodMiniType, input: unknown): string => {
  try {
    parseOrThrow(schema, input, { fn: "f" });
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected a throw");
};

describe("parseOrThrow with zod/mini", () => {
  it.each([
    [z.int(), "x", 'f: must be an integer, got "x"'],
    [z.number(), Number.POSITIVE_INFINITY, "f: must be a finite number, got Infinity"],
    [z.array(z.string()), {}, "f: must be an array, got {}"],
    [z.object({ a: z.string() }), { a: 1 }, "f: a must be a string, got 1"],
    [z.number().check(z.minimum(0)), -3, "f: must be ≥ 0, got -3"],
    [z.number().check(z.gt(0)), 0, "f: must be > 0, got 0"],
    [z.number().check(z.maximum(10)), 11, "f: must be ≤ 10, got 11"],
    [z.number().check(z.lt(10)), 10, "f: must be < 10, got 10"],
    [z.string().check(z.minLength(1)), "", 'f: must have at least 1 character, got ""'],
    [z.string().check(z.maxLength(2)), "abc", 'f: must have at most 2 characters, got "abc"'],
    [z.array(z.int()).check(z.minLength(2)), [1], "f: must have at least 2 items, got [1]"],
    [z.enum(["day", "week"]), "month", 'f: must be one of "day", "week", got "month"'],
    [z.literal("v1"), "v2", 'f: must be "v1", got "v2"'],
    [z.strictObject({ a: z.optional(z.int()) }), { b: 1 }, 'f: must not have the key "b", got {"b":1}'],
    [z.strictObject({}), { b: 1, c: 2 }, 'f: must not have the keys "b", "c", got {"b":1,"c":2}'],
    [z.string().check(z.regex(/^a+$/)), "b", 'f: must match /^a+$/, got "b"'],
    [z.number().check(z.multipleOf(5)), 7, "f: must be a multiple of 5, got 7"],
    [z.string().check(z.refine(() => false, { error: "must be lucky" })), "x", 'f: must be lucky, got "x"'],
  ])("phrases %# as a rule", (schema, input, message) => {
    expect(ruleOf(schema as z.ZodMiniType, input)).toBe(message);
  });
  it("reports the discriminator's options for a discriminated union, at its path", () => {
    const Kind = z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("commit"), commitment: z.string() }),
      z.object({ kind: z.literal("drand"), round: z.int() }),
    ]);
    expect(ruleOf(Kind, { kind: "dice" })).toBe('f: kind must be one of "commit", "drand", got "dice"');
    expect(() => parseOrThrow(Kind, { kind: "drand", round: "x" }, { fn: "f", path: ["spec"] })).toThrowOpsError(
      "invalid_argument",
      { path: ["spec", "round"], message: "must be an integer" },
    );
  });
  it("reports the branch of a plain union that got furthest", () => {
    const U = z.union([z.string(), z.object({ a: z.object({ b: z.int() }) })]);
    expect(ruleOf(U, { a: { b: "x" } })).toBe('f: a.b must be an integer, got "x"');
    expect(ruleOf(U, 5)).toBe("f: matches none of the allowed forms, got 5");
  });
  it("keeps a message set on the schema", () => {
    expect(ruleOf(z.int({ error: "must be whole epoch milliseconds" }), 0.5)).toBe(
      "f: must be whole epoch milliseconds, got 0.5",
    );
  });
});
