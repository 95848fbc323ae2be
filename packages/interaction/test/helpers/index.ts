export * from "@ops/interaction";
import { isOpsError } from "@ops/core";

/** Runs `f` and returns the OpsError code it throws, or "no error". */
export function isOpsErrorLike(f: () => unknown): string {
  try {
    f();
    return "no error";
  } catch (e) {
    return isOpsError(e) ? e.code : `not an OpsError: ${String(e)}`;
  }
}
