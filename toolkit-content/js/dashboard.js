// The dashboard (provider key): for a chosen period, the funnel by source, cost per hire and per
// retained hire by source, the retention curves, turnover and vacancy rates beside the sector
// benchmarks, and where the next pound goes. Figures come from /api/v1/reports/* (see
// lib/metrics/report_json.hpp for their shape); a figure without a value is shown with its reason.

import { api, query } from "./api.js";
import { chartFigure, drawCharts, PALETTE } from "./charts.js";
import { el, table } from "./dom.js";
import { onSubmit } from "./forms.js";
import { formatDate, formatPence, formatRate, monthsBefore, reasonText, todayIso } from "./format.js";
import { requireKey } from "./layout.js";

const MONTHS = { 91: "3 months", 182: "6 months", 365: "12 months" };

// A cell for a figure that may be null: the value formatted, or a dash and the reason.
function figureCell(row, name, format) {
  const value = row[name];
  if (value === null || value === undefined) {
    return { text: el("span", { className: "withheld" }, `– ${reasonText(row[`${name}_reason_text`])}`), number: true };
  }
  return { text: format(value), number: true };
}

const count = (value) => ({ text: String(value ?? 0), number: true });
const days = (value) => `${Number(value).toLocaleString("en-GB", { maximumFractionDigits: 1 })} days`;
const pounds = (pence) => (pence === null || pence === undefined ? null : pence / 100);
const percent = (fraction) => (fraction === null || fraction === undefined ? null : Math.round(fraction * 1000) / 10);

function groupLabel(row) {
  return row.group?.by === "total" ? "All sources" : row.group?.label || row.group?.key || "";
}

function moneyAxis() {
  return { beginAtZero: true, ticks: { callback: (v) => formatPence(Math.round(v * 100)) } };
}

function percentAxis() {
  return { beginAtZero: true, max: 100, ticks: { callback: (v) => `${v}%` } };
}

function empty(text) {
  return el("p", {}, text);
}

function funnelSection(report) {
  const rows = report.groups;
  if (!rows.length) return [empty("Nobody applied in this period.")];
  const stages = ["applicants", "interviewed", "offered", "started"];
  const config = {
    type: "bar",
    data: {
      labels: ["Applied", "Interviewed", "Offered a job", "Started work"],
      datasets: rows.map((row, i) => ({
        label: groupLabel(row),
        data: stages.map((s) => row[s]),
        backgroundColor: PALETTE[i % PALETTE.length],
      })),
    },
    options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  };
  const tableRows = [...rows, report.total].map((row) => [
    groupLabel(row),
    count(row.applicants),
    count(row.interviewed),
    count(row.offered),
    count(row.started),
    figureCell(row, "applied_to_started", (v) => formatRate(v)),
    figureCell(row, "median_days_to_start", days),
  ]);
  const numbers = table(
    "Applicants by stage and source",
    ["Source", { text: "Applied", number: true }, { text: "Interviewed", number: true }, { text: "Offered", number: true }, { text: "Started", number: true }, { text: "Applied to started", number: true }, { text: "Median time to start", number: true }],
    tableRows,
  );
  return [
    chartFigure({
      id: "funnel-chart",
      title: "How many reached each stage, by source",
      summary: `${report.total.applicants} applied and ${report.total.started} started work.`,
      config,
      table: numbers,
    }),
  ];
}

function costsSection(report) {
  const rows = report.groups;
  if (!rows.length) return [empty("No applicants or spend in this period.")];
  const retained = (row, i) => row.retention?.[i] || {};
  const config = {
    type: "bar",
    data: {
      labels: rows.map(groupLabel),
      datasets: [
        { label: "Cost per hire", data: rows.map((r) => pounds(r.cost_per_hire_pence)), backgroundColor: PALETTE[0] },
        {
          label: "Cost per hire still in post at 12 months",
          data: rows.map((r) => pounds(retained(r, 2).cost_per_retained_hire_pence)),
          backgroundColor: PALETTE[1],
        },
      ],
    },
    options: {
      scales: { y: moneyAxis() },
      plugins: { tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${formatPence(Math.round(c.raw * 100))}` } } },
    },
  };
  const tableRows = [...rows, report.total].map((row) => [
    groupLabel(row),
    figureCell(row, "spend_pence", formatPence),
    count(row.applicants),
    count(row.starters),
    figureCell(row, "cost_per_applicant_pence", formatPence),
    figureCell(row, "cost_per_hire_pence", formatPence),
    ...[0, 1, 2].map((i) => figureCell(retained(row, i), "cost_per_retained_hire_pence", formatPence)),
  ]);
  const numbers = table(
    "Spend and cost per hire by source",
    ["Source", { text: "Spend", number: true }, { text: "Applicants", number: true }, { text: "Starters", number: true }, { text: "Cost per applicant", number: true }, { text: "Cost per hire", number: true }, { text: "Per hire still in post at 3 months", number: true }, { text: "at 6 months", number: true }, { text: "at 12 months", number: true }],
    tableRows,
  );
  return [
    chartFigure({
      id: "costs-chart",
      title: "Cost per hire, and per hire still in post after 12 months",
      summary: "Bars for each source; a missing bar means the figure cannot be worked out yet.",
      config,
      table: numbers,
    }),
    el("p", { className: "hint" }, `Costs set what you spent on each source in the period against the people who applied in the period, whenever they started. A hire's value to you is taken as ${formatPence(report.replacement_cost_pence)}, the average cost of replacing a care worker.`),
  ];
}

// A Kaplan-Meier curve as points for a stepped line: 100% at day 0, a step at each leaving day,
// flat to the longest time anyone has been observed.
function curvePoints(row) {
  const points = [{ x: 0, y: 100 }];
  for (const step of row.curve || []) points.push({ x: step.day, y: percent(step.survival) });
  const last = points[points.length - 1];
  if (row.longest_observed_days && row.longest_observed_days > last.x) {
    points.push({ x: row.longest_observed_days, y: last.y });
  }
  return points;
}

function retentionSection(report) {
  const rows = report.groups.filter((r) => r.starters > 0);
  if (!rows.length) return [empty("Nobody who applied in this period has started work yet.")];
  const config = {
    type: "line",
    data: {
      datasets: rows.map((row, i) => ({
        label: groupLabel(row),
        data: curvePoints(row),
        stepped: true,
        borderColor: PALETTE[i % PALETTE.length],
        backgroundColor: PALETTE[i % PALETTE.length],
        borderWidth: 3,
        pointRadius: 3,
      })),
    },
    options: {
      scales: {
        x: { type: "linear", beginAtZero: true, title: { display: true, text: "Days since starting" } },
        y: { ...percentAxis(), title: { display: true, text: "Still in post" } },
      },
    },
  };
  const markCell = (mark) => {
    if (!mark) return { text: "", number: true };
    if (mark.rate === null || mark.rate === undefined) {
      return { text: el("span", { className: "withheld" }, `– ${reasonText(mark.rate_reason_text)}`), number: true };
    }
    return { text: `${formatRate(mark.rate)} (${mark.retained} of ${mark.eligible})`, number: true };
  };
  const tableRows = [...rows, report.total].map((row) => [
    groupLabel(row),
    count(row.starters),
    count(row.leavers),
    count(row.early_leavers),
    ...[0, 1, 2].map((i) => markCell(row.retention?.[i])),
  ]);
  const numbers = table(
    "Starters still in post, by source",
    ["Source", { text: "Starters", number: true }, { text: "Left", number: true }, { text: "Left within 90 days", number: true }, ...[91, 182, 365].map((d) => ({ text: `In post at ${MONTHS[d]}`, number: true }))],
    tableRows,
  );
  return [
    chartFigure({
      id: "retention-chart",
      title: "Share of starters still in post, by days since starting",
      summary: "One stepped line per source, falling each time someone leaves.",
      config,
      table: numbers,
    }),
    el("p", { className: "hint" }, "A starter counts at 3, 6 or 12 months only once they could have been in post that long; more recent starters are left out of that figure rather than counted as stayers."),
  ];
}

function benchmarkFinder(report) {
  const byId = new Map((report.benchmarks || []).map((b) => [b.id, b]));
  return (id) => byId.get(id) || { label: id };
}

function workforceSection(report) {
  const total = report.total;
  const benchmark = benchmarkFinder(report);
  const measures = [
    { name: "turnover", title: "Turnover", comparisons: total.turnover_benchmarks || [] },
    { name: "vacancy_rate", title: "Vacancy rate", comparisons: total.vacancy_rate_benchmarks || [] },
  ];
  const bars = [];
  const tableRows = [];
  for (const measure of measures) {
    const yours = total[measure.name];
    bars.push({ label: `Your ${measure.title.toLowerCase()}`, value: percent(yours), yours: true });
    tableRows.push([`Your ${measure.title.toLowerCase()}`, figureCell(total, measure.name, (v) => formatRate(v)), { text: "", number: true }]);
    for (const comparison of measure.comparisons) {
      const b = benchmark(comparison.benchmark);
      bars.push({ label: b.label, value: percent(comparison.value), yours: false });
      const difference =
        comparison.difference === null || comparison.difference === undefined
          ? ""
          : `${comparison.difference > 0 ? "+" : ""}${(comparison.difference * 100).toFixed(1)} points`;
      tableRows.push([`${b.label}${b.source ? ` (${b.source})` : ""}`, { text: formatRate(comparison.value), number: true }, { text: difference, number: true }]);
    }
  }
  const config = {
    type: "bar",
    data: {
      labels: bars.map((b) => b.label),
      datasets: [
        {
          label: "Rate",
          data: bars.map((b) => b.value),
          backgroundColor: bars.map((b) => (b.yours ? PALETTE[0] : "#8c8c8c")),
        },
      ],
    },
    options: {
      indexAxis: "y",
      scales: { x: { beginAtZero: true, ticks: { callback: (v) => `${v}%` } } },
      plugins: { legend: { display: false } },
    },
  };
  const numbers = table(
    "Your rates and the sector's",
    ["Measure", { text: "Rate", number: true }, { text: "Yours minus this", number: true }],
    tableRows,
  );
  const basis = total.snapshot_date
    ? `From your staff count of ${formatDate(total.snapshot_date)}: ${total.staff} staff, ${total.vacancies} vacancies${total.leavers === null || total.leavers === undefined ? "" : `, ${total.leavers} leavers in the 12 months before`}.`
    : "Record a staff count on the tracker page to see your turnover and vacancy rates.";
  return [
    el("p", {}, basis),
    chartFigure({
      id: "workforce-chart",
      title: "Your turnover and vacancy rates beside published figures",
      summary: "Your rates in blue, published sector figures in grey.",
      config,
      table: numbers,
    }),
  ];
}

// next_pound lists picks: {source_id, label, starters, cost_per_expected_stayer_pence} (and a
// warning for those with too few hires); the source's full row adds its return on spend.
function nextPoundSection(report) {
  const sources = new Map(report.sources.map((s) => [s.group?.source_id, s]));
  const ranked = report.next_pound?.ranked || [];
  const few = report.next_pound?.too_few_hires || [];
  const nodes = [];
  if (ranked.length) {
    nodes.push(el("p", {}, "Sources ranked by what each starter expected to stay a year cost you, cheapest first. Put more into the top of the list."));
    nodes.push(
      el(
        "ol",
        {},
        ...ranked.map((pick) => {
          const cost = pick.cost_per_expected_stayer_pence;
          const roi = sources.get(pick.source_id)?.roi;
          const roiText = roi === null || roi === undefined ? "" : `; return on spend ${formatRate(roi, 0)}`;
          return el(
            "li",
            {},
            el("strong", {}, pick.label),
            cost === null || cost === undefined
              ? `: ${reasonText(pick.cost_per_expected_stayer_pence_reason_text)}`
              : `: ${formatPence(cost)} for each starter expected to stay a year${roiText}.`,
          );
        }),
      ),
    );
  } else {
    nodes.push(el("p", {}, `No source has ${report.min_hires_to_judge} or more starters in this period yet, so none can be ranked fairly. Keep recording applicants and spend, or choose a longer period.`));
  }
  if (few.length) {
    nodes.push(
      el("p", {}, `Too few starters to judge yet (fewer than ${report.min_hires_to_judge}): `, few.map((pick) => `${pick.label} (${pick.starters})`).join(", "), "."),
    );
  }
  return nodes;
}

async function load(from, to, asOf) {
  const params = query({ from, to, as_of: asOf, by: "source" });
  const [funnel, roi, retention, workforce] = await Promise.all([
    api(`/api/v1/reports/funnel${params}`),
    api(`/api/v1/reports/roi${params}`),
    api(`/api/v1/reports/retention${params}`),
    api(`/api/v1/reports/workforce${query({ from, to, as_of: asOf })}`),
  ]);
  const fill = (id, nodes) => document.getElementById(id).replaceChildren(...nodes);
  fill("next-pound", nextPoundSection(roi));
  fill("funnel", funnelSection(funnel));
  fill("costs", costsSection(roi));
  fill("retention", retentionSection(retention));
  fill("workforce", workforceSection(workforce));
  drawCharts(document.getElementById("dashboard"));
}

function start() {
  if (!requireKey("provider", document.getElementById("dashboard-gate"))) return;
  document.getElementById("dashboard").hidden = false;
  const form = document.getElementById("period-form");
  const params = new URLSearchParams(location.search);
  const to = params.get("to") || todayIso();
  form.elements.to.value = to;
  form.elements.from.value = params.get("from") || monthsBefore(to, 12);
  form.elements.as_of.value = params.get("as_of") || "";
  onSubmit(
    form,
    async (data) => {
      const from = data.get("from");
      const until = data.get("to");
      const asOf = data.get("as_of");
      const shown = new URLSearchParams({ from, to: until });
      if (asOf) shown.set("as_of", asOf);
      history.replaceState(null, "", `?${shown}`);
      await load(from, until, asOf);
      return "Figures updated.";
    },
    { busyText: "Working out your figures…" },
  );
  form.requestSubmit();
}

start();
