import { assertCompiled } from "@ops/core";
import type { CompiledQuestionnaire } from "../compileQuestionnaire";

/** Throws unless `value` is the result of `compileQuestionnaire` (its brand, not its shape). */
export function assertCompiledQuestionnaire(
  value: unknown,
  fn: string,
  path: readonly (string | number)[] = ["questionnaire"],
): asserts value is CompiledQuestionnaire {
  assertCompiled(value, "feedback.questionnaire", "compileQuestionnaire", fn, path);
}
