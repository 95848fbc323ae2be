import { isOpsError, OpsError, parseOrThrow } from "@ops/core";
import type { core } from "zod/mini";

/**
 * Parses a serialised certificate (draw, quiz or award) with its schema: a break of the schema
 * is `corrupt_data` — the same field, rule and value as `parseOrThrow`'s `invalid_argument`,
 * under the code of a stored value that fails its checks.
 */
export function parseStored<S extends core.$ZodType>(schema: S, certificate: unknown, fn: string): core.output<S> {
  try {
    return parseOrThrow(schema, certificate, { fn, path: ["certificate"] });
  } catch (error) {
    if (!isOpsError(error, "invalid_argument")) throw error;
    throw new OpsError({
      code: "corrupt_data",
      fn,
      path: error.path,
      rule: error.rule,
      received: error.received,
      cause: error.cause,
    });
  }
}
