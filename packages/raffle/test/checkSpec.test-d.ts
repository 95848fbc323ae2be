import type { DrandBeaconSchema } from "@ops/raffle";
import { describe, expectTypeOf, it } from "vitest";
import type * as z from "zod/mini";
import type { ParsedBeacon } from "../src/_lib/checkSpec";

describe("checkSpec's written-out types", () => {
  it("ParsedBeacon is what DrandBeaconSchema parses (checkSpec cannot import the schema's type: its file imports checkSpec)", () => {
    expectTypeOf<ParsedBeacon>().toEqualTypeOf<Readonly<z.output<typeof DrandBeaconSchema>>>();
  });
});
