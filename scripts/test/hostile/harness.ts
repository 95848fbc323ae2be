/**
 * The machinery of the hostile-input suite: which calls to make (each argument position and
 * each place inside valid arguments, replaced by each hostile value) and how to judge one.
 *
 * A call passes when it returns a value with no NaN or ±Infinity anywhere in it, or throws
 * an OpsError (name "OpsError", a `code` from core's OPS_ERROR_CODES), within 1 s. Anything
 * else — another exception, a non-finite number in the output, a promise, an OpsError with
 * an unknown code, a slow call — is a finding.
 */
import type { Hostile } from "./values.ts";

/** The longest a single call may take, in milliseconds. */
export const CALL_LIMIT_MS = 1000;

/** The outcome of a call whose result holds NaN, Infinity or -Infinity (the detail says which, where). */
export const NON_FINITE = "NaN or ±Infinity in output";

/** The outcome of a call that took longer than CALL_LIMIT_MS. */
export const SLOW = "slow (> 1 s)";

/** A segment of a path into the arguments: a property name or an array index. */
export type Segment = string | number;

/** One call of the sweep. */
export interface Case {
  /** `"core.actorKey"`, or `"metrics.createHyperLogLog().add"` for a method of a result. */
  readonly target: string;
  /** Where the hostile value went: `"arg0"`, `"arg1.period.start"`, `"arg0[0].at"`, or `"valid"`. */
  readonly at: string;
  /** The hostile value's label, or `"—"` for a valid call. */
  readonly value: string;
  readonly call: () => unknown;
  /** Work to do before the clock starts (building a maximum-size argument). */
  readonly prepare?: () => void;
}

/** What a call did, judged. */
export type Verdict =
  | { readonly kind: "ok"; readonly ms: number }
  | { readonly kind: "ops"; readonly code: string; readonly ms: number }
  | { readonly kind: "finding"; readonly outcome: string; readonly detail: string; readonly ms: number };

/** A call whose verdict is a finding. */
export interface Finding {
  readonly target: string;
  readonly at: string;
  readonly value: string;
  readonly outcome: string;
  readonly detail: string;
}

/** Whether `fn` is a class (it must be called with `new`). */
const isClass = (fn: unknown): boolean =>
  typeof fn === "function" && /^class\b/.test(Function.prototype.toString.call(fn));

/** Calls `fn` as a function, or constructs it when it is a class. */
export function invoke(fn: unknown, args: readonly unknown[]): unknown {
  const f = fn as (...a: unknown[]) => unknown;
  if (isClass(f)) return new (f as unknown as new (...a: unknown[]) => unknown)(...args);
  return f(...args);
}

/** Judges one call. `echo`: the function returns its input as is (ok, err, …), so a non-finite output is the caller's. */
export function judge(call: () => unknown, codes: ReadonlySet<string>, echo = false): Verdict {
  const t0 = performance.now();
  let result: unknown;
  try {
    result = call();
  } catch (e) {
    const ms = performance.now() - t0;
    return judgeThrow(e, codes, ms);
  }
  const ms = performance.now() - t0;
  if (
    !echo &&
    result !== null &&
    typeof result === "object" &&
    typeof (result as { then?: unknown }).then === "function"
  ) {
    (result as Promise<unknown>).then(
      () => {},
      () => {},
    );
    return slowOr(ms, { kind: "finding", outcome: "returned a Promise", detail: "", ms });
  }
  if (!echo) {
    let bad: string | null;
    try {
      bad = nonFinite(result);
    } catch (e) {
      return slowOr(ms, judgeThrow(e, codes, ms, " (reading the result)"));
    }
    if (bad !== null) {
      const [which, path] = bad.split("@") as [string, string];
      return slowOr(ms, { kind: "finding", outcome: NON_FINITE, detail: `${which} at ${path}`, ms });
    }
  }
  return slowOr(ms, { kind: "ok", ms });
}

function judgeThrow(e: unknown, codes: ReadonlySet<string>, ms: number, where = ""): Verdict {
  const err = e as { name?: unknown; code?: unknown; message?: unknown; constructor?: { name?: unknown } } | null;
  if (e instanceof Error && err?.name === "OpsError") {
    if (typeof err.code === "string" && codes.has(err.code)) return slowOr(ms, { kind: "ops", code: err.code, ms });
    return slowOr(ms, {
      kind: "finding",
      outcome: "OpsError with an unknown code",
      detail: `${String(err.code)}: ${String(err.message)}`,
      ms,
    });
  }
  const name =
    e instanceof Error
      ? typeof err?.name === "string" && err.name !== "Error"
        ? err.name
        : String(err?.constructor?.name ?? "Error")
      : `non-Error ${typeof e}`;
  const message = e instanceof Error ? String(err?.message) : String(e);
  return slowOr(ms, { kind: "finding", outcome: `${name}${where}`, detail: message.split("\n")[0]!.slice(0, 160), ms });
}

function slowOr(ms: number, verdict: Verdict): Verdict {
  if (ms <= CALL_LIMIT_MS) return verdict;
  const was = verdict.kind === "finding" ? verdict.outcome : verdict.kind === "ops" ? `OpsError ${verdict.code}` : "ok";
  return { kind: "finding", outcome: SLOW, detail: `${Math.round(ms)} ms, then ${was}`, ms };
}

/** Built-in prototypes: their methods (an array's sort, an error's toString) are not the package's API. */
const BUILT_IN_PROTOTYPES: ReadonlySet<object> = new Set([
  Object.prototype,
  Array.prototype,
  Map.prototype,
  Set.prototype,
  Error.prototype,
  Date.prototype,
  RegExp.prototype,
  Function.prototype,
  Promise.prototype,
  Object.getPrototypeOf(Uint8Array.prototype),
  Uint8Array.prototype,
  Int32Array.prototype,
  Float64Array.prototype,
]);

/**
 * The first NaN or ±Infinity in a value, as `"NaN@result.a[3].b"`, or null. Reads the own
 * enumerable properties of plain objects, the getters of class instances (their fields are
 * internal state), Map and Set entries and float arrays; skips functions and Error objects
 * (an error's `received` echoes the input).
 */
export function nonFinite(value: unknown): string | null {
  const seen = new Set<object>();
  // iterative, depth first: an output may be as deep as a hostile input it echoes (10 000 levels)
  const stack: [unknown, string][] = [[value, "result"]];
  let budget = 3_000_000;
  const pushAll = (entries: [unknown, string][]) => {
    for (let i = entries.length - 1; i >= 0; i--) stack.push(entries[i]!);
  };
  while (stack.length > 0 && --budget > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === "number") {
      if (!Number.isFinite(v)) return `${Number.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity"}@${path}`;
      continue;
    }
    if (v === null || typeof v !== "object" || seen.has(v) || v instanceof Error) continue;
    seen.add(v);
    if (ArrayBuffer.isView(v)) {
      if (v instanceof Float64Array || v instanceof Float32Array) {
        const i = v.findIndex((x) => !Number.isFinite(x));
        if (i >= 0) stack.push([v[i], `${path}[${i}]`]);
      }
    } else if (Array.isArray(v)) {
      pushAll(Array.from(v, (x, i): [unknown, string] => [x, `${path}[${i}]`])); // holes too: v.map would skip them
    } else if (v instanceof Map) {
      pushAll(
        [...v].flatMap(([k, x]): [unknown, string][] => [
          [k, `${path}<key>`],
          [x, `${path}.get(${String(k).slice(0, 20)})`],
        ]),
      );
    } else if (v instanceof Set) {
      pushAll([...v].map((x): [unknown, string] => [x, `${path}<item>`]));
    } else {
      const proto = Object.getPrototypeOf(v);
      if (proto === Object.prototype || proto === null) {
        pushAll(Object.keys(v).map((k): [unknown, string] => [(v as Record<string, unknown>)[k], `${path}.${k}`]));
        continue;
      }
      // a class instance (a sketch) is state behind an API: what it shows is its getters (count, min, max)
      // and what its methods return, which the sweep calls and checks on their own
      const getters: [unknown, string][] = [];
      for (let p = proto; p && !BUILT_IN_PROTOTYPES.has(p); p = Object.getPrototypeOf(p)) {
        for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(p)))
          if (d.get !== undefined) getters.push([(v as Record<string, unknown>)[k], `${path}.${k}`]);
      }
      pushAll(getters);
    }
  }
  return null;
}

/** `arg1.period.start`, `arg0[0].at` */
export function formatAt(path: readonly Segment[]): string {
  let out = `arg${path[0] as number}`;
  for (const s of path.slice(1)) out += typeof s === "number" ? `[${s}]` : `.${s}`;
  return out;
}

/** Whether the sweep descends into `v`: plain data only, not compiled objects, sketches or class instances. */
function descendable(v: unknown): v is object {
  if (v === null || typeof v !== "object") return false;
  if (Array.isArray(v)) return v.length > 0;
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return false;
  if (Object.getOwnPropertySymbols(v).length > 0) return false;
  return !Object.values(v).some((x) => typeof x === "function");
}

/**
 * Every place under the arguments where a hostile value can go, breadth first: each
 * property of a plain object, the first element of an array, down to `maxDepth`, skipping
 * the opaque argument positions (compiled objects are read only through their functions).
 */
export function pointsOf(args: readonly unknown[], opaque: readonly number[], maxDepth: number): Segment[][] {
  const out: Segment[][] = [];
  const queue: { v: unknown; path: Segment[] }[] = [];
  args.forEach((v, i) => {
    if (!opaque.includes(i)) queue.push({ v, path: [i] });
  });
  while (queue.length > 0) {
    const { v, path } = queue.shift()!;
    if (path.length > maxDepth || !descendable(v)) continue;
    if (Array.isArray(v)) {
      out.push([...path, 0]);
      queue.push({ v: v[0], path: [...path, 0] });
      continue;
    }
    for (const k of Object.keys(v)) {
      out.push([...path, k]);
      queue.push({ v: (v as Record<string, unknown>)[k], path: [...path, k] });
    }
  }
  return out;
}

const MISSING = Symbol("missing");

/** A copy of `args` with the value at `path` replaced (or the property deleted for MISSING), copying only along the path. */
export function replaceAt(args: readonly unknown[], path: readonly Segment[], value: unknown): unknown[] {
  const copy = (c: unknown): Record<string | number, unknown> =>
    (Array.isArray(c) ? [...c] : Object.assign(Object.create(Object.getPrototypeOf(c)), c)) as Record<
      string | number,
      unknown
    >;
  const root = [...args] as unknown as Record<string | number, unknown>;
  let parent = root;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    const child = copy(parent[key]);
    parent[key] = child;
    parent = child;
  }
  const last = path[path.length - 1]!;
  if (value === MISSING) delete parent[last];
  else parent[last] = value;
  return root as unknown as unknown[];
}

/** The hostile values for the whole-argument positions, and for the places inside arguments. */
export interface ValueSets {
  readonly argument: readonly Hostile[];
  readonly inside: readonly Hostile[];
  /** What an exported schema's `safeParse` gets. */
  readonly schema: readonly Hostile[];
  /** How deep under an argument the sweep goes. */
  readonly maxDepth: number;
  /** At most this many places inside the arguments per function (the first ones, breadth first). */
  readonly maxPoints: number;
}

const MISSING_VALUE: Hostile = { label: "(missing)", make: () => MISSING };

/** How to call one target: its valid arguments and which of them are opaque. */
export interface CallPlan {
  /** `"core.actorKey"`, or `"metrics.createHyperLogLog().add"` for a method of a result. */
  readonly target: string;
  /** Builds valid arguments (absent when no fixture knows them); called once, or for every call when `fresh`. */
  readonly valid?: () => unknown[];
  /** Argument positions not to descend into (compiled objects). */
  readonly opaque?: readonly number[];
  /** The function writes to an argument by design: valid arguments are built anew, unfrozen, for every call. */
  readonly fresh?: boolean;
  /** The declared parameter count (`fn.length`). */
  readonly length: number;
  /** Makes the call. */
  readonly call: (args: unknown[]) => unknown;
}

/**
 * The cases for one function: its valid call (when there is a fixture), each argument
 * position replaced by each hostile value (with the other arguments valid), and each place
 * inside the valid arguments replaced by each hostile value or removed.
 */
export function casesFor(plan: CallPlan, sets: ValueSets): Case[] {
  const { target, call } = plan;
  // built once and deeply frozen: cheap to reuse, and a function that writes to its input throws
  // (unless the function writes to an argument by design: then built anew for every call)
  const sample = plan.fresh ? (plan.valid?.() ?? []) : deepFreeze(plan.valid?.() ?? []);
  const valid = plan.fresh && plan.valid ? plan.valid : () => [...sample];
  const arity = Math.max(sample.length, plan.length, 1);
  const cases: Case[] = [];
  if (plan.valid) cases.push({ target, at: "valid", value: "—", call: () => call(valid()) });
  for (let i = 0; i < arity; i++) {
    for (const h of sets.argument) {
      cases.push({
        target,
        at: `arg${i}`,
        value: h.label,
        call: () => {
          const args = valid();
          while (args.length <= i) args.push(undefined);
          args[i] = h.make();
          return call(args);
        },
      });
    }
  }
  const points = pointsOf(sample, plan.opaque ?? [], sets.maxDepth).slice(0, sets.maxPoints);
  for (const path of points) {
    const inObject = typeof path[path.length - 1] === "string";
    for (const h of inObject ? [MISSING_VALUE, ...sets.inside] : sets.inside) {
      cases.push({ target, at: formatAt(path), value: h.label, call: () => call(replaceAt(valid(), path, h.make())) });
    }
  }
  return cases;
}

/**
 * Freezes plain objects and arrays all the way down (not class instances, functions, typed
 * arrays, Maps or Sets, whose state is their own), and returns the value.
 */
export function deepFreeze<T>(value: T): T {
  const seen = new Set<object>();
  const visit = (v: unknown): void => {
    if (v === null || typeof v !== "object" || seen.has(v)) return;
    seen.add(v);
    const proto = Object.getPrototypeOf(v);
    if (!Array.isArray(v) && proto !== Object.prototype && proto !== null) return;
    for (const k of Reflect.ownKeys(v)) visit((v as Record<PropertyKey, unknown>)[k]);
    Object.freeze(v);
  };
  visit(value);
  return value;
}

/** The methods of a value (own and inherited from its own classes), or `["()"]` for a function. */
export function methodsOf(value: unknown): string[] {
  if (typeof value === "function") return ["()"];
  if (value === null || typeof value !== "object" || Array.isArray(value) || ArrayBuffer.isView(value)) return [];
  const names = new Set<string>();
  for (let o: object | null = value; o && !BUILT_IN_PROTOTYPES.has(o); o = Object.getPrototypeOf(o)) {
    for (const k of Object.getOwnPropertyNames(o)) {
      if (k === "constructor") continue;
      const d = Object.getOwnPropertyDescriptor(o, k);
      if (d && typeof d.value === "function") names.add(k);
    }
  }
  return [...names].sort();
}
