#!/usr/bin/env node
// Renders the demo's report.html in headless Chromium (Debian's /usr/bin/chromium, no
// browser download) and checks that its charts are present and not empty:
//   1. `node examples/demo.mjs --out .tmp/report` writes report.html and report.md;
//   2. Chromium lays out a copy of the page with a probe script appended and dumps the DOM:
//      every svg.ops-chart must have a non-zero box and drawn marks (rect/path/circle/line
//      with a non-zero box, the background excluded);
//   3. Chromium screenshots report.html to report.png; the PNG is decoded (node:zlib) and
//      must be mostly white with enough coloured (non-grey) pixels where the charts are.
// Returns a list of { name, ok, detail }; run directly it prints them and exits 1 on failure.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { inflateSync } from "node:zlib";
import { root } from "./workspace.mjs";

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
const EXPECTED_CHARTS = 7; // four KPI trends, funnel, retention heatmap, reply-time histogram

const PROBE = `<script>
(() => {
  const charts = [...document.querySelectorAll("svg.ops-chart")].map((svg) => {
    const box = svg.getBoundingClientRect();
    const marks = [...svg.querySelectorAll("rect, path, circle, line")].filter((el, i) => {
      if (el.parentNode === svg && el.tagName === "rect" && i === 0) return false; // background
      const b = el.getBoundingClientRect();
      return b.width > 0 || b.height > 0;
    });
    return { title: svg.querySelector("title")?.textContent ?? "", width: box.width, height: box.height, marks: marks.length };
  });
  const pre = document.createElement("pre");
  pre.id = "ops-probe";
  pre.textContent = JSON.stringify(charts);
  document.body.appendChild(pre);
})();
</script>`;

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

export function checkReportRender({ outDir = join(root, ".tmp", "report") } = {}) {
  const results = [];
  const record = (name, ok, detail = "") => results.push({ name, ok, detail });
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
  const dump = spawnSync(CHROMIUM, [...FLAGS, "--window-size=1240,2600", "--dump-dom", pathToFileURL(probePage).href], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
    timeout: 120_000,
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
  record(
    `report render: ${EXPECTED_CHARTS} SVG charts laid out by Chromium`,
    charts.length === EXPECTED_CHARTS,
    `found ${charts.length}; chromium exit ${dump.status}\n${(dump.stderr ?? "").slice(-1500)}`,
  );
  const empty = charts.filter((c) => !(c.width > 100 && c.height > 100 && c.marks >= 3));
  record(
    "report render: every chart has a non-zero box and drawn marks",
    charts.length > 0 && empty.length === 0,
    JSON.stringify(empty.length ? empty : charts),
  );

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

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const results = checkReportRender();
  for (const r of results)
    console.log(`${r.ok ? "✓" : "✗"} ${r.name}${r.detail ? `  (${r.detail.split("\n")[0].slice(0, 300)})` : ""}`);
  process.exit(results.every((r) => r.ok) ? 0 : 1);
}
