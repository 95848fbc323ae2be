import type { Verification } from "@ops/core";
import { describe, expectTypeOf, it } from "vitest";
import {
  drawWinners,
  verifyBeacon,
  verifyDraw,
  verifyEntry,
  verifyInclusion,
  type BeaconFailureCode,
  type DrawCertificate,
  type DrawMismatchCode,
  type DrawVerified,
  type EntryCheck,
  type EntryFailureCode,
  type EntryOutcome,
  type InclusionFailureCode,
  type InclusionVerified,
  type VerifiedBeacon,
} from "@ops/raffle";

describe("public types", () => {
  it("every verify* returns core's Verification with a closed set of failure codes", () => {
    expectTypeOf(verifyBeacon).returns.toEqualTypeOf<Verification<VerifiedBeacon, BeaconFailureCode>>();
    expectTypeOf(verifyDraw).returns.toEqualTypeOf<Verification<DrawVerified, DrawMismatchCode>>();
    expectTypeOf(verifyEntry).returns.toEqualTypeOf<Verification<EntryCheck, EntryFailureCode>>();
    expectTypeOf(verifyInclusion).returns.toEqualTypeOf<Verification<InclusionVerified, InclusionFailureCode>>();
    const r = verifyBeacon({ round: 1, signature: "" }, {} as never);
    if (r.ok) expectTypeOf(r.value).toEqualTypeOf<VerifiedBeacon>();
    else
      expectTypeOf(r.error[0]!.code).toEqualTypeOf<
        "wrong_chain" | "malformed_signature" | "bad_signature" | "bad_randomness"
      >();
  });

  it("verifyDraw reports mismatches with literal codes", () => {
    const r = verifyDraw({} as DrawCertificate);
    if (!r.ok) expectTypeOf(r.error[0]!.code).toEqualTypeOf<DrawMismatchCode>();
  });

  it("drawWinners returns a certificate whose randomness narrows on kind", () => {
    const c = drawWinners({} as never, [], { secret: "" });
    expectTypeOf(c).toEqualTypeOf<DrawCertificate>();
    if (c.randomness.kind === "drand") expectTypeOf(c.randomness.round).toEqualTypeOf<number>();
    else expectTypeOf(c.randomness.secret).toEqualTypeOf<string>();
  });

  it("drawWinners takes a verified beacon, not beacon JSON", () => {
    const checked = verifyBeacon({ round: 1, signature: "" }, {} as never);
    if (checked.ok) drawWinners({} as never, [], checked.value);
    // @ts-expect-error: the beacon JSON has not been verified
    drawWinners({} as never, [], { round: 1, signature: "", randomness: "" });
    // @ts-expect-error: a copy loses the brand
    drawWinners({} as never, [], { chainHash: "", round: 1, signature: "", randomness: "" });
  });

  it("an entry outcome narrows on kind", () => {
    const o = {} as EntryOutcome;
    if (o.kind === "winner") expectTypeOf(o.tier).toEqualTypeOf<string>();
    if (o.kind === "rerolled_out") expectTypeOf(o.reason).toEqualTypeOf<string>();
  });
});
