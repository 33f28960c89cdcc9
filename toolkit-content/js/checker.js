// The advert checker page: sends the advert to POST /api/v1/adverts/check (no key needed) and
// shows the report: the score and grade, a bar per category, the advert with each finding
// highlighted in place, and the findings listed beside it with their messages and suggestions.
// After the first check, edits are checked again shortly after typing stops; an answer that
// arrives after a newer request was sent is dropped.

import "./layout.js";
import { api, showFieldError, showProblem, clearErrors, storedRole } from "./api.js";
import { el, table } from "./dom.js";
import { findingClass, renderHighlighted } from "./highlight.js";

const RECHECK_DELAY_MS = 600;

const CATEGORY_NAMES = {
  engaging: "Engaging writing",
  values: "Values",
  clarity: "Plain English",
  inclusive: "Inclusive wording",
  essentials: "Essentials",
};

const SEVERITY_NAMES = {
  critical: "Must change",
  warning: "Should change",
  suggestion: "Could be better",
  info: "For your information",
};

const form = document.getElementById("check-form");
const textarea = document.getElementById("advert-text");
const status = document.getElementById("check-status");
const result = document.getElementById("result");
const advertView = document.getElementById("advert-view");
const tip = document.getElementById("finding-tip");

let current = null; // the request in flight: { controller, serial }
let serial = 0;
let recheckTimer = 0;
let lastReport = null;

function messageId(index) {
  return `finding-${index}-text`;
}

function categoryBar(category) {
  const name = CATEGORY_NAMES[category.category] || category.category;
  const fill = el("div", { className: "bar__fill" });
  const score = Math.max(0, Math.min(100, category.score));
  fill.style.width = `${score}%`;
  fill.classList.add(score < 40 ? "bar__fill--low" : score < 70 ? "bar__fill--mid" : "bar__fill--high");
  return el(
    "li",
    { "data-category": category.category },
    el(
      "span",
      { className: "bar-label" },
      el("span", {}, name),
      el("span", { className: "bar-value" }, `${category.score} out of 100`),
    ),
    el("div", { className: "bar", "aria-hidden": "true" }, fill),
  );
}

function pointsText(points) {
  if (points > 0) return `${points} point${points === 1 ? "" : "s"} won`;
  if (points < 0) return `${-points} point${points === -1 ? "" : "s"} lost`;
  return "no points";
}

function findingItem(finding, index, placed) {
  const kind = finding.points > 0 ? "Going well" : SEVERITY_NAMES[finding.severity] || "Note";
  const meta = el(
    "span",
    { className: "finding-meta" },
    `${kind} · ${CATEGORY_NAMES[finding.category] || finding.category} · ${pointsText(finding.points)}`,
  );
  const explanation = el("span", { id: messageId(index) });
  if (finding.text) {
    explanation.append(el("span", { className: "matched" }, `“${finding.text}”`), ": ");
  }
  explanation.append(finding.message);
  if (finding.detail) explanation.append(` (${finding.detail})`);
  if (finding.suggestion) {
    explanation.append(el("span", { className: "suggestion" }, `Suggestion: ${finding.suggestion}`));
  }
  const item = el(
    "li",
    { id: `finding-${index}`, className: findingClass(finding), "data-rule": finding.rule },
    meta,
    explanation,
  );
  if (placed) {
    const show = el("button", { type: "button", className: "secondary small" }, "Show in advert");
    show.addEventListener("click", () => {
      const mark = document.getElementById(`mark-${index}`);
      if (!mark) return;
      mark.scrollIntoView({ block: "center" });
      mark.focus();
    });
    item.append(show);
  }
  return item;
}

// Findings in three groups, each in report order: to change, going well, for information.
function findingGroups(report) {
  const groups = [
    { title: "To change", test: (f) => f.points < 0 || (f.points === 0 && f.severity !== "info") },
    { title: "Going well", test: (f) => f.points > 0 },
    { title: "For your information", test: (f) => f.points === 0 && f.severity === "info" },
  ];
  const placed = new Set(
    [...advertView.querySelectorAll("mark[id^='mark-']")].map((m) => Number(m.dataset.finding)),
  );
  const nodes = [];
  for (const group of groups) {
    const items = [];
    report.findings.forEach((finding, index) => {
      if (group.test(finding)) items.push(findingItem(finding, index, placed.has(index)));
    });
    if (!items.length) continue;
    nodes.push(
      el("h4", {}, `${group.title} (${items.length})`),
      el("ul", { className: "finding-list" }, ...items),
    );
  }
  if (!nodes.length) nodes.push(el("p", {}, "No findings: the checker found nothing to flag."));
  return nodes;
}

function statisticsTable(report) {
  const s = report.statistics || {};
  const rows = [
    ["Words", { text: String(s.words ?? ""), number: true }],
    ["Sentences", { text: String(s.sentences ?? ""), number: true }],
    ["Average words a sentence (aim for 15 to 20)", { text: String(s.average_sentence_words ?? ""), number: true }],
    ["Longest sentence, in words (aim for 25 or fewer)", { text: String(s.longest_sentence_words ?? ""), number: true }],
    ["Reading ease (60 to 70 is plain English; higher is easier)", { text: String(s.reading_ease ?? ""), number: true }],
  ];
  if (s.you_we) {
    rows.push([
      "Times the advert says “you” against “we”",
      { text: `${s.you_we.first} against ${s.you_we.second}`, number: true },
    ]);
  }
  if (report.gender_coding) {
    rows.push(["Gender coding of the wording", report.gender_coding.verdict]);
  }
  return table("", [{ text: "Measure" }, { text: "Your advert", number: true }], rows);
}

// Why the score is held down: the critical finding that caps it, in the manager's words.
function scoreCapNote(report) {
  const cap = report.score_cap;
  if (!cap) return [];
  const finding = report.findings.find((f) => f.rule === cap.rule && f.points < 0);
  const reason = finding ? finding.message : "a critical problem";
  return [
    `The score is at most ${cap.cap} until this is fixed: ${reason} ` +
      `(without it the categories give ${cap.uncapped}).`,
  ];
}

function render(text, report) {
  lastReport = report;
  document.getElementById("score").textContent = String(report.score);
  document.getElementById("grade").textContent = report.grade;
  document.getElementById("score-cap").replaceChildren(...scoreCapNote(report));
  document.getElementById("score-cap").hidden = !report.score_cap;
  document.getElementById("categories").replaceChildren(...report.categories.map(categoryBar));
  advertView.replaceChildren(renderHighlighted(document, text, report.findings, messageId));
  document.getElementById("finding-groups").replaceChildren(...findingGroups(report));
  document.getElementById("statistics").replaceChildren(statisticsTable(report));
  result.hidden = false;
  result.classList.remove("stale");
  result.removeAttribute("aria-busy");
}

async function check({ announce = true } = {}) {
  const text = textarea.value;
  if (!text.trim()) {
    showFieldError(form, textarea, "Paste your advert into the box first.");
    return;
  }
  clearTimeout(recheckTimer);
  current?.controller.abort();
  const mine = { controller: new AbortController(), serial: ++serial };
  current = mine;
  if (!result.hidden) {
    result.classList.add("stale");
    result.setAttribute("aria-busy", "true");
  }
  if (announce) status.textContent = "Checking…";
  try {
    const report = await api("/api/v1/adverts/check", {
      method: "POST",
      json: { text },
      // Signed in as a provider, the advert is checked with the provider's own settings.
      key: storedRole() === "provider" ? undefined : false,
      signal: mine.controller.signal,
    });
    if (mine.serial !== serial) return;
    clearErrors(form);
    render(text, report);
    const count = report.findings.length;
    status.textContent = `Checked: ${report.score} out of 100 (${report.grade}), ${count} finding${count === 1 ? "" : "s"}.`;
  } catch (error) {
    if (error?.name === "AbortError" || mine.serial !== serial) return;
    status.textContent = "";
    result.classList.remove("stale");
    result.removeAttribute("aria-busy");
    showProblem(form, error);
  } finally {
    if (current === mine) current = null;
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  check();
});

// Ctrl+Enter (or Cmd+Enter) in the box checks without leaving it.
textarea.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    check();
  }
});

textarea.addEventListener("input", () => {
  if (!lastReport) return;
  result.classList.add("stale");
  clearTimeout(recheckTimer);
  recheckTimer = setTimeout(() => check({ announce: false }), RECHECK_DELAY_MS);
});

document.getElementById("load-sample").addEventListener("click", async () => {
  try {
    textarea.value = await api("/samples/weak-advert.txt", { key: false });
    textarea.focus();
    await check();
  } catch (error) {
    showProblem(form, error);
  }
});

// The explanation of the innermost highlight under the pointer or with focus, as a tooltip.
// It stays while the pointer is over it and closes with Escape (WCAG 1.4.13).
let tipFor = null;

function showTip(mark) {
  const index = Number(mark.dataset.finding);
  const finding = lastReport?.findings[index];
  if (!finding) return;
  for (const active of advertView.querySelectorAll("mark.is-active")) active.classList.remove("is-active");
  for (const piece of advertView.querySelectorAll(`mark[data-finding="${index}"]`)) {
    piece.classList.add("is-active");
  }
  const lines = [el("p", {}, el("strong", {}, finding.message))];
  if (finding.suggestion) lines.push(el("p", {}, `Suggestion: ${finding.suggestion}`));
  tip.replaceChildren(...lines);
  tip.hidden = false;
  const box = mark.getBoundingClientRect();
  const left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - tip.offsetWidth - 8));
  tip.style.left = `${left + window.scrollX}px`;
  tip.style.top = `${box.bottom + window.scrollY + 6}px`;
  tipFor = mark;
}

function hideTip() {
  tip.hidden = true;
  tipFor = null;
  for (const active of advertView.querySelectorAll("mark.is-active")) active.classList.remove("is-active");
}

// Tooltip positions are page coordinates: the tooltip must live in <body>, not in <main>.
document.body.append(tip);

advertView.addEventListener("mouseover", (event) => {
  const mark = event.target.closest("mark.finding");
  if (mark && mark !== tipFor) showTip(mark);
});
advertView.addEventListener("mouseout", (event) => {
  if (!tipFor) return;
  const to = event.relatedTarget;
  if (to && (tip.contains(to) || to.closest?.("mark.finding"))) return;
  if (document.activeElement?.closest?.("mark.finding")) return;
  hideTip();
});
tip.addEventListener("mouseleave", (event) => {
  if (!event.relatedTarget?.closest?.("mark.finding")) hideTip();
});
advertView.addEventListener("focusin", (event) => {
  const mark = event.target.closest("mark.finding");
  if (mark) showTip(mark);
});
advertView.addEventListener("focusout", () => hideTip());
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && !tip.hidden) hideTip();
});
