#!/usr/bin/env node
// Renders the demo's report.html in headless Chromium (Debian's /usr/bin/chromium, no
// browser download) and checks that its charts are present and not empty:
//   1. `node examples/demo.mjs --out .tmp/report` writes report.html and report.md;
//   2. Chromium lays out a copy of the page with a probe script appended and dumps the DOM;
//      the probe measures every figure.ops-chart (Observable Plot's SVG with its legend and
//      caption) and each chart gets one named result per rule: drawn marks, a legend where
//      colour carries meaning, dated axis labels (EXPECTED says which axes), no text overflow
//      or overlapping tick labels, CJK glyphs present (not tofu) — see PROBE. A control run
//      with the CJK fonts hidden (FONTCONFIG_FILE listing only DejaVu) must fail the CJK rule;
//   3. Chromium screenshots report.html to report.png; the PNG is decoded (node:zlib) and
//      must be mostly white with enough coloured (non-grey) pixels where the charts are.
// Returns a list of { name, ok, detail }; run directly it prints them and exits 1 on failure.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { inflateSync } from "node:zlib";
import { root } from "./workspace.mjs";

/**
 * The trend charts' week starts are local Mondays 00:00 across DST changes: the charts' week
 * arithmetic (examples/lib/charts.mjs `localWeekStarts`, render.mjs `trendWeekStarts`) in zones
 * with a change (New York: 8 Mar and 1 Nov 2026; Berlin: 29 Mar and 25 Oct 2026) and one without
 * (Shanghai). A control computes the starts as `start + k·7·24 h` and must find a week start off
 * local midnight in New York — so the check can tell the two apart.
 */
export async function checkWeekStarts() {
  const { localParts, fromLocalParts } = await import("@ops/core");
  const { localWeekStarts } = await import("../examples/lib/charts.mjs");
  const { trendWeekStarts } = await import("../examples/lib/render.mjs");
  const results = [];
  const mondayMidnight = (t, zone) => {
    const p = localParts(t, zone);
    return p.weekday === 1 && p.hour === 0 && p.minute === 0 && p.second === 0;
  };
  const describe = (t, zone) => {
    const p = localParts(t, zone);
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${String(p.minute).padStart(2, "0")} weekday ${p.weekday}`;
  };
  for (const zone of ["America/New_York", "Europe/Berlin", "Asia/Shanghai"]) {
    // a Wednesday in January: its week's Monday, then 46 weeks over both changes of 2026
    const first = fromLocalParts({ year: 2026, month: 1, day: 7, hour: 15, minute: 0 }, zone);
    const starts = localWeekStarts(first, 46, zone);
    const bad = starts.filter((t) => !mondayMidnight(t, zone));
    const lengths = new Set(starts.slice(1).map((t, k) => (t - starts[k]) / 3_600_000));
    const r = {
      timeZone: zone,
      week: { start: starts[12], index: 8 },
      trends: { weeks: Array.from({ length: 8 }, (_, k) => `W${k + 1}`) },
    };
    const trend = trendWeekStarts(r);
    results.push({
      name: `report charts: week starts are local Mondays 00:00 across DST (${zone})`,
      ok:
        bad.length === 0 &&
        (zone === "Asia/Shanghai" ? lengths.size === 1 : lengths.has(167) && lengths.has(169)) &&
        trend.length === 8 &&
        trend[7] === starts[12] &&
        trend.every((t) => mondayMidnight(t, zone)),
      detail: `off: ${bad.map((t) => describe(t, zone)).join("; ") || "none"}; week lengths (h): ${[...lengths].join(", ")}; trend starts ${trend.map((t) => describe(t, zone)).join("; ")}`,
    });
  }
  const zone = "America/New_York";
  const start = fromLocalParts({ year: 2026, month: 2, day: 2, hour: 0, minute: 0 }, zone);
  const naive = Array.from({ length: 8 }, (_, k) => start + k * 7 * 86_400_000);
  results.push({
    name: "report charts: control — week starts as start + k·7·24 h drift off local midnight after a DST change",
    ok: naive.some((t) => !mondayMidnight(t, zone)),
    detail: naive.map((t) => describe(t, zone)).join("; "),
  });
  return results;
}

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--hide-scrollbars",
];
// What each chart must show, measured per chart by the probe below (chart id → axes whose tick
// labels must be dates). Every chart names the brand (欧普美妆) in its subtitle, so each is
// checked for CJK glyphs.
const EXPECTED = {
  "trend-followerNetGrowth": { datedAxes: ["x"] },
  "trend-engagementRate": { datedAxes: ["x"] },
  "trend-medianFirstReplyMs": { datedAxes: ["x"] },
  "trend-slaCompliance": { datedAxes: ["x"] },
  funnel: { datedAxes: [] },
  retention: { datedAxes: ["y"] },
  replyTimes: { datedAxes: [] },
};
const EXPECTED_CHARTS = Object.keys(EXPECTED).length;

// Runs in the page (Chromium, after layout) and writes its measurements into <pre id="ops-probe">.
// Per figure.ops-chart:
// - box and drawn marks (rect/path/circle/line with a non-zero box, in Plot's mark groups);
// - colours: the distinct saturated fill/stroke colours of the data marks (greys and black are
//   neutral), and the colours of the legend's swatches or ramp with the legend's text;
// - tick labels of each axis (Plot's "x-axis tick label" / "y-axis tick label" groups);
// - overflow: every SVG <text> box within the SVG's box, every HTML text box (title, subtitle,
//   legend, caption) within the figure's box, and no two tick labels of one axis overlapping;
// - CJK: for each distinct CJK character in the chart's text, the character is drawn on a
//   canvas in the computed font of the element that holds it, and compared with the drawing of
//   an unassigned code point (U+0378, which no font has, so it is drawn as the missing-glyph
//   box, "tofu"): a character without a glyph in any font of the stack draws that same box.
//   The characters must also draw differently from each other (tofu boxes are all alike) and
//   leave ink. Canvas text goes through the same font matching and fallback as the page's text.
const PROBE = `<script>
(() => {
  const rgb = (c) => { const m = /rgba?\\(([^)]+)\\)/.exec(c || ""); if (!m) return null; const p = m[1].split(",").map((x) => parseFloat(x)); if (p.length > 3 && p[3] === 0) return null; return p.slice(0, 3); };
  const saturated = (p) => p && Math.max(...p) - Math.min(...p) > 40;
  const key = (p) => p.map((x) => Math.round(x)).join(",");
  const inside = (b, box, tol = 1) => b.left >= box.left - tol && b.right <= box.right + tol && b.top >= box.top - tol && b.bottom <= box.bottom + tol;
  const rect = (b) => ({ left: Math.round(b.left), top: Math.round(b.top), right: Math.round(b.right), bottom: Math.round(b.bottom) });
  const textRect = (node) => { const r = document.createRange(); r.selectNodeContents(node); return r.getBoundingClientRect(); };
  const glyph = (ch, family) => {
    const c = document.createElement("canvas"); c.width = 64; c.height = 64;
    const ctx = c.getContext("2d", { willReadFrequently: true });
    ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, 64, 64); ctx.fillStyle = "#000";
    ctx.font = "40px " + family; ctx.textBaseline = "middle"; ctx.fillText(ch, 8, 32);
    const d = ctx.getImageData(0, 0, 64, 64).data; let ink = 0, h = 0;
    for (let i = 0; i < d.length; i += 4) { const v = d[i] < 128 ? 1 : 0; ink += v; h = (h * 31 + v * (i + 1)) >>> 0; }
    return { ink, hash: h + ":" + ink };
  };
  const charts = [...document.querySelectorAll("figure.ops-chart")].map((fig) => {
    const id = fig.getAttribute("data-chart");
    const svg = fig.querySelector("svg[data-role=plot]");
    const figBox = fig.getBoundingClientRect();
    const box = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
    const groups = svg ? [...svg.querySelectorAll(":scope > g[aria-label]")] : [];
    const dataGroups = groups.filter((g) => !/axis|grid|frame|tip/.test(g.getAttribute("aria-label")));
    const marks = dataGroups.flatMap((g) => [...g.querySelectorAll("rect, path, circle, line")]).filter((el) => { const b = el.getBoundingClientRect(); return b.width > 0 || b.height > 0; });
    const colours = new Set();
    for (const el of dataGroups.flatMap((g) => [...g.querySelectorAll("rect, path, circle, line, text")])) {
      const s = getComputedStyle(el);
      for (const c of [s.fill, s.stroke]) { const p = rgb(c); if (saturated(p)) colours.add(key(p)); }
    }
    const legendEls = [...fig.children].filter((el) => el !== svg && /swatches|legend|ramp/.test(el.getAttribute("class") || ""));
    const legendColours = new Set();
    for (const el of legendEls.flatMap((l) => [l, ...l.querySelectorAll("svg, rect")])) { const p = rgb(getComputedStyle(el).fill); if (p) legendColours.add(key(p)); }
    const legendBoxes = legendEls.map((l) => l.getBoundingClientRect()).filter((b) => b.width > 0 && b.height > 0);
    const ownText = (el) => { const w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT); let t = ""; for (let n = w.nextNode(); n; n = w.nextNode()) if (!n.parentElement.closest("style")) t += " " + n.textContent; return t.replace(/\\s+/g, " ").trim(); };
    const legendText = legendEls.map(ownText).join(" | ");
    const ticks = {};
    for (const axis of ["x", "y"]) ticks[axis] = groups.filter((g) => g.getAttribute("aria-label") === axis + "-axis tick label").flatMap((g) => [...g.querySelectorAll("text")]).map((t) => ({ text: t.textContent, box: t.getBoundingClientRect() }));
    const overflow = [];
    if (svg) for (const t of svg.querySelectorAll("text")) { const b = t.getBoundingClientRect(); if (b.width > 0 && !inside(b, box)) overflow.push({ text: t.textContent, box: rect(b), container: rect(box) }); }
    const walker = document.createTreeWalker(fig, NodeFilter.SHOW_TEXT);
    const texts = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent.trim() || n.parentElement.closest("style")) continue;
      texts.push(n);
      if (svg && svg.contains(n)) continue;
      const b = textRect(n); if (b.width > 0 && !inside(b, figBox)) overflow.push({ text: n.textContent.trim().slice(0, 60), box: rect(b), container: rect(figBox) });
    }
    const overlaps = [];
    for (const axis of ["x", "y"]) { const t = ticks[axis]; for (let i = 0; i < t.length; i++) for (let j = i + 1; j < t.length; j++) { const a = t[i].box, b = t[j].box; const w = Math.min(a.right, b.right) - Math.max(a.left, b.left), h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top); if (w > 0.5 && h > 0.5) overlaps.push(axis + ": " + t[i].text + " / " + t[j].text); } }
    const cjk = [];
    const reference = new Map();
    for (const n of texts) {
      const chars = [...new Set(n.textContent.match(/[\\u3400-\\u9fff\\uf900-\\ufaff]/g) || [])];
      if (!chars.length) continue;
      const family = getComputedStyle(n.parentElement).fontFamily;
      if (!reference.has(family)) reference.set(family, glyph("\\u0378", family));
      const ref = reference.get(family);
      const drawn = chars.map((ch) => ({ ch, ...glyph(ch, family) }));
      cjk.push({ text: n.textContent.trim().slice(0, 60), family, chars: drawn.map((d) => d.ch).join(""), inked: drawn.filter((d) => d.ink > 0).length, sameAsMissing: drawn.filter((d) => d.hash === ref.hash).map((d) => d.ch).join(""), distinct: new Set(drawn.map((d) => d.hash)).size, count: drawn.length });
    }
    return { id, width: box.width, height: box.height, marks: marks.length, colours: [...colours], legendColours: [...legendColours], legendVisible: legendBoxes.length > 0, legendText, ticks: { x: ticks.x.map((t) => t.text), y: ticks.y.map((t) => t.text) }, overflow, overlaps, cjk };
  });
  const pre = document.createElement("pre");
  pre.id = "ops-probe";
  pre.textContent = JSON.stringify(charts);
  document.body.appendChild(pre);
})();
</script>`;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** A tick label read as a local date (`Jul 3`, `Jul 3, 2023`, `Jul 3 (27)`), as UTC ms of that day, or null. */
export function tickDate(label) {
  const m = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2})(?:, (\d{4}))?(?:\s|$)/.exec(label.trim());
  return m ? Date.UTC(m[3] ? Number(m[3]) : 2001, MONTHS.indexOf(m[1]), Number(m[2])) : null;
}

/** The named results of one chart's measurements (see PROBE): one per rule, naming the chart. */
export function chartResults(c, expected = EXPECTED[c.id] ?? { datedAxes: [] }) {
  const out = [];
  const add = (rule, ok, detail) => out.push({ name: `chart ${c.id}: ${rule}`, ok, detail });
  add(
    "laid out with drawn marks",
    c.width > 100 && c.height > 100 && c.marks >= 3,
    `${Math.round(c.width)}×${Math.round(c.height)} px, ${c.marks} marks`,
  );
  const unexplained = c.colours.filter((k) => !c.legendColours.includes(k));
  add(
    "a legend where colour carries meaning",
    c.colours.length < 2 || (c.legendVisible && unexplained.length === 0 && c.legendText.length > 0),
    c.colours.length < 2
      ? `one data colour (${c.colours.join(" ") || "none"}): no legend needed`
      : `data colours ${c.colours.join(" ")}; legend ${c.legendVisible ? "visible" : "MISSING"} (${c.legendText.slice(0, 160)}); not in the legend: ${unexplained.join(" ") || "none"}`,
  );
  for (const axis of expected.datedAxes) {
    const labels = c.ticks[axis];
    const days = labels.map(tickDate);
    const steps = days.slice(1).map((d, i) => (d === null || days[i] === null ? null : (d - days[i]) / 86_400_000));
    add(
      `dated ${axis}-axis labels`,
      labels.length >= 2 && days.every((d) => d !== null) && steps.every((s) => s === 7),
      `${labels.join(" | ")}${steps.some((s) => s !== 7) ? ` — steps in days: ${steps.join(", ")} (expected 7)` : ""}`,
    );
  }
  add(
    "no text overflow or overlapping tick labels",
    c.overflow.length === 0 && c.overlaps.length === 0,
    c.overflow.length || c.overlaps.length
      ? JSON.stringify({ overflow: c.overflow.slice(0, 5), overlaps: c.overlaps.slice(0, 5) })
      : "",
  );
  const bad = c.cjk.filter((t) => t.sameAsMissing.length > 0 || t.inked < t.count || t.distinct < t.count);
  add(
    "CJK glyphs rendered (not tofu)",
    c.cjk.length > 0 && bad.length === 0,
    c.cjk.length === 0
      ? "no CJK text found in the chart (its subtitle names the brand)"
      : c.cjk
          .map(
            (t) =>
              `"${t.chars}" in ${t.family.slice(0, 60)}: ${t.distinct}/${t.count} distinct drawings, ${t.inked} inked, drawn as the missing glyph: ${t.sameAsMissing || "none"}`,
          )
          .join("; "),
  );
  return out;
}

/** Decodes an 8-bit RGB/RGBA non-interlaced PNG (what Chromium writes) to { width, height, channels, pixels }. */
export function decodePng(buf) {
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error("not a PNG");
  let off = 8;
  let width = 0,
    height = 0,
    colorType = 0,
    depth = 0,
    interlace = 0;
  const idat = [];
  while (off < buf.length) {
    const len = buf.readUInt32BE(off);
    const type = buf.toString("latin1", off + 4, off + 8);
    const data = buf.subarray(off + 8, off + 8 + len);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      depth = data[8];
      colorType = data[9];
      interlace = data[12];
    } else if (type === "IDAT") idat.push(data);
    else if (type === "IEND") break;
    off += 12 + len;
  }
  if (depth !== 8 || (colorType !== 2 && colorType !== 6) || interlace !== 0)
    throw new Error(`unsupported PNG (depth ${depth}, colour type ${colorType}, interlace ${interlace})`);
  const channels = colorType === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[y * stride + x - channels] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c,
          pa = Math.abs(p - a),
          pb = Math.abs(p - b),
          pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      pixels[y * stride + x] = v & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

/** Lays out `page` in headless Chromium with the probe and returns its per-chart measurements. */
export function probe(page, env = {}) {
  const dump = spawnSync(CHROMIUM, [...FLAGS, "--window-size=1240,2600", "--dump-dom", pathToFileURL(page).href], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
    timeout: 120_000,
    env: { ...process.env, ...env },
  });
  const m = /<pre id="ops-probe">([\s\S]*?)<\/pre>/.exec(dump.stdout ?? "");
  let charts = [];
  try {
    charts = m
      ? JSON.parse(
          m[1]
            .replace(/&quot;/g, '"')
            .replace(/&lt;/g, "<")
            .replace(/&gt;/g, ">")
            .replace(/&amp;/g, "&"),
        )
      : [];
  } catch {
    charts = [];
  }
  return { charts, status: dump.status, stderr: dump.stderr ?? "" };
}

export function checkReportRender({ outDir = join(root, ".tmp", "report") } = {}) {
  const results = [];
  const record = (name, ok, detail = "") => results.push({ name, ok, detail });
  // the week-start check imports the built packages: run in a child so this function stays synchronous
  const weeks = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--week-starts"], {
    cwd: root,
    encoding: "utf8",
  });
  try {
    for (const r of JSON.parse(weeks.stdout)) record(r.name, r.ok, r.detail);
  } catch {
    record("report charts: week starts checked", false, `${weeks.stdout}${weeks.stderr}`.slice(-2000));
  }
  if (!existsSync(CHROMIUM)) {
    record("report render: chromium is installed", false, `${CHROMIUM} not found; run scripts/system-deps.sh`);
    return results;
  }
  mkdirSync(outDir, { recursive: true });
  const demo = spawnSync(process.execPath, [join(root, "examples", "demo.mjs"), "--out", outDir], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const html = join(outDir, "report.html");
  record(
    "demo writes report.html and report.md",
    demo.status === 0 && existsSync(html) && existsSync(join(outDir, "report.md")),
    `${demo.stdout.slice(-2000)}${demo.stderr}`,
  );
  if (demo.status !== 0 || !existsSync(html)) return results;

  const probePage = join(outDir, "report.probe.html");
  writeFileSync(probePage, readFileSync(html, "utf8").replace("</body>", `${PROBE}</body>`));
  const { charts, status, stderr } = probe(probePage);
  const found = charts.map((c) => c.id);
  record(
    `report render: ${EXPECTED_CHARTS} charts laid out by Chromium`,
    charts.length === EXPECTED_CHARTS && Object.keys(EXPECTED).every((id) => found.includes(id)),
    `found ${charts.length} (${found.join(", ")}); chromium exit ${status}\n${stderr.slice(-1500)}`,
  );
  for (const c of charts) for (const r of chartResults(c)) record(r.name, r.ok, r.detail);

  // Control: the same page with the CJK fonts hidden from Chromium (a fontconfig that lists only
  // the DejaVu folder) must fail the CJK measurement, so that check can fail.
  const latinOnly = "/usr/share/fonts/truetype/dejavu";
  if (existsSync(latinOnly)) {
    const conf = join(outDir, "fonts-latin-only.conf");
    writeFileSync(
      conf,
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>${latinOnly}</dir><cachedir>${join(outDir, "fontconfig-cache")}</cachedir></fontconfig>\n`,
    );
    const control = probe(probePage, { FONTCONFIG_FILE: conf });
    const cjk = control.charts.flatMap((c) => chartResults(c).filter((r) => r.name.endsWith("(not tofu)")));
    record(
      "report render: the CJK measurement detects tofu (control run without CJK fonts)",
      cjk.length === EXPECTED_CHARTS && cjk.every((r) => !r.ok),
      `${cjk.filter((r) => !r.ok).length}/${cjk.length} charts flagged; ${cjk[0]?.detail ?? control.stderr.slice(-500)}`,
    );
  }

  const png = join(outDir, "report.png");
  const shot = spawnSync(
    CHROMIUM,
    [...FLAGS, "--window-size=1240,2600", `--screenshot=${png}`, pathToFileURL(html).href],
    { cwd: outDir, encoding: "utf8", timeout: 120_000 },
  );
  if (!existsSync(png)) {
    record(
      "report render: screenshot written",
      false,
      `chromium exit ${shot.status}\n${(shot.stderr ?? "").slice(-1500)}`,
    );
    return results;
  }
  const img = decodePng(readFileSync(png));
  let white = 0,
    coloured = 0;
  for (let i = 0; i < img.pixels.length; i += img.channels) {
    const r = img.pixels[i],
      g = img.pixels[i + 1],
      b = img.pixels[i + 2];
    if (r > 245 && g > 245 && b > 245) white++;
    else if (Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
  }
  const total = img.width * img.height;
  record(
    "report render: the PNG shows the page with coloured chart marks",
    img.width === 1240 && white / total > 0.5 && white / total < 0.99 && coloured / total > 0.01,
    `${img.width}×${img.height}, white ${((100 * white) / total).toFixed(1)}%, coloured ${((100 * coloured) / total).toFixed(2)}%`,
  );
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href && process.argv[2] === "--week-starts") {
  console.log(JSON.stringify(await checkWeekStarts()));
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const results = checkReportRender();
  for (const r of results)
    console.log(`${r.ok ? "✓" : "✗"} ${r.name}${r.detail ? `  (${r.detail.split("\n")[0].slice(0, 300)})` : ""}`);
  process.exit(results.every((r) => r.ok) ? 0 : 1);
}
