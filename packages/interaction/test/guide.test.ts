import { readFileSync } from "node:fs";
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildThreads, runAdapterConformance, type AdapterFixture } from "./helpers/index";
import { createBilibiliAdapter } from "./guide/createBilibiliAdapter";

const KEY = "ops-internal-poller-key";
const PAGE = JSON.stringify({
  code: 0,
  data: {
    items: [
      {
        id: 101,
        user: { mid: 3546612345, nickname: "阿宁" },
        item: {
          type: "reply",
          subject_id: 1055001234,
          source_id: 250001,
          target_id: 0,
          source_content: "up主这个教程用的什么相机？",
        },
        reply_time: 1772933400,
      },
      {
        id: 102,
        user: { mid: 3546612399, nickname: "Kiko" },
        item: { type: "reply", subject_id: 1055001234, source_id: 250002, target_id: 250001, source_content: "同问" },
        reply_time: 1772933460,
      },
    ],
  },
});
// a like in the reply feed means the feed changed: the example refuses it rather than drop it
const PAGE_WITH_LIKE = JSON.stringify({
  code: 0,
  data: {
    items: [
      ...(JSON.parse(PAGE) as { data: { items: unknown[] } }).data.items,
      { id: 103, user: { mid: 1 }, item: { type: "like" }, reply_time: 1772933470 },
    ],
  },
});
const context = { channelId: "ch_bili" as never, account: "9876543", receivedAt: 1772933999000 };
const sign = (body: string) => createHmac("sha256", KEY).update(body).digest("hex");

export const BILIBILI_FIXTURES: readonly AdapterFixture[] = [
  {
    name: "reply-notification page",
    request: { method: "POST", url: "/bilibili", headers: { "x-ops-signature": sign(PAGE) }, body: PAGE },
    secret: { secret: KEY },
    context,
    bodySigned: true,
    expect: { kind: "delivery", interactions: 2, kinds: ["comment", "reply"] },
  },
  {
    name: "a page holding a like",
    request: {
      method: "POST",
      url: "/bilibili",
      headers: { "x-ops-signature": sign(PAGE_WITH_LIKE) },
      body: PAGE_WITH_LIKE,
    },
    secret: { secret: KEY },
    context,
    bodySigned: true,
    expect: { kind: "failure", step: "parse", code: "unknown_event" },
  },
  {
    name: "unsigned page",
    request: { method: "POST", url: "/bilibili", headers: {}, body: PAGE },
    secret: { secret: KEY },
    context,
    expect: { kind: "failure", step: "verify", code: "bad_signature" },
  },
];

describe("docs/adapter-guide.md worked example (Bilibili)", () => {
  it("passes the conformance kit", () => {
    const report = runAdapterConformance(createBilibiliAdapter(), BILIBILI_FIXTURES);
    expect(report.failures).toEqual([]);
  });

  it("threads the reply under the comment", () => {
    const r = createBilibiliAdapter().parse(PAGE, context);
    expect(buildThreads(r.ok ? r.value : []).threads).toHaveLength(1);
  });

  it("is printed verbatim in the guide, so that the guide cannot drift from the tested code", () => {
    const guide = readFileSync(new URL("../../../docs/adapter-guide.md", import.meta.url), "utf8");
    const code = readFileSync(new URL("./guide/createBilibiliAdapter.ts", import.meta.url), "utf8");
    expect(guide.includes(code.trim())).toBe(true);
  });
});
