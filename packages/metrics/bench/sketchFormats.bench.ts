// Sketch formats (issue 17): updates/s and merges/s of each HyperLogLog and quantile format against
// @datadog/sketches-js 2.1.1, today's own format and a bare MurmurHash3_x64_128 loop (the limit for
// the DataSketches-compatible HLL), with the estimate error beside each; and the cost of the
// type check added to QuantileSketch.add (A/B against the code before it, bench/_quantileSketchBefore.ts).
// CPU time (user + system) of the best of RUNS runs, contenders alternating, one process.
import os from "node:os";
import { DDSketch } from "@datadog/sketches-js";
import { createRandom } from "@ops/core";
import {
  createHyperLogLog,
  createKllSketch,
  createQuantileSketch,
  dataSketchesHll,
  ddSketchProto,
  type HyperLogLog,
} from "@ops/metrics";
import { murmurHash3x64, murmurHash3x64Long } from "../src/sketch/_lib/murmurHash3";
import { QuantileSketchBefore } from "./_quantileSketchBefore";

const RUNS = 5;
const N = 1_000_000;
const cpuMs = (run: () => void): number => {
  const c0 = process.cpuUsage();
  run();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};
/** Best CPU ms of each contender over RUNS rounds, alternating them so that all see the same load. */
function race(contenders: Record<string, () => void>): Record<string, number> {
  const best: Record<string, number> = Object.fromEntries(Object.keys(contenders).map((k) => [k, Infinity]));
  for (let r = 0; r < RUNS; r++)
    for (const [k, f] of Object.entries(contenders)) best[k] = Math.min(best[k] as number, cpuMs(f));
  return best;
}
const mps = (n: number, ms: number) => +(n / ms / 1000).toFixed(2);
let sink = 0; // keeps results alive

// ---- HyperLogLog -----------------------------------------------------------------------
const ints = Float64Array.from({ length: N }, (_, i) => 1_669_879_400 + i * 7);
const strings = JSON.parse(
  JSON.stringify(Array.from({ length: N }, (_, i) => `wechat_oa:gh_3a8f:oX${(i * 2654435761) >>> 0}`)),
) as string[];
const fill = (h: HyperLogLog, kind: "int" | "string"): HyperLogLog => {
  if (kind === "int") for (let i = 0; i < N; i++) h.add(ints[i] as number);
  else for (let i = 0; i < N; i++) h.add(strings[i] as string);
  return h;
};
const formats: Record<string, () => HyperLogLog> = {
  "ops p=14 (default)": () => createHyperLogLog({ precision: 14 }),
  "datasketches HLL_8 lgK=14": () => createHyperLogLog({ format: dataSketchesHll, precision: 14, targetType: "HLL_8" }),
  "datasketches HLL_4 lgK=14": () => createHyperLogLog({ format: dataSketchesHll, precision: 14, targetType: "HLL_4" }),
};
const out = new Uint32Array(4);
const utf8 = new Uint8Array(256);
const encoder = new TextEncoder();
for (const kind of ["int", "string"] as const) {
  const times = race({
    ...Object.fromEntries(Object.entries(formats).map(([name, make]) => [name, () => void fill(make(), kind)])),
    "bare MurmurHash3_x64_128 loop": () => {
      if (kind === "int")
        for (let i = 0; i < N; i++) {
          const v = ints[i] as number;
          murmurHash3x64Long(v >>> 0, Math.floor(v / 4294967296), 9001, out);
          sink ^= out[0] as number;
        }
      else
        for (let i = 0; i < N; i++) {
          const { written } = encoder.encodeInto(strings[i] as string, utf8);
          murmurHash3x64(utf8, written, 9001, out);
          sink ^= out[0] as number;
        }
    },
  });
  const bare = times["bare MurmurHash3_x64_128 loop"] as number;
  console.log(`\nHyperLogLog, ${kind} ids: ${N.toLocaleString("en")} distinct per run, best CPU time of ${RUNS}`);
  console.table(
    Object.entries(times).map(([name, ms]) => {
      const make = formats[name];
      const est = make ? fill(make(), kind).estimate() : Number.NaN;
      return {
        contender: name,
        "M updates/CPU-s": mps(N, ms),
        "vs bare hash loop": +(bare / ms).toFixed(2),
        "estimate error %": make ? +((100 * (est - N)) / N).toFixed(3) : "—",
      };
    }),
  );
}
{
  const M = 200;
  const pairs = Object.fromEntries(
    Object.entries(formats).map(([name, make]) => [name, [fill(make(), "int"), fill(make(), "string")] as const]),
  );
  const times = race(
    Object.fromEntries(
      Object.entries(pairs).map(([name, [a, b]]) => [
        name,
        () => {
          for (let i = 0; i < M; i++) sink ^= a.merge(b).precision;
        },
      ]),
    ),
  );
  console.log(`\nHyperLogLog merges (two full sketches of 10^6 ids each, ${M} merges per run)`);
  console.table(
    Object.entries(times).map(([name, ms]) => {
      const [a, b] = pairs[name] as readonly [HyperLogLog, HyperLogLog];
      return {
        contender: name,
        "merges/CPU-s": Math.round(M / (ms / 1000)),
        "merged estimate error %": +((100 * (a.merge(b).estimate() - 2 * N)) / (2 * N)).toFixed(3),
      };
    }),
  );
}

// ---- quantiles ---------------------------------------------------------------------------
const rnd = createRandom(2026);
const values = Float64Array.from({ length: N }, () => Math.exp(rnd.normal(3, 1.5)));
const sorted = Float64Array.from(values).sort();
const exact = (q: number) => sorted[Math.floor(q * (N - 1))] as number;
const qTimes = race({
  "ops (default)": () => {
    const s = createQuantileSketch();
    for (let i = 0; i < N; i++) s.add(values[i] as number);
  },
  "ops before issue 17 (no type check)": () => {
    const s = new QuantileSketchBefore(0.01, 2048);
    for (let i = 0; i < N; i++) s.add(values[i] as number);
  },
  ddsketch: () => {
    const s = createQuantileSketch({ format: ddSketchProto });
    for (let i = 0; i < N; i++) s.add(values[i] as number);
  },
  "@datadog/sketches-js DDSketch": () => {
    const s = new DDSketch({ relativeAccuracy: 0.01 });
    for (let i = 0; i < N; i++) s.accept(values[i] as number);
  },
  "KLL k=200 (datasketches)": () => {
    const s = createKllSketch();
    for (let i = 0; i < N; i++) s.add(values[i] as number);
  },
});
const a1 = createQuantileSketch();
const d1 = createQuantileSketch({ format: ddSketchProto });
const p1 = new DDSketch({ relativeAccuracy: 0.01 });
const k1 = createKllSketch();
for (let i = 0; i < N; i++) {
  const v = values[i] as number;
  a1.add(v);
  d1.add(v);
  p1.accept(v);
  k1.add(v);
}
const errOf = (f: (q: number) => number) =>
  [0.5, 0.99].map((q) => `${((100 * Math.abs(f(q) - exact(q))) / exact(q)).toFixed(3)} %`).join(" / ");
const qErr: Record<string, string> = {
  "ops (default)": errOf((q) => a1.quantile(q) as number),
  "ops before issue 17 (no type check)": "—",
  ddsketch: errOf((q) => d1.quantile(q) as number),
  "@datadog/sketches-js DDSketch": errOf((q) => p1.getValueAtQuantile(q)),
  "KLL k=200 (datasketches)": errOf((q) => k1.quantile(q) as number),
};
const opsMs = qTimes["ops (default)"] as number;
console.log(`\nQuantile sketches, ${N.toLocaleString("en")} log-normal values per run, best CPU time of ${RUNS}`);
console.table(
  Object.entries(qTimes).map(([name, ms]) => ({
    contender: name,
    "M inserts/CPU-s": mps(N, ms),
    "vs ops": +(opsMs / ms).toFixed(2),
    "rel. error p50 / p99": qErr[name],
  })),
);
{
  const M = 500;
  const half = (make: () => { add(v: number): unknown }) => {
    const x = make();
    const y = make();
    for (let i = 0; i < N; i++) (i & 1 ? x : y).add(values[i] as number);
    return [x, y] as const;
  };
  const [ox, oy] = half(() => createQuantileSketch());
  const [dx, dy] = half(() => createQuantileSketch({ format: ddSketchProto }));
  const [kx, ky] = half(() => createKllSketch());
  const px = new DDSketch({ relativeAccuracy: 0.01 });
  const py = new DDSketch({ relativeAccuracy: 0.01 });
  for (let i = 0; i < N; i++) (i & 1 ? px : py).accept(values[i] as number);
  const times = race({
    "ops (default)": () => {
      for (let i = 0; i < M; i++) sink ^= (ox as ReturnType<typeof createQuantileSketch>).merge(oy as never).count;
    },
    ddsketch: () => {
      for (let i = 0; i < M; i++) sink ^= (dx as ReturnType<typeof createQuantileSketch>).merge(dy as never).count;
    },
    "@datadog/sketches-js DDSketch (merge into a copy, as ours is pure)": () => {
      for (let i = 0; i < M; i++) {
        const c = new DDSketch({ relativeAccuracy: 0.01 });
        c.merge(px);
        c.merge(py);
        sink ^= c.count;
      }
    },
    "KLL k=200": () => {
      for (let i = 0; i < M / 10; i++) sink ^= (kx as ReturnType<typeof createKllSketch>).merge(ky as never).count;
    },
  });
  console.log(`\nQuantile merges (two halves of the 10^6 values, ${M} merges per run; KLL ${M / 10})`);
  console.table(
    Object.entries(times).map(([name, ms]) => ({
      contender: name,
      "merges/CPU-s": Math.round((name.startsWith("KLL") ? M / 10 : M) / (ms / 1000)),
    })),
  );
}
console.log(
  `\nNode ${process.version}, ${os.cpus()[0]?.model} × ${os.cpus().length}, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")} (sink ${sink & 1})`,
);
