// Queries and figures over N feedback items (default 100 000, rebuilt with replayLog from
// about 710 000 events, which is timed too): each query several times, median reported,
// beside a hand-written loop over the same items for two of them (the floor: no validation,
// no sorting). Set BENCH_N to change N.
import { cpus } from "node:os";
import {
  closingTheLoop,
  csatByCategory,
  followUpsDue,
  latentNeedsRanking,
  overdueItems,
  replayLog,
  resolvedNotReported,
  type FeedbackItem,
} from "@ops/feedback";
import { DAY, generateLogs, median, START } from "./_data";

const N = Number(process.env.BENCH_N ?? 100_000);
const flat = generateLogs(N).flat();
(globalThis as { gc?: () => void }).gc?.();
const t0 = performance.now();
const items: FeedbackItem[] = [...replayLog(flat).values()];
const replayMs = performance.now() - t0;

const at = START + 20 * DAY;
const month = { start: START, end: START + 30 * DAY };
const REPEAT = 7;
function bench(
  label: string,
  run: () => number,
): { query: string; "median ms": number; "µs / item": number; result: number } {
  run();
  const ms: number[] = [];
  let result = 0;
  for (let i = 0; i < REPEAT; i++) {
    const t = performance.now();
    result = run();
    ms.push(performance.now() - t);
  }
  const m = median(ms);
  return { query: label, "median ms": +m.toFixed(1), "µs / item": +((m * 1000) / items.length).toFixed(3), result };
}

const rows = [
  bench("overdueItems", () => overdueItems(items, at).length),
  bench("resolvedNotReported", () => resolvedNotReported(items, at).length),
  bench("followUpsDue (1 week)", () => followUpsDue(items, { start: at, end: at + 7 * DAY }).length),
  bench("closingTheLoop", () => closingTheLoop(items).rate.numerator),
  bench("  hand-written loop (rate only)", () => {
    let reported = 0;
    for (const item of items) if (item.resolvedAt !== null && item.replyBack !== null) reported++;
    return reported;
  }),
  bench("csatByCategory", () => csatByCategory(items).length),
  bench(
    "latentNeedsRanking (2 weeks vs 2 before)",
    () => latentNeedsRanking(items, { start: START + 14 * DAY, end: START + 28 * DAY }).length,
  ),
  bench("  hand-written loop (need counts only)", () => {
    const counts = new Map<string, number>();
    for (const item of items)
      if (item.openedAt >= month.start && item.openedAt < month.end)
        for (const n of item.latentNeeds) counts.set(n, (counts.get(n) ?? 0) + 1);
    return counts.size;
  }),
];

console.log(
  `${items.length} items from ${flat.length} events — ${process.version}, ${cpus().length} CPU(s), ${cpus()[0]?.model ?? "?"}`,
);
console.log(
  `replayLog of all events: ${Math.round(replayMs)} ms (${((replayMs * 1000) / flat.length).toFixed(2)} µs / event)`,
);
console.table(rows);
