import { readFileSync } from "node:fs";
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  buildThreads,
  createWhatsappAdapter,
  ChannelIdSchema,
  runAdapterConformance,
  type AdapterFixture,
  type Interaction,
} from "./helpers/index";
import { createBilibiliAdapter } from "./guide/createBilibiliAdapter";
import { onWebhook } from "./guide/onWebhook";
import { replyAndRecord } from "./guide/replyAndRecord";
import { report } from "./guide/runConformance";
import { WA_BUSINESS_WAMID, WA_PHONE_ID, WA_TEXT, WA_USER } from "./fixtures/whatsapp";

const KEY = "ops-internal-poller-key";
// the recorded page that the guide's conformance snippet (guide/runConformance.ts) reads
const PAGE = readFileSync(new URL("./guide/reply-page.json", import.meta.url), "utf8");
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
const context = { channelId: ChannelIdSchema.parse("ch_bili"), account: "9876543", receivedAt: 1772933999000 };
const sign = (body: string) => createHmac("sha256", KEY).update(body).digest("hex");

export const BILIBILI_FIXTURES: readonly AdapterFixture[] = [
  {
    name: "reply-notification page",
    request: { method: "POST", url: "/bilibili", headers: { "x-ops-signature": sign(PAGE) }, body: PAGE },
    secret: { secret: KEY },
    context,
    signature: "body",
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
    signature: "body",
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

  it("prints the conformance run and the server wiring as tested code", async () => {
    expect(report.passed).toBe(true);
    const saved: Interaction[] = [];
    const store = {
      seenKeys: new Set<string>(),
      save: async (xs: readonly Interaction[]) => void saved.push(...xs),
      enqueue: async () => undefined,
    };
    const request = { method: "POST", url: "/bilibili", headers: { "x-ops-signature": sign(PAGE) }, body: PAGE };
    expect(await onWebhook(createBilibiliAdapter(), request, KEY, store)).toEqual({ status: 200, body: "" });
    expect(saved.map((x) => x.kind)).toEqual(["comment", "reply"]);
    // a retry is acknowledged and not stored twice; an unsigned request is refused
    expect(await onWebhook(createBilibiliAdapter(), request, KEY, store)).toEqual({ status: 200, body: "" });
    expect(saved).toHaveLength(2);
    expect(await onWebhook(createBilibiliAdapter(), { ...request, headers: {} }, KEY, store)).toEqual({
      status: 401,
      body: "",
    });
  });

  it("is printed verbatim in the guide, so that the guide cannot drift from the tested code", () => {
    const guide = readFileSync(new URL("../../../docs/adapter-guide.md", import.meta.url), "utf8");
    for (const file of ["createBilibiliAdapter.ts", "runConformance.ts", "onWebhook.ts", "replyAndRecord.ts"]) {
      const code = readFileSync(new URL(`./guide/${file}`, import.meta.url), "utf8");
      expect(guide.includes(code.trim()), file).toBe(true);
    }
  });
});

describe("docs/adapter-guide.md: recording the team's sends", () => {
  it("sends a WhatsApp reply, records it from the Messages API answer, and the thread closes", async () => {
    const wa = createWhatsappAdapter();
    const ctx = { channelId: ChannelIdSchema.parse("ch_wa"), account: WA_PHONE_ID, receivedAt: 1749416390000 };
    const parsed = wa.parse(WA_TEXT, ctx);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const question = parsed.value[0] as Interaction;
    const sentRequests: unknown[] = [];
    // the Messages API answer as Meta's "Send messages" page prints it
    const answer = {
      messaging_product: "whatsapp",
      contacts: [{ input: WA_USER, wa_id: WA_USER }],
      messages: [{ id: WA_BUSINESS_WAMID }],
    };
    const reply = await replyAndRecord(
      wa,
      { surface: "message", to: question.actor, inReplyTo: question, text: "Yes: blue and green." },
      ctx,
      async (request) => {
        sentRequests.push(request);
        return answer;
      },
      () => 1749416395000,
    );
    expect(sentRequests).toHaveLength(1);
    expect(reply).toMatchObject({ nativeId: WA_BUSINESS_WAMID, direction: "out", inReplyTo: question.id });
    expect(buildThreads([question, reply]).threads[0]).toMatchObject({ status: "pending", waitingSince: null });
  });
});
