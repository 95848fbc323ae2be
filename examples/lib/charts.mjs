// A small SVG chart renderer: pure functions from data to SVG strings (no DOM), used by the
// demo's report.html and by the notebooks (Deno's Jupyter kernel displays SVG inline).
// Every chart has role="img", a <title>, and class "ops-chart" so tests can find it.

export const esc = (s) =>
  String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const FONT = `font-family="system-ui, -apple-system, 'Segoe UI', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif"`;
const COLORS = ["#2563eb", "#dc2626", "#059669", "#d97706", "#7c3aed", "#0891b2"];
const n = (x) => Math.round(x * 10) / 10;

function frame(width, height, title, body) {
  return `<svg xmlns="http://www.w3.org/2000/svg" class="ops-chart" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} font-size="12"><title>${esc(title)}</title><rect width="${width}" height="${height}" fill="#ffffff"/><text x="12" y="20" font-size="14" font-weight="600" fill="#111827">${esc(title)}</text>${body}</svg>`;
}

function niceMax(max) {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}

/**
 * A line chart of one series over labelled points; `null` values leave a gap.
 * Options: `format` (value → label), `highlight` (indexes drawn in red), `min` (default 0 or the data minimum if negative).
 */
export function lineChart({
  title,
  labels,
  values,
  format = (v) => String(v),
  highlight = [],
  width = 420,
  height = 220,
  color = COLORS[0],
}) {
  const left = 56,
    right = 16,
    top = 34,
    bottom = 30;
  const w = width - left - right,
    h = height - top - bottom;
  const finite = values.filter((v) => v !== null && Number.isFinite(v));
  const lo = Math.min(0, ...finite);
  const hi = Math.max(0, ...finite);
  const step = niceMax((hi - lo || 1) / 4);
  const min = Math.floor(lo / step) * step;
  const max = Math.max(Math.ceil(hi / step) * step, min + step);
  const ticks = Math.round((max - min) / step);
  const x = (i) => left + (labels.length === 1 ? w / 2 : (i * w) / (labels.length - 1));
  const y = (v) => top + h - ((v - min) / (max - min)) * h;
  let body = "";
  for (let k = 0; k <= ticks; k++) {
    const v = min + step * k;
    body += `<line x1="${left}" x2="${left + w}" y1="${n(y(v))}" y2="${n(y(v))}" stroke="#e5e7eb"/><text x="${left - 6}" y="${n(y(v)) + 4}" text-anchor="end" fill="#6b7280">${esc(format(v))}</text>`;
  }
  if (min < 0) body += `<line x1="${left}" x2="${left + w}" y1="${n(y(0))}" y2="${n(y(0))}" stroke="#9ca3af"/>`;
  for (const [i, l] of labels.entries()) {
    body += `<text x="${n(x(i))}" y="${height - 10}" text-anchor="middle" fill="#374151">${esc(l)}</text>`;
  }
  let d = "";
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) return;
    d += `${d && values[i - 1] !== null ? "L" : "M"}${n(x(i))},${n(y(v))}`;
  });
  body += `<path d="${d}" fill="none" stroke="${color}" stroke-width="2.5"/>`;
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) return;
    const hot = highlight.includes(i);
    body += `<circle cx="${n(x(i))}" cy="${n(y(v))}" r="${hot ? 5 : 3.5}" fill="${hot ? "#dc2626" : color}"><title>${esc(`${labels[i]}: ${format(v)}`)}</title></circle>`;
  });
  return frame(width, height, title, body);
}

/** A heatmap of rates in [0, 1] (cohort retention): rows of `values`, `null` cells left blank. */
export function heatmap({ title, rowLabels, colLabels, rows, width = 600, cell = 40, rowHeader = 96 }) {
  const top = 52,
    height = top + rows.length * 26 + 14;
  let body = `<text x="${rowHeader - 8}" y="${top - 8}" text-anchor="end" fill="#6b7280">cohort</text>`;
  for (const [j, c] of colLabels.entries()) {
    body += `<text x="${rowHeader + j * cell + cell / 2}" y="${top - 8}" text-anchor="middle" fill="#374151">${esc(c)}</text>`;
  }
  rows.forEach((row, i) => {
    const yy = top + i * 26;
    body += `<text x="${rowHeader - 8}" y="${yy + 17}" text-anchor="end" fill="#374151">${esc(rowLabels[i])}</text>`;
    row.forEach((v, j) => {
      if (v === null) return;
      const light = Math.round(96 - v * 58);
      body += `<rect x="${rowHeader + j * cell + 1}" y="${yy + 1}" width="${cell - 2}" height="24" rx="3" fill="hsl(217, 80%, ${light}%)"><title>${esc(`${rowLabels[i]} · ${colLabels[j]}: ${Math.round(v * 100)}%`)}</title></rect><text x="${rowHeader + j * cell + cell / 2}" y="${yy + 17}" text-anchor="middle" font-size="11" fill="${light < 62 ? "#ffffff" : "#111827"}">${Math.round(v * 100)}</text>`;
    });
  });
  return frame(Math.max(width, rowHeader + colLabels.length * cell + 16), height, title, body);
}

/** A funnel: one horizontal bar per step, with its count and conversion from the start. */
export function funnelChart({ title, steps, width = 480 }) {
  const top = 36,
    barH = 30,
    gap = 12,
    left = 110,
    w = width - left - 110;
  const height = top + steps.length * (barH + gap) + 6;
  const max = Math.max(1, ...steps.map((s) => s.value));
  let body = "";
  steps.forEach((s, i) => {
    const bw = Math.max(2, (s.value / max) * w);
    const yy = top + i * (barH + gap);
    body += `<text x="${left - 8}" y="${yy + barH / 2 + 4}" text-anchor="end" fill="#374151">${esc(s.label)}</text>`;
    body += `<rect x="${n(left + (w - bw) / 2)}" y="${yy}" width="${n(bw)}" height="${barH}" rx="4" fill="${COLORS[i % COLORS.length]}"><title>${esc(`${s.label}: ${s.value}`)}</title></rect>`;
    body += `<text x="${left + w + 6}" y="${yy + barH / 2 + 4}" fill="#111827">${s.value}${s.rate === null || s.rate === undefined ? "" : ` · ${(s.rate * 100).toFixed(1)}%`}</text>`;
  });
  return frame(width, height, title, body);
}

/**
 * A histogram of durations in minutes on log-spaced bins, with vertical markers
 * (e.g. `[{ at: 60, label: "target" }, { at: p50, label: "p50" }]`).
 */
export function histogram({
  title,
  values,
  edges = [0, 5, 10, 15, 30, 45, 60, 90, 120, 240, 480, 960, Infinity],
  markers = [],
  width = 560,
  height = 240,
}) {
  const left = 44,
    right = 12,
    top = 34,
    bottom = 44;
  const w = width - left - right,
    h = height - top - bottom;
  const counts = edges.slice(0, -1).map((lo, i) => values.filter((v) => v >= lo && v < edges[i + 1]).length);
  const max = niceMax(Math.max(1, ...counts));
  const bw = w / counts.length;
  let body = "";
  for (let k = 0; k <= 4; k++) {
    const v = (max * k) / 4,
      yy = top + h - (v / max) * h;
    body += `<line x1="${left}" x2="${left + w}" y1="${n(yy)}" y2="${n(yy)}" stroke="#e5e7eb"/><text x="${left - 6}" y="${n(yy) + 4}" text-anchor="end" fill="#6b7280">${Math.round(v)}</text>`;
  }
  const label = (lo, hi) =>
    hi === Infinity ? `${lo / 60 >= 1 ? `${lo / 60}h` : `${lo}m`}+` : lo >= 60 ? `${lo / 60}h` : `${lo}m`;
  counts.forEach((c, i) => {
    const bh = (c / max) * h;
    body += `<rect x="${n(left + i * bw + 2)}" y="${n(top + h - bh)}" width="${n(bw - 4)}" height="${n(bh)}" fill="${edges[i] >= 60 ? "#f59e0b" : "#2563eb"}"><title>${esc(`${label(edges[i], edges[i + 1])}–${edges[i + 1] === Infinity ? "" : label(edges[i + 1], 0)}: ${c}`)}</title></rect>`;
    body += `<text x="${n(left + i * bw + bw / 2)}" y="${top + h + 14}" text-anchor="middle" font-size="10" fill="#374151">${esc(label(edges[i], edges[i + 1]))}</text>`;
  });
  const xOf = (m) => {
    const i = edges.findIndex((e, k) => m >= e && m < edges[k + 1]);
    if (i < 0) return left + w;
    const hi = edges[i + 1] === Infinity ? edges[i] * 2 : edges[i + 1];
    return left + i * bw + ((m - edges[i]) / (hi - edges[i])) * bw;
  };
  markers.forEach((m, k) => {
    const xx = n(Math.min(left + w, xOf(m.at)));
    body += `<line x1="${xx}" x2="${xx}" y1="${top}" y2="${top + h}" stroke="${["#111827", "#dc2626", "#059669"][k % 3]}" stroke-dasharray="4 3" stroke-width="1.5"/><text x="${xx + 3}" y="${top + 12 + k * 13}" font-size="11" fill="${["#111827", "#dc2626", "#059669"][k % 3]}">${esc(m.label)}</text>`;
  });
  body += `<text x="${left + w / 2}" y="${height - 8}" text-anchor="middle" fill="#6b7280">first-reply time (bins; orange = over 1 hour)</text>`;
  return frame(width, height, title, body);
}

/** Grouped bars: categories × series (e.g. A/B entry rates with intervals). */
export function barChart({
  title,
  categories,
  values,
  format = (v) => String(v),
  intervals = null,
  width = 420,
  height = 220,
}) {
  const left = 56,
    right = 16,
    top = 34,
    bottom = 30;
  const w = width - left - right,
    h = height - top - bottom;
  const max = niceMax(Math.max(...values, ...(intervals ?? []).map((i) => i[1])));
  const bw = w / categories.length;
  let body = "";
  for (let k = 0; k <= 4; k++) {
    const v = (max * k) / 4,
      yy = top + h - (v / max) * h;
    body += `<line x1="${left}" x2="${left + w}" y1="${n(yy)}" y2="${n(yy)}" stroke="#e5e7eb"/><text x="${left - 6}" y="${n(yy) + 4}" text-anchor="end" fill="#6b7280">${esc(format(v))}</text>`;
  }
  categories.forEach((c, i) => {
    const bh = (values[i] / max) * h,
      xx = left + i * bw + bw * 0.2;
    body += `<rect x="${n(xx)}" y="${n(top + h - bh)}" width="${n(bw * 0.6)}" height="${n(bh)}" fill="${COLORS[i % COLORS.length]}"><title>${esc(`${c}: ${format(values[i])}`)}</title></rect>`;
    body += `<text x="${n(xx + bw * 0.3)}" y="${height - 10}" text-anchor="middle" fill="#374151">${esc(c)}</text>`;
    if (intervals) {
      const [a, b] = intervals[i],
        cx = n(xx + bw * 0.3);
      body += `<line x1="${cx}" x2="${cx}" y1="${n(top + h - (a / max) * h)}" y2="${n(top + h - (b / max) * h)}" stroke="#111827" stroke-width="1.5"/><line x1="${cx - 6}" x2="${cx + 6}" y1="${n(top + h - (a / max) * h)}" y2="${n(top + h - (a / max) * h)}" stroke="#111827"/><line x1="${cx - 6}" x2="${cx + 6}" y1="${n(top + h - (b / max) * h)}" y2="${n(top + h - (b / max) * h)}" stroke="#111827"/>`;
    }
  });
  return frame(width, height, title, body);
}
