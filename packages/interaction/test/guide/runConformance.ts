import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { ChannelIdSchema } from "@ops/interaction";
import { runAdapterConformance } from "@ops/interaction/conformance";
import { createBilibiliAdapter } from "./createBilibiliAdapter";

// a page the poller recorded, signed as the poller signs what it forwards
const KEY = "ops-internal-poller-key";
const PAGE = readFileSync(new URL("./reply-page.json", import.meta.url), "utf8");
const signature = createHmac("sha256", KEY).update(PAGE).digest("hex");

export const report = runAdapterConformance(createBilibiliAdapter(), [
  {
    name: "reply-notification page",
    request: { method: "POST", url: "/bilibili", headers: { "x-ops-signature": signature }, body: PAGE },
    secret: { secret: KEY },
    // ids are branded types: make them with the exported schemas, not from plain strings
    context: { channelId: ChannelIdSchema.parse("ch_bili"), account: "9876543", receivedAt: 1772933999000 },
    signature: "body",
    expect: { kind: "delivery", interactions: 2, kinds: ["comment", "reply"] },
  },
]);
if (!report.passed) console.error(report.failures);
