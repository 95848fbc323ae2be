// Quantile sketch: @ops/metrics createQuantileSketch vs @datadog/sketches-js DDSketch, same data,
// same process. Throughput by hand-timed loops (best of several runs), then relative error at
// p50…p99.9 against the exact order statistic x₍⌊q(n−1)⌋₎ that both sketches target.
import os from "node:os";
import { DDSketch } from "@datadog/sketches-js";
import { createRandom } from "@ops/core";
import { createQuantileSketch } from "@ops/metrics";

const N = 1_000_000;
const RUNS = 9;
const rnd = createRandom(2026);
const datasets: Record<string, Float64Array> = {
  "log-normal (reply minutes)": Float64Array.from({ length: N }, () => Math.exp(rnd.normal(3, 1.5))),
  "pareto α=1.2 (post reach)": Float64Array.from({ length: N }, () => 1 / (1 - rnd.next()) ** (1 / 1.2)),
  "uniform 1–1000": Float64Array.from({ length: N }, () => 1 + 999 * rnd.next()),
};

/** CPU milliseconds (user + system) of one call: fairer than wall time on a shared, loaded machine. */
function cpuMs(run: () => void): number {
  const c0 = process.cpuUsage();
  run();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

/** Best CPU time of RUNS runs of each contender, alternating them so that both see the same machine load. */
function bestOfBoth(a: () => void, b: () => void): [number, number] {
  let bestA = Infinity;
  let bestB = Infinity;
  for (let r = 0; r < RUNS; r++) {
    bestA = Math.min(bestA, cpuMs(a));
    bestB = Math.min(bestB, cpuMs(b));
  }
  return [bestA, bestB];
}

const speed: Record<string, unknown>[] = [];
const errors: Record<string, unknown>[] = [];
const qs = [0.5, 0.75, 0.9, 0.95, 0.99, 0.999];
for (const [name, data] of Object.entries(datasets)) {
  const [ours, theirs] = bestOfBoth(
    () => {
      const s = createQuantileSketch();
      for (let i = 0; i < data.length; i++) s.add(data[i] as number);
    },
    () => {
      const s = new DDSketch({ relativeAccuracy: 0.01 });
      for (let i = 0; i < data.length; i++) s.accept(data[i] as number);
    },
  );
  speed.push({
    data: name,
    "@ops M inserts/CPU-s": +(N / ours / 1000).toFixed(1),
    "datadog M inserts/CPU-s": +(N / theirs / 1000).toFixed(1),
    "ops/datadog": +(theirs / ours).toFixed(2),
  });
  const a = createQuantileSketch();
  const b = new DDSketch({ relativeAccuracy: 0.01 });
  for (let i = 0; i < data.length; i++) {
    a.add(data[i] as number);
    b.accept(data[i] as number);
  }
  const sorted = Float64Array.from(data).sort();
  for (const q of qs) {
    const exact = sorted[Math.floor(q * (N - 1))] as number;
    errors.push({
      data: name,
      q,
      exact: +exact.toPrecision(6),
      "@ops rel. error %": +((100 * Math.abs((a.quantile(q) as number) - exact)) / exact).toFixed(4),
      "datadog rel. error %": +((100 * Math.abs(b.getValueAtQuantile(q) - exact)) / exact).toFixed(4),
    });
  }
  const merged = createQuantileSketch().merge(a);
  if (merged.count !== N) throw new Error("merge lost values");
}
console.log(
  `quantile sketch, ${N.toLocaleString("en")} values per run, best CPU time of ${RUNS} alternating runs, relativeAccuracy 0.01; load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
console.table(speed);
console.table(errors);
const bytes = createQuantileSketch();
for (const v of datasets["log-normal (reply minutes)"] as Float64Array) bytes.add(v);
console.log(`serialised size (log-normal, 1e6 values): @ops ${bytes.serialize().length} bytes`);
