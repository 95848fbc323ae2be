// Child process of rollup-memory.bench.ts: builds the event columns and runs only our
// rollup (or nothing, with MODE=baseline), then prints its peak RSS as JSON.
import { rollupByChannel } from "@ops/metrics";
import { makeColumns, ZONE } from "./_rollupData";

const N = Number(process.env.N ?? 10_000_000);
let rows = 0;
if (process.env.MODE !== "baseline") {
  const cols = makeColumns(N);
  rows = rollupByChannel(cols, { timeZone: ZONE }).length;
}
process.stdout.write(JSON.stringify({ rows, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
