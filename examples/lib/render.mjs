// Renders a report built by weekly-report.mjs as terminal text, Markdown and a
// self-contained HTML page with inline SVG charts.
import { formatLocalDateTime } from "@ops/core";
import { renderMarkdown } from "@ops/metrics";
import {
  esc,
  FONT_STACK,
  formatCount,
  formatMinutes,
  funnelChart,
  localDay,
  replyTimeHistogram,
  retentionHeatmap,
  trendChart,
} from "./charts.mjs";
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

const DAY_MS = 86_400_000;
/** The local start of each week of the trends (the report's weeks are consecutive 7-day local weeks). */
const trendWeekStarts = (r) => r.trends.weeks.map((_, k) => r.week.start - (r.week.index - 1 - k) * 7 * DAY_MS);

/** How each trend is labelled and read: its y axis (with the unit) and which way is better. */
const TREND_READING = {
  followerNetGrowth: { yLabel: "↑ net new followers", better: "higher is better" },
  engagementRate: { yLabel: "↑ engagements ÷ impressions", better: "higher is better" },
  medianFirstReplyMs: {
    yLabel: "↑ minutes (calendar time)",
    better: "lower is better (faster replies)",
    title: "Median first reply",
  },
  slaCompliance: {
    yLabel: "↑ % of decided items within target",
    better: "higher is better; targets: DMs 1 h, question comments 2 h",
  },
};

/** The charts of a report, as HTML strings (<figure class="ops-chart"> with Plot's SVG). */
export function reportCharts(r) {
  const t = r.trends;
  const zone = r.timeZone;
  const starts = trendWeekStarts(r);
  const weekOf = (at) => starts.findLastIndex((s) => at >= s);
  const weeksWith = (word) => [...new Set(r.anomalies.filter((a) => a.series.includes(word)).map((a) => weekOf(a.at)))];
  const flagged = {
    followerNetGrowth: weeksWith("follower"),
    medianFirstReplyMs: weeksWith("SLA"),
    slaCompliance: weeksWith("SLA"),
    engagementRate: [],
  };
  const flagSource = {
    followerNetGrowth: "daily net follower growth against its weekday pattern",
    medianFirstReplyMs: "daily first-reply SLA breaches against the volume",
    slaCompliance: "daily first-reply SLA breaches against the volume",
  };
  const weekLabel = localDay(r.week.start, zone);
  const subtitle = `${r.brand} · ${starts.length} weeks, ${localDay(starts[0], zone)} – ${localDay(r.week.end - DAY_MS, zone, true)}`;
  return {
    trends: t.series.map((s) => {
      const reading = TREND_READING[s.key] ?? { yLabel: s.label, better: "" };
      return trendChart({
        id: `trend-${s.key}`,
        title: reading.title ?? s.label,
        subtitle,
        weekStarts: starts,
        timeZone: zone,
        series: [{ name: s.label, values: s.values }],
        unit: s.unit,
        yLabel: reading.yLabel,
        flagged: flagged[s.key] ?? [],
        how: `one dot per local week (Monday to Sunday), dated by its Monday; ${reading.better}.${
          flagSource[s.key]
            ? ` Amber dots: weeks with at least one day the anomaly detector flagged (${flagSource[s.key]}).`
            : " No anomaly detector runs on this series."
        }`,
      });
    }),
    retention: retentionHeatmap({
      id: "retention",
      title: "Community retention by weekly join cohort",
      subtitle: `${r.brand} · rows: the week people joined the group (how many joined)`,
      timeZone: zone,
      cohorts: r.retention.cohorts,
      how: "read a row left to right: the share of that week's joiners who posted in the group 0, 1, 2 … weeks later (week 0 is the week they joined); darker is more. Blank cells lie after the data ends.",
    }),
    funnel: funnelChart({
      id: "funnel",
      title: `DM enquiry → answered → order within 3 days, week of ${weekLabel}`,
      subtitle: `${r.brand} · people who sent a DM enquiry this week`,
      steps: r.dmFunnel.steps.map((s, i) => ({
        label: ["sent a DM", "got an answer", "ordered"][i] ?? `step ${i + 1}`,
        value: s.actors,
        rate: s.conversionFromStart.value,
      })),
      how: "each bar is the people who reached that step within 3 days of their first DM, in order; the percentage is of the people in the first bar.",
    }),
    replyTimes: replyTimeHistogram({
      id: "replyTimes",
      title: `First-reply times, week of ${weekLabel} (${formatCount(r.sla.replyMinutes.length)} answered items)`,
      subtitle: `${r.brand} · DMs and question comments received this week and answered`,
      minutes: r.sla.replyMinutes,
      rules: [
        ...r.sla.policies.map((p) => ({
          at: p.targets.first_reply.goal / MIN,
          label: `${p.match.kinds.includes("dm") ? "DM" : "comment"} target ${formatMinutes(p.targets.first_reply.goal / MIN)}`,
          kind: "target",
        })),
        ...(r.sla.p50 === null
          ? []
          : [{ at: r.sla.p50 / MIN, label: `p50 ${formatMinutes(r.sla.p50 / MIN)}`, kind: "quantile" }]),
        ...(r.sla.p90 === null
          ? []
          : [{ at: r.sla.p90 / MIN, label: `p90 ${formatMinutes(r.sla.p90 / MIN)}`, kind: "quantile" }]),
      ],
      how: "bars count answered items by time to first reply; each bar spans one doubling of time, so bars are equally wide on the axis and in the data. Dashed lines are the targets (a DM right of the 1 h line, or a question comment right of the 2 h line, missed it); grey lines are the median (p50) and p90 of all answered items.",
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
 * compliance, feedback, community health and draws-held sections built by @ops/sla,
 * @ops/feedback, @ops/community and @ops/raffle), then the parts that have no library
 * section yet (draw participation, reply-window risks, anomaly explanations, activity
 * satisfaction).
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

/**
 * Which way is better for each KPI (the HTML table colours a change green when it is an
 * improvement, red when it is a deterioration, grey when neither): more followers or
 * engagement is better, a slower first reply or more pending replies is worse; volumes
 * (posts, inbound messages) are not judged.
 */
const BETTER = {
  postsPublished: null,
  comments: "up",
  likes: "up",
  shares: "up",
  engagementRate: "up",
  inboundMessages: null,
  replyRate: "up",
  replyRateWithinTarget: "up",
  repliesPending: "down",
  medianFirstReplyMs: "down",
  followers: "up",
  followerNetGrowth: "up",
  followerGrowthRate: "up",
  activeActors: "up",
  returningActorRate: "up",
  funnelConversion: "up",
};
/** "good", "bad" or "neutral" for an indicator's change. */
const judge = (i) => {
  const better = BETTER[i.key] ?? null;
  const d = i.change.direction;
  if (better === null || (d !== "up" && d !== "down") || i.change.absolute === 0) return "neutral";
  return d === better ? "good" : "bad";
};
/** Decimals for a rate row: one, or up to three so that two different values never read the same (as renderMarkdown). */
const htmlRateDigits = (i) => {
  let d = 1;
  if (i.current !== null && i.previous !== null && i.current !== i.previous)
    while (d < 3 && (i.current * 100).toFixed(d) === (i.previous * 100).toFixed(d)) d++;
  return d;
};
const minDigits = (x) => {
  let d = 1;
  while (d < 3 && Number(Math.abs(x).toFixed(d)) === 0) d++;
  return d;
};
/** A KPI value in the HTML table: counts grouped by thousands, rates in %, durations in minutes (the one duration unit of the table). */
const htmlValue = (i, v) =>
  v === null || v === undefined
    ? "—"
    : i.unit === "rate"
      ? `${(v * 100).toFixed(htmlRateDigits(i))}%`
      : i.unit === "duration"
        ? `${(v / MIN).toFixed(1)} min`
        : formatCount(v);
/** A KPI change, by the rule of report.md: rates in percentage points, counts and durations with their relative change; "no change" when zero. */
const htmlChange = (i) => {
  const c = i.change;
  if (c.absolute === null || c.absolute === undefined) return "—";
  if (c.absolute === 0) return "no change";
  const arrow = c.direction === "up" ? "▲" : c.direction === "down" ? "▼" : "";
  const sign = c.absolute > 0 ? "+" : "−";
  if (i.unit === "rate") {
    const pp = Math.abs(c.absolute) * 100;
    const shown = pp.toFixed(minDigits(pp));
    return `${arrow} ${sign}${Number(shown) === 0 ? "<0.001" : shown} pp`;
  }
  const abs =
    i.unit === "duration" ? `${(Math.abs(c.absolute) / MIN).toFixed(1)} min` : formatCount(Math.abs(c.absolute));
  const rel =
    c.relative === null
      ? "no base"
      : `${c.relative > 0 ? "+" : "−"}${Math.abs(c.relative * 100).toFixed(minDigits(c.relative * 100))}%`;
  return `${arrow} ${sign}${abs} (${rel})`;
};
/** One duration unit for a set of durations (ms): minutes unless the largest is a day or more, then hours. */
const durationUnit = (values) => {
  const max = Math.max(0, ...values.filter((v) => v !== null && v !== undefined));
  return max >= 1440 * MIN
    ? { name: "h", of: (ms) => (ms / 3_600_000).toFixed(1) }
    : { name: "min", of: (ms) => formatCount(ms / MIN) };
};
const inUnit = (u, ms) => (ms === null || ms === undefined ? "—" : u.of(ms));
/** A rate in % with one decimal, or "—". */
const pctHtml = (v) => (v === null || v === undefined ? "—" : `${(v * 100).toFixed(1)}%`);

/** The self-contained HTML page. */
export function renderHtml(r) {
  const charts = reportCharts(r);
  const rows = r.kpis.indicators
    .map(
      (i) =>
        `<tr><td>${esc(i.group)}</td><td>${esc(humanize(i.key))}</td><td class="n">${esc(htmlValue(i, i.current))}</td><td class="n">${esc(htmlValue(i, i.previous))}</td><td class="n ${judge(i)}">${esc(htmlChange(i))}</td></tr>`,
    )
    .join("");
  const o = r.sla.compliance.overall;
  const slaRows = [{ channelId: "all", ...o }, ...r.sla.compliance.byChannel];
  const unit = durationUnit([r.sla.p50, r.sla.p90, ...slaRows.flatMap((c) => [c.firstReply?.p50, c.firstReply?.p90])]);
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
body{font-family:${FONT_STACK};margin:24px auto;max-width:1180px;color:#111827;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #e5e7eb;padding-bottom:4px}
.sub{color:#6b7280;margin:0 0 16px}.grid{display:flex;flex-wrap:wrap;gap:12px}.card{border:1px solid #e5e7eb;border-radius:8px;padding:4px}
table{border-collapse:collapse;font-size:13px}td,th{padding:3px 10px;border-bottom:1px solid #f3f4f6;text-align:left}.n{text-align:right}.good{color:#047857}.bad{color:#b91c1c}.neutral{color:#6b7280}
.ops-chart h2{font-size:14px;margin:0 0 2px;border:0;padding:0}.ops-chart h3{font-size:12px;font-weight:400;color:#6b7280;margin:0 0 4px}.ops-chart figcaption{font-size:12px;color:#4b5563;margin-top:4px;line-height:1.4}.card{padding:8px}.legend-note{font-size:12px;color:#4b5563}
.tiles{display:flex;gap:12px;flex-wrap:wrap}.tile{border:1px solid #e5e7eb;border-radius:8px;padding:8px 14px;min-width:150px}.tile b{font-size:20px;display:block}
code{font-size:12px;word-break:break-all}
</style></head><body>
<h1>${esc(r.brand)} — weekly operations report</h1>
<p class="sub">Week ${r.week.index}: ${esc(r.week.days[0])} – ${esc(r.week.days[1])} (${esc(r.timeZone)}). Generated by <code>pnpm demo</code> from the sample data with the @ops packages.</p>
<div class="tiles">
<div class="tile">First-reply SLA met<b>${pctHtml(o.achievementRate.value)}</b>p50 ${inUnit(unit, r.sla.p50)} ${unit.name} · p90 ${inUnit(unit, r.sla.p90)} ${unit.name}</div>
<div class="tile">SLA breaches<b>${r.sla.breaches.length}</b>window risks: ${r.sla.windowRisks.length}</div>
<div class="tile">Feedback backlog<b>${f.backlog}</b>${f.overdue.length} overdue</div>
<div class="tile">Closing the loop<b>${pctv(f.loopThisWeek.rate.value)}</b>this week (${f.loopThisWeek.rate.numerator}/${f.loopThisWeek.rate.denominator})</div>
<div class="tile">Anomalies<b>${r.episodes.length}</b>episodes, ${r.anomalies.length} days</div>
</div>
<h2>KPI trends (eight weeks)</h2>
<div class="grid">${charts.trends.map((c) => `<div class="card">${c}</div>`).join("")}</div>
<h2>KPIs, week on week</h2>
<table><tr><th>group</th><th>indicator</th><th class="n">this week</th><th class="n">last week</th><th class="n">change</th></tr>${rows}</table>
<p class="legend-note">Change: rates in percentage points (pp), counts and durations with the relative change. <span class="good">Green: better</span>, <span class="bad">red: worse</span> (a faster reply or fewer pending replies is better), <span class="neutral">grey: volumes, not judged</span>.</p>
<h2>Conversion and retention</h2>
<div class="grid"><div class="card">${charts.funnel}</div><div class="card">${charts.retention}</div></div>
<h2>First-reply SLA</h2>
<div class="grid"><div class="card">${charts.replyTimes}</div>
<div><table><tr><th>channel</th><th class="n">met</th><th class="n">breached</th><th class="n">compliance</th><th class="n">p50 (${unit.name})</th><th class="n">p90 (${unit.name})</th></tr>
${slaRows.map((c) => `<tr><td>${esc(c.channelId)}</td><td class="n">${formatCount(c.achieved)}</td><td class="n">${formatCount(c.breached)}</td><td class="n">${pctHtml(c.achievementRate.value)}</td><td class="n">${inUnit(unit, c.firstReply?.p50)}</td><td class="n">${inUnit(unit, c.firstReply?.p90)}</td></tr>`).join("")}</table>
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
