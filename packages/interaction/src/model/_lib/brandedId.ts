import type * as z from "zod/mini";
import { IdSchema, type Id } from "@ops/core";

/**
 * Core's {@link IdSchema} typed as producing a branded {@link Id}. At run time it is the
 * same string check (no transform), so parsing stays cheap in hot paths.
 */
export function brandedId<B extends string>(): z.ZodMiniType<Id<B>, string> {
  return IdSchema as unknown as z.ZodMiniType<Id<B>, string>;
}
