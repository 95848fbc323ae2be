// Deterministic sample data for the benchmarks: N feedback items' event logs (about 8–9
// events each), shaped like a month of a consumer brand's feedback desk.
import { createRandom } from "@ops/core";
import type { FeedbackEventInput } from "@ops/feedback";

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;
export const START = Date.UTC(2026, 9, 1); // 2026-10-01
const CATEGORIES = ["quality", "delivery", "price", "packaging", "service", "product_idea"];
const NEEDS = [
  "敏感肌洁面",
  "refill pack",
  "travel size",
  "无香型",
  "vegan formula",
  "larger shade range",
  "gift box",
  "孕妇可用",
  "spf 50",
  "matte finish",
  "小样",
  "recyclable packaging",
];
const REMEDIES = [
  { kind: "exchange" },
  { kind: "refund", amount: 129, currency: "CNY" },
  { kind: "compensation", amount: 50, currency: "CNY" },
  { kind: "explanation" },
] as const;

/** The events of `n` items, item after item; each item's events are in time order. */
export function generateLogs(n: number, seed = 20261126): FeedbackEventInput[][] {
  const random = createRandom(seed);
  const logs: FeedbackEventInput[][] = [];
  for (let i = 0; i < n; i++) {
    const itemId = `fb_${i}`;
    let at = START + Math.floor((i * 30 * DAY) / n);
    let k = 0;
    const events: FeedbackEventInput[] = [];
    const push = (e: Record<string, unknown>, gap: number) => {
      at += gap;
      events.push({ ...e, id: `${itemId}_${k++}`, itemId, at } as FeedbackEventInput);
    };
    const kind = random.next() < 0.7 ? "dm" : random.next() < 0.85 ? "comment" : "survey";
    push(
      {
        type: "open",
        source: { kind, interactionId: `wechat_oa:gh_3a8f:msg:${i}` },
        actor: { platform: "wechat_oa", scope: "gh_3a8f", userId: `o${i}` },
        text: "收到的口红断了，外壳也裂了",
      },
      0,
    );
    const needs =
      random.next() < 0.3 ? [random.pick(NEEDS), random.pick(NEEDS)] : random.next() < 0.5 ? [random.pick(NEEDS)] : [];
    push(
      {
        type: "triage",
        category: random.pick(CATEGORIES),
        priority: random.pick(["low", "normal", "normal", "high", "urgent"]),
        latentNeeds: needs,
        dueAt: at + 48 * HOUR,
      },
      random.int(1, 120) * MIN,
    );
    const fate = random.next();
    if (fate < 0.08 || fate < 0.12) {
      push(
        fate < 0.08
          ? { type: "reject", note: "spam" }
          : { type: "mark_duplicate", duplicateOf: `fb_${Math.max(0, i - 1)}` },
        random.int(1, 60) * MIN,
      );
      push({ type: "report_back", via: "dm", interactionId: `out:${i}` }, random.int(1, 600) * MIN);
    } else {
      push({ type: "route", department: random.pick(["qa", "care", "logistics", "product"]) }, random.int(1, 60) * MIN);
      push({ type: "start", assignee: `agent_${random.int(0, 40)}` }, random.int(1, 240) * MIN);
      if (random.next() < 0.1) {
        logs.push(events); // still being worked on (some of these are overdue)
        continue;
      }
      if (random.next() < 0.3) {
        push({ type: "wait_for_customer" }, random.int(10, 120) * MIN);
        push(
          {
            type: "customer_message",
            source: { kind: "dm", interactionId: `wechat_oa:gh_3a8f:msg:${i}b` },
            text: "照片发你了",
          },
          random.int(10, 1440) * MIN,
        );
      }
      push({ type: "resolve", remedy: random.pick(REMEDIES) }, random.int(30, 2880) * MIN);
      if (random.next() < 0.9) {
        push(
          { type: "report_back", via: random.next() < 0.8 ? "dm" : "phone", interactionId: `out:${i}` },
          random.int(1, 48 * 60) * MIN,
        );
        if (random.next() < 0.5) push({ type: "record_csat", score: random.int(1, 6) }, random.int(10, 1440) * MIN);
        if (random.next() < 0.4) {
          push({ type: "schedule_follow_up", dueAt: at + 3 * DAY }, 1);
          if (random.next() < 0.7) push({ type: "complete_follow_up", interactionId: `out:${i}c` }, 3 * DAY);
        } else if (random.next() < 0.6) {
          push({ type: "auto_close" }, 7 * DAY + HOUR);
        }
      }
    }
    if (random.next() < 0.01) push({ type: "redact", note: "PIPL art. 47 request" }, DAY);
    logs.push(events);
  }
  return logs;
}

/** Median of a few timings (ms). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

export function machineInfo(): string {
  return `node ${process.version}`;
}
