/** Text encodings a byte input may be in: UTF-8, or GB18030 (the superset of GBK that Excel on Chinese Windows writes). */
export type CsvEncoding = "utf-8" | "gb18030";

/**
 * Largest text accepted, in UTF-16 code units (JavaScript string length): 1 000 000, about
 * 1 MB of digits or 3 MB of UTF-8 Chinese. Checked before parsing. Sized so that every
 * function answers within 1 s at its limits on a loaded 2-core machine (the hostile-input
 * suite calls them there); split a larger export by date range.
 */
export const MAX_CSV_CHARS = 1_000_000;
/** Most records accepted, the header and blank lines included: 5 000 (a year of daily rows is 365). */
export const MAX_CSV_ROWS = 5_000;
