import { isOpsError, type OpsError, type OpsErrorCode } from "@ops/core";
import { expect } from "vitest";

/** Runs `f` and returns the OpsError it throws, failing the test if it throws nothing or something else. */
export function opsErrorOf(f: () => unknown, code: OpsErrorCode = "invalid_argument"): Error {
  let caught: unknown;
  try {
    f();
  } catch (e) {
    caught = e;
  }
  expect(isOpsError(caught, code), `expected an OpsError ${code}, got ${String(caught)}`).toBe(true);
  return caught as Error;
}

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** Runs `f` and returns the OpsError it throws, whatever its code (the test checks the code). */
export function thrownOpsError(f: () => unknown): OpsError {
  try {
    f();
  } catch (e) {
    expect(isOpsError(e), `expected an OpsError, got ${String(e)}`).toBe(true);
    return e as OpsError;
  }
  throw new Error("expected an OpsError");
}
