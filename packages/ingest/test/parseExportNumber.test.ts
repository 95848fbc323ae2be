import { parseExportNumber } from "@ops/ingest";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const value = (text: string) => {
  const r = parseExportNumber(text);
  return r.ok ? r.value : r.error.code;
};

describe("parseExportNumber", () => {
  it.each([
    ["128,524", 128524],
    ["1,234,567", 1234567],
    ["0", 0],
    ["  42 ", 42],
    ["-238", -238],
    ["+12", 12],
    ["1.2万", 12000],
    ["1.15万", 11500], // 1.15 × 10000 in floating point is 11499.999999999998: the point is moved in the text
    ["3亿", 300000000],
    ["12.5%", 0.125],
    ["0.07%", 0.0007],
    ["5‰", 0.005],
    ["１２８，５２４", 128524], // full-width digits and comma (NFKC)
    ["－５", -5],
    ["3.14", 3.14],
    ["-0", 0],
  ])("reads %j as %j", (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it.each(["", "-", "--", "—", "/", "N/A", " - "])("reads %j as missing (null), not 0", (text) => {
    expect(value(text)).toBeNull();
  });

  it.each(["1,2,3", "12,52", "1,2345", "12 524", "1e3", "0x10", "abc", "1.2.3", "万", "12%%", "Infinity", "NaN", "1,"])(
    "refuses %j as not_a_number",
    (text) => {
      expect(value(text)).toBe("not_a_number");
    },
  );

  it("refuses a lower bound such as 10万+ as not_exact", () => {
    expect(parseExportNumber("10万+")).toEqual({
      ok: false,
      error: {
        code: "not_exact",
        path: ["text"],
        message: '"10万+" is a lower bound, not a figure (export the exact number)',
      },
    });
  });

  it("refuses a cell longer than 64 characters without reading it", () => {
    expect(value("1".repeat(65))).toBe("not_a_number");
  });

  it("throws OpsError for a value that is not a string", () => {
    expect(() => parseExportNumber(5 as never)).toThrow(expect.objectContaining({ code: "invalid_argument" }));
  });

  it("round-trips integers formatted with thousands separators (en-US and zh-CN grouping)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(value(n.toLocaleString("en-US"))).toBe(n);
        expect(value(n.toLocaleString("zh-CN"))).toBe(n);
      }),
    );
  });

  it("round-trips decimals formatted with thousands separators", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const n = whole + cents / 100;
        const text = n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
        expect(value(text)).toBe(Number(n.toFixed(2)));
      }),
    );
  });

  it("never returns NaN or an infinite number", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 70 }), (text) => {
        const r = parseExportNumber(text);
        if (r.ok && r.value !== null) expect(Number.isFinite(r.value)).toBe(true);
      }),
    );
  });
});
