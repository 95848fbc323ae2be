// Daily rollup by channel over 10 M events and 1000 (local day, channel) groups, twice:
// count + Σ value (+ mean), and count + Σ value + distinct actors. @ops/metrics
// rollupByChannel next to arquero 8 doing the same group-by and a bare typed-array loop over
// the same columns (fixed +08:00 offset, no validation), in one run. arquero is called as its
// docs recommend: `aq.table` over the typed arrays (columnar, no row objects), the day
// derived by an arquero expression with `params` (compiled to a column loop) — not by
// `aq.escape`, which calls a JS closure per row. Usage: `pnpm bench rollup` (N=… to change the size).
import * as aq from "arquero";
import { rollupByChannel } from "@ops/metrics";
import { ACTORS, CHANNELS, DAY, DAYS, makeColumns, T0, ZONE } from "./_rollupData";

const N = Number(process.env.N ?? 10_000_000);
const cols = makeColumns(N);
const OFFSET = 8 * 3_600_000; // Asia/Shanghai has no DST: a fixed offset is exact here

function bareSums(): { count: Float64Array; sum: Float64Array } {
  const groups = DAYS * CHANNELS;
  const count = new Float64Array(groups);
  const sum = new Float64Array(groups);
  const day0 = Math.floor((T0 + OFFSET) / DAY);
  const { at, channel, value } = cols;
  for (let i = 0; i < at.length; i++) {
    const g = (Math.floor(((at[i] as number) + OFFSET) / DAY) - day0) * CHANNELS + (channel[i] as number);
    count[g] = (count[g] as number) + 1;
    sum[g] = (sum[g] as number) + (value[i] as number);
  }
  return { count, sum };
}

function bare(): { count: Float64Array; sum: Float64Array; distinct: Float64Array } {
  const groups = DAYS * CHANNELS;
  const count = new Float64Array(groups);
  const sum = new Float64Array(groups);
  const distinct = new Float64Array(groups);
  const seen = new Int32Array(Math.ceil((groups * ACTORS) / 32));
  const day0 = Math.floor((T0 + OFFSET) / DAY);
  const { at, actor, channel, value } = cols;
  for (let i = 0; i < at.length; i++) {
    const g = (Math.floor(((at[i] as number) + OFFSET) / DAY) - day0) * CHANNELS + (channel[i] as number);
    count[g] = (count[g] as number) + 1;
    sum[g] = (sum[g] as number) + (value[i] as number);
    const bit = g * ACTORS + (actor[i] as number);
    const w = seen[bit >>> 5] as number;
    const flag = 1 << (bit & 31);
    if ((w & flag) === 0) {
      seen[bit >>> 5] = w | flag;
      distinct[g] = (distinct[g] as number) + 1;
    }
  }
  return { count, sum, distinct };
}

const op = aq.op;
function arqueroDays(): aq.ColumnTable {
  return aq
    .table({ at: cols.at, channel: cols.channel, actor: cols.actor, value: cols.value })
    .params({ OFFSET, DAY })
    .derive({ day: (d: { at: number }, $: { OFFSET: number; DAY: number }) => op.floor((d.at + $.OFFSET) / $.DAY) })
    .groupby("day", "channel");
}
function arquero(): aq.ColumnTable {
  return arqueroDays().rollup({ count: op.count(), sum: op.sum("value"), actors: op.distinct("actor") });
}
function arqueroSums(): aq.ColumnTable {
  return arqueroDays().rollup({ count: op.count(), sum: op.sum("value"), mean: op.mean("value") });
}

// CPU time (user + system) is reported next to wall time: on a shared machine the wall
// time includes waiting for a core, the CPU time much less so.
function time<T>(f: () => T): { ms: number; cpu: number; result: T } {
  globalThis.gc?.();
  const t = process.hrtime.bigint();
  const c = process.cpuUsage();
  const result = f();
  const u = process.cpuUsage(c);
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, cpu: (u.user + u.system) / 1e3, result };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

const runs = Number(process.env.RUNS ?? 5);
const ours: number[] = [];
const loop: number[] = [];
const oursCpu: number[] = [];
const loopCpu: number[] = [];
const aqCpu: number[] = [];
let oursRows = 0;
let check = { count: 0, distinct: 0 };
for (let r = 0; r < runs; r++) {
  const o = time(() => rollupByChannel(cols, { timeZone: ZONE }));
  ours.push(o.ms);
  oursCpu.push(o.cpu);
  oursRows = o.result.length;
  check = o.result.reduce(
    (acc, row) => ({ count: acc.count + row.count, distinct: acc.distinct + (row.distinctActors ?? 0) }),
    { count: 0, distinct: 0 },
  );
  const b = time(bare);
  loop.push(b.ms);
  loopCpu.push(b.cpu);
  const bareDistinct = b.result.distinct.reduce((a, x) => a + x, 0);
  if (bareDistinct !== check.distinct)
    throw new Error(`mismatch: bare loop distinct ${bareDistinct} vs ours ${check.distinct}`);
}
// count + Σ value only (what a caller asks without distinct actors)
const sumsOurs: number[] = [];
const sumsLoop: number[] = [];
const sumsAq: number[] = [];
for (let r = 0; r < runs; r++) {
  const o = time(() => rollupByChannel(cols, { timeZone: ZONE, distinctActors: false }));
  sumsOurs.push(o.cpu);
  const b = time(bareSums);
  sumsLoop.push(b.cpu);
  const total = o.result.reduce((a, row) => a + row.sum, 0);
  const bareTotal = b.result.sum.reduce((a, x) => a + x, 0);
  if (Math.abs(total - bareTotal) > 1e-6 * Math.abs(bareTotal))
    throw new Error(`mismatch: sums ${total} vs ${bareTotal}`);
}
const aqRuns = Number(process.env.AQ_RUNS ?? 2);
for (let r = 0; r < aqRuns; r++) {
  const a = time(arqueroSums);
  sumsAq.push(a.cpu);
  if (a.result.numRows() !== oursRows) throw new Error(`mismatch: arquero ${a.result.numRows()} rows vs ${oursRows}`);
}
console.log(
  `count + Σ value (+ mean for arquero), CPU ms (median): ours ${Math.round(median(sumsOurs))}, bare loop ${Math.round(median(sumsLoop))}, arquero ${Math.round(median(sumsAq))} — ours / bare ${(median(sumsOurs) / median(sumsLoop)).toFixed(2)}×, arquero / ours ${(median(sumsAq) / median(sumsOurs)).toFixed(2)}×`,
);
const aqTimes: number[] = [];
for (let r = 0; r < aqRuns; r++) {
  const a = time(arquero);
  aqTimes.push(a.ms);
  aqCpu.push(a.cpu);
  const distinct = Array.from(a.result.array("actors") as ArrayLike<number>).reduce((x, y) => x + y, 0);
  if (a.result.numRows() !== oursRows || distinct !== check.distinct)
    throw new Error(
      `mismatch: arquero ${a.result.numRows()} rows / ${distinct} distinct vs ours ${oursRows} / ${check.distinct}`,
    );
}
const o = median(ours);
const b = median(loop);
const q = median(aqTimes);
const oc = median(oursCpu);
const bc = median(loopCpu);
const qc = median(aqCpu);
console.log(
  `${N.toLocaleString("en")} events, ${oursRows} (day, channel) groups, ${ACTORS.toLocaleString("en")} actors, zone ${ZONE}; median of ${runs} (ours, loop) / ${aqRuns} (arquero) runs`,
);
console.table([
  {
    implementation: "@ops/metrics rollupByChannel",
    "wall ms": Math.round(o),
    "cpu ms": Math.round(oc),
    "M events/cpu-s": +(N / oc / 1e3).toFixed(1),
    "cpu vs ours": "1.00×",
  },
  {
    implementation: "bare typed-array loop",
    "wall ms": Math.round(b),
    "cpu ms": Math.round(bc),
    "M events/cpu-s": +(N / bc / 1e3).toFixed(1),
    "cpu vs ours": `${(bc / oc).toFixed(2)}×`,
  },
  {
    implementation: "arquero 8.0.3 groupby/rollup",
    "wall ms": Math.round(q),
    "cpu ms": Math.round(qc),
    "M events/cpu-s": +(N / qc / 1e3).toFixed(1),
    "cpu vs ours": `${(qc / oc).toFixed(2)}×`,
  },
]);
console.log(
  `with distinct actors, CPU time: arquero takes ${(qc / oc).toFixed(2)}× ours; ours takes ${(oc / bc).toFixed(2)}× the bare loop's time; wall time: ${(q / o).toFixed(2)}× and ${(o / b).toFixed(2)}×`,
);
