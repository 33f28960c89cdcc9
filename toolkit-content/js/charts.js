// A chart with its numbers as a table: every chart on the dashboard and team view is a <figure>
// holding a Chart.js canvas (described for screen readers) and a <details> with a table of the
// same figures. Chart.js comes from the server at /vendor/chart.js (Debian's libjs-chart.js) as
// the global `Chart`; if it did not load, the table is opened instead and the page says why.

import { el } from "./dom.js";

// Colours with at least 3:1 contrast against white, told apart by more than hue alone when
// printed in grey: they alternate between dark and mid tones.
export const PALETTE = ["#1d4f91", "#b35c00", "#00703c", "#6f3b99", "#b00020", "#0b6b6b", "#4a4a4a", "#8a6d00"];

const charts = new Map(); // canvas id -> Chart, so that redrawing replaces the old chart

export function chartsAvailable() {
  return typeof window.Chart === "function";
}

// A figure: { id, title, summary (what the chart shows, in words), config (Chart.js), table }.
// Returns the node; call drawCharts() once it is in the document.
export function chartFigure({ id, title, summary, config, table }) {
  const details = el("details", { className: "chart-table" }, el("summary", {}, `${title}: as a table`), table);
  const figure = el("figure", { className: "chart-figure", id: `${id}-figure` }, el("figcaption", {}, title));
  if (chartsAvailable() && config) {
    const canvas = el("canvas", { id, role: "img", "aria-label": `${title}. ${summary} The figures are in the table below.` });
    figure.append(el("div", { className: "chart-box" }, canvas));
    figure.chartConfig = config;
  } else {
    details.open = true;
    if (config) {
      figure.append(el("p", { className: "hint" }, "The chart could not be drawn (the charting script did not load); the table holds the same figures."));
    }
  }
  figure.append(details);
  return figure;
}

// Draws the charts of every figure under `root` made by chartFigure.
export function drawCharts(root) {
  if (!chartsAvailable()) return;
  for (const figure of root.querySelectorAll("figure.chart-figure")) {
    const canvas = figure.querySelector("canvas");
    if (!canvas || !figure.chartConfig) continue;
    charts.get(canvas.id)?.destroy();
    const config = figure.chartConfig;
    config.options = {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      ...config.options,
    };
    charts.set(canvas.id, new window.Chart(canvas, config));
  }
}

export function destroyCharts() {
  for (const chart of charts.values()) chart.destroy();
  charts.clear();
}
