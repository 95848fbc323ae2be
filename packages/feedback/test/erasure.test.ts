import { describe, expect, it } from "vitest";
import {
  closingTheLoop,
  csatByCategory,
  FeedbackItemSchema,
  latentNeedsRanking,
  replay,
  transition,
  type FeedbackEventInput,
  type FeedbackItem,
} from "@ops/feedback";
import { apply, DAY, HOUR, reach, T0 } from "./_helpers";

/** A full case with personal data everywhere: actor, CJK text, interaction ids, staff notes. */
function fullCase(): { item: FeedbackItem; events: FeedbackEventInput[] } {
  const { item, events } = reach("reported");
  const more: FeedbackEventInput[] = [
    {
      type: "customer_message",
      id: "m1",
      itemId: "fb_1",
      at: item.updatedAt + HOUR,
      source: { kind: "dm", interactionId: "wechat_oa:gh_3a8f:msg:77" },
      text: "谢谢！我叫王芳，电话 138-0000-0000",
    },
    { type: "record_csat", id: "c1", itemId: "fb_1", at: item.updatedAt + 2 * HOUR, score: 5 },
  ];
  let next = item;
  for (const e of more) next = apply(next, e);
  return { item: next, events: [...events, ...more] };
}

const PERSONAL = [
  "oX1y2",
  "收到的口红断了",
  "王芳",
  "138-0000-0000",
  "wechat_oa:gh_3a8f:msg",
  "out_fb_1",
  "told 王女士",
  "sent a new one",
];

describe("transition (redact)", () => {
  const { item, events } = fullCase();
  const r = transition(item, {
    type: "redact",
    id: "erase_1",
    itemId: "fb_1",
    at: item.updatedAt + DAY,
    by: "dpo",
    note: "PIPL art. 47 request #2026-118",
  });
  if (!r.ok) throw new Error(r.error.message);
  const erased = r.value.item;

  it("removes the user's identifiers and words from the item and its whole history", () => {
    const before = JSON.stringify(item);
    for (const text of PERSONAL) expect(before).toContain(text); // the fixture really holds them
    const after = JSON.stringify(erased);
    for (const text of PERSONAL) expect(after).not.toContain(text);
    expect([erased.actor, erased.text, erased.replyBack?.interactionId, erased.redactedAt]).toEqual([
      null,
      null,
      null,
      item.updatedAt + DAY,
    ]);
    expect(erased.sources.map((s) => s.interactionId)).toEqual([null, null]);
  });

  it("keeps the lifecycle skeleton: states, times, category, needs, remedy, CSAT, event count", () => {
    const keep = (i: FeedbackItem) => ({
      status: i.status,
      openedAt: i.openedAt,
      resolvedAt: i.resolvedAt,
      replyAt: i.replyBack?.at,
      via: i.replyBack?.via,
      category: i.category,
      needs: i.latentNeeds,
      remedy: i.remedy,
      csat: i.csat,
      department: i.department,
      assignee: i.assignee,
      events: i.history.map((e) => [e.id, e.type, e.at]),
    });
    expect(keep(erased)).toEqual({
      ...keep(item),
      events: [...keep(item).events, ["erase_1", "redact", item.updatedAt + DAY]],
    });
  });

  it("leaves every figure unchanged", () => {
    const period = { start: T0 - DAY, end: T0 + DAY };
    expect(closingTheLoop([erased])).toEqual(closingTheLoop([item]));
    expect(csatByCategory([erased])).toEqual(csatByCategory([item]));
    expect(latentNeedsRanking([erased], period)).toEqual(latentNeedsRanking([item], period));
  });

  it("still satisfies FeedbackItemSchema", () => {
    expect(FeedbackItemSchema.safeParse(erased).success).toBe(true);
  });

  it("keeps its own audit note and replays to the same erased item from the rewritten history", () => {
    expect(erased.history.at(-1)?.note).toBe("PIPL art. 47 request #2026-118");
    expect(replay(erased.history)).toEqual(erased);
    expect(replay([...events, erased.history.at(-1) as FeedbackEventInput])).toEqual(erased);
  });

  it("does not touch the caller's item or events (the host must replace its stored log with item.history)", () => {
    expect(item.actor?.userId).toBe("oX1y2");
    expect(JSON.stringify(events)).toContain("王芳");
  });

  it("is accepted on a closed item and keeps it closed", () => {
    const { item: closed } = reach("closed");
    const done = apply(closed, { type: "redact", id: "x", itemId: "fb_1", at: closed.updatedAt });
    expect([done.status, done.actor, done.closedAt]).toEqual(["closed", null, closed.closedAt]);
  });

  it("is idempotent: a second erasure changes only the bookkeeping", () => {
    const twice = apply(erased, { type: "redact", id: "erase_2", itemId: "fb_1", at: erased.updatedAt + 1 });
    expect({ ...twice, history: [], redactedAt: 0, updatedAt: 0 }).toEqual({
      ...erased,
      history: [],
      redactedAt: 0,
      updatedAt: 0,
    });
  });
});
