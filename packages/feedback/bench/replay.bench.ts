// Replaying N feedback items from their event logs (default 50 000 items, about 7.1 events
// each): our replayLog (zod validation + lifecycle table + guards, in-place update, frozen items)
// and our transition() event by event (the live path, a copy-on-write update per event), against
// the same lifecycle as an XState 5.33.3 machine run with its pure `transition`, and a
// hand-written mutable reducer as the floor. Set BENCH_N to change N.
import { cpus } from "node:os";
import { openFeedback, replayLog, transition, type FeedbackEventInput, type FeedbackItem } from "@ops/feedback";
import { FeedbackEventSchema } from "@ops/feedback";
import { initialTransition, transition as xstateTransition } from "xstate";
import { generateLogs } from "./_data";
import { feedbackMachine } from "./_xstateMachine";

const N = Number(process.env.BENCH_N ?? 50_000);
const logs = generateLogs(N);
const flat: FeedbackEventInput[] = logs.flat();
const events = flat.length;

function time(label: string, run: () => number): { label: string; ms: number; check: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const t0 = performance.now();
  const check = run();
  const ms = performance.now() - t0;
  return { label, ms, check };
}

const rows = [
  time(
    "@ops/feedback replayLog (validate + replay)",
    () => [...replayLog(flat).values()].filter((item) => item.status === "closed").length,
  ),
  time("  of which: zod validation of every event", () => {
    let n = 0;
    for (const e of flat) n += FeedbackEventSchema.parse(e).at > 0 ? 1 : 0;
    return n;
  }),
  time("@ops/feedback transition() per event (live path: validate + copy-on-write)", () => {
    let closed = 0;
    for (const log of logs) {
      let item: FeedbackItem = openFeedback(log[0] as FeedbackEventInput).item;
      for (let i = 1; i < log.length; i++) {
        const r = transition(item, log[i] as FeedbackEventInput);
        if (r.ok) item = r.value.item;
      }
      if (item.status === "closed") closed++;
    }
    return closed;
  }),
  time("xstate 5.33.3 transition() per event", () => {
    let closed = 0;
    for (const log of logs) {
      const first = log[0] as FeedbackEventInput;
      let [snap] = initialTransition(feedbackMachine, { id: first.itemId, at: first.at });
      for (let i = 1; i < log.length; i++) [snap] = xstateTransition(feedbackMachine, snap, log[i] as never);
      if (snap.value === "closed") closed++;
    }
    return closed;
  }),
  time("hand-written mutable reducer (floor)", () => {
    let closed = 0;
    for (const log of logs) {
      const item: Record<string, unknown> = { status: "new", history: [] as unknown[] };
      for (const e of log) {
        (item.history as unknown[]).push(e);
        item.updatedAt = e.at;
        if (e.type === "triage") item.status = "triaged";
        else if (e.type === "route") item.status = "routed";
        else if (e.type === "start") item.status = "in_progress";
        else if (e.type === "resolve") item.status = "resolved";
        else if (e.type === "report_back") item.status = item.status === "resolved" ? "reported" : "closed";
        else if (e.type === "auto_close" || e.type === "complete_follow_up") item.status = "closed";
      }
      if (item.status === "closed") closed++;
    }
    return closed;
  }),
];

console.log(`${N} items, ${events} events — ${process.version}, ${cpus().length} CPU(s), ${cpus()[0]?.model ?? "?"}`);
console.table(
  rows.map((r) => ({
    run: r.label,
    "total ms": Math.round(r.ms),
    "µs / event": +((r.ms * 1000) / events).toFixed(2),
    "k events / s": Math.round(events / r.ms),
    check: r.check,
  })),
);
