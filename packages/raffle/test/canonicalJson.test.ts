import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, specHash } from "@ops/raffle";
import { commitSpec, drandSpec } from "./helpers";

describe("canonicalJson", () => {
  it("serialises the RFC 8785 §3.2.4 example byte for byte", () => {
    // RFC 8785 §3.2.4 (input with 333333333.33333329, 1E30, 4.50, 2e-3, 1e-27 and escapes)
    const input = {
      // biome-ignore lint/correctness/noPrecisionLoss: the literal is written with more digits than a double keeps, on purpose
      numbers: [333333333.33333329, 1e30, 4.5, 2e-3, 0.000000000000000000000000001],
      string: "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"/",
      literals: [null, true, false],
    };
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it("sorts member names by UTF-16 code units as RFC 8785 §3.2.3 shows", () => {
    // RFC 8785 §3.2.3: \r, 1, \u0080, ö, €, 😀 (U+D83D…), \ufb33 — UTF-16 order, not code point order
    const input = { "\u20ac": 1, "\r": 2, "\ufb33": 3, "1": 4, "\ud83d\ude00": 5, "\u0080": 6, "\u00f6": 7 };
    expect(canonicalJson(input)).toBe('{"\\r":2,"1":4,"\u0080":6,"ö":7,"€":1,"😀":5,"דּ":3}');
  });

  it("writes numbers in ECMAScript form (RFC 8785 Appendix B samples)", () => {
    // RFC 8785 Appendix B: IEEE 754 values and their JCS text
    const cases: [number, string][] = [
      [0, "0"],
      [-0, "0"],
      [5e-324, "5e-324"],
      [1.7976931348623157e308, "1.7976931348623157e+308"],
      [9007199254740992, "9007199254740992"],
      [1e21, "1e+21"],
      [1e20, "100000000000000000000"],
      [0.000001, "0.000001"],
      [1e-7, "1e-7"],
    ];
    for (const [n, text] of cases) expect(canonicalJson(n)).toBe(text);
  });

  it("refuses what JSON cannot hold", () => {
    for (const bad of [Number.NaN, Infinity, undefined, () => 1, 10n, new Date(0), { a: undefined }, "\ud800x"]) {
      expect(() => canonicalJson(bad)).toThrowOpsError("invalid_argument", { fn: "canonicalJson" });
    }
    expect(() => canonicalJson({ a: [1, { b: Number.NaN }] })).toThrowOpsError("invalid_argument", {
      message: /value\.a\[1\]\.b must be a finite number/,
    });
  });

  it("refuses a value that shares its branches past 4 000 000 values, instead of walking 3^40 of them", () => {
    // legal JSON (no cycle), but each level of { a: v, b: v, c: v } triples the text: before the
    // bound, the walk never returned (found by the hostile sweep with this value)
    let shared: unknown = 1;
    for (let i = 0; i < 40; i++) shared = { a: shared, b: shared, c: shared };
    expect(() => canonicalJson(shared)).toThrowOpsError("invalid_argument", {
      fn: "canonicalJson",
      message: /must hold at most 4000000 values \(a shared one counted each time it occurs\)/,
    });
    // a shared branch within the bound is written out at each place, as JSON.stringify does
    const leaf = { x: 1 };
    expect(canonicalJson({ b: leaf, a: [leaf, leaf] })).toBe('{"a":[{"x":1},{"x":1}],"b":{"x":1}}');
    // the path is the one the walk was at, and a refusal deep inside names it
    expect(() => canonicalJson({ a: [{}, { b: [Number.POSITIVE_INFINITY] }] })).toThrowOpsError("invalid_argument", {
      message: /value\.a\[1\]\.b\[0\] must be a finite number/,
    });
  });

  it("is stable under key order and round-trips through JSON.parse", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = canonicalJson(v);
        return canonicalJson(JSON.parse(text)) === text;
      }),
    );
  });

  it("handles empty containers", () => {
    expect(canonicalJson({})).toBe("{}");
    expect(canonicalJson([])).toBe("[]");
  });
});

describe("specHash", () => {
  it("ignores member order and changes with any field", () => {
    const spec = drandSpec();
    const reordered = Object.fromEntries(Object.entries(spec).reverse()) as typeof spec;
    expect(specHash(reordered)).toBe(specHash(spec));
    expect(specHash({ ...spec, alternates: 3 })).not.toBe(specHash(spec));
    expect(specHash({ ...spec, tiers: [{ name: "500-yuan voucher", count: 2 }] })).not.toBe(specHash(spec));
    expect(specHash(commitSpec())).not.toBe(specHash(spec));
  });

  it("does not mutate the spec", () => {
    const spec = drandSpec();
    const copy = structuredClone(spec);
    specHash(spec);
    expect(spec).toEqual(copy);
  });

  it("refuses a spec that breaks the schema, naming the field", () => {
    expect(() => specHash({ ...drandSpec(), tiers: [] })).toThrowOpsError("invalid_argument", {
      message: /specHash: spec\.tiers must list at least one prize tier/,
    });
    expect(() => specHash({ ...drandSpec(), weights: { max: 0, rule: "" } })).toThrowOpsError("invalid_argument", {
      message: /spec\.weights\.max/,
    });
    expect(() => specHash({ ...drandSpec(), format: "ops-raffle/v2" } as never)).toThrowOpsError("invalid_argument", {
      message: /spec\.format/,
    });
    expect(() => specHash({ ...drandSpec(), extra: 1 } as never)).toThrowOpsError("invalid_argument");
  });
});
