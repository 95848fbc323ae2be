import type { core } from "zod/mini";

/**
 * Phrases a zod issue as the rule it breaks, in the words of an {@link OpsError} message
 * ("must be ≥ 0", "must be one of "day", "week""). zod/mini loads no locale, so its own
 * default message is "Invalid input"; this small map replaces zod's English locale (which
 * would cost every function that validates about 1.2 kB gzipped). A message set on the
 * schema (`{ error: "…" }`) wins over it, as zod's precedence rules say.
 */
export function issueRule(issue: core.$ZodRawIssue): string {
  const i = issue as Partial<Record<string, unknown>> & { code: string; origin?: string };
  const list = (xs: unknown) =>
    (xs as unknown[]).map((x) => (typeof x === "string" ? JSON.stringify(x) : String(x))).join(", ");
  switch (i.code) {
    case "invalid_type":
      // z.int() reports a non-number as expected "number": its format (safeint, int32…) says integer
      return `must be ${i.expected === "int" || /int/.test(String((i.inst as { _zod?: { def?: { format?: string } } })?._zod?.def?.format)) ? "an integer" : i.expected === "number" ? "a finite number" : `${/^[aeiou]/.test(String(i.expected)) ? "an" : "a"} ${i.expected}`}`;
    case "too_small":
    case "too_big": {
      const small = i.code === "too_small";
      const limit = Number(small ? i.minimum : i.maximum);
      const unit = i.origin === "string" ? " character" : /^(array|set|map)$/.test(String(i.origin)) ? " item" : "";
      return unit
        ? `must have ${i.exact ? "exactly" : small ? "at least" : "at most"} ${limit}${unit}${limit === 1 ? "" : "s"}`
        : `must be ${small ? (i.inclusive ? "≥" : ">") : i.inclusive ? "≤" : "<"} ${limit}`;
    }
    case "invalid_value":
      return `must be ${(i.values as unknown[]).length > 1 ? "one of " : ""}${list(i.values)}`;
    case "unrecognized_keys":
      return `must not have the key${(i.keys as unknown[]).length > 1 ? "s" : ""} ${list(i.keys)}`;
    case "invalid_format":
      return i.pattern ? `must match ${i.pattern}` : `must be a valid ${i.format}`;
    case "not_multiple_of":
      return `must be a multiple of ${i.divisor}`;
    case "invalid_union":
      // a discriminated union names the discriminator's path and its options
      return Array.isArray(i.options) ? `must be one of ${list(i.options)}` : "matches none of the allowed forms";
    default:
      return "is invalid";
  }
}
