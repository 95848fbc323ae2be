import { describe, expectTypeOf, it } from "vitest";
import {
  drawWinners,
  verifyBeacon,
  verifyDraw,
  type DrawCertificate,
  type DrawMismatchCode,
  type EntryOutcome,
  type VerifiedBeacon,
} from "@ops/raffle";

describe("public types", () => {
  it("verifyBeacon returns a Result keyed on ok with a closed set of failure codes", () => {
    const r = verifyBeacon({ round: 1, signature: "" }, {} as never);
    if (r.ok) expectTypeOf(r.value).toEqualTypeOf<VerifiedBeacon>();
    else
      expectTypeOf(r.error.code).toEqualTypeOf<
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

  it("an entry outcome narrows on kind", () => {
    const o = {} as EntryOutcome;
    if (o.kind === "winner") expectTypeOf(o.tier).toEqualTypeOf<string>();
    if (o.kind === "rerolled_out") expectTypeOf(o.reason).toEqualTypeOf<string>();
  });
});
