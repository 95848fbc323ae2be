import { OpsError } from "@ops/core";
import type { FeedbackItem } from "../item/feedbackItem";
import { assertItem } from "./assertItem";

/** Cheap boundary check of an item list for the queries (a full schema parse per item would dominate their cost). */
export function checkItems(items: unknown, fn: string): asserts items is readonly FeedbackItem[] {
  if (!Array.isArray(items))
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["items"],
      rule: "must be an array of feedback items",
      received: items,
    });
  for (let i = 0; i < items.length; i++) {
    try {
      assertItem(items[i], fn);
    } catch {
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: ["items", i],
        rule: "must be a feedback item made by openFeedback, transition or replay",
        received: items[i],
      });
    }
  }
}
