// Peak memory of a whole draw at 10 M entrants: this process (run by `pnpm bench memory` as a
// child of scripts/run-bench.mjs) builds the entrant ids as columns (`{ ids }`, no per-entrant
// objects), compiles the list without retaining leaf hashes, and draws. Peak RSS is the
// kernel's high-water mark for the process (`process.resourceUsage().maxRSS`, the figure
// `/usr/bin/time -v` prints as "Maximum resident set size"). Target: < 2 GB at 10 M.
// Usage: `pnpm bench memory` (RAFFLE_MEMORY_SIZE=1000000 to choose the size).
import { compileEntrants, drawWinners } from "../src/index";
import { secret, spec } from "./_spec";

const n = Number(process.env.RAFFLE_MEMORY_SIZE ?? 10_000_000);
const mb = (bytes: number): number => Math.round(bytes / 2 ** 20);
const t0 = performance.now();
// The same ids as bench/draw.bench.ts, as a plain string column.
const ids = new Array<string>(n);
for (let i = 0; i < n; i++)
  ids[i] =
    i % 3 === 0
      ? `wechat_oa:gh_3a8f1c2d9e7b:o6_bmjrPTlm6_${i.toString(36)}`
      : i % 3 === 1
        ? `weibo::${1_000_000_000 + i}`
        : `douyin:awx9k:用户${i}`;
const inputRss = process.memoryUsage().rss;
const t1 = performance.now();
const list = compileEntrants({ ids }, { retainLeafHashes: false });
const t2 = performance.now();
const cert = drawWinners(spec, list, { secret });
const t3 = performance.now();
const os = await import("node:os");
console.table([
  {
    entrants: n,
    "build input s": +((t1 - t0) / 1000).toFixed(2),
    "canonicalise+root s": +((t2 - t1) / 1000).toFixed(2),
    "score+select s": +((t3 - t2) / 1000).toFixed(2),
    "draw total s": +((t3 - t1) / 1000).toFixed(2),
    "RSS after input MB": mb(inputRss),
    "peak RSS MB": Math.round(process.resourceUsage().maxRSS / 1024),
    root: list.root.slice(0, 16),
    "first winner": cert.winners[0]?.id ?? "",
  },
]);
console.log(
  `node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "?"}, load average at end ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
