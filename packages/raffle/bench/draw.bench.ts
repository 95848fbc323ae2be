// End-to-end draw benchmark: canonicalise (NFC, UTF-8 sort, de-dup), Merkle root, score,
// select — at 1 M entrants (target ≤ 10 s single-threaded) and 10 M (reported with memory),
// plus the same pipeline written the obvious way with @noble/hashes' one-shot sha256 as the
// peer baseline. Usage: `pnpm bench draw` (set RAFFLE_BENCH_SIZES=1000000,10000000 to choose).
import { sha256 } from "@noble/hashes/sha2.js";
import { concatBytes, hexToBytes } from "@noble/hashes/utils.js";
import { compileEntrants, drawWinners } from "../src/index";
import { secret, spec } from "./_spec";

function entrants(n: number): { id: string }[] {
  const out = new Array<{ id: string }>(n);
  for (let i = 0; i < n; i++)
    out[i] = {
      id:
        i % 3 === 0
          ? `wechat_oa:gh_3a8f1c2d9e7b:o6_bmjrPTlm6_${i.toString(36)}`
          : i % 3 === 1
            ? `weibo::${1_000_000_000 + i}`
            : `douyin:awx9k:用户${i}`,
    };
  return out;
}

const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const mb = (bytes: number): string => `${Math.round(bytes / 2 ** 20)} MB`;
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

function ours(n: number): Record<string, string | number> {
  const input = entrants(n);
  gc();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const c0 = cpu();
  const t0 = performance.now();
  // Leaf hashes are kept for fast proofs up to 1 M; above, the lean list (proofs re-hash).
  const list = compileEntrants(input, { retainLeafHashes: n <= 1_000_000 });
  const t1 = performance.now();
  const counter = { hashes: 0 };
  const cert = drawWinners(spec, list, { secret }, { counter });
  const t2 = performance.now();
  const c2 = cpu();
  clearInterval(sample);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return {
    impl: "@ops/raffle",
    entrants: n,
    "canonicalise+root s": +((t1 - t0) / 1000).toFixed(2),
    "score+select s": +((t2 - t1) / 1000).toFixed(2),
    "total s": +((t2 - t0) / 1000).toFixed(2),
    "total CPU s": +(c2 - c0).toFixed(2),
    "CPU µs/entrant": +((1e6 * (c2 - c0)) / n).toFixed(2),
    "SHA-256 per entrant": +(counter.hashes / n).toFixed(3),
    "peak RSS": mb(peakRss),
    "RSS before draw (input)": mb(base.rss),
    winners: cert.winners.length,
  };
}

/** The obvious implementation: sort, noble sha256 per leaf/node/score, full sort of scores. */
function naive(n: number): Record<string, string | number> {
  const input = entrants(n);
  gc();
  const c0 = cpu();
  const t0 = performance.now();
  const enc = new TextEncoder();
  const ids = [...new Set(input.map((e) => e.id.normalize("NFC")))].sort();
  let level: Uint8Array[] = ids.map((id) => {
    const b = enc.encode(id);
    return sha256(concatBytes(Uint8Array.of(0, b.length >> 8, b.length & 255), b, Uint8Array.of(0, 0, 0, 1)));
  });
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i + 1 < level.length; i += 2)
      next.push(sha256(concatBytes(Uint8Array.of(1), level[i]!, level[i + 1]!)));
    if (level.length % 2) next.push(level[level.length - 1]!);
    level = next;
  }
  const t1 = performance.now();
  const seed = sha256(concatBytes(new Uint8Array(32), level[0]!, hexToBytes(secret)));
  const scored = ids.map((id) => ({
    id,
    s: sha256(concatBytes(new Uint8Array(32), seed, enc.encode(id), Uint8Array.of(0, 0, 0, 0))),
  }));
  scored.sort((a, b) => Buffer.compare(a.s, b.s));
  const t2 = performance.now();
  const c2 = cpu();
  return {
    impl: "naive @noble/hashes",
    entrants: n,
    "canonicalise+root s": +((t1 - t0) / 1000).toFixed(2),
    "score+select s": +((t2 - t1) / 1000).toFixed(2),
    "total s": +((t2 - t0) / 1000).toFixed(2),
    "total CPU s": +(c2 - c0).toFixed(2),
    "CPU µs/entrant": +((1e6 * (c2 - c0)) / n).toFixed(2),
    "SHA-256 per entrant": 3,
    "peak RSS": "-",
    "RSS before draw (input)": "-",
    winners: 120,
  };
}

const sizes = (process.env.RAFFLE_BENCH_SIZES ?? "1000000,10000000").split(",").map(Number);
const rows: Record<string, string | number>[] = [];
for (const n of sizes) rows.push(ours(n));
// The naive peer costs ~10× more; it runs on 200 k entrants (compare the µs/entrant column).
rows.push(naive(Math.min(200_000, Math.max(...sizes))));
console.table(rows);
const os = await import("node:os");
console.log(
  `node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "?"}, load average at end ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
