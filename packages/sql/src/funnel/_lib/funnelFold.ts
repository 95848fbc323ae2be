// The per-actor walk of funnel() as one fold over an Int64 state array, written once for
// every dialect (only list functions differ). Mirrors @ops/metrics' _lib/funnelAttempts.ts.
import type { Dialect } from "../../dialect/Dialect";

/** "No attempt here": far below every instant, so that t − NONE never overflows Int64. */
export const NONE = "-4000000000000000000";
/** "Not in the window": far above every instant plus window. */
export const BIG = "4000000000000000000";

/**
 * The initial state. Ordered and strict (1-based positions): entered instant of step k at
 * 1 + k; the chain of the attempt at step r (times of steps 0 … r) at 1 + S + r·S + j; the
 * best chain at 1 + S + S² + j; the furthest step reached at 1 + 2S + S². Unordered: next
 * instant of step k at 1 + k; the best window's times (BIG = none) at 1 + S + k; their number at 1 + 2S.
 */
export function funnelFoldInit(d: Dialect, order: "ordered" | "strict" | "unordered", S: number): string {
  const fill = (n: number, v: string) => Array.from({ length: n }, () => d.toInt(v));
  return order === "unordered"
    ? d.intList([...fill(2 * S, BIG), d.toInt("0")])
    : d.intList([...fill(S, NONE), ...fill(S * S + S + 1, "0")]);
}

/**
 * The fold's body over the state `la` and the element `lx` = [t, step or −1, strict mask or −1].
 * Ordered/strict: PostHog's `enter` of step s at t (a step-1 event starts a new attempt; step
 * s > 0 extends the attempt waiting at s − 1 within the window unless it already reached s;
 * the furthest step keeps the first attempt's chain), then, when lx[3] ≥ 0, the strict check:
 * every step not in the mask loses its attempt. Unordered (elements in descending time): the
 * next instant of each step, and the window from t when it holds at least as many distinct
 * steps as the best so far (so the earliest start wins).
 */
export function funnelFoldBody(d: Dialect, order: "ordered" | "strict" | "unordered", S: number, w: string): string {
  const t = "lx[1]";
  const s = "lx[2]";
  const c = "lx[3]";
  const i = "li";
  const v = "lv";
  const none = d.toInt(NONE);
  const big = d.toInt(BIG);
  let body: string;
  if (order === "unordered") {
    const nx = (k: string) => `(CASE WHEN ${s} = ${k} THEN ${t} ELSE la[${k} + 1] END)`;
    const cnt = `(${Array.from({ length: S }, (_, k) => `(CASE WHEN ${nx(String(k))} <= ${t} + ${w} THEN 1 ELSE 0 END)`).join(" + ")})`;
    const better = `(${cnt} >= la[${2 * S + 1}])`;
    const nxi = nx(`${i} - ${S + 1}`);
    body =
      `CASE WHEN ${i} <= ${S} THEN (CASE WHEN ${s} = ${i} - 1 THEN ${t} ELSE ${v} END) ` +
      `WHEN ${i} <= ${2 * S} THEN (CASE WHEN ${better} THEN (CASE WHEN ${nxi} <= ${t} + ${w} THEN ${nxi} ELSE ${big} END) ELSE ${v} END) ` +
      `ELSE (CASE WHEN ${better} THEN ${cnt} ELSE ${v} END) END`;
  } else {
    const prev = `la[greatest(${s}, 1)]`;
    const cur = `la[greatest(${s}, 0) + 1]`;
    const ok = `(${s} = 0 OR (${s} > 0 AND ${prev} <> ${none} AND ${t} - ${prev} <= ${w} AND ${cur} <> ${prev}))`;
    const up = `(${ok} AND ${s} + 1 > la[${1 + 2 * S + S * S}])`;
    const cj = `(${i} - ${1 + S} - ${S} * ${s})`; // column in the chain row s
    const bj = `(${i} - ${1 + S + S * S})`; // column in the best chain
    body =
      `CASE WHEN ${i} <= ${S} THEN (CASE WHEN ${c} >= 0 AND ${d.bitTest(c, `${i} - 1`)} = 0 THEN ${none} ` +
      `WHEN ${ok} AND ${s} = ${i} - 1 THEN (CASE WHEN ${s} = 0 THEN ${t} ELSE ${prev} END) ELSE ${v} END) ` +
      `WHEN ${i} <= ${S + S * S} THEN (CASE WHEN ${ok} AND ${d.intDiv(`${i} - ${1 + S}`, String(S))} = ${s} THEN ` +
      `(CASE WHEN ${cj} = ${s} THEN ${t} WHEN ${cj} < ${s} THEN la[${i} - ${S}] ELSE ${v} END) ELSE ${v} END) ` +
      `WHEN ${i} <= ${2 * S + S * S} THEN (CASE WHEN ${up} THEN ` +
      `(CASE WHEN ${bj} = ${s} THEN ${t} WHEN ${bj} < ${s} THEN la[${1 + S} + (${s} - 1) * ${S} + ${bj}] ELSE ${v} END) ELSE ${v} END) ` +
      `ELSE (CASE WHEN ${up} THEN ${s} + 1 ELSE ${v} END) END`;
  }
  return d.listMapIndexed("la", v, i, d.toInt(body));
}
