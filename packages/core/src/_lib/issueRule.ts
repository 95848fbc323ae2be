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
    case "invalid_type":
      return issue.expected === "undefined" || issue.expected === "never"
        ? "must not be present"
        : `must be ${noun(issue.expected)}`;
    case "too_small":
      return bound(issue.origin, issue.inclusive ? "≥" : ">", "at least", issue.minimum, issue.exact);
    case "too_big":
      return bound(issue.origin, issue.inclusive ? "≤" : "<", "at most", issue.maximum, issue.exact);
    case "invalid_value":
      return issue.values.length === 1
        ? `must be ${show(issue.values[0])}`
        : `must be one of ${issue.values.map(show).join(", ")}`;
    case "unrecognized_keys":
      return `must not have the key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => show(k)).join(", ")}`;
    case "invalid_format":
      return issue.format === "regex" && "pattern" in issue && issue.pattern
        ? `must match ${String(issue.pattern)}`
        : `must be a valid ${issue.format}`;
    case "not_multiple_of":
      return `must be a multiple of ${String(issue.divisor)}`;
    case "invalid_union":
      return "matches none of the allowed forms";
    case "invalid_key":
      return "has an invalid key";
    case "invalid_element":
      return "has an invalid element";
    default:
      return "is invalid";
  }
}

const NOUNS: Record<string, string> = {
  int: "an integer",
  number: "a finite number",
  array: "an array",
  object: "an object",
  undefined: "undefined",
  null: "null",
};

function noun(expected: string): string {
  return NOUNS[expected] ?? `a ${expected}`;
}

function bound(
  origin: string,
  sign: string,
  words: string,
  limit: number | bigint | Date,
  exact: boolean | undefined,
): string {
  const n = typeof limit === "object" ? limit.getTime() : limit;
  if (origin === "string") return `must have ${exact ? "exactly" : words} ${n} character${n === 1 ? "" : "s"}`;
  if (origin === "array" || origin === "set" || origin === "map")
    return `must have ${exact ? "exactly" : words} ${n} item${n === 1 ? "" : "s"}`;
  return `must be ${sign} ${n}`;
}

function show(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}
