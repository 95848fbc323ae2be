import * as z from "zod/mini";
import { FeedbackItemSchema } from "../item/feedbackItem";

/**
 * {@link FeedbackItemSchema} without `history`, whose entries are only required to be
 * objects: every field a query or a transition reads or passes on is checked (so that a
 * NaN, a wrong type or an unknown status is an OpsError naming it), while the event history
 * — the bulk of an item, already validated when each event was applied — is not parsed
 * again on every call (that would make a transition O(history) and a query O(all events)).
 */
export const ItemStateSchema = /* @__PURE__ */ (() =>
  z.extend(z.omit(FeedbackItemSchema, { history: true }), {
    history: z.array(
      z.custom<object>((e) => typeof e === "object" && e !== null, { error: "must be an event object" }),
    ),
  }))();
