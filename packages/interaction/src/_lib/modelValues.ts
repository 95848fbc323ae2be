// The values of the model's enums as plain lists, for the zod-free checks of hot paths
// (checkInteractions, checkThreads, checkPreviousThreads): importing a schema's `.options`
// bundles zod's core (about 7 kB min+gz) into functions that otherwise need none of it.
// test/modelValues.test.ts holds each list equal to its schema's options, so they cannot drift.

/** `InteractionKindSchema.options` (model/Interaction.ts). */
export const INTERACTION_KINDS: readonly string[] = [
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
];
/** `DirectionSchema.options` (model/Interaction.ts). */
export const DIRECTIONS: readonly string[] = ["in", "out", "activity"];
/** `VisibilitySchema.options` (model/Interaction.ts). */
export const VISIBILITIES: readonly string[] = ["public", "private", "internal_note"];
/** `ThreadTypeSchema.options` (model/Thread.ts). */
export const THREAD_TYPES: readonly string[] = ["public", "dm", "group"];
/** `ThreadStatusSchema.options` (model/Thread.ts). */
export const THREAD_STATUSES: readonly string[] = ["open", "pending", "snoozed", "resolved"];
/** `PrioritySchema.options` (model/Thread.ts). */
export const PRIORITIES: readonly string[] = ["low", "normal", "high", "urgent"];
