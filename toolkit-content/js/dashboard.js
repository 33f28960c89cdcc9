// The dashboard (provider key): for a chosen period, the funnel by source, cost per hire and per
// retained hire by source, the retention curves, turnover and vacancy rates beside the sector
// benchmarks, where the next pound goes, and what each advert version brought. Figures come from
// /api/v1/reports/* (see lib/metrics/report_json.hpp for their shape); a figure without a value is
// shown with its reason.

import { api, query } from "./api.js";
import { chartFigure, drawCharts, PALETTE } from "./charts.js";
import { el, table } from "./dom.js";
import { onSubmit } from "./forms.js";
import {
  formatDate,
  formatPence,
  formatRate,
  monthsBefore,
  reasonText,
  todayIso,
} from "./format.js";
import { requireKey } from "./layout.js";
import { vacancySection } from "./vacancy-outcomes.js";

const MONTHS = { 91: "3 months", 182: "6 months", 365: "12 months" };

// A cell for a figure that may be null: the value formatted, or a dash and the reason.
function figureCell(row, name, format) {
  const value = row[name];
  if (value === null || value === undefined) {
    return {
      text: el("span", { className: "withheld" }, `– ${reasonText(row[`${name}_reason_text`])}`),
      number: true,
    };
  }
  return { text: format(value), number: true };
}

const count = (value) => ({ text: String(value ?? 0), number: true });
const days = (value) =>
  `${Number(value).toLocaleString("en-GB", { maximumFractionDigits: 1 })} days`;
const pounds = (pence) => (pence === null || pence === undefined ? null : pence / 100);
const percent = (fraction) =>
  fraction === null || fraction === undefined ? null : Math.round(fraction * 1000) / 10;

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

// The funnel's counts are those its report names in `stages`, each with the label of the stage it
// counts, so that the page shows the stages as the tracker names them.
function funnelSection(report) {
  const rows = report.groups;
  if (!rows.length) return [empty("Nobody applied in this period.")];
  const counts = report.stages.map((s) => s.count);
  const labels = report.stages.map((s) => s.label);
  const config = {
    type: "bar",
    data: {
      labels,
      datasets: rows.map((row, i) => ({
        label: groupLabel(row),
        data: counts.map((c) => row[c]),
        backgroundColor: PALETTE[i % PALETTE.length],
      })),
    },
    options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  };
  const tableRows = [...rows, report.total].map((row) => [
    groupLabel(row),
    ...counts.map((c) => count(row[c])),
    figureCell(row, "applied_to_started", (v) => formatRate(v)),
    figureCell(row, "median_days_to_start", days),
  ]);
  const numbers = table(
    "Applicants by stage and source",
    [
      "Source",
      ...labels.map((text) => ({ text, number: true })),
      { text: "Applied to started", number: true },
      { text: "Median time to start", number: true },
    ],
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

// A step's median days in a row of the funnel report, or null.
const stepDays = (row, step) => row.stage_durations?.[step.step] ?? {};

// The slowest step of the row: the one with the highest median days, or null when no step has
// been made. Ties go to the earlier step.
function slowestStep(row, steps) {
  let slowest = null;
  for (const step of steps) {
    const figure = stepDays(row, step);
    if (figure.median_days === null || figure.median_days === undefined) continue;
    if (!slowest || figure.median_days > slowest.figure.median_days) slowest = { step, figure };
  }
  return slowest;
}

function applicantsText(n) {
  return n === 1 ? "1 person" : `${n} people`;
}

// "The slowest step is from interview to offer: a median of 12 days, over 8 people." for all
// sources, and for the source whose slowest step takes longest when there is more than one.
function slowestSentences(report) {
  const steps = report.steps;
  const overall = slowestStep(report.total, steps);
  if (!overall) {
    return [
      empty("Nobody has made a step of the funnel in this period yet, so none can be timed."),
    ];
  }
  const sentences = [
    `The slowest step is ${overall.step.label}: a median of ${days(overall.figure.median_days)}, ` +
      `over ${applicantsText(overall.figure.count)}.`,
  ];
  if (report.groups.length > 1) {
    let worst = null;
    for (const row of report.groups) {
      const slowest = slowestStep(row, steps);
      if (slowest && (!worst || slowest.figure.median_days > worst.slowest.figure.median_days)) {
        worst = { row, slowest };
      }
    }
    if (worst) {
      sentences.push(
        `By source, the longest wait is ${worst.slowest.step.label} for ` +
          `${groupLabel(worst.row)}: a median of ${days(worst.slowest.figure.median_days)}, ` +
          `over ${applicantsText(worst.slowest.figure.count)}.`,
      );
    }
  }
  return [el("p", { className: "slowest-step" }, sentences.join(" "))];
}

// The median days of each step of the funnel by source, with how many made each step.
function stepsSection(report) {
  if (!report.groups.length) return [empty("Nobody applied in this period.")];
  const steps = report.steps;
  const cell = (row, step) => {
    const figure = stepDays(row, step);
    if (figure.median_days === null || figure.median_days === undefined) {
      return {
        text: el(
          "span",
          { className: "withheld" },
          `– ${reasonText(figure.median_days_reason_text)}`,
        ),
        number: true,
      };
    }
    return { text: `${days(figure.median_days)} (${applicantsText(figure.count)})`, number: true };
  };
  const numbers = table(
    "Median days for each step, by source",
    ["Source", ...steps.map((step) => ({ text: `Median days ${step.label}`, number: true }))],
    [...report.groups, report.total].map((row) => [
      groupLabel(row),
      ...steps.map((step) => cell(row, step)),
    ]),
  );
  return [...slowestSentences(report), numbers];
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
        {
          label: "Cost per hire",
          data: rows.map((r) => pounds(r.cost_per_hire_pence)),
          backgroundColor: PALETTE[0],
        },
        {
          label: "Cost per hire still in post at 12 months",
          data: rows.map((r) => pounds(retained(r, 2).cost_per_retained_hire_pence)),
          backgroundColor: PALETTE[1],
        },
      ],
    },
    options: {
      scales: { y: moneyAxis() },
      plugins: {
        tooltip: {
          callbacks: {
            label: (c) => `${c.dataset.label}: ${formatPence(Math.round(c.raw * 100))}`,
          },
        },
      },
    },
  };
  const tableRows = [...rows, report.total].map((row) => [
    groupLabel(row),
    figureCell(row, "spend_pence", formatPence),
    count(row.applicants),
    count(row.starters),
    figureCell(row, "cost_per_applicant_pence", formatPence),
    figureCell(row, "cost_per_hire_pence", formatPence),
    ...[0, 1, 2].map((i) =>
      figureCell(retained(row, i), "cost_per_retained_hire_pence", formatPence),
    ),
  ]);
  const numbers = table(
    "Spend and cost per hire by source",
    [
      "Source",
      { text: "Spend", number: true },
      { text: "Applicants", number: true },
      { text: "Starters", number: true },
      { text: "Cost per applicant", number: true },
      { text: "Cost per hire", number: true },
      { text: "Per hire still in post at 3 months", number: true },
      { text: "at 6 months", number: true },
      { text: "at 12 months", number: true },
    ],
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
    el(
      "p",
      { className: "hint" },
      "Costs set what you spent on each source in the period against the people who applied " +
        "in the period, whenever they started. A hire's value to you is taken as " +
        `${formatPence(report.replacement_cost_pence)}, ` +
        "the average cost of replacing a care worker.",
    ),
  ];
}

// A Kaplan-Meier curve as points for a stepped line: 100% at day 0, a step at each leaving day,
// flat to the longest time anyone has been observed. Each point says what it is, for the table
// that holds the same points as the chart: { x: day, y: percent, at_risk, left, kind }.
function curvePoints(row) {
  const points = [{ x: 0, y: 100, at_risk: row.starters, left: 0, kind: "start" }];
  for (const step of row.curve || []) {
    points.push({
      x: step.day,
      y: percent(step.survival),
      at_risk: step.at_risk,
      left: step.left,
      kind: "step",
    });
  }
  const last = points[points.length - 1];
  if (row.longest_observed_days && row.longest_observed_days > last.x) {
    points.push({ x: row.longest_observed_days, y: last.y, at_risk: null, left: 0, kind: "end" });
  }
  return points;
}

// The curve's points as table rows: one per point the chart draws, for every source.
function curveRows(rows) {
  const said = {
    start: () => "Starting day",
    step: (p) => `${p.left} left of ${p.at_risk} still in post`,
    end: () => "Longest anyone has been followed",
  };
  return rows.flatMap((row) =>
    curvePoints(row).map((p) => [
      groupLabel(row),
      { text: String(p.x), number: true },
      { text: formatRate(p.y / 100), number: true },
      said[p.kind](p),
    ]),
  );
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
        x: {
          type: "linear",
          beginAtZero: true,
          title: { display: true, text: "Days since starting" },
        },
        y: { ...percentAxis(), title: { display: true, text: "Still in post" } },
      },
    },
  };
  const markCell = (mark) => {
    if (!mark) return { text: "", number: true };
    if (mark.rate === null || mark.rate === undefined) {
      return {
        text: el("span", { className: "withheld" }, `– ${reasonText(mark.rate_reason_text)}`),
        number: true,
      };
    }
    return {
      text: `${formatRate(mark.rate)} (${mark.retained} of ${mark.eligible})`,
      number: true,
    };
  };
  const tableRows = [...rows, report.total].map((row) => [
    groupLabel(row),
    count(row.starters),
    count(row.leavers),
    count(row.early_leavers),
    ...[0, 1, 2].map((i) => markCell(row.retention?.[i])),
  ]);
  const marks = table(
    "Starters still in post, by source",
    [
      "Source",
      { text: "Starters", number: true },
      { text: "Left", number: true },
      { text: "Left within 90 days", number: true },
      ...[91, 182, 365].map((d) => ({ text: `In post at ${MONTHS[d]}`, number: true })),
    ],
    tableRows,
  );
  const curve = table(
    "The curve’s points, by source",
    [
      "Source",
      { text: "Days since starting", number: true },
      { text: "Still in post", number: true },
      "What happened",
    ],
    curveRows(rows),
  );
  return [
    chartFigure({
      id: "retention-chart",
      title: "Share of starters still in post, by days since starting",
      summary: "One stepped line per source, falling each time someone leaves.",
      config,
      table: curve,
    }),
    el(
      "p",
      { className: "hint" },
      "The curve counts each starter for as long as they have been followed, so it can fall " +
        "after the last 3, 6 or 12-month mark anyone has reached. The figures below count a " +
        "starter at 3, 6 or 12 months only once they could have been in post that long; more " +
        "recent starters are left out of that figure rather than counted as stayers.",
    ),
    marks,
  ];
}

function benchmarkFinder(report) {
  const byId = new Map((report.benchmarks || []).map((b) => [b.id, b]));
  return (id) => byId.get(id) || { label: id };
}

const MEASURES = [
  { name: "turnover", title: "Turnover", benchmarks: "turnover_benchmarks" },
  { name: "vacancy_rate", title: "Vacancy rate", benchmarks: "vacancy_rate_benchmarks" },
];

function points(difference) {
  if (difference === null || difference === undefined) return "";
  const value = (difference * 100).toFixed(1);
  return `${difference > 0 ? "+" : ""}${value} points`;
}

// The rows of the workforce report, each with the name people know it by: every service, then
// the total ("All services", or "Whole provider" when the headcount was for the whole provider).
function workforceRows(report) {
  const totalLabel =
    report.total_basis === "provider_snapshot" || !report.services.length
      ? "Whole provider"
      : "All services";
  return [
    ...report.services.map((row) => ({ row, label: groupLabel(row) })),
    { row: report.total, label: totalLabel },
  ];
}

// One measure for every service beside the published figure for its own kind of service (the
// first benchmark the report sets it beside: the service type's own where there is one).
function measureFigure(report, measure) {
  const benchmark = benchmarkFinder(report);
  const rows = workforceRows(report);
  const own = (row) => (row[measure.benchmarks] || [])[0];
  const lower = measure.title.toLowerCase();
  const config = {
    type: "bar",
    data: {
      labels: rows.map((r) => r.label),
      datasets: [
        {
          label: `Your ${lower}`,
          data: rows.map((r) => percent(r.row[measure.name])),
          backgroundColor: PALETTE[0],
        },
        {
          label: "Published figure for that kind of service",
          data: rows.map((r) => percent(own(r.row)?.value)),
          backgroundColor: "#767676",
        },
      ],
    },
    options: {
      indexAxis: "y",
      scales: { x: { beginAtZero: true, ticks: { callback: (v) => `${v}%` } } },
      plugins: {
        tooltip: {
          callbacks: {
            label: (c) =>
              c.datasetIndex === 1
                ? `${benchmark(own(rows[c.dataIndex].row)?.benchmark).label}: ${c.raw}%`
                : `${c.dataset.label}: ${c.raw}%`,
          },
        },
      },
    },
  };
  const turnover = measure.name === "turnover";
  const tableRows = rows.map(({ row, label }) => {
    const comparison = own(row);
    const published = comparison ? benchmark(comparison.benchmark) : null;
    return [
      label,
      figureCell(row, measure.name, (v) => formatRate(v)),
      published?.label || "",
      { text: comparison ? formatRate(comparison.value) : "", number: true },
      { text: points(comparison?.difference), number: true },
      ...(turnover ? [figureCell(row, "turnover_cost_pence", formatPence)] : []),
    ];
  });
  const headings = [
    "Service",
    { text: `Your ${lower}`, number: true },
    "Published figure for that kind of service",
    { text: "Published rate", number: true },
    { text: "Yours minus published", number: true },
  ];
  if (turnover) headings.push({ text: "Cost of a year’s leavers", number: true });
  return chartFigure({
    id: `${measure.name.replace("_", "-")}-chart`,
    title: `${measure.title} by service, beside the published figure for that kind of service`,
    summary:
      `For each service, your ${lower} in blue ` +
      "and the published figure for the same kind of service in grey.",
    config,
    table: table(`${measure.title} by service`, headings, tableRows),
  });
}

// The whole provider beside every published figure it is set against, both measures.
function sectorTable(report) {
  const benchmark = benchmarkFinder(report);
  const total = report.total;
  const rows = [];
  for (const measure of MEASURES) {
    rows.push([
      `Your ${measure.title.toLowerCase()}`,
      figureCell(total, measure.name, (v) => formatRate(v)),
      { text: "", number: true },
    ]);
    for (const comparison of total[measure.benchmarks] || []) {
      const b = benchmark(comparison.benchmark);
      rows.push([
        `${b.label}${b.source ? ` (${b.source})` : ""}`,
        { text: formatRate(comparison.value), number: true },
        { text: points(comparison.difference), number: true },
      ]);
    }
  }
  return table(
    "Your rates and the sector's",
    ["Measure", { text: "Rate", number: true }, { text: "Yours minus this", number: true }],
    rows,
  );
}

// What the rates rest on, and what the turnover costs.
function workforceBasis(report) {
  const total = report.total;
  if (!total.snapshot_date)
    return [
      el(
        "p",
        {},
        "Record a staff count on the tracker page to see your turnover and vacancy rates.",
      ),
    ];
  const known = (v) => v !== null && v !== undefined;
  const leavers = known(total.leavers) ? `, ${total.leavers} leavers in the 12 months before` : "";
  const nodes = [
    el(
      "p",
      {},
      `From your staff counts up to ${formatDate(total.snapshot_date)}: ${total.staff} ` +
        `staff, ${total.vacancies} vacancies${leavers}.`,
    ),
  ];
  if (known(total.turnover_cost_pence)) {
    nodes.push(
      el(
        "p",
        { id: "turnover-cost" },
        el(
          "strong",
          {},
          `Your turnover costs about ${formatPence(total.turnover_cost_pence)} a year`,
        ),
        `: ${total.leavers} leaver${total.leavers === 1 ? "" : "s"} at ` +
          `${formatPence(report.replacement_cost_pence)}, ` +
          "the average cost of replacing a care worker.",
      ),
    );
  }
  return nodes;
}

function workforceSection(report) {
  return [
    ...workforceBasis(report),
    ...MEASURES.map((measure) => measureFigure(report, measure)),
    el("h3", {}, "Your whole provider beside the sector"),
    sectorTable(report),
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
    nodes.push(
      el(
        "p",
        {},
        "Sources ranked by what each starter expected to stay a year cost you, cheapest " +
          "first. Put more into the top of the list.",
      ),
    );
    nodes.push(
      el(
        "ol",
        {},
        ...ranked.map((pick) => {
          const cost = pick.cost_per_expected_stayer_pence;
          const roi = sources.get(pick.source_id)?.roi;
          const roiText =
            roi === null || roi === undefined ? "" : `; return on spend ${formatRate(roi, 0)}`;
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
    nodes.push(
      el(
        "p",
        {},
        `No source has ${report.min_hires_to_judge} or more starters in this period yet, ` +
          "so none can be ranked fairly. " +
          "Keep recording applicants and spend, or choose a longer period.",
      ),
    );
  }
  if (few.length) {
    nodes.push(
      el(
        "p",
        {},
        `Too few starters to judge yet (fewer than ${report.min_hires_to_judge}): `,
        few.map((pick) => `${pick.label} (${pick.starters})`).join(", "),
        ".",
      ),
    );
  }
  return nodes;
}

async function load(from, to, asOf) {
  const params = query({ from, to, as_of: asOf, by: "source" });
  const unGrouped = query({ from, to, as_of: asOf });
  const [funnel, roi, retention, workforce, vacancies] = await Promise.all([
    api(`/api/v1/reports/funnel${params}`),
    api(`/api/v1/reports/roi${params}`),
    api(`/api/v1/reports/retention${params}`),
    api(`/api/v1/reports/workforce${unGrouped}`),
    api(`/api/v1/reports/vacancies${unGrouped}`),
  ]);
  const fill = (id, nodes) => document.getElementById(id).replaceChildren(...nodes);
  fill("next-pound", nextPoundSection(roi));
  fill("funnel", funnelSection(funnel));
  fill("steps", stepsSection(funnel));
  fill("costs", costsSection(roi));
  fill("retention", retentionSection(retention));
  fill("workforce", workforceSection(workforce));
  fill("vacancy-outcomes", vacancySection(vacancies));
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
