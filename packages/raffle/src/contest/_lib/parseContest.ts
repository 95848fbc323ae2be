import { OpsError } from "@ops/core";
import { parseStored } from "../../_lib/parseStored";
import type { core } from "zod/mini";

/**
 * Parses a quiz or award certificate: a format of another version is `unsupported_version`;
 * a certificate of another type (`"draw"`, or the other contest) is `invalid_argument`; any
 * other break of the schema is `corrupt_data`, naming the field and rule.
 */
export function parseContest<S extends core.$ZodType>(
  schema: S,
  certificate: unknown,
  type: "quiz" | "award",
  fn: string,
): core.output<S> {
  const c = typeof certificate === "object" && certificate !== null ? (certificate as Record<string, unknown>) : {};
  const format = c.format;
  if (typeof format === "string" && format !== "ops-raffle/v1.1" && /^ops-raffle\/v\d+(\.\d+)?$/.test(format))
    throw new OpsError({
      code: "unsupported_version",
      fn,
      path: ["certificate", "format"],
      rule: `must be a format this release reads for a ${type} ("ops-raffle/v1.1")`,
      received: format,
    });
  if (typeof c.type === "string" && c.type !== type && ["draw", "quiz", "award"].includes(c.type))
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["certificate", "type"],
      rule: `must be a ${type} certificate`,
      received: c.type,
    });
  return parseStored(schema, certificate, fn);
}
