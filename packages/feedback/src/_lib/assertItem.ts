import { OpsError } from "@ops/core";
import type { FeedbackItem } from "../item/feedbackItem";

/** A cheap shape check (a full {@link FeedbackItemSchema} parse would re-validate the whole history). */
export function assertItem(item: unknown, fn: string): asserts item is FeedbackItem {
  const candidate = item as { status?: unknown; history?: unknown; id?: unknown } | null;
  if (
    typeof candidate !== "object" ||
    candidate === null ||
    typeof candidate.id !== "string" ||
    !Array.isArray(candidate.history) ||
    typeof candidate.status !== "string"
  ) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["item"],
      rule: "must be a feedback item made by openFeedback, transition or replay",
      received: item,
    });
  }
}
