import { parseOrThrow } from "@ops/core";
import { AwardInputsSchema, MAX_AWARD_ENTRIES } from "../AwardInputsSchema";
import { MAX_AWARD_SCORES } from "../rankAwards";
import { checkCount } from "./contestSchemas";

/** Checks an award's inputs, refusing long lists before the schema walks them. */
export function parseAwardInputs(inputs: unknown, fn: string) {
  if (typeof inputs === "object" && inputs !== null) {
    const { entries, scores } = inputs as { entries?: unknown; scores?: unknown };
    checkCount(entries, MAX_AWARD_ENTRIES, fn, ["inputs", "entries"]);
    checkCount(scores, MAX_AWARD_SCORES, fn, ["inputs", "scores"]);
  }
  return parseOrThrow(AwardInputsSchema, inputs, { fn, path: ["inputs"] });
}
