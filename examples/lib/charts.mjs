// The charts of the demo report and the notebooks, drawn with Observable Plot
// (https://observablehq.com/plot/) and rendered to static HTML + SVG outside the browser:
// Plot builds its DOM in a linkedom document (no browser, no scripts in the output), in Node
// and in Deno's Jupyter kernel alike. Analysts can use the same `Plot` in their own notebooks.
//
// Every chart is a <figure class="ops-chart" data-chart="<id>"> holding a title (h2), a
// subtitle (h3), a legend wherever colour carries meaning, the SVG, and a one-line "How to
// read" caption. Dates on axes are local dates in the report's time zone. The page and the
// SVG name a font stack with a CJK font for Windows, macOS and Linux (FONT_STACK).
import { addLocalDays, startOfLocalWeek } from "@ops/core";
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";

export { Plot };

/** Latin UI fonts first, then a Simplified-Chinese font for each system (macOS, Windows, Linux), then the generic family. */
export const FONT_STACK = `system-ui, -apple-system, "Segoe UI", Roboto, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif`;

/** Colours: data in blue, flagged weeks in amber (not red: red reads as "bad", and a flag is only "look here"). */
export const COLORS = { data: "#2563eb", flagged: "#d97706", second: "#059669", ink: "#111827", muted: "#6b7280" };

export const esc = (s) =>
  String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A count grouped by thousands with a true minus sign (`183,731`, `−144`). */
export const formatCount = (v) => {
  const r = Math.round(v);
  return `${r < 0 ? "−" : ""}${String(Math.abs(r)).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`;
};
/** A rate in [0, 1] as a percentage (`0.803` → `80.3%`). */
export const formatPercent = (v, digits = 1) => `${(v * 100).toFixed(digits)}%`;
/** A duration in minutes as `45 min` below an hour, else `2 h` / `2.5 h`. */
export const formatMinutes = (m) =>
  m < 60 ? `${Math.round(m)} min` : `${Number((m / 60).toFixed(m < 600 ? 1 : 0))} h`;

/**
 * The local starts (Monday 00:00 in `timeZone`) of `count` consecutive weeks, the first the
 * week that holds `first` — with @ops/core's zone-aware calendar arithmetic, so a week that
 * holds a DST change (167 or 169 hours) still starts on a local Monday, where `start + k·7
 * days` in milliseconds would drift by an hour after the change.
 */
export function localWeekStarts(first, count, timeZone) {
  const start = startOfLocalWeek(first, timeZone);
  return Array.from({ length: count }, (_, k) => addLocalDays(start, timeZone, 7 * k));
}

/** The local date of an instant in `timeZone`, as `Jul 3` (with the year when `withYear`). */
export function localDay(at, timeZone, withYear = false) {
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    month: "short",
    day: "numeric",
    ...(withYear ? { year: "numeric" } : {}),
  }).format(at);
}
const yearOf = (at, timeZone) => new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric" }).format(at);
/** Local date labels for instants: `Jul 3`, with the year on every label when they span years. */
function dayLabels(instants, timeZone) {
  const years = new Set(instants.map((t) => yearOf(t, timeZone)));
  return instants.map((t) => localDay(t, timeZone, years.size > 1));
}

/**
 * Renders a Plot specification to an HTML string: a <figure class="ops-chart"> with the
 * title, subtitle, legend (if any), SVG and the "How to read" caption.
 * `spec` is what `Plot.plot` takes, without `document`.
 */
export function renderPlot(spec, { id, how }) {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const style = {
    fontFamily: FONT_STACK,
    fontSize: "12px",
    color: COLORS.ink,
    background: "#ffffff",
    overflow: "visible",
  };
  const el = Plot.plot({ ...spec, document, style, caption: how ? `How to read: ${how}` : undefined });
  const figure = el.tagName.toLowerCase() === "figure" ? el : wrap(document, el);
  figure.setAttribute("class", `${figure.getAttribute("class") ?? ""} ops-chart`.trim());
  figure.setAttribute("data-chart", id);
  figure.setAttribute(
    "style",
    `max-width:${spec.width ?? 640}px;margin:0;font-family:${FONT_STACK.replace(/"/g, "'")}`,
  );
  // the plot's SVG is the figure's last SVG child (a ramp legend is an SVG before it)
  const svg = [...figure.children].filter((el) => el.tagName.toLowerCase() === "svg").at(-1);
  if (svg) {
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", [spec.title, spec.subtitle].filter(Boolean).join(" — "));
    svg.setAttribute("data-role", "plot");
  }
  return figure.outerHTML;
}
function wrap(document, svg) {
  const f = document.createElement("figure");
  f.appendChild(svg);
  return f;
}

const Y = {
  count: { tickFormat: (v) => formatCount(v) },
  rate: { tickFormat: (v) => formatPercent(v, 0), percent: false },
  minutes: { tickFormat: (v) => `${Math.round(v)}` },
};

/**
 * An eight-week (or any weekly) trend: one or more series over the weeks' start instants,
 * labelled as local dates in `timeZone`. `flagged` (week indexes, one series only) marks
 * weeks with a detected anomaly in amber, with a legend.
 * @param {{ id: string, title: string, subtitle?: string, weekStarts: number[], timeZone: string,
 *   series: { name: string, values: (number|null)[] }[], unit: "count"|"rate"|"minutes",
 *   yLabel: string, flagged?: number[], how: string, width?: number, height?: number }} o
 */
export function trendChart(o) {
  const { weekStarts, timeZone, series, unit, flagged = [], width = 560, height = 250 } = o;
  const labels = dayLabels(weekStarts, timeZone);
  const rows = series.flatMap((s) =>
    s.values.map((v, i) => ({
      week: labels[i],
      value: v === null || !Number.isFinite(v) ? null : v,
      series: s.name,
      flag: flagged.includes(i) ? "anomaly detected this week" : "no anomaly detected",
    })),
  );
  const fmt = unit === "rate" ? (v) => formatPercent(v) : unit === "count" ? formatCount : (v) => `${v.toFixed(1)} min`;
  const many = series.length > 1;
  const values = rows.map((r) => r.value).filter((v) => v !== null);
  // small rates (engagement ~0.7 %) need a decimal on the ticks, or several ticks read "1%"
  const yTicks = unit === "rate" ? { tickFormat: (v) => formatPercent(v, Math.max(...values) < 0.1 ? 1 : 0) } : Y[unit];
  return renderPlot(
    {
      title: o.title,
      subtitle: o.subtitle,
      width,
      height,
      marginLeft: 56,
      marginRight: 24,
      marginBottom: 44,
      x: { type: "point", domain: labels, label: `week starting (local dates, ${timeZone})`, labelAnchor: "center" },
      y: {
        ...yTicks,
        label: o.yLabel,
        grid: true,
        nice: true,
        domain: unit === "rate" ? [0, Math.max(...values) * 1.1] : undefined,
        zero: unit !== "rate",
      },
      color: many
        ? { legend: true, domain: series.map((s) => s.name), range: [COLORS.data, COLORS.second] }
        : {
            legend: true,
            domain: ["no anomaly detected", "anomaly detected this week"],
            range: [COLORS.data, COLORS.flagged],
          },
      marks: [
        Math.min(...values) < 0 ? Plot.ruleY([0], { stroke: COLORS.muted }) : null,
        Plot.lineY(rows, {
          x: "week",
          y: "value",
          z: "series",
          stroke: many ? "series" : COLORS.data,
          strokeWidth: 2,
        }),
        Plot.dot(rows, {
          x: "week",
          y: "value",
          fill: many ? "series" : "flag",
          r: (d) => (!many && d.flag.startsWith("anomaly") ? 5.5 : 3.5),
          title: (d) =>
            `${many ? `${d.series}, ` : ""}week of ${d.week}: ${d.value === null ? "no value" : fmt(d.value)}`,
        }),
      ].filter(Boolean),
    },
    { id: o.id, how: o.how },
  );
}

/**
 * Cohort retention as a heatmap: one row per weekly cohort (its local start date and size),
 * one column per week since joining; colour bands of 10 % with a legend, the value in each cell.
 * @param {{ id: string, title: string, subtitle?: string, timeZone: string,
 *   cohorts: { start: number, size: number, rates: (number|null)[] }[], how: string, width?: number }} o
 */
export function retentionHeatmap(o) {
  const labels = dayLabels(
    o.cohorts.map((c) => c.start),
    o.timeZone,
  );
  const cells = o.cohorts.flatMap((c, i) =>
    c.rates.map((rate, j) => ({ cohort: `${labels[i]} (${formatCount(c.size)})`, week: j, rate })),
  );
  const filled = cells.filter((c) => c.rate !== null);
  const periods = Math.max(...o.cohorts.map((c) => c.rates.length));
  const thresholds = [0.2, 0.4, 0.6, 0.8];
  return renderPlot(
    {
      title: o.title,
      subtitle: o.subtitle,
      width: o.width ?? 560,
      height: 56 + o.cohorts.length * 28,
      marginLeft: 96,
      marginTop: 44,
      padding: 0.06,
      x: {
        type: "band",
        domain: Array.from({ length: periods }, (_, j) => j),
        axis: "top",
        label: "weeks since joining →",
        labelAnchor: "center",
        tickFormat: (j) => (j === 0 ? "0" : `+${j}`),
      },
      y: {
        type: "band",
        domain: cells.map((c) => c.cohort).filter((v, i, a) => a.indexOf(v) === i),
        label: null,
      },
      color: {
        type: "threshold",
        domain: thresholds,
        range: ["#eff6ff", "#bfdbfe", "#60a5fa", "#2563eb", "#1e3a8a"],
        legend: true,
        label: "% of the cohort who posted again that week",
        tickFormat: (v) => formatPercent(v, 0),
        width: 320,
      },
      marks: [
        Plot.cell(filled, {
          x: "week",
          y: "cohort",
          fill: "rate",
          inset: 0.5,
          title: (d) => `${d.cohort}, week +${d.week}: ${formatPercent(d.rate)}`,
        }),
        Plot.text(filled, {
          x: "week",
          y: "cohort",
          text: (d) => `${Math.round(d.rate * 100)}`,
          fill: (d) => (d.rate >= thresholds[1] ? "#ffffff" : COLORS.ink),
          fontSize: 11,
        }),
      ],
    },
    { id: o.id, how: o.how },
  );
}

/**
 * A funnel as horizontal bars in step order, one colour (the steps are one population
 * narrowing, not categories), each labelled with its people and its share of the first step.
 * @param {{ id: string, title: string, subtitle?: string, steps: { label: string, value: number, rate: number|null }[], how: string, width?: number }} o
 */
export function funnelChart(o) {
  const max = Math.max(1, ...o.steps.map((s) => s.value));
  const label = (s, i) =>
    i === 0 || s.rate === null || s.rate === undefined
      ? `${formatCount(s.value)} people`
      : `${formatCount(s.value)} · ${formatPercent(s.rate)} of the first step`;
  return renderPlot(
    {
      title: o.title,
      subtitle: o.subtitle,
      width: o.width ?? 560,
      height: 40 + o.steps.length * 44,
      marginLeft: 110,
      marginRight: 16,
      x: { domain: [0, max * 1.6], label: "people →", tickFormat: formatCount, grid: true, ticks: 4 },
      y: { type: "band", domain: o.steps.map((s) => s.label), label: null, padding: 0.25 },
      marks: [
        Plot.barX(o.steps, {
          x: "value",
          y: "label",
          fill: COLORS.data,
          title: (s, i) => `${s.label}: ${label(s, i)}`,
        }),
        Plot.text(o.steps, {
          x: "value",
          y: "label",
          text: (s, i) => label(s, i),
          textAnchor: "start",
          dx: 6,
          fill: COLORS.ink,
        }),
        Plot.ruleX([0], { stroke: COLORS.ink }),
      ],
    },
    { id: o.id, how: o.how },
  );
}

/**
 * First-reply times as a histogram on a logarithmic time axis, with bins one doubling wide
 * (…, 15–30 min, 30 min–1 h, 1–2 h, …): every bar is equally wide on the axis and in the
 * data, so heights compare. Replies under the first edge count in the first bin. `rules` are
 * vertical lines with a label (targets dashed, quantiles solid).
 * @param {{ id: string, title: string, subtitle?: string, minutes: number[],
 *   rules: { at: number, label: string, kind: "target"|"quantile" }[], how: string, width?: number }} o
 */
export function replyTimeHistogram(o) {
  const lo = 60 / 64; // 60 · 2^k: 60 min and 120 min are bin edges
  const top = Math.max(lo * 2, ...o.minutes, ...o.rules.map((r) => r.at));
  const edges = [lo];
  while (edges[edges.length - 1] < top) edges.push(edges[edges.length - 1] * 2);
  const bins = edges.slice(0, -1).map((a, i) => ({ x1: a, x2: edges[i + 1], count: 0 }));
  for (const m of o.minutes) {
    const i = Math.min(bins.length - 1, Math.max(0, Math.floor(Math.log2(m / lo))));
    bins[i].count++;
  }
  const ticks = [1, 2, 5, 15, 30, 60, 120, 240, 480, 960, 1920, 3840, 7680].filter(
    (t) => t >= lo && t <= edges[edges.length - 1],
  );
  const rules = [...o.rules].sort((a, b) => a.at - b.at);
  const maxCount = Math.max(1, ...bins.map((b) => b.count));
  const width = o.width ?? 560;
  // the axis is linear in log2(minutes / lo): bin i spans [i, i + 1] (a log scale of Plot's own
  // would thin out the tick labels by d3's log rule)
  const pos = (m) => Math.log2(m / lo);
  const last = edges.length - 1;
  const rightSide = (r) => pos(r.at) / last > 0.75;
  return renderPlot(
    {
      title: o.title,
      subtitle: o.subtitle,
      width,
      height: 290,
      marginTop: 16 + 15 * rules.length,
      marginRight: 24,
      marginBottom: 44,
      x: {
        domain: [0, last],
        ticks: ticks.map(pos),
        tickFormat: (p) => formatMinutes(lo * 2 ** p),
        label: "time to first reply (log scale: each bar is one doubling) →",
        labelAnchor: "center",
      },
      y: { label: "↑ replies", grid: true, nice: true, domain: [0, maxCount] },
      marks: [
        Plot.rectY(bins, {
          x1: (b) => pos(b.x1),
          x2: (b) => pos(b.x2),
          y: "count",
          inset: 0.5,
          fill: COLORS.data,
          title: (b) => `${formatMinutes(b.x1)} – ${formatMinutes(b.x2)}: ${b.count} replies`,
        }),
        Plot.ruleY([0], { stroke: COLORS.ink }),
        Plot.ruleX(rules, {
          x: (r) => pos(r.at),
          stroke: (r) => (r.kind === "target" ? COLORS.ink : COLORS.muted),
          strokeDasharray: (r) => (r.kind === "target" ? "5 3" : null),
          strokeWidth: 1.5,
        }),
        ...rules.map((r, k) =>
          Plot.text([r], {
            x: (d) => pos(d.at),
            frameAnchor: "top",
            dy: -(rules.length - k) * 15 + 6,
            text: (d) => d.label,
            textAnchor: rightSide(r) ? "end" : "start",
            dx: rightSide(r) ? -4 : 4,
            fill: r.kind === "target" ? COLORS.ink : COLORS.muted,
            fontWeight: r.kind === "target" ? 600 : 400,
          }),
        ),
      ],
    },
    { id: o.id, how: o.how },
  );
}

/**
 * Bars with intervals (e.g. the A/B arms' participation with 95 % Wilson intervals), one
 * colour: the categories are named on the axis, so colour would add nothing.
 * @param {{ id: string, title: string, subtitle?: string, categories: string[], values: number[],
 *   intervals?: [number, number][], unit: "rate"|"count", yLabel: string, how: string, width?: number }} o
 */
export function barChart(o) {
  const rows = o.categories.map((c, i) => ({
    category: c,
    value: o.values[i],
    lower: o.intervals?.[i]?.[0] ?? null,
    upper: o.intervals?.[i]?.[1] ?? null,
  }));
  const fmt = o.unit === "rate" ? (v) => formatPercent(v, 2) : formatCount;
  return renderPlot(
    {
      title: o.title,
      subtitle: o.subtitle,
      width: o.width ?? 520,
      height: 280,
      marginLeft: 56,
      x: { type: "band", domain: o.categories, label: null, padding: 0.4 },
      y: { ...Y[o.unit === "rate" ? "rate" : "count"], label: o.yLabel, grid: true, nice: true, zero: true },
      marks: [
        Plot.barY(rows, {
          x: "category",
          y: "value",
          fill: COLORS.data,
          title: (d) =>
            `${d.category}: ${fmt(d.value)}${d.lower === null ? "" : ` (95% interval ${fmt(d.lower)} – ${fmt(d.upper)})`}`,
        }),
        o.intervals
          ? Plot.ruleX(rows, { x: "category", y1: "lower", y2: "upper", stroke: COLORS.ink, strokeWidth: 2 })
          : null,
        o.intervals ? Plot.tickY(rows, { x: "category", y: "lower", stroke: COLORS.ink, inset: 18 }) : null,
        o.intervals ? Plot.tickY(rows, { x: "category", y: "upper", stroke: COLORS.ink, inset: 18 }) : null,
        Plot.ruleY([0], { stroke: COLORS.ink }),
      ].filter(Boolean),
    },
    { id: o.id, how: o.how },
  );
}
