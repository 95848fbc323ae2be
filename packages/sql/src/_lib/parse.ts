// Validation of the two arguments every compiler takes.
import { OpsError, parseOrThrow } from "@ops/core";
import { SqlTargetSchema, type SqlTarget } from "../table/EventTable";
import { createBuilder, type Builder } from "./builder";

/** A builder for a target checked by SqlTargetSchema. */
export function builderFor(target: SqlTarget, fn: string): Builder {
  return createBuilder(parseOrThrow(SqlTargetSchema, target, { fn, path: ["target"] }) as SqlTarget, fn);
}

/** Refuses an option that has no exact SQL translation (never a silently different number). */
export function notCompilable(fn: string, path: readonly (string | number)[], rule: string, received?: unknown): never {
  throw new OpsError({ code: "invalid_argument", fn, path: [...path], rule, received });
}
