// Renders a report built by weekly-report.mjs as terminal text, Markdown and a
// self-contained HTML page with inline SVG charts.
import { addLocalDays, formatLocalDateTime } from "@ops/core";
import { renderMarkdown } from "@ops/metrics";
import {
  esc,
  FONT_STACK,
  formatCount,
  formatMinutes,
  funnelChart,
  localDay,
  localWeekStarts,
  replyTimeHistogram,
  retentionHeatmap,
  trendChart,
} from "./charts.mjs";
import { MIN } from "./weekly-report.mjs";

const mins = (ms) =>
  ms === null || ms === undefined
    ? "—"
    : ms >= 180 * MIN
      ? `${(ms / 3_600_000).toFixed(1)} h`
      : `${Math.round(ms / MIN)} min`;
const pctv = (v) => (v === null || v === undefined ? "—" : `${(v * 100).toFixed(1)}%`);
const shanghai = (t) => formatLocalDateTime(t, "Asia/Shanghai", { precision: "minute" });

/** The local start (Monday 00:00) of each week of the trends (zone-aware: see localWeekStarts). */
export const trendWeekStarts = (r) =>
  localWeekStarts(addLocalDays(r.week.start, r.timeZone, -7 * (r.week.index - 1)), r.trends.weeks.length, r.timeZone);

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
  const subtitle = `${r.brand} · ${starts.length} weeks, ${localDay(starts[0], zone)} – ${localDay(addLocalDays(r.week.end, zone, -1), zone, true)}`;
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
  `${span(e)} ${e.series} ${e.direction === "down" ? "fell" : "rose"}: observed ${e.anomalies.map((a) => formatCount(a.observed)).join(", ")} vs expected ${e.anomalies.map((a) => formatCount(a.expected)).join(", ")} (${e.anomalies[0].method})`;

/** A duration as renderMarkdown writes it (en): `2 h 6 min`, `26 min 24 s`, `45 s`. */
export const formatDurationMd = (ms) => {
  const total = Math.round(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const sec = total % 60;
  const sign = ms < 0 && total > 0 ? "−" : "";
  return `${sign}${h > 0 ? `${h} h ${m} min` : m > 0 ? `${m} min ${sec} s` : `${sec} s`}`;
};
/** A KPI value by renderMarkdown's rules: counts grouped by thousands, rates in % (more decimals when two values would read the same), durations in h/min/s. */
export const kpiValue = (i, v) =>
  v === null || v === undefined
    ? "—"
    : i.unit === "rate"
      ? `${(v * 100).toFixed(htmlRateDigits(i))}%`
      : i.unit === "duration"
        ? formatDurationMd(v)
        : formatCount(v);
/** A KPI change by renderMarkdown's rules: rates in percentage points, counts and durations with the relative change, "no change" when zero, "new" from a base of 0. */
export const kpiChange = (i) => {
  const c = i.change;
  if (c.absolute === null || c.absolute === undefined) return "—";
  if (c.absolute === 0) return "— no change";
  const arrow = c.direction === "up" ? "▲" : c.direction === "down" ? "▼" : "—";
  const sign = c.absolute > 0 ? "+" : "−";
  if (i.unit === "rate") {
    const pp = Math.abs(c.absolute) * 100;
    const shown = pp.toFixed(minDigits(pp));
    return `${arrow} ${sign}${Number(shown) === 0 ? "<0.001" : shown} pp`;
  }
  const abs = i.unit === "duration" ? formatDurationMd(Math.abs(c.absolute)) : formatCount(Math.abs(c.absolute));
  const rel =
    c.relative === null
      ? "new"
      : `${c.relative > 0 ? "+" : c.relative < 0 ? "−" : ""}${(Math.abs(c.relative) * 100).toFixed(minDigits(c.relative * 100))}%`;
  return `${arrow} ${sign}${abs} (${rel})`;
};

/** The lucky-draw funnel of each campaign: reached → took part (commented on the campaign post) → eligible entrants in the draw. */
const drawFunnel = (r) =>
  r.campaignRates.map((c) => {
    const d = r.draws.find((x) => x.campaign.variant === c.variant);
    return { ...c, campaignId: d?.campaign.campaignId ?? "", eligible: d ? d.eligibility.entrants.length : null };
  });

/** The readable terminal summary (numbers by renderMarkdown's rules). */
export function renderText(r) {
  const L = [];
  L.push(
    `${r.brand} — weekly operations report, week ${r.week.index} (${r.week.days[0]} – ${r.week.days[1]}, ${r.timeZone})`,
  );
  L.push("");
  for (const group of ["interaction", "retention", "conversion"]) {
    L.push(`${group.toUpperCase()}  (this week, last week, change: rates in percentage points)`);
    for (const i of r.kpis.indicators.filter((x) => x.group === group)) {
      L.push(
        `  ${humanize(i.key).padEnd(28)} ${kpiValue(i, i.current).padStart(12)}  ${kpiValue(i, i.previous).padStart(12)}  ${kpiChange(i)}`,
      );
    }
  }
  L.push("");
  L.push("LUCKY-DRAW PARTICIPATION  (people, per campaign post)");
  for (const c of drawFunnel(r))
    L.push(
      `  ${c.variant} ${c.prize}: reached ${formatCount(c.reached)} → took part ${formatCount(c.entered)} (commented; ${pctv(c.participation.value)} of reached) → eligible entrants in the draw ${c.eligible === null ? "—" : formatCount(c.eligible)}`,
    );
  L.push("");
  const o = r.sla.compliance.overall;
  const slaUnit = durationUnit([
    r.sla.p50,
    r.sla.p90,
    ...r.sla.compliance.byChannel.flatMap((c) => [c.firstReply?.p50, c.firstReply?.p90]),
  ]);
  const d = (ms) => `${inUnit(slaUnit, ms)} ${slaUnit.name}`;
  L.push(
    `FIRST-REPLY SLA (DM 1 h, question comments 2 h): ${pctv(o.achievementRate.value)} met (${formatCount(o.achieved)}/${formatCount(o.achieved + o.breached)}), p50 ${d(r.sla.p50)}, p90 ${d(r.sla.p90)}, ${formatCount(r.sla.breaches.length)} breaches`,
  );
  for (const c of r.sla.compliance.byChannel)
    L.push(
      `  ${c.channelId.padEnd(12)} ${pctv(c.achievementRate.value).padStart(7)} met, p50 ${d(c.firstReply?.p50)}, p90 ${d(c.firstReply?.p90)}`,
    );
  L.push(`  reply-window risks (unanswered DMs at week end): ${r.sla.windowRisks.length}`);
  for (const w of r.sla.windowRisks)
    L.push(`    ${w.id} ${w.platform} received ${shanghai(w.receivedAt)}: ${riskText(w)}`);
  L.push("");
  L.push(`DRAWS HELD: ${r.draws.length}  (one line per draw; entrants = eligible after the eligibility check)`);
  for (const dr of r.draws) {
    const c = dr.certificate;
    L.push(
      `  ${dr.campaign.campaignId} (${dr.campaign.prize}): ${formatCount(dr.eligibility.entrants.length)} eligible entrants of ${formatCount(dr.eligibility.candidates)} who took part; drand quicknet round ${c.randomness.round ?? dr.beacon.round} (beacon ${dr.beaconCheck.ok ? "verified" : "NOT verified"})`,
    );
    L.push(
      `    not eligible: ${Object.entries(dr.eligibility.counts)
        .filter(([, v]) => v > 0)
        .map(([k, v]) => `${k.replace(/_/g, " ")} ${v}`)
        .join(", ")}`,
    );
    for (const w of c.winners) L.push(`    ${w.tier.padEnd(28)} ${w.id} (weight ${w.weight})`);
    L.push(
      `    certificate verified from its own data: ${dr.verification.ok ? "yes" : `NO (${dr.verification.error.map((f) => f.code).join(", ")})`}`,
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
    `  closing the loop: ${pctv(f.loopThisWeek.rate.value)} this week (${f.loopThisWeek.rate.numerator}/${f.loopThisWeek.rate.denominator}), ${pctv(f.loopAll.rate.value)} over eight weeks; ${f.resolvedNotReported.length} resolved > 1 day ago and not reported back; CSAT of handled feedback ${pctv(f.csat.value)}`,
  );
  L.push("");
  const cm = r.community;
  L.push(
    `COMMUNITY: ${formatCount(cm.violations)} messages broke a group rule this week, ${formatCount(cm.strikesIssued)} strikes issued`,
  );
  for (const e of cm.eventsHeld.filter((x) => x.event.startsAt >= r.week.start))
    L.push(
      `  event ${e.event.title} (${e.event.kind.replace(/_/g, " ")}, ${shanghai(e.event.startsAt)}): ${formatCount(e.participation.registered)} registered, ${formatCount(e.participation.attended)} attended (show-up ${pctv(e.participation.showRate.value)}, ${pctv(e.participation.participationRate?.value)} of members)`,
    );
  for (const w of r.surveys.week) {
    const q = (id) => w.summary.questions.find((x) => x.questionId === id);
    const nps = q("nps")?.nps;
    L.push(
      `  survey: ${formatCount(w.summary.counts.valid)} counted of ${formatCount(w.summary.counts.received)} received; CSAT ${pctv(q("sat")?.csat.value)}, NPS ${nps?.value === null || nps === undefined ? "—" : Math.round(nps.value)}`,
    );
  }
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
 * @ops/feedback, @ops/community and @ops/raffle, and the event-survey section built here from
 * @ops/feedback's survey API), then the parts that have no library section yet (draw
 * participation, reply-window risks, anomaly explanations, the activity pulse survey).
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
    "People per campaign post: shown the post (reached), took part (commented on it), and the eligible entrants the draw was held among (after the follow, repost, keyword and blocklist checks). The *Draws held* section above counts draws and lists those eligible entrants.",
    "",
    "| variant | prize | reached | took part (commented) | participation (took part ÷ reached) | eligible entrants in the draw |",
    "| --- | --- | ---: | ---: | ---: | ---: |",
  );
  for (const c of drawFunnel(r))
    L.push(
      `| ${c.variant} | ${c.prize} | ${formatCount(c.reached)} | ${formatCount(c.entered)} | ${pctv(c.participation.value)} | ${c.eligible === null ? "—" : formatCount(c.eligible)} |`,
    );
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
  L.push("", "## Activity pulse survey, week 8 (CSAT, share answering 4 or 5 of 5)", "");
  for (const s of r.survey)
    L.push(`- ${s.activity.replace(/_/g, " ")}: ${pctv(s.csat.value)} of ${formatCount(s.csat.responses)} answers`);
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

/** A cell of a library ReportSection in the HTML page, by renderMarkdown's rules (English labels). */
const cellHtml = (cell, zone) => {
  if (cell.kind === "text") return esc(typeof cell.value === "string" ? cell.value : cell.value.en);
  if (cell.kind === "code") return `<code>${esc(cell.value)}</code>`;
  if (cell.value === null) return "—";
  if (cell.kind === "instant")
    return esc(
      formatLocalDateTime(cell.value, zone, { precision: "minute" }).slice(0, cell.precision === "day" ? 10 : 16),
    );
  if (cell.kind === "rate") return pctHtml(cell.value);
  if (cell.kind === "duration") return esc(formatDurationMd(cell.value));
  return formatCount(cell.value);
};
/** A library ReportSection (figures, tables, paragraphs) as HTML, for the sections the page shows as they are. */
export function sectionHtml(section, zone) {
  const numeric = new Set(["count", "rate", "duration"]);
  return `<h2>${esc(section.title.en)}</h2>${section.blocks
    .map((b) => {
      if (b.kind === "paragraph") return `<p>${esc(b.text.en)}</p>`;
      if (b.kind === "figures")
        return `<ul>${b.items.map((f) => `<li>${esc(f.label.en)}: <b>${cellHtml(f.value, zone)}</b></li>`).join("")}</ul>`;
      const right = b.columns.map((_, j) => b.rows.length > 0 && b.rows.every((row) => numeric.has(row[j].kind)));
      return `<table><tr>${b.columns.map((c, j) => `<th${right[j] ? ' class="n"' : ""}>${esc(c.label.en)}</th>`).join("")}</tr>${b.rows
        .map(
          (row) =>
            `<tr>${row.map((c, j) => `<td${right[j] ? ' class="n"' : ""}>${cellHtml(c, zone)}</td>`).join("")}</tr>`,
        )
        .join("")}</table>`;
    })
    .join("\n")}`;
}

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
<h2>Lucky-draw participation</h2>
<p>People per campaign post: shown the post (reached), took part (commented on it), and the eligible entrants the draw was held among (after the follow, repost, keyword and blocklist checks). Each draw below is held among its eligible entrants.</p>
<table><tr><th>variant</th><th>prize</th><th class="n">reached</th><th class="n">took part (commented)</th><th class="n">participation (took part ÷ reached)</th><th class="n">eligible entrants in the draw</th></tr>${drawFunnel(
    r,
  )
    .map(
      (c) =>
        `<tr><td>${esc(c.variant)}</td><td>${esc(c.prize)}</td><td class="n">${formatCount(c.reached)}</td><td class="n">${formatCount(c.entered)}</td><td class="n">${pctHtml(c.participation.value)}</td><td class="n">${c.eligible === null ? "—" : formatCount(c.eligible)}</td></tr>`,
    )
    .join("")}</table>
${r.draws
  .map(
    (draw) => `<h2>Lucky draw: ${esc(draw.campaign.spec.title)}</h2>
<p>${formatCount(draw.eligibility.entrants.length)} eligible entrants of ${formatCount(draw.eligibility.candidates)} who took part (not eligible: ${esc(
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
<p>Activity pulse survey, week 8 (share answering 4 or 5 of 5):</p>
<table><tr><th>activity</th><th class="n">CSAT (share of 4–5)</th><th class="n">answers</th></tr>${r.survey.map((s) => `<tr><td>${esc(s.activity.replace(/_/g, " "))}</td><td class="n">${pctv(s.csat.value)}</td><td class="n">${formatCount(s.csat.responses)}</td></tr>`).join("")}</table>
${sectionHtml(r.community.section, r.timeZone)}
${sectionHtml(
  r.composed.sections.find((x) => x.id === "surveys"),
  r.timeZone,
)}
<h2>Anomalies and their explanations</h2><ul>${anomalies}</ul>
</body></html>
`;
}
