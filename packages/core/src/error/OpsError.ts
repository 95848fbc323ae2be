/**
 * The codes an {@link OpsError} can carry. Callers switch on `code`, never on the message.
 *
 * | code | meaning |
 * | --- | --- |
 * | `invalid_argument` | an input breaks its schema or a documented rule (a negative count, an unknown field value) |
 * | `invalid_time_zone` | a time-zone name that is not an IANA zone this runtime knows |
 * | `out_of_range` | a number or instant outside the range a function supports |
 * | `out_of_horizon` | a query outside the horizon a compiled object (calendar, plan) was built for |
 * | `out_of_order` | a sequence that must be sorted (a timeline, an event log) is not |
 * | `duplicate` | an id or key that must be unique appears twice with different content |
 * | `conflict` | two inputs that must agree do not (sketches of different precision, mismatched specs) |
 * | `corrupt_data` | serialised bytes or JSON that fail their checks |
 * | `unsupported_version` | a serialised value written by a format version this release cannot read |
 * | `illegal_state` | an operation that the current state of an object does not allow |
 * | `not_found` | a referenced id that does not exist in the given data |
 */
export type OpsErrorCode =
  | "invalid_argument"
  | "invalid_time_zone"
  | "out_of_range"
  | "out_of_horizon"
  | "out_of_order"
  | "duplicate"
  | "conflict"
  | "corrupt_data"
  | "unsupported_version"
  | "illegal_state"
  | "not_found";

/** Every code in {@link OpsErrorCode}, for exhaustive checks and documentation. */
export const OPS_ERROR_CODES: readonly OpsErrorCode[] = /* @__PURE__ */ Object.freeze([
  "invalid_argument",
  "invalid_time_zone",
  "out_of_range",
  "out_of_horizon",
  "out_of_order",
  "duplicate",
  "conflict",
  "corrupt_data",
  "unsupported_version",
  "illegal_state",
  "not_found",
]);

/** A path into an argument: `["posts", 2, "impressions"]` reads `posts[2].impressions`. */
export type ErrorPath = readonly (string | number)[];

/** What {@link OpsError} is built from. */
export interface OpsErrorInit {
  /** Machine-readable reason. */
  readonly code: OpsErrorCode;
  /** The public function that refused the call, e.g. `"engagementRate"`. */
  readonly fn: string;
  /** Where in the arguments the problem is; `[]` for the call as a whole. */
  readonly path?: ErrorPath;
  /** The rule that was broken, phrased to follow the path: `"must be a finite number ≥ 0"`. */
  readonly rule: string;
  /** The offending value, if there is one; it is summarised in the message. */
  readonly received?: unknown;
  /** An underlying error, kept as `cause`. */
  readonly cause?: unknown;
}

/**
 * The one error type that \@ops functions throw for misuse and invalid input.
 *
 * An init that is not `{ code, fn, rule, path?, … }` with string `code`, `fn` and `rule` is
 * refused: the constructor throws an OpsError `invalid_argument` with `fn: "OpsError"` and
 * path `["init"]`; a path that is not strings and numbers, one from {@link formatPath}.
 *
 * Expected domain outcomes (a rate with no denominator, an illegal lifecycle event) are
 * returned as values instead; see {@link Result}. The message always names the function,
 * the field and the rule, e.g.
 * `engagementRate: posts[2].impressions must be a finite number ≥ 0, got -3`.
 *
 * @example
 * ```ts
 * import { OpsError } from "@ops/core";
 * const error = new OpsError({
 *   code: "invalid_argument",
 *   fn: "engagementRate",
 *   path: ["posts", 2, "impressions"],
 *   rule: "must be a finite number ≥ 0",
 *   received: -3,
 * });
 * error.message;
 * // => "engagementRate: posts[2].impressions must be a finite number ≥ 0, got -3"
 * error.code;
 * // => "invalid_argument"
 * ```
 */
export class OpsError extends Error {
  override readonly name = "OpsError";
  /** Machine-readable reason; see {@link OpsErrorCode}. */
  declare readonly code: OpsErrorCode;
  /** The public function that refused the call. */
  declare readonly fn: string;
  /** Where in the arguments the problem is. */
  declare readonly path: ErrorPath;
  /** The rule that was broken. */
  declare readonly rule: string;
  /** The offending value, when there is one. */
  declare readonly received: unknown;

  constructor(init: OpsErrorInit) {
    const i = init as unknown as Partial<Record<string, unknown>> | null | undefined;
    if (typeof i?.code + typeof i?.fn + typeof i?.rule !== "stringstringstring")
      // refused with an OpsError of its own, never a TypeError while the message is built
      throw new OpsError({
        code: "invalid_argument",
        fn: "OpsError",
        path: ["init"],
        rule: "must be { code, fn, rule }",
        received: init,
      });
    const path = init.path ?? [];
    const where = formatPath(path); // refuses a path that is not strings and numbers (an OpsError from formatPath)
    const got = "received" in init ? `, got ${describeValue(init.received)}` : "";
    super(
      `${init.fn}: ${where && `${where} `}${init.rule}${got}`,
      init.cause === undefined ? undefined : { cause: init.cause },
    );
    this.code = init.code;
    this.fn = init.fn;
    this.path = Object.freeze([...path]);
    this.rule = init.rule;
    this.received = init.received;
  }
}

/**
 * Tells whether a value is an {@link OpsError}, optionally with a given code. Works across
 * bundle copies of `@ops/core` (it checks the shape, not only the prototype).
 *
 * @example
 * ```ts
 * import { isOpsError, OpsError } from "@ops/core";
 * isOpsError(new OpsError({ code: "duplicate", fn: "f", rule: "must be unique" }), "duplicate");
 * // => true
 * isOpsError(new TypeError("x"));
 * // => false
 * ```
 */
export function isOpsError(value: unknown, code?: OpsErrorCode): value is OpsError {
  if (value instanceof OpsError) return code === undefined || value.code === code;
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as { name?: unknown; code?: unknown };
  return (
    candidate.name === "OpsError" &&
    typeof candidate.code === "string" &&
    (OPS_ERROR_CODES as readonly string[]).includes(candidate.code) &&
    (code === undefined || candidate.code === code)
  );
}

/**
 * Renders a path the way a TypeScript reader writes it: `posts[2].impressions`.
 *
 * @param path - an array of property names and indexes
 * @returns the path as text (`""` for `[]`)
 * @throws {OpsError} `invalid_argument` when `path` is not an array of strings and numbers
 *
 * @example
 * ```ts
 * import { formatPath } from "@ops/core";
 * formatPath(["posts", 2, "impressions"]);
 * // => "posts[2].impressions"
 * ```
 */
export function formatPath(path: ErrorPath): string {
  if (!(Array.isArray(path) && path.every((s) => typeof s === "string" || typeof s === "number")))
    throw new OpsError({
      code: "invalid_argument",
      fn: "formatPath",
      rule: "path must be strings and numbers",
    });
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/**
 * A short, safe rendering of any value for an error message (at most ~60 characters).
 * JSON.stringify's replacer cuts strings past 64 characters and arrays past 8 items before they
 * are walked, and leaves out everything after 64 values — so that describing a 1 000 000-item
 * array, an array of 1 000 objects of 1 000 keys (1.5 s to stringify whole) or a tree that
 * shares its branches (exponential to walk) costs what describing a few values does. An object
 * of a million keys still costs one pass over its keys (~1 s; V8 lists them all first).
 */
function describeValue(value: unknown): string {
  let text: string;
  let values = 64;
  try {
    text =
      typeof value === "number"
        ? String(value) // "NaN", "Infinity", "-5" (JSON would say null)
        : typeof value === "bigint"
          ? `${value}n`
          : typeof value === "function"
            ? "a function"
            : value instanceof Date
              ? value.toISOString() // an Invalid Date throws (below)
              : (JSON.stringify(value, (_key, v: unknown) =>
                  --values < 0
                    ? undefined
                    : typeof v === "string"
                      ? v.slice(0, 64)
                      : Array.isArray(v) && v.length > 8
                        ? [...v.slice(0, 8), `… ${v.length} items`]
                        : v,
                ) ?? String(value));
  } catch {
    text = value instanceof Date ? "Invalid Date" : Object.prototype.toString.call(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
