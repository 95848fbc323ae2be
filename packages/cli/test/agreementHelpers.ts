import { isOpsError } from "@ops/core";
import { expect } from "vitest";
import { EXIT, run, type VerificationInputs, verificationReport } from "../src/index";
import { memoryIo } from "./memoryIo";

/** What a verifier said: ok, the failure codes, or the OpsError code it threw. */
export type Outcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly codes: readonly string[] }
  | { readonly throws: string };

export function outcomeOf(verify: () => { ok: boolean; error?: readonly { code: string }[] }): Outcome {
  try {
    const r = verify();
    return r.ok ? { ok: true } : { ok: false, codes: (r.error ?? []).map((f) => f.code) };
  } catch (error) {
    if (!isOpsError(error)) throw error;
    return { throws: error.code };
  }
}

/** The report's verdict must be the verifier's outcome, code for code; `ops raffle verify` must exit accordingly. */
export function expectAgreement(
  name: string,
  certificate: unknown,
  inputs: VerificationInputs,
  expected: Outcome,
  how: { readonly cli?: boolean; readonly distinct?: boolean } = {},
): void {
  const report = verificationReport(certificate, inputs);
  // `distinct`: the expectation lists each code once, sorted (the tamper corpora); else the verifier's own list
  const codes = (list: readonly (string | undefined)[]) => (how.distinct ? [...new Set(list)].sort() : list);
  if ("throws" in expected) {
    expect(report.verdict, name).toBe("unreadable");
    expect(
      report.problems.map((p) => p.code),
      name,
    ).toEqual([expected.throws]);
  } else if (expected.ok) {
    expect(report.verdict, name).toBe("verified");
  } else {
    expect(report.verdict, name).toBe("refused");
    expect(codes(report.problems.map((p) => p.code)), name).toEqual(codes(expected.codes));
  }
  if (how.cli === false) return;
  const files: Record<string, string> = { "c.json": JSON.stringify(certificate) };
  const argv = ["raffle", "verify", "c.json", "--json"];
  for (const name of ["list", "submissions", "inputs"] as const) {
    if (inputs[name] === undefined) continue;
    files[`${name}.json`] = JSON.stringify(inputs[name]);
    argv.push(`--${name}`, `${name}.json`);
  }
  if (inputs.trustedChains !== undefined) {
    files["chains.json"] = JSON.stringify(inputs.trustedChains);
    argv.push("--trust-chain", "chains.json");
  }
  if (inputs.expectedSpecHash !== undefined) argv.push("--spec-hash", inputs.expectedSpecHash);
  if (inputs.expectedListRoot !== undefined) argv.push("--list-root", inputs.expectedListRoot);
  const m = memoryIo(files);
  const code = run(argv, m.io);
  expect(code, name).toBe("throws" in expected ? EXIT.usage : expected.ok ? EXIT.ok : EXIT.refused);
  expect(JSON.parse(m.stdout()), name).toEqual(JSON.parse(JSON.stringify(report)));
}

/** Every leaf of a JSON value, as a path. */
export function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== "object") return [path];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  if (entries.length === 0) return [path];
  return entries.flatMap(([k, v]) => leaves(v, [...path, k]));
}

/** A copy with the leaf at `path` changed: hex digits flipped, text altered, numbers moved, booleans negated. */
export function tamper(value: unknown, path: readonly (string | number)[]): unknown {
  if (path.length === 0) {
    if (typeof value === "number") return value + 1;
    if (typeof value === "boolean") return !value;
    if (typeof value === "string")
      return /^[0-9a-f]+$/.test(value) && value.length > 0
        ? value.slice(0, -1) + (value.endsWith("0") ? "1" : "0")
        : `${value}x`;
    return value === null ? "00".repeat(32) : [];
  }
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? tamper(v, rest) : v));
  const o = value as Record<string, unknown>;
  return { ...o, [head as string]: tamper(o[head as string], rest) };
}

/** Tampers of every field of a certificate, checked without and with the list. */
export function tamperCases(name: string, cert: Record<string, unknown>, list: unknown) {
  return leaves(cert).flatMap((path) => {
    const forged = tamper(cert, path) as Record<string, unknown>;
    const label = `${name}: ${path.join(".")}`;
    return [
      { name: `${label} (no list)`, certificate: forged, list: undefined },
      { name: `${label} (list)`, certificate: forged, list },
    ];
  });
}
