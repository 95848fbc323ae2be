/**
 * The calls the hostile-input sweep makes for one package, in a fixed order: every exported
 * function (with its fixture when there is one, generic hostile argument lists when not),
 * the methods of what its valid call returns, the calls at documented maximum sizes, and
 * every exported zod schema's `safeParse`.
 */
import { type Case, type CallPlan, casesFor, invoke, methodsOf, type ValueSets } from "./harness.ts";
import type { Fixture, Fixtures } from "./fixtures/types.ts";

/** A case of the sweep, with how to judge it. */
export interface SweepCase extends Case {
  /** The output may echo the input (ok, err, …): do not look for non-finite numbers in it. */
  readonly echo: boolean;
}

export const caseKey = (c: { target: string; at: string; value: string }): string => `${c.target}|${c.at}|${c.value}`;

/** What the package exports, by kind. */
export interface ExportSummary {
  /** The exported functions. */
  readonly functions: string[];
  /** The exported functions without a fixture (swept with generic hostile argument lists only). */
  readonly withoutFixture: string[];
  /** The exported zod schemas. */
  readonly schemas: string[];
  /** Fixtures that name no exported function (a renamed or removed export). */
  readonly strayFixtures: string[];
}

/** What `mod` exports, by kind. */
export function summarize(mod: Record<string, unknown>, fixtures: Fixtures): ExportSummary {
  const names = Object.keys(mod).sort();
  const functions = names.filter((n) => typeof mod[n] === "function");
  return {
    functions,
    withoutFixture: functions.filter((n) => !Object.hasOwn(fixtures, n)),
    schemas: names.filter((n) => isSchema(mod[n])),
    strayFixtures: Object.keys(fixtures).filter((n) => typeof mod[n] !== "function"),
  };
}

/** Whether a fixture's valid arguments can be built. */
function builds(fixture: Fixture): boolean {
  try {
    fixture.args();
    return true;
  } catch {
    return false;
  }
}

const isSchema = (v: unknown): v is { safeParse: (x: unknown) => unknown } =>
  v !== null && typeof v === "object" && typeof (v as { safeParse?: unknown }).safeParse === "function";

/**
 * The names of TypeScript-`private` methods declared in a package's sources: they sit on a
 * class's prototype, callable but not part of its API, so the sweep leaves them alone.
 */
export function privateMethodNames(sources: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const text of sources)
    for (const m of text.matchAll(/\bprivate\s+(?:static\s+)?([A-Za-z_$][\w$]*)\s*\(/g)) names.add(m[1]!);
  return names;
}

/** Every case of one package, in order. */
export function* packageCases(
  pkg: string,
  mod: Record<string, unknown>,
  fixtures: Fixtures,
  sets: ValueSets,
  options: { readonly long: boolean; readonly privateMethods: ReadonlySet<string> },
): Generator<SweepCase> {
  const { long, privateMethods } = options;
  for (const name of Object.keys(mod).sort()) {
    const value = mod[name];
    const target = `${pkg}.${name}`;
    if (typeof value === "function") {
      let fixture = Object.hasOwn(fixtures, name) ? fixtures[name] : undefined;
      if (fixture && !builds(fixture)) {
        // the fixture no longer builds (a package changed under it): its error is the valid call's verdict
        const broken = fixture;
        yield { target, at: "valid", value: "—", echo: false, call: () => broken.args() };
        fixture = undefined;
      }
      const plan: CallPlan = {
        target,
        length: value.length,
        call: (args) => invoke(value, args),
        ...(fixture
          ? { valid: fixture.args, opaque: fixture.opaque ?? [], fresh: fixture.writesToArguments ?? false }
          : {}),
      };
      const echo = fixture?.echo ?? false;
      for (const c of casesFor(plan, sets)) yield { ...c, echo };
      if (!fixture) continue;
      yield* methodCases(target, value as (...a: unknown[]) => unknown, fixture, sets, privateMethods);
      for (const m of fixture.maxSize ?? []) {
        if (m.long && !long) continue;
        let args: unknown[] | undefined;
        yield {
          target,
          at: `max size: ${m.label}`,
          value: "—",
          echo: false,
          prepare: () => {
            args = m.args();
          },
          call: () => invoke(value, args ?? m.args()),
        };
      }
    } else if (isSchema(value)) {
      const plan: CallPlan = { target: `${target}.safeParse`, length: 1, call: (args) => value.safeParse(args[0]) };
      for (const c of casesFor(plan, { ...sets, argument: sets.schema, maxPoints: 0 })) yield { ...c, echo: false };
    }
  }
}

/** The methods of the valid result: each called validly (when the fixture says how) and with hostile arguments. */
function* methodCases(
  target: string,
  fn: (...a: unknown[]) => unknown,
  fixture: Fixture,
  sets: ValueSets,
  privateMethods: ReadonlySet<string>,
): Generator<SweepCase> {
  let sample: unknown;
  try {
    sample = invoke(fn, fixture.args());
  } catch {
    return; // the valid call's own verdict is recorded with the function's cases
  }
  const receiver = fixture.mutable ? () => invoke(fn, fixture.args()) : () => sample;
  // a TypeScript-private method of a class is on its prototype, but not its API
  const own = typeof sample === "object" && sample !== null ? Object.keys(sample) : [];
  for (const m of methodsOf(sample).filter((name) => own.includes(name) || !privateMethods.has(name))) {
    const method = m === "()" ? sample : (sample as Record<string, unknown>)[m];
    const valid = fixture.methods?.[m];
    const plan: CallPlan = {
      target: m === "()" ? `${target}()` : `${target}().${m}`,
      length: typeof method === "function" ? method.length : 0,
      call: (args) => {
        const r = receiver() as Record<string, (...a: unknown[]) => unknown> & ((...a: unknown[]) => unknown);
        return m === "()" ? r(...args) : r[m]!(...args);
      },
      ...(valid ? { valid, opaque: fixture.methodOpaque?.[m] ?? [] } : {}),
    };
    const echo = fixture.echoMethods?.includes(m) ?? false;
    for (const c of casesFor(plan, sets)) yield { ...c, echo };
  }
}
