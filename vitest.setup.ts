/**
 * Test setup every package's vitest project loads (vitest.shared.ts `setupFiles`): the one
 * OpsError matcher of the monorepo.
 *
 * ```ts
 * expect(() => engagementRate([{ impressions: -3 }])).toThrowOpsError("invalid_argument", {
 *   path: ["posts", 0, "impressions"],
 *   message: /must be a finite number/,
 * });
 * ```
 */
import { expect } from "vitest";

/** What {@link toThrowOpsError} may also check, beside the code. */
export interface OpsErrorExpectation {
  /** The public function the message names (`error.fn`). */
  readonly fn?: string;
  /** The whole path (`error.path`), compared element by element. */
  readonly path?: readonly (string | number)[];
  /** A part of the message, or a pattern it matches. */
  readonly message?: string | RegExp;
}

interface OpsErrorMatchers<R = unknown> {
  /**
   * Passes when the function throws an `OpsError` (by shape: name, string `code`, `fn`,
   * array `path`) with this `code` — any code when omitted — and, when given, this `fn`,
   * `path` and message.
   */
  toThrowOpsError(code?: string, expected?: OpsErrorExpectation): R;
}

declare module "vitest" {
  // biome-ignore lint/suspicious/noExplicitAny: the signature vitest's own Assertion declares
  interface Assertion<T = any> extends OpsErrorMatchers<T> {}
  interface AsymmetricMatchersContaining extends OpsErrorMatchers {}
}

expect.extend({
  toThrowOpsError(received: unknown, code?: string, expected: OpsErrorExpectation = {}) {
    if (typeof received !== "function") {
      return { pass: false, message: () => "toThrowOpsError expects a function to call" };
    }
    let thrown: unknown;
    let threw = false;
    try {
      received();
    } catch (e) {
      thrown = e;
      threw = true;
    }
    const e = thrown as { name?: unknown; code?: unknown; fn?: unknown; path?: unknown; message?: unknown };
    const problems: string[] = [];
    if (!threw) problems.push("it threw nothing");
    else if (!(thrown instanceof Error) || e.name !== "OpsError" || typeof e.code !== "string")
      problems.push(`it threw ${String(thrown)}, not an OpsError`);
    else {
      if (code !== undefined && e.code !== code) problems.push(`code was ${String(e.code)}`);
      if (expected.fn !== undefined && e.fn !== expected.fn) problems.push(`fn was ${String(e.fn)}`);
      if (expected.path !== undefined && !this.equals(e.path, expected.path))
        problems.push(`path was ${JSON.stringify(e.path)}`);
      const message = String(e.message);
      if (
        expected.message !== undefined &&
        !(typeof expected.message === "string" ? message.includes(expected.message) : expected.message.test(message))
      )
        problems.push(`message was ${JSON.stringify(message)}`);
    }
    const wanted = `an OpsError${code ? ` ${code}` : ""}${expected.fn ? ` from ${expected.fn}` : ""}${
      expected.path ? ` at ${JSON.stringify(expected.path)}` : ""
    }${expected.message ? ` with message ${String(expected.message)}` : ""}`;
    return {
      pass: problems.length === 0,
      message: () =>
        problems.length === 0
          ? `expected the call not to throw ${wanted}`
          : `expected ${wanted}, but ${problems.join("; ")}`,
    };
  },
});
