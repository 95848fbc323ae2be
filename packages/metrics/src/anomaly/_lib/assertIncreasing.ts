import { OpsError, type Instant } from "@ops/core";

/** Throws unless the points have strictly increasing instants. */
export function assertIncreasing(points: readonly { at: Instant }[], fn: string): void {
  for (let i = 1; i < points.length; i++) {
    if ((points[i] as { at: Instant }).at <= (points[i - 1] as { at: Instant }).at) {
      throw new OpsError({
        code: "out_of_order",
        fn,
        path: ["points", i, "at"],
        rule: "must be later than the previous point's",
        received: (points[i] as { at: Instant }).at,
      });
    }
  }
}
