import { OpsError } from "@ops/core";
import type { CompiledQuestionnaire } from "../survey/compileQuestionnaire";

/** Throws unless `value` looks like the result of `compileQuestionnaire` (frozen, format 1). */
export function assertCompiledQuestionnaire(
  value: unknown,
  fn: string,
  path: readonly (string | number)[] = ["questionnaire"],
): asserts value is CompiledQuestionnaire {
  const v = value as Partial<CompiledQuestionnaire> | null;
  if (
    typeof v !== "object" ||
    v === null ||
    v.format !== 1 ||
    !Object.isFrozen(v) ||
    typeof v.questionnaire !== "object" ||
    v.questionnaire === null ||
    !Array.isArray(v.questionnaire.questions)
  ) {
    throw new OpsError({ code: "invalid_argument", fn, path, rule: "must be the result of compileQuestionnaire" });
  }
}
