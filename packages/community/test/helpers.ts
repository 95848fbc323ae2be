// Shared imports for the tests: the package under test, plus a shape check of OpsError.
export * from "@ops/community";
import { isOpsError, type OpsErrorCode } from "@ops/core";

export function isOpsErrorLike(e: unknown, code: OpsErrorCode): boolean {
  return isOpsError(e, code);
}
