// Advert to outcome, shared by the dashboard (one provider's versions and score bands, from
// /api/v1/reports/vacancies) and the team view (the bands across members, from
// /api/v1/kpis/vacancies). The bands, their labels and the statement of the figures' limits come
// from the report itself (lib/metrics/vacancy_outcomes.hpp); a figure without a value shows its
// reason.

import { el, table } from "./dom.js";
import { formatDate, formatRate, reasonText } from "./format.js";

const MARKS = ["3 months", "6 months", "12 months"];

const oneDecimal = (value) => Number(value).toLocaleString("en-GB", { maximumFractionDigits: 1 });

// A number cell for a figure of `row` that may be missing: its value, or a dash and the reason.
function figure(row, name, format = String) {
  const value = row?.[name];
  if (value === null || value === undefined) {
    const why = row?.[`${name}_reason_text`];
    return {
      text: el("span", { className: "withheld" }, why ? `– ${reasonText(why)}` : "–"),
      number: true,
    };
  }
  return { text: format(value), number: true };
}

// A team figure ({value, providers, reason_text}): its value, or a dash and why (withheld).
function teamFigure(f, format = String) {
  if (f?.value === null || f?.value === undefined) {
    return {
      text: el("span", { className: "withheld" }, `– ${reasonText(f?.reason_text ?? "")}`),
      number: true,
    };
  }
  return { text: format(f.value), number: true };
}

// "engaging 60, essentials 80" from the checker's category scores.
function categoryText(scores) {
  if (!scores || typeof scores !== "object") return String(scores ?? "");
  return Object.entries(scores)
    .map(([name, score]) => `${name} ${score}`)
    .join(", ");
}

// The statement of what the figures can and cannot show, as the report words it.
export function limitsNote(report) {
  return el(
    "p",
    { className: "panel notice advert-limits" },
    el("strong", {}, "Read with care. "),
    report.limits,
  );
}

function retentionCells(row) {
  return [0, 1, 2].map((i) => {
    const mark = row.retention?.[i] ?? {};
    return figure(
      mark,
      "rate",
      (rate) => `${formatRate(rate)} (${mark.retained} of ${mark.eligible})`,
    );
  });
}

const versionName = (v) => `${v.role || `Vacancy ${v.vacancy_id}`}, version ${v.version}`;

// Two tables each for the versions and the bands, narrow enough to read without scrolling.
function versionsTables(report) {
  const reach = report.versions.map((v) => [
    versionName(v),
    { text: String(v.score), number: true },
    categoryText(v.category_scores),
    `${formatDate(v.live_from)} to ${v.live_to ? formatDate(v.live_to) : "now"}`,
    figure(v, "views"),
    figure(v, "apply_clicks"),
    figure(v, "applicants"),
    figure(v, "from_vacancy_page"),
  ]);
  const outcome = report.versions.map((v) => [
    versionName(v),
    figure(v, "interviewed"),
    figure(v, "offered"),
    figure(v, "started"),
    ...retentionCells(v),
    figure(v, "days_to_fill", (d) => `${oneDecimal(d)} days`),
  ]);
  return [
    table(
      "Each advert version: its score and who it reached",
      [
        "Vacancy and advert version",
        { text: "Score", number: true },
        "Category scores",
        "Live",
        { text: "Page views", number: true },
        { text: "Apply clicks", number: true },
        { text: "Applicants", number: true },
        { text: "Via the vacancy page", number: true },
      ],
      reach,
    ),
    table(
      "Each advert version: how far its applicants got",
      [
        "Vacancy and advert version",
        { text: "Interviewed", number: true },
        { text: "Offered", number: true },
        { text: "Started", number: true },
        ...MARKS.map((m) => ({ text: `Still in post at ${m}`, number: true })),
        { text: "Days to fill (opening to first start)", number: true },
      ],
      outcome,
    ),
  ];
}

function bandsTables(report) {
  const label = new Map(report.score_bands.map((b) => [b.score_band, b.label]));
  const name = (b) => `Scores ${label.get(b.score_band) ?? b.label}`;
  const reach = report.bands.map((b) => [
    name(b),
    figure(b, "versions"),
    figure(b, "applicants"),
    figure(b, "applicants_per_week", oneDecimal),
    figure(b, "started"),
  ]);
  const stayed = report.bands.map((b) => [
    name(b),
    ...retentionCells(b),
    ...[0, 1, 2].map((i) => figure(b.retention?.[i], "retained_per_100_applicants", oneDecimal)),
  ]);
  return [
    table(
      "By advert score band: applicants and starters",
      [
        "Advert score",
        { text: "Advert versions", number: true },
        { text: "Applicants", number: true },
        { text: "Applicants per week open", number: true },
        { text: "Started", number: true },
      ],
      reach,
    ),
    table(
      "By advert score band: who stayed",
      [
        "Advert score",
        ...MARKS.map((m) => ({ text: `Still in post at ${m}`, number: true })),
        ...MARKS.map((m) => ({ text: `In post at ${m} per 100 applicants`, number: true })),
      ],
      stayed,
    ),
  ];
}

// The dashboard's section: the limits first, then the versions and the bands.
export function vacancySection(report) {
  const nodes = [limitsNote(report)];
  if (!report.versions.length) {
    nodes.push(el("p", {}, "No published vacancy was live in this period."));
    return nodes;
  }
  nodes.push(...versionsTables(report), ...bandsTables(report));
  return nodes;
}

// The team view's section: the bands across members, withheld behind fewer than
// report.min_providers providers.
export function teamBandsSection(report) {
  const rows = report.bands.map((b) => [
    `Scores ${b.label}`,
    teamFigure(b.applicants),
    teamFigure(b.applicants_per_week, oneDecimal),
    teamFigure(b.started),
    ...[0, 1, 2].map((i) => teamFigure(b.retention?.[i]?.rate, (r) => formatRate(r))),
    ...[0, 1, 2].map((i) => teamFigure(b.retention?.[i]?.retained_per_100_applicants, oneDecimal)),
    { text: String(b.applicants?.providers ?? 0), number: true },
  ]);
  return [
    limitsNote(report),
    el(
      "p",
      { className: "hint" },
      `A figure that stands on fewer than ${report.min_providers} providers is withheld.`,
    ),
    table(
      "Advert score bands across all members",
      [
        "Advert score",
        { text: "Applicants", number: true },
        { text: "Applicants per week open", number: true },
        { text: "Started", number: true },
        ...MARKS.map((m) => ({ text: `Still in post at ${m}`, number: true })),
        ...MARKS.map((m) => ({ text: `Still in post at ${m} per 100 applicants`, number: true })),
        { text: "Providers", number: true },
      ],
      rows,
    ),
  ];
}
