/**
 * The first round of a drand chain published at or after `instant` (epoch ms): round r is
 * published at `genesisTime + (r − 1) × period` seconds, so the answer is
 * `max(1, ⌈(instant − genesis·1000) / (period·1000)⌉ + 1)`. Inputs already validated.
 */
export function roundAt(chain: { readonly genesisTime: number; readonly period: number }, instant: number): number {
  const since = instant - chain.genesisTime * 1000;
  const periodMs = chain.period * 1000;
  return since <= 0 ? 1 : Math.floor((since + periodMs - 1) / periodMs) + 1;
}
