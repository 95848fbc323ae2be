import { OpsError } from "@ops/core";
import type { FeedbackItem } from "../../item/feedbackItem";
import { assertItem } from "../../_lib/assertItem";

/** Boundary check of an item list for the queries: an array, each item checked by {@link assertItem} at `items[i]`. */
export function checkItems(items: unknown, fn: string): asserts items is readonly FeedbackItem[] {
  if (!Array.isArray(items))
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["items"],
      rule: "must be an array of feedback items",
      received: items,
    });
  for (let i = 0; i < items.length; i++) assertItem(items[i], fn, ["items", i]);
}
