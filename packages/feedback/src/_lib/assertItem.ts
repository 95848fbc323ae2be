import { OpsError, parseOrThrow } from "@ops/core";
import type { FeedbackItem } from "../item/feedbackItem";
import { ItemStateSchema } from "./itemStateSchema";

/**
 * The boundary check of an item: its state fields against {@link ItemStateSchema} (the
 * history only as a list of objects), so that no NaN, wrong type or unknown status gets in.
 */
export function assertItem(
  item: unknown,
  fn: string,
  path: readonly (string | number)[] = ["item"],
): asserts item is FeedbackItem {
  if (typeof item !== "object" || item === null) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path,
      rule: "must be a feedback item made by openFeedback, transition or replay",
      received: item,
    });
  }
  parseOrThrow(ItemStateSchema, item, { fn, path });
}
