import { OpsError } from "@ops/core";
import { assertSketch } from "./_lib/assertSketch";
import type { Sketch } from "./Sketch";

/**
 * Merges any number of sketches of one kind into a new one — the shards of a job, the
 * days of a week. Pure: the inputs are left as they were.
 *
 * @param sketches - at least one sketch, all of the same kind and parameters
 * @returns a new sketch of everything the inputs saw
 * @throws {OpsError} `invalid_argument` for a non-array, an empty list or an item that is not a sketch; `conflict` for sketches of different kinds, formats or parameters (precision, accuracy)
 *
 * @example
 * ```ts
 * import { createCounter, mergeSketches } from "@ops/metrics";
 * mergeSketches([createCounter().add(2), createCounter().add(5), createCounter()]).estimate();
 * // => 7
 * ```
 */
export function mergeSketches<S extends Sketch<S>>(sketches: readonly S[]): S {
  const fn = "mergeSketches";
  if (!Array.isArray(sketches))
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["sketches"],
      rule: "must be an array of sketches",
      received: sketches,
    });
  const first = sketches[0];
  if (first === undefined)
    throw new OpsError({ code: "invalid_argument", fn, path: ["sketches"], rule: "must contain at least one sketch" });
  assertSketch(first, fn, ["sketches", 0]);
  let out = first.clone();
  for (let i = 1; i < sketches.length; i++) {
    const s = sketches[i] as S;
    assertSketch(s, fn, ["sketches", i]);
    if (s.kind !== first.kind) {
      throw new OpsError({
        code: "conflict",
        fn,
        path: ["sketches", i],
        rule: `must be a ${first.kind} sketch like sketches[0]`,
        received: s?.kind,
      });
    }
    out = out.merge(s);
  }
  return out;
}
