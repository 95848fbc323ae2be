// The zod-free checks that keep buildThreads small (scripts/check-bundle-size.mjs):
// checkPreviousThreads must accept and refuse exactly what z.array(ThreadSchema) does, giving
// buildThreads the same carried-over values. (The enum lists of _lib/modelValues.ts are the
// schemas' own source, so they cannot drift.)
import fc from "fast-check";
import * as z from "zod/mini";
import { describe, expect, it } from "vitest";
import { isOpsError } from "@ops/core";
import { buildThreads, ThreadSchema, type Interaction } from "./helpers/index";
import { checkPreviousThreads } from "../src/thread/_lib/checkPreviousThreads";

const Previous = z.array(ThreadSchema);
const accepts = (v: unknown): boolean => {
  try {
    checkPreviousThreads(v, "buildThreads", ["options", "previous"]);
    return true;
  } catch (e) {
    // a refusal is an OpsError; anything else (a TypeError) is a bug the comparison must not hide
    if (!isOpsError(e)) throw e;
    return false;
  }
};

const valid = {
  id: "thr_1",
  channelId: "ch_1",
  type: "dm",
  status: "resolved",
  createdAt: 1772933400000,
  waitingSince: null,
  firstReplyAt: 1772933460000,
  lastInboundAt: 1772933400000,
  lastInboundKind: "dm",
  lastOutboundAt: 1772933460000,
};
// a value for each field: valid ones and the near misses each rule is about
const odd = fc.constantFrom<unknown>(
  undefined,
  null,
  "",
  "x",
  "a\u0001b",
  "x".repeat(129),
  "x".repeat(257),
  0,
  -0,
  1.5,
  Number.NaN,
  8.64e15,
  8.64e15 + 1,
  -1,
  [],
  {},
  true,
  "dm",
  "snoozed",
  "urgent",
  "wechat_oa",
  "WeChat",
);
/** Mostly the valid value, sometimes an odd one: so that a nested object fails on one field at a time. */
const near = (ok: unknown): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(ok) }, { weight: 2, arbitrary: odd });
const fieldValue = (key: string): fc.Arbitrary<unknown> => {
  switch (key) {
    case "labels":
      return fc.oneof(
        odd,
        fc.array(near("vip"), { maxLength: 3 }),
        fc.constant(Array.from({ length: 257 }, () => "l")),
      );
    case "replyWindowEvents":
      return fc.oneof(
        odd,
        fc.array(fc.record({ kind: near("dm"), at: near(1), sentSince: near(0) }, { requiredKeys: [] }), {
          maxLength: 2,
        }),
      );
    case "counterpart":
      return fc.oneof(
        odd,
        fc.record({ platform: near("wechat_oa"), scope: near("gh_1"), userId: near("oU1") }, { requiredKeys: [] }),
      );
    default:
      return odd;
  }
};
const FIELDS = [
  ...Object.keys(valid),
  "rootId",
  "counterpart",
  "snoozedUntil",
  "assignee",
  "priority",
  "labels",
  "replyWindowEvents",
];
/** A valid thread with one to three fields replaced by odd values (or removed). */
const thread = fc
  .array(fc.constantFrom(...FIELDS), { minLength: 1, maxLength: 3 })
  .chain((keys) => fc.tuple(...keys.map((k) => fieldValue(k).map((v) => [k, v] as const))))
  .map((pairs) => {
    const t: Record<string, unknown> = { ...valid };
    for (const [k, v] of pairs) {
      if (v === undefined && Math.abs(k.length % 2) === 0) delete t[k];
      else t[k] = v;
    }
    return t;
  });

describe("checkPreviousThreads", () => {
  it("accepts and refuses exactly what z.array(ThreadSchema) does", () => {
    fc.assert(
      fc.property(fc.array(thread, { maxLength: 3 }), (list) => {
        expect(accepts(list)).toBe(Previous.safeParse(list).success);
      }),
      { numRuns: 3000 },
    );
    for (const v of [null, undefined, 1, "x", {}, [null], [[]], [valid]])
      expect(accepts(v)).toBe(Previous.safeParse(v).success);
  });

  it("agrees with the schema on every odd value in every field, nested ones included", () => {
    const ODD = fc.sample(odd, { numRuns: 2000, seed: 1 });
    const values = [...new Set(ODD.map((v) => JSON.stringify(v) ?? "undefined"))].map((j) =>
      j === "undefined" ? undefined : (JSON.parse(j) as unknown),
    );
    values.push(Number.NaN, -0);
    const places: ((v: unknown) => Record<string, unknown>)[] = [
      ...FIELDS.map((k) => (v: unknown) => ({ ...valid, [k]: v })),
      ...FIELDS.map((k) => () => Object.fromEntries(Object.entries(valid).filter(([key]) => key !== k))),
      ...["platform", "scope", "userId"].map((k) => (v: unknown) => ({
        ...valid,
        counterpart: { platform: "wechat_oa", scope: "gh_1", userId: "oU1", [k]: v },
      })),
      ...["kind", "at", "sentSince"].map((k) => (v: unknown) => ({
        ...valid,
        replyWindowEvents: [{ kind: "dm", at: 1, sentSince: 0, [k]: v }],
      })),
      (v) => ({ ...valid, labels: ["vip", v] }),
    ];
    for (const place of places)
      for (const v of values) {
        const list = [place(v)];
        expect([JSON.stringify(list), accepts(list)]).toEqual([JSON.stringify(list), Previous.safeParse(list).success]);
      }
  });

  it("gives buildThreads the values the schema would: defaults applied, labels copied", () => {
    fc.assert(
      fc.property(thread, (t) => {
        const parsed = Previous.safeParse([t]);
        if (!parsed.success) return;
        const [mine] = checkPreviousThreads([t], "buildThreads", ["options", "previous"]);
        const [theirs] = parsed.data;
        expect(mine).toEqual({
          id: theirs?.id,
          status: theirs?.status,
          lastInboundAt: theirs?.lastInboundAt,
          snoozedUntil: theirs?.snoozedUntil,
          assignee: theirs?.assignee,
          priority: theirs?.priority,
          labels: theirs?.labels,
        });
      }),
      { numRuns: 2000 },
    );
  });

  it("names the index and field of a bad previous thread in buildThreads' OpsError", () => {
    const x = {
      id: "m1",
      channelId: "ch_1",
      kind: "dm",
      direction: "in",
      visibility: "private",
      actor: { platform: "wechat_oa", scope: "gh_1", userId: "oU1" },
      platformCreatedAt: 1,
      receivedAt: 1,
    } as unknown as Interaction;
    expect(() => buildThreads([x], { previous: [valid, { ...valid, labels: [""] }] as never })).toThrow(
      expect.objectContaining({ code: "invalid_argument", path: ["options", "previous", 1, "labels", 0] }),
    );
  });
});
