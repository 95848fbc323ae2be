import { type DrandBeaconSchema, verifyBeacon } from "@ops/raffle";
import { describe, expectTypeOf, it } from "vitest";
import type * as z from "zod/mini";
import type { Checked, checkBeacon } from "../src/_lib/checkSpec";

// DrandBeaconSchema lives in a leaf module (src/beacon/DrandBeaconSchema.ts), so the types of
// its zod-free mirror (checkBeacon) and of verifyBeacon are derived from it, not written out.
describe("the beacon types follow DrandBeaconSchema", () => {
  it("checkBeacon returns what DrandBeaconSchema parses (its output)", () => {
    expectTypeOf<ReturnType<typeof checkBeacon>>().toEqualTypeOf<
      Checked<Readonly<z.output<typeof DrandBeaconSchema>>>
    >();
  });

  it("verifyBeacon takes what DrandBeaconSchema accepts (its input)", () => {
    expectTypeOf(verifyBeacon).parameter(0).toEqualTypeOf<z.input<typeof DrandBeaconSchema>>();
  });
});
