import type { core } from "zod/mini";

/**
 * Phrases a zod issue as the rule it breaks, in the words of an {@link OpsError} message
 * ("must be ≥ 0", "must be one of "day", "week""). zod/mini loads no locale, so its own
 * default message is "Invalid input"; this small map replaces zod's English locale (which
 * would cost every function that validates about 1.2 kB gzipped). A message set on the
 * schema (`{ error: "…" }`) wins over it, as zod's precedence rules say.
 */
export function issueRule(issue: core.$ZodRawIssue): string {
  switch (issue.code) {
    case "invalid_type": {
      const e = issue.expected;
      return e === "undefined" || e === "never"
        ? "must not be present"
        : `must be ${e === "int" ? "an integer" : e === "number" ? "a finite number" : /^[aeiou]/.test(e) ? `an ${e}` : `a ${e}`}`;
    }
    case "too_small":
    case "too_big": {
      const small = issue.code === "too_small";
      const limit = Number(small ? issue.minimum : issue.maximum);
      const unit = issue.origin === "string" ? "character" : /^(array|set|map)$/.test(issue.origin) ? "item" : "";
      if (unit)
        return `must have ${issue.exact ? "exactly" : small ? "at least" : "at most"} ${limit} ${unit}${limit === 1 ? "" : "s"}`;
      return `must be ${small ? (issue.inclusive ? "≥" : ">") : issue.inclusive ? "≤" : "<"} ${limit}`;
    }
    case "invalid_value":
      return `must be ${issue.values.length === 1 ? "" : "one of "}${issue.values.map(show).join(", ")}`;
    case "unrecognized_keys":
      return `must not have the key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map(show).join(", ")}`;
    case "invalid_format":
      return "pattern" in issue && issue.pattern ? `must match ${issue.pattern}` : `must be a valid ${issue.format}`;
    case "not_multiple_of":
      return `must be a multiple of ${issue.divisor}`;
    case "invalid_union":
      // a discriminated union names the discriminator's path and its options
      return "options" in issue && Array.isArray(issue.options)
        ? `must be one of ${issue.options.map(show).join(", ")}`
        : "matches none of the allowed forms";
    default:
      return "is invalid";
  }
}

function show(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}
