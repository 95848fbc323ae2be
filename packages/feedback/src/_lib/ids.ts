import type { z } from "zod";
import { IdSchema, type InteractionId } from "@ops/core";

/**
 * Core's `IdSchema` typed as producing an {@link InteractionId} (the same run-time check).
 * TODO(lead): switch to `InteractionIdSchema` from `@ops/interaction` once it is exported.
 */
export const interactionIdSchema = IdSchema as unknown as z.ZodType<InteractionId, string>;
