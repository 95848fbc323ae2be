// Synthetic event columns for the rollup benchmarks: N events over DAYS local days in
// Asia/Shanghai, CHANNELS channels (DAYS × CHANNELS = 1000 daily groups), ACTORS actors.
// A fixed xorshift generator keeps every run on the same data.
import type { EventColumns } from "@ops/metrics";

export const DAYS = 25;
export const CHANNELS = 40;
export const ACTORS = 100_000;
export const ZONE = "Asia/Shanghai";
/** 2026-03-01T00:00:00+08:00 */
export const T0 = Date.UTC(2026, 1, 28, 16);
export const DAY = 86_400_000;

export function makeColumns(n: number): EventColumns {
  let s = 0x9e3779b9 | 0;
  const next = (): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  const at = new Float64Array(n);
  const actor = new Int32Array(n);
  const channel = new Int32Array(n);
  const kind = new Uint8Array(n);
  const value = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    at[i] = T0 + Math.floor(next() * DAYS * DAY);
    actor[i] = Math.floor(next() * ACTORS);
    channel[i] = Math.floor(next() * CHANNELS);
    kind[i] = Math.floor(next() * 3);
    value[i] = Math.floor(next() * 100);
  }
  return {
    at,
    actor,
    actors: Array.from({ length: ACTORS }, (_, i) => `wx:u${i}`),
    channel,
    channels: Array.from({ length: CHANNELS }, (_, i) => `channel-${i}`),
    kind,
    kinds: ["comment", "like", "share"],
    value,
  };
}
