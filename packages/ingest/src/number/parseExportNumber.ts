import { err, type Failure, failure, ok, OpsError, type Result } from "@ops/core";

/** Why a cell is not a figure: `not_a_number`, or `not_exact` for a bound such as `10万+`. */
export type ExportNumberFailure = Failure<"not_a_number" | "not_exact">;

/** Texts that mean "no figure" (missing, not 0), after NFKC and trimming. */
const MISSING = new Set(["", "-", "--", "—", "——", "/", "n/a", "na", "null"]);

/** Up to 15 ASCII digits: an exact integer as it is. */
const PLAIN = /^\d{1,15}$/;

/** Units after the number and the power of ten they shift it by. */
const SHIFT: Readonly<Record<string, number>> = { "%": -2, "‰": -3, 万: 4, 亿: 8 };

/** A sign, digits with or without well-formed thousands separators, a fraction, a unit, a `+` (a bound). */
const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(%|‰|万|亿)?(\+?)$/;

/**
 * Reads a figure as Chinese platform exports and spreadsheets write it: `"128,524"`
 * (thousands separators, each group of three checked), `"1.2万"` (×10⁴) and `"3亿"` (×10⁸),
 * `"12.5%"` (→ 0.125) and `"‰"`, full-width digits and signs (`"１２８，５２４"`, after
 * Unicode NFKC), a leading `-` or `+`. The decimal point is moved in the text before the one
 * conversion to a number, so `"1.15万"` is exactly 11500.
 *
 * Missing, not 0: `""`, `"-"`, `"--"`, `"—"`, `"/"`, `"N/A"` give `null` (a figure the
 * platform did not report); `"0"` gives 0. A bound such as `"10万+"` (WeChat's display of
 * reads ≥ 100 000) is `not_exact`; anything else (`"1,2,3"`, `"12 524"`, `"1e3"`) is
 * `not_a_number`. Never NaN: every number returned is finite.
 *
 * @param text - the cell (at most 64 characters are read as a figure; a longer cell is `not_a_number`)
 * @returns `{ ok: true, value }` with a finite number or `null` for missing; `{ ok: false, error }` otherwise
 * @throws {OpsError} `invalid_argument` when `text` is not a string
 *
 * @example
 * ```ts
 * import { parseExportNumber } from "@ops/ingest";
 * [parseExportNumber("128,524"), parseExportNumber("1.2万"), parseExportNumber("12.5%"), parseExportNumber("-")];
 * // => [{ ok: true, value: 128524 }, { ok: true, value: 12000 }, { ok: true, value: 0.125 }, { ok: true, value: null }]
 * parseExportNumber("10万+").ok;
 * // => false
 * ```
 */
export function parseExportNumber(text: string): Result<number | null, ExportNumberFailure> {
  if (typeof text !== "string")
    throw new OpsError({
      code: "invalid_argument",
      fn: "parseExportNumber",
      path: ["text"],
      rule: "must be a string",
      received: text,
    });
  // the common cell first: plain ASCII digits need neither NFKC nor the full pattern
  if (PLAIN.test(text)) return ok(Number(text));
  const s = text.length > 64 ? text : text.normalize("NFKC").trim();
  if (MISSING.has(s.toLowerCase())) return ok(null);
  const m = s.length > 64 ? null : NUMBER.exec(s);
  if (m === null) return err(failure("not_a_number", `${JSON.stringify(text)} is not a number`, ["text"]));
  const [, sign, whole = "", fraction = "", unit = "", bound] = m;
  if (bound === "+")
    return err(
      failure("not_exact", `${JSON.stringify(text)} is a lower bound, not a figure (export the exact number)`, [
        "text",
      ]),
    );
  const digits = whole.replace(/,/g, "") + fraction;
  const point = digits.length - fraction.length + (SHIFT[unit] ?? 0);
  const shifted =
    point <= 0
      ? `0.${"0".repeat(-point)}${digits}`
      : point >= digits.length
        ? digits + "0".repeat(point - digits.length)
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  const value = Number(shifted);
  return ok(sign === "-" && value !== 0 ? -value : value);
}
