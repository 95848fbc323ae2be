// The sample data (examples/sample-data/brand-8-weeks.json) as rows of the event table
// contract: every interaction (inbound = DMs and question comments, outbound = replies),
// orders (value = amount) and posts (kind "post", figures counted from the interactions).
import { readFileSync } from "node:fs";
import type { EventRow } from "./_engines";

export const SAMPLE_JSON = new URL("../../../examples/sample-data/brand-8-weeks.json", import.meta.url);

interface RawInteraction {
  id: string;
  platform: string;
  kind: string;
  actor: string;
  at: string;
  post?: string;
  intent?: string;
  replyTo?: string;
}

export interface Sample {
  readonly rows: EventRow[];
  readonly timeZone: string;
  readonly start: number;
  readonly weeks: number;
}

export function loadSampleRows(): Sample {
  const raw = JSON.parse(readFileSync(SAMPLE_JSON, "utf8")) as {
    timeZone: string;
    start: string;
    weeks: number;
    interactions: RawInteraction[];
    orders: { id: string; platform: string; actor: string; at: string; value: number }[];
    posts: { id: string; platform: string; at: string; impressions: number; reach: number }[];
  };
  const rows: EventRow[] = [];
  const perPost = new Map<string, { likes: number; comments: number; shares: number }>();
  for (const i of raw.interactions) {
    const inbound = i.kind === "dm" || (i.kind === "comment" && i.intent === "question");
    rows.push({
      occurred_at: Date.parse(i.at),
      actor: i.actor,
      channel: i.platform,
      kind: i.kind,
      value: 0,
      id: i.id,
      post: i.post ?? null,
      direction: inbound ? "inbound" : i.kind === "reply" ? "outbound" : null,
      reply_to: i.replyTo ?? null,
    });
    if (i.post !== undefined) {
      const c = perPost.get(i.post) ?? { likes: 0, comments: 0, shares: 0 };
      if (i.kind === "like") c.likes++;
      else if (i.kind === "comment") c.comments++;
      else if (i.kind === "repost") c.shares++;
      perPost.set(i.post, c);
    }
  }
  for (const o of raw.orders)
    rows.push({
      occurred_at: Date.parse(o.at),
      actor: o.actor,
      channel: o.platform,
      kind: "order",
      value: o.value,
      id: o.id,
    });
  for (const p of raw.posts)
    rows.push({
      occurred_at: Date.parse(p.at),
      actor: "brand",
      channel: p.platform,
      kind: "post",
      value: 0,
      post: p.id,
      impressions: p.impressions,
      reach: p.reach,
      ...(perPost.get(p.id) ?? { likes: 0, comments: 0, shares: 0 }),
    });
  return { rows, timeZone: raw.timeZone, start: Date.parse(raw.start), weeks: raw.weeks };
}
