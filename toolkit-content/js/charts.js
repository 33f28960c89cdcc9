// A chart with its numbers as a table: every chart on the dashboard and team view is a <figure>
// holding a Chart.js canvas (described for screen readers) and a <details> with a table of the
// same figures. Chart.js comes from the server at /vendor/chart.js (Debian's libjs-chart.js) as
// the global `Chart`; if it did not load, the table is opened instead and the page says why.

import { el } from "./dom.js";

// Colours with at least 3:1 contrast against white, told apart by more than hue alone when
// printed in grey: they alternate between dark and mid tones.
export const PALETTE = [
  "#1d4f91",
  "#b35c00",
  "#00703c",
  "#6f3b99",
  "#b00020",
  "#0b6b6b",
  "#4a4a4a",
  "#8a6d00",
];

const charts = new Map(); // canvas id -> Chart, so that redrawing replaces the old chart

export function chartsAvailable() {
  return typeof window.Chart === "function";
}

// A figure: { id, title, summary (what the chart shows, in words), config (Chart.js), table }.
// Returns the node; call drawCharts() once it is in the document.
export function chartFigure({ id, title, summary, config, table }) {
  const details = el(
    "details",
    { className: "chart-table" },
    el("summary", {}, `${title}: as a table`),
    table,
  );
  const figure = el(
    "figure",
    { className: "chart-figure", id: `${id}-figure` },
    el("figcaption", {}, title),
  );
  if (chartsAvailable() && config) {
    const canvas = el("canvas", {
      id,
      role: "img",
      "aria-label": `${title}. ${summary} The figures are in the table below.`,
    });
    figure.append(el("div", { className: "chart-box" }, canvas));
    figure.chartConfig = config;
  } else {
    details.open = true;
    if (config) {
      figure.append(
        el(
          "p",
          { className: "hint" },
          "The chart could not be drawn (the charting script did not load); the table holds " +
            "the same figures.",
        ),
      );
    }
  }
  figure.append(details);
  return figure;
}

// Below this width (a phone held upright) labels are wrapped shorter and set smaller.
const NARROW_PX = 480;

// `text` broken into lines of at most `width` characters at spaces (a longer word keeps a line
// of its own), as Chart.js draws an array of strings: one line each.
export function wrapLabel(text, width) {
  const lines = [];
  for (const word of String(text).split(/\s+/)) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= width) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines.length > 1 ? lines : (lines[0] ?? "");
}

// Options that keep a chart's labels whole at the canvas's width: the category axis's labels
// wrapped (Chart.js gives a side axis at most half the width, and cuts off what is longer), a
// smaller font and legend on a phone, and bottom labels laid flat where they fit.
function fittingOptions(config, width) {
  const narrow = width < NARROW_PX;
  const font = { size: narrow ? 11 : 12 };
  const category = config.options?.indexAxis === "y" ? "y" : "x";
  const scales = {};
  for (const [id, scale] of Object.entries(config.options?.scales || {})) {
    scales[id] = { ...scale, ticks: { font, ...scale.ticks } };
  }
  if (config.type === "bar") {
    const lineLength = category === "y" ? (narrow ? 14 : 28) : narrow ? 10 : 16;
    scales[category] = {
      ...scales[category],
      ticks: {
        font,
        autoSkip: false,
        ...(category === "x" && { maxRotation: narrow ? 90 : 0, minRotation: 0 }),
        ...scales[category]?.ticks,
        callback(value) {
          return wrapLabel(this.getLabelForValue(value), lineLength);
        },
      },
    };
  }
  const legend = config.options?.plugins?.legend || {};
  return {
    ...config.options,
    scales,
    plugins: {
      ...config.options?.plugins,
      legend: { ...legend, labels: { boxWidth: narrow ? 12 : 40, font, ...legend.labels } },
    },
  };
}

// Draws the charts of every figure under `root` made by chartFigure.
export function drawCharts(root) {
  if (!chartsAvailable()) return;
  for (const figure of root.querySelectorAll("figure.chart-figure")) {
    const canvas = figure.querySelector("canvas");
    if (!canvas || !figure.chartConfig) continue;
    charts.get(canvas.id)?.destroy();
    const config = figure.chartConfig;
    const options = {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      ...fittingOptions(config, canvas.parentElement.clientWidth),
    };
    charts.set(canvas.id, new window.Chart(canvas, { ...config, options }));
  }
}

export function destroyCharts() {
  for (const chart of charts.values()) chart.destroy();
  charts.clear();
}
