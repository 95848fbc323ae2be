import { z } from "zod";

/**
 * Schema of a {@link Priority}: `low`, `normal`, `high`, `urgent` — Zendesk's four ticket
 * priorities (Zendesk help: "About ticket fields", Priority).
 *
 * @example
 * ```ts
 * import { PrioritySchema } from "@ops/feedback";
 * PrioritySchema.options;
 * // => ["low", "normal", "high", "urgent"]
 * ```
 */
export const PrioritySchema = z.enum(["low", "normal", "high", "urgent"]);

/** How urgent an item is; see {@link PrioritySchema}. */
export type Priority = z.output<typeof PrioritySchema>;
