// The values of the model's enums, written once: the schemas (model/Interaction.ts,
// model/Thread.ts) are built from these lists, and the zod-free checks of hot paths
// (checkInteractions, checkThreads, checkPreviousThreads) read them without importing a schema
// (a schema's `.options` would bundle zod's core, about 7 kB min+gz, into functions that
// otherwise need none of it).

/** The values of `InteractionKindSchema` (model/Interaction.ts). */
export const INTERACTION_KINDS = [
  "comment",
  "reply",
  "dm",
  "mention",
  "like",
  "repost",
  "quote",
  "follow",
  "unfollow",
  "campaign_entry",
  "report",
  "recall",
  "menu_click",
  "qr_scan",
  "edit",
  "unlike",
  "post",
  "block",
  "wow",
] as const;
/** The values of `DirectionSchema` (model/Interaction.ts). */
export const DIRECTIONS = ["in", "out", "activity"] as const;
/** The values of `VisibilitySchema` (model/Interaction.ts). */
export const VISIBILITIES = ["public", "private", "internal_note"] as const;
/** The values of `ThreadTypeSchema` (model/Thread.ts). */
export const THREAD_TYPES = ["public", "dm", "group"] as const;
/** The values of `ThreadStatusSchema` (model/Thread.ts). */
export const THREAD_STATUSES = ["open", "pending", "snoozed", "resolved"] as const;
/** The values of `PrioritySchema` (model/Thread.ts). */
export const PRIORITIES = ["low", "normal", "high", "urgent"] as const;
