import { InstantSchema, OpsError, parseOrThrow, type Instant } from "@ops/core";
import * as z from "zod/mini";
import { KeySchema } from "../_lib/schemas";

/** The members of a community (a WeChat group, a QQ group, a fan club) at one instant. */
export interface MembershipSnapshot {
  readonly at: Instant;
  /** Member keys; duplicates count once. */
  readonly members: readonly string[];
}

/** The members who joined between two snapshots, followed through the later ones. */
export interface GroupCohort {
  /** The snapshot at which the cohort is first seen. */
  readonly at: Instant;
  /** Members present at `at` and not at the previous snapshot (all members for the first). */
  readonly size: number;
  /** Of those, members still present at this and each later snapshot. */
  readonly retained: readonly number[];
  /** `retained / size`, `null` for an empty cohort. */
  readonly rates: readonly (number | null)[];
}

/** Schema of a {@link MembershipSnapshot}. */
export const MembershipSnapshotSchema = /* @__PURE__ */ (() =>
  z.object({ at: InstantSchema, members: z.array(KeySchema) }))();

const MembershipSnapshotListSchema = /* @__PURE__ */ (() => z.array(MembershipSnapshotSchema))();

/**
 * Community (group) retention from membership snapshots: each snapshot's newcomers form a
 * cohort — members present then and absent from the previous snapshot, everyone for the
 * first — and each cohort's row counts how many of them are still members at that and
 * every later snapshot. Someone who leaves and rejoins counts as retained again when
 * present, and also joins the newcomers' cohort of the snapshot where they reappear.
 * The first row is the classic "of the members on day 1, how many are left".
 *
 * @param snapshots - snapshots in strictly increasing time order (not mutated)
 * @returns one cohort per snapshot
 * @throws {OpsError} `invalid_argument` for a bad snapshot or empty member key; `out_of_order`/`duplicate` for unsorted or repeated instants
 *
 * @example
 * ```ts
 * import { groupRetention } from "@ops/metrics";
 * const week = 7 * 86_400_000;
 * const rows = groupRetention([
 *   { at: 0, members: ["a", "b", "c", "d"] },
 *   { at: week, members: ["a", "b", "c", "e", "f"] },
 *   { at: 2 * week, members: ["a", "e"] },
 * ]);
 * rows.map((r) => [r.size, r.retained]);
 * // => [[4, [4, 3, 1]], [2, [2, 1]], [0, [0]]]
 * rows[0]?.rates;
 * // => [1, 0.75, 0.25]
 * ```
 */
export function groupRetention(snapshots: readonly MembershipSnapshot[]): GroupCohort[] {
  const fn = "groupRetention";
  const list = parseOrThrow(MembershipSnapshotListSchema, snapshots, { fn, path: ["snapshots"] });
  for (let i = 1; i < list.length; i++) {
    const prev = (list[i - 1] as MembershipSnapshot).at;
    const cur = (list[i] as MembershipSnapshot).at;
    if (cur === prev)
      throw new OpsError({
        code: "duplicate",
        fn,
        path: ["snapshots", i, "at"],
        rule: "must differ from the previous snapshot's instant",
        received: cur,
      });
    if (cur < prev)
      throw new OpsError({
        code: "out_of_order",
        fn,
        path: ["snapshots", i, "at"],
        rule: "must be after the previous snapshot's instant",
        received: cur,
      });
  }
  const sets = list.map((s) => new Set(s.members));
  return list.map((s, i) => {
    const prev = i > 0 ? (sets[i - 1] as Set<string>) : new Set<string>();
    const cohort = [...(sets[i] as Set<string>)].filter((m) => !prev.has(m));
    const retained: number[] = [];
    const rates: (number | null)[] = [];
    for (let j = i; j < sets.length; j++) {
      const present = sets[j] as Set<string>;
      const r = cohort.reduce((acc, m) => acc + (present.has(m) ? 1 : 0), 0);
      retained.push(r);
      rates.push(cohort.length === 0 ? null : r / cohort.length);
    }
    return { at: s.at, size: cohort.length, retained, rates };
  });
}
