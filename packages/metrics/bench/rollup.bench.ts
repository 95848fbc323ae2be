// Daily rollup by channel — count, Σ value, distinct actors per (local day, channel) — over
// 10 M events and 1000 groups: @ops/metrics rollupByChannel next to arquero 8 doing the
// same group-by, and a bare typed-array loop over the same columns (fixed +08:00 offset,
// no validation), in one run. Usage: `pnpm bench rollup` (N=… to change the size).
import * as aq from "arquero";
import { rollupByChannel } from "@ops/metrics";
import { ACTORS, CHANNELS, DAY, DAYS, makeColumns, T0, ZONE } from "./_rollupData";

const N = Number(process.env.N ?? 10_000_000);
const cols = makeColumns(N);
const OFFSET = 8 * 3_600_000; // Asia/Shanghai has no DST: a fixed offset is exact here

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

function arquero(): aq.ColumnTable {
  return aq
    .table({ at: cols.at, channel: cols.channel, actor: cols.actor, value: cols.value })
    .derive({ day: aq.escape((d: { at: number }) => Math.floor((d.at + OFFSET) / DAY)) })
    .groupby("day", "channel")
    .rollup({ count: aq.op.count(), sum: aq.op.sum("value"), actors: aq.op.distinct("actor") });
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
    (acc, row) => ({ count: acc.count + row.count, distinct: acc.distinct + row.distinctActors }),
    { count: 0, distinct: 0 },
  );
  const b = time(bare);
  loop.push(b.ms);
  loopCpu.push(b.cpu);
  const bareDistinct = b.result.distinct.reduce((a, x) => a + x, 0);
  if (bareDistinct !== check.distinct)
    throw new Error(`mismatch: bare loop distinct ${bareDistinct} vs ours ${check.distinct}`);
}
const aqRuns = Number(process.env.AQ_RUNS ?? 2);
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
  `CPU time: ours is ${(qc / oc).toFixed(1)}× faster than arquero (target ≥ 5×) and takes ${(oc / bc).toFixed(2)}× the bare loop's time (target ≤ 5×); wall time: ${(q / o).toFixed(1)}× and ${(o / b).toFixed(2)}×`,
);
