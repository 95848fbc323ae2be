// Renders a report built by weekly-report.mjs as terminal text, Markdown and a
// self-contained HTML page with inline SVG charts.
import { formatLocalDateTime } from "@ops/core";
import { renderMarkdown } from "@ops/metrics";
import { esc, funnelChart, heatmap, histogram, lineChart } from "./charts.mjs";
import { MIN, pct } from "./weekly-report.mjs";

const mins = (ms) =>
  ms === null || ms === undefined
    ? "—"
    : ms >= 180 * MIN
      ? `${(ms / 3_600_000).toFixed(1)} h`
      : `${Math.round(ms / MIN)} min`;
const pctv = (v) => (v === null || v === undefined ? "—" : `${(v * 100).toFixed(1)}%`);
const shanghai = (t) => formatLocalDateTime(t, "Asia/Shanghai", { precision: "minute" });
const fmtValue = (i, v) =>
  v === null ? "—" : i.unit === "rate" ? pctv(v) : i.unit === "duration" ? mins(v) : String(v);

/** The charts of a report, as SVG strings. */
export function reportCharts(r) {
  const t = r.trends;
  const firstWeekStart = r.week.start - (r.week.index - 1) * 7 * 86_400_000;
  const weeksWith = (word) => [
    ...new Set(
      r.anomalies
        .filter((a) => a.series.includes(word))
        .map((a) => Math.floor((a.at - firstWeekStart) / (7 * 86_400_000))),
    ),
  ];
  const highlight = {
    followerNetGrowth: weeksWith("follower"),
    medianFirstReplyMs: weeksWith("SLA"),
    slaCompliance: weeksWith("SLA"),
    engagementRate: [],
  };
  const formats = {
    count: (v) => String(Math.round(v)),
    rate: (v) => `${(v * 100).toFixed(v < 0.1 ? 1 : 0)}%`,
    minutes: (v) => `${Math.round(v)}`,
  };
  return {
    trends: t.series.map((s) =>
      lineChart({
        title: s.label,
        labels: t.weeks,
        values: s.values,
        format: formats[s.unit],
        highlight: highlight[s.key] ?? [],
        width: 272,
        height: 200,
      }),
    ),
    retention: heatmap({
      title: "Community retention: weekly join cohorts, % who post again",
      rowLabels: r.retention.cohorts.map((c) => `${c.label} (${c.size})`),
      colLabels: r.retention.cohorts[0].rates.map((_, j) => `W+${j}`),
      rows: r.retention.cohorts.map((c) => c.rates),
      rowHeader: 128,
    }),
    funnel: funnelChart({
      title: `DM enquiry → answered → order (3 days), week ${r.week.index}`,
      steps: r.dmFunnel.steps.map((s, i) => ({
        label: ["DM enquiries", "answered", "ordered"][i],
        value: s.actors,
        rate: s.conversionFromStart.value,
      })),
    }),
    replyTimes: histogram({
      title: `First-reply times, week ${r.week.index} (${r.sla.replyMinutes.length} answered items)`,
      values: r.sla.replyMinutes,
      markers: [
        { at: 60, label: "DM target 1 h" },
        ...(r.sla.p50 === null ? [] : [{ at: r.sla.p50 / MIN, label: `p50 ${mins(r.sla.p50)}` }]),
        ...(r.sla.p90 === null ? [] : [{ at: r.sla.p90 / MIN, label: `p90 ${mins(r.sla.p90)}` }]),
      ],
    }),
  };
}

/** What an unanswered DM's reply window means for the team. */
export const riskText = (w) =>
  w.code === "expired"
    ? "window expired — can no longer reply by DM"
    : w.code === "no_policy"
      ? "no published reply window for this platform — check by hand"
      : w.windowClosesAt
        ? `window open until ${shanghai(w.windowClosesAt)} (Shanghai) — reply first`
        : w.code;
const span = (e) => (e.from === e.to ? e.from : `${e.from} – ${e.to.slice(5)}`);
/** One line per anomaly episode: its days, what was observed against the expectation, and how it was found. */
export const episodeLine = (e) =>
  `${span(e)} ${e.series} ${e.direction === "down" ? "fell" : "rose"}: observed ${e.anomalies.map((a) => a.observed).join(", ")} vs expected ${e.anomalies.map((a) => a.expected.toFixed(0)).join(", ")} (${e.anomalies[0].method})`;

/** The readable terminal summary. */
export function renderText(r) {
  const L = [];
  L.push(
    `${r.brand} — weekly operations report, week ${r.week.index} (${r.week.days[0]} – ${r.week.days[1]}, ${r.timeZone})`,
  );
  L.push("");
  for (const group of ["interaction", "retention", "conversion"]) {
    L.push(`${group.toUpperCase()}`);
    for (const i of r.kpis.indicators.filter((x) => x.group === group)) {
      const arrow = i.change.direction === "up" ? "▲" : i.change.direction === "down" ? "▼" : "=";
      L.push(
        `  ${i.key.padEnd(24)} ${fmtValue(i, i.current).padStart(10)}  (last week ${fmtValue(i, i.previous)}, ${arrow} ${pct(i.change.relative)})`,
      );
    }
  }
  for (const c of r.campaignRates)
    L.push(
      `  lucky draw ${c.variant} (${c.prize}): ${c.entered} entrants of ${c.reached} reached = ${pctv(c.participation.value)}`,
    );
  L.push("");
  const o = r.sla.compliance.overall;
  L.push(
    `FIRST-REPLY SLA (DM 1 h, question comments 2 h): ${pctv(o.achievementRate.value)} met (${o.achieved}/${o.achieved + o.breached}), p50 ${mins(r.sla.p50)}, p90 ${mins(r.sla.p90)}, ${r.sla.breaches.length} breaches`,
  );
  for (const c of o && r.sla.compliance.byChannel)
    L.push(
      `  ${c.channelId.padEnd(12)} ${pctv(c.achievementRate.value).padStart(7)} met, p50 ${mins(c.firstReply?.p50)}, p90 ${mins(c.firstReply?.p90)}`,
    );
  L.push(`  reply-window risks (unanswered DMs at week end): ${r.sla.windowRisks.length}`);
  for (const w of r.sla.windowRisks)
    L.push(`    ${w.id} ${w.platform} received ${shanghai(w.receivedAt)}: ${riskText(w)}`);
  L.push("");
  for (const d of r.draws) {
    const c = d.certificate;
    L.push(
      `LUCKY DRAW ${d.campaign.campaignId} (${d.campaign.prize}): ${d.eligibility.entrants.length} eligible of ${d.eligibility.candidates} candidates; drand quicknet round ${c.randomness.round ?? d.beacon.round} (beacon ${d.beaconCheck.ok ? "verified" : "NOT verified"})`,
    );
    L.push(
      `  excluded: ${Object.entries(d.eligibility.counts)
        .filter(([, v]) => v > 0)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}`,
    );
    for (const w of c.winners) L.push(`  ${w.tier.padEnd(28)} ${w.id} (weight ${w.weight})`);
    L.push(
      `  certificate verified from its own data: ${d.verification.ok ? "yes" : `NO (${d.verification.error.map((f) => f.code).join(", ")})`}`,
    );
  }
  L.push("");
  const f = r.feedback;
  L.push(
    `FEEDBACK: ${f.backlog} open (${Object.entries(f.byStatus)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}), ${f.overdue.length} overdue, ${f.openedThisWeek} opened this week`,
  );
  L.push(
    `  closing the loop: ${pctv(f.loopThisWeek.rate.value)} this week (${f.loopThisWeek.rate.numerator}/${f.loopThisWeek.rate.denominator}), ${pctv(f.loopAll.rate.value)} over eight weeks; ${f.resolvedNotReported.length} resolved > 1 day ago and not reported back; CSAT ${pctv(f.csat.value)}`,
  );
  L.push("");
  L.push(`ANOMALIES: ${r.anomalies.length} flagged days in ${r.episodes.length} episodes`);
  for (const e of r.episodes) {
    L.push(`  ${episodeLine(e)}`);
    for (const reason of e.explanation.reasons) L.push(`      · ${reason}`);
    if (e.explanation.injected) L.push(`      ⇒ matches injected event ${e.explanation.injected}`);
  }
  return L.join("\n");
}

/**
 * The Markdown report: metrics' renderMarkdown for the composed report (KPIs, then the SLA
 * compliance and feedback sections built by @ops/sla and @ops/feedback), then the parts
 * that have no library section yet (draw participation, reply-window risks, draws, anomaly
 * explanations, activity satisfaction).
 */
export function renderMd(r) {
  const L = [renderMarkdown(r.composed).trimEnd(), ""];
  L.push(
    "## Notes",
    "",
    `SLA policies: ${r.sla.policies.map((p) => p.name).join("; ")}. Items received this week, read at the end of the week. CSAT of handled feedback: ${pctv(r.feedback.csat.value)} (${r.feedback.csat.responses} answers).`,
  );
  L.push(
    "",
    "## Lucky-draw participation",
    "",
    "| variant | prize | reached | entrants | participation |",
    "| --- | --- | ---: | ---: | ---: |",
  );
  for (const c of r.campaignRates)
    L.push(`| ${c.variant} | ${c.prize} | ${c.reached} | ${c.entered} | ${pctv(c.participation.value)} |`);
  L.push(
    "",
    "## Platform reply-window risks",
    "",
    `DMs unanswered at the end of the week: ${r.sla.windowRisks.length}.`,
    "",
  );
  for (const w of r.sla.windowRisks)
    L.push(`- \`${w.id}\` (${w.platform}, received ${shanghai(w.receivedAt)}): ${riskText(w)}.`);
  for (const d of r.draws) {
    L.push("", `## Lucky draw \`${d.campaign.campaignId}\` — ${d.campaign.prize}`, "");
    L.push(
      `${d.eligibility.entrants.length} eligible entrants of ${d.eligibility.candidates} candidates. Randomness: drand quicknet round ${d.beacon.round} (BLS signature ${d.beaconCheck.ok ? "verified" : "not verified"}). Seed \`${d.certificate.seed}\`. Certificate verification: **${d.verification.ok ? "passed" : "failed"}**.`,
      "",
    );
    L.push("| tier | winner | weight |", "| --- | --- | ---: |");
    for (const w of d.certificate.winners) L.push(`| ${w.tier} | \`${w.id}\` | ${w.weight} |`);
  }
  L.push("", "## Anomalies and their explanations", "");
  for (const e of r.episodes) {
    L.push(`- **${episodeLine(e)}**`);
    for (const reason of e.explanation.reasons) L.push(`  - ${reason}`);
    if (e.explanation.injected) L.push(`  - matches the injected event ${e.explanation.injected}`);
  }
  L.push("", "## Activity satisfaction (CSAT, share of 4–5)", "");
  for (const s of r.survey) L.push(`- ${s.activity}: ${pctv(s.csat.value)} of ${s.csat.responses}`);
  return `${L.join("\n")}\n`;
}

const humanize = (key) =>
  key
    .replace(/Ms$/, "")
    .replace(/([A-Z])/g, " $1")
    .toLowerCase();

/** The self-contained HTML page. */
export function renderHtml(r) {
  const charts = reportCharts(r);
  const rows = r.kpis.indicators
    .map(
      (i) =>
        `<tr><td>${esc(i.group)}</td><td>${esc(humanize(i.key))}</td><td class="n">${esc(fmtValue(i, i.current))}</td><td class="n">${esc(fmtValue(i, i.previous))}</td><td class="n ${i.change.direction ?? ""}">${i.change.direction === "up" ? "▲" : i.change.direction === "down" ? "▼" : ""} ${esc(pct(i.change.relative))}</td></tr>`,
    )
    .join("");
  const o = r.sla.compliance.overall;
  const anomalies = r.episodes
    .map(
      (e) =>
        `<li><b>${esc(episodeLine(e))}</b><ul>${e.explanation.reasons.map((x) => `<li>${esc(x)}</li>`).join("")}${e.explanation.injected ? `<li><i>matches the injected event ${esc(e.explanation.injected)}</i></li>` : ""}</ul></li>`,
    )
    .join("");
  const f = r.feedback;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(r.brand)} — week ${r.week.index} operations report</title>
<style>
body{font-family:system-ui,-apple-system,'Segoe UI','Noto Sans CJK SC','WenQuanYi Micro Hei',sans-serif;margin:24px auto;max-width:1180px;color:#111827;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #e5e7eb;padding-bottom:4px}
.sub{color:#6b7280;margin:0 0 16px}.grid{display:flex;flex-wrap:wrap;gap:12px}.card{border:1px solid #e5e7eb;border-radius:8px;padding:4px}
table{border-collapse:collapse;font-size:13px}td,th{padding:3px 10px;border-bottom:1px solid #f3f4f6;text-align:left}.n{text-align:right}.up{color:#059669}.down{color:#dc2626}
.tiles{display:flex;gap:12px;flex-wrap:wrap}.tile{border:1px solid #e5e7eb;border-radius:8px;padding:8px 14px;min-width:150px}.tile b{font-size:20px;display:block}
code{font-size:12px;word-break:break-all}
</style></head><body>
<h1>${esc(r.brand)} — weekly operations report</h1>
<p class="sub">Week ${r.week.index}: ${esc(r.week.days[0])} – ${esc(r.week.days[1])} (${esc(r.timeZone)}). Generated by <code>pnpm demo</code> from the sample data with the @ops packages.</p>
<div class="tiles">
<div class="tile">First-reply SLA met<b>${pctv(o.achievementRate.value)}</b>p50 ${mins(r.sla.p50)} · p90 ${mins(r.sla.p90)}</div>
<div class="tile">SLA breaches<b>${r.sla.breaches.length}</b>window risks: ${r.sla.windowRisks.length}</div>
<div class="tile">Feedback backlog<b>${f.backlog}</b>${f.overdue.length} overdue</div>
<div class="tile">Closing the loop<b>${pctv(f.loopThisWeek.rate.value)}</b>this week (${f.loopThisWeek.rate.numerator}/${f.loopThisWeek.rate.denominator})</div>
<div class="tile">Anomalies<b>${r.episodes.length}</b>episodes, ${r.anomalies.length} days</div>
</div>
<h2>KPI trends (eight weeks)</h2>
<div class="grid">${charts.trends.map((c) => `<div class="card">${c}</div>`).join("")}</div>
<h2>KPIs, week on week</h2>
<table><tr><th>group</th><th>indicator</th><th class="n">this week</th><th class="n">last week</th><th class="n">change</th></tr>${rows}</table>
<h2>Conversion and retention</h2>
<div class="grid"><div class="card">${charts.funnel}</div><div class="card">${charts.retention}</div></div>
<h2>First-reply SLA</h2>
<div class="grid"><div class="card">${charts.replyTimes}</div>
<div><table><tr><th>channel</th><th class="n">met</th><th class="n">breached</th><th class="n">compliance</th><th class="n">p50</th><th class="n">p90</th></tr>
${[{ channelId: "all", ...o }, ...r.sla.compliance.byChannel].map((c) => `<tr><td>${esc(c.channelId)}</td><td class="n">${c.achieved}</td><td class="n">${c.breached}</td><td class="n">${pctv(c.achievementRate.value)}</td><td class="n">${mins(c.firstReply?.p50)}</td><td class="n">${mins(c.firstReply?.p90)}</td></tr>`).join("")}</table>
<p>Unanswered DMs at week end and their platform reply windows:</p><ul>${r.sla.windowRisks.map((w) => `<li><code>${esc(w.id)}</code> ${esc(w.platform)}: ${esc(riskText(w))}</li>`).join("")}</ul></div></div>
${r.draws
  .map(
    (draw) => `<h2>Lucky draw: ${esc(draw.campaign.spec.title)}</h2>
<p>${draw.eligibility.entrants.length} eligible entrants of ${draw.eligibility.candidates} candidates (excluded: ${esc(
      Object.entries(draw.eligibility.counts)
        .filter(([, v]) => v > 0)
        .map(([k, v]) => `${k.replace(/_/g, " ")} ${v}`)
        .join(", "),
    )}); drand quicknet round ${draw.beacon.round} (signature ${draw.beaconCheck.ok ? "verified" : "not verified"}); certificate verification <b>${draw.verification.ok ? "passed" : "failed"}</b>. Seed <code>${esc(draw.certificate.seed)}</code></p>
<table><tr><th>tier</th><th>winner</th><th class="n">weight</th></tr>${draw.certificate.winners.map((w) => `<tr><td>${esc(w.tier)}</td><td><code>${esc(w.id)}</code></td><td class="n">${w.weight}</td></tr>`).join("")}</table>`,
  )
  .join("\n")}
<h2>Feedback and satisfaction</h2>
<p>Open backlog ${f.backlog} (${esc(
    Object.entries(f.byStatus)
      .map(([k, v]) => `${k} ${v}`)
      .join(", "),
  )}); ${f.overdue.length} overdue; ${f.openedThisWeek} opened this week.
Closing the loop: ${pctv(f.loopThisWeek.rate.value)} of the items resolved this week were reported back (${f.loopThisWeek.rate.numerator}/${f.loopThisWeek.rate.denominator}), ${pctv(f.loopAll.rate.value)} over eight weeks, median ${mins(f.loopAll.time.median)} after resolution;
${f.resolvedNotReported.length} items resolved more than a day ago still wait for their report-back. CSAT of handled feedback ${pctv(f.csat.value)} (${f.csat.responses} answers).</p>
<table><tr><th>activity</th><th class="n">CSAT (share of 4–5)</th><th class="n">answers</th></tr>${r.survey.map((s) => `<tr><td>${esc(s.activity.replace("_", " "))}</td><td class="n">${pctv(s.csat.value)}</td><td class="n">${s.csat.responses}</td></tr>`).join("")}</table>
<h2>Anomalies and their explanations</h2><ul>${anomalies}</ul>
</body></html>
`;
}
