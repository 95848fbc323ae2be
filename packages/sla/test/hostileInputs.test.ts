// Issue 20, hostile inputs: bad fields get an OpsError naming them — never a TypeError from
// inside, never NaN passed on into a result.
import { describe, expect, it } from "vitest";
import { InteractionSchema, type Interaction } from "@ops/interaction";
import {
  compileSlaPolicies,
  isThanksOnly,
  publicReplyRate,
  selectSlaPolicy,
  slaComplianceReport,
  toSlaTimeline,
} from "@ops/sla";

const t0 = Date.UTC(2026, 2, 9, 1, 0);
const comment = (id: string): Interaction =>
  InteractionSchema.parse({
    id,
    channelId: "ch_wx",
    kind: "comment",
    direction: "in",
    visibility: "public",
    actor: { platform: "weibo", userId: "1" },
    content: { text: "怎么买" },
    platformCreatedAt: t0,
    receivedAt: t0,
  });

describe("isThanksOnly", () => {
  it("refuses a text that is not a string, and keeps undefined and null as empty", () => {
    expect(() => isThanksOnly(5 as never)).toThrowOpsError("invalid_argument", { path: ["text"] });
    expect(() => isThanksOnly({} as never)).toThrowOpsError("invalid_argument", { path: ["text"] });
    expect(isThanksOnly(undefined)).toBe(true);
    expect(isThanksOnly(null as never)).toBe(true);
  });
});

describe("publicReplyRate", () => {
  const options = { target: 3_600_000, now: t0 + 7_200_000 };
  it("refuses a hole in the interactions instead of skipping it", () => {
    expect(() => publicReplyRate(new Array(2) as Interaction[], options)).toThrowOpsError("invalid_argument", {
      path: ["interactions", 0],
    });
  });
  it("refuses a content.text that is not a string, naming the item", () => {
    const bad = { ...comment("c1"), content: { text: 5 } } as unknown as Interaction;
    expect(() => publicReplyRate([comment("c0"), bad], options)).toThrowOpsError("invalid_argument", {
      path: ["interactions", 1, "content", "text"],
    });
    expect(publicReplyRate([comment("c0")], options).withinTarget).toMatchObject({ numerator: 0, denominator: 1 });
  });
});

describe("selectSlaPolicy", () => {
  const set = compileSlaPolicies([]);
  it("refuses a missing subject and tags that are not an array of strings", () => {
    expect(() => selectSlaPolicy(set, undefined as never)).toThrowOpsError("invalid_argument", { path: ["subject"] });
    expect(() => selectSlaPolicy(set, { tags: 5 as never })).toThrowOpsError("invalid_argument", {
      path: ["subject", "tags"],
    });
    expect(selectSlaPolicy(set, { tags: ["vip"] })).toBeNull();
  });
});

describe("toSlaTimeline", () => {
  it("refuses a first message without a valid actor, channelId or kind instead of passing NaN on", () => {
    const m = comment("m1");
    expect(() => toSlaTimeline([{ ...m, actor: undefined } as unknown as Interaction])).toThrowOpsError(
      "invalid_argument",
      { path: ["interactions", 0, "actor", "platform"] },
    );
    expect(() => toSlaTimeline([{ ...m, channelId: Number.NaN } as unknown as Interaction])).toThrowOpsError(
      "invalid_argument",
      { path: ["interactions", 0, "channelId"] },
    );
    expect(() => toSlaTimeline([{ ...m, kind: Number.POSITIVE_INFINITY } as unknown as Interaction])).toThrowOpsError(
      "invalid_argument",
      { path: ["interactions", 0, "kind"] },
    );
  });
});

describe("slaComplianceReport", () => {
  it("refuses a cycle that is null, a hole or has a non-finite elapsed time, naming it", () => {
    const item = (cycle: unknown) => ({ channelId: "ch_wx", clocks: { cycles: { first_reply: [cycle] } } }) as never;
    expect(() => slaComplianceReport([item(null)])).toThrowOpsError("invalid_argument", {
      path: ["items", 0, "clocks", "cycles", "first_reply", 0],
    });
    const cycle = { metric: "first_reply", status: "achieved", startedAt: t0, stoppedBy: "reply", elapsed: 60_000 };
    expect(() => slaComplianceReport([item({ ...cycle, elapsed: Number.NaN })])).toThrowOpsError("invalid_argument", {
      path: ["items", 0, "clocks", "cycles", "first_reply", 0, "elapsed"],
    });
    expect(slaComplianceReport([item(cycle)]).overall.achieved).toBe(1);
  });
});
