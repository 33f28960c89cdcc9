// The advert checker page: sends the advert to POST /api/v1/adverts/check (no key needed) and
// shows the report: the score and grade, a bar per category (a low one says what would raise
// it), the advert with each finding highlighted in place, and the findings beside it, fix first:
// the three changes worth most, then the rest under must, should and could change, each with its
// guidance and, where the report offers a safe edit, an Apply button. "Apply all safe changes"
// and Undo change the text in the box, and every change is checked again at once.
// After the first check, edits are checked again shortly after typing stops; an answer that
// arrives after a newer request was sent is dropped.

import "./layout.js";
import { api, showFieldError, showProblem, clearErrors, storedRole } from "./api.js";
import { el, table } from "./dom.js";
import { findingClass, renderHighlighted } from "./highlight.js";
import { UndoStack, applyEdits } from "./rewrites.js";

const RECHECK_DELAY_MS = 600;

const CATEGORY_NAMES = {
  engaging: "Engaging writing",
  values: "Values",
  clarity: "Plain English",
  inclusive: "Inclusive wording",
  essentials: "Essentials",
};

// The report's priorities (lib/advert/priority.hpp), in order, as the page names them.
const PRIORITY_GROUPS = [
  { priority: "must", title: "Must change" },
  { priority: "should", title: "Should change" },
  { priority: "could", title: "Could change" },
];
const TOP_CHANGES = 3;
const SHOWN_PER_GROUP = 2;

const form = document.getElementById("check-form");
const textarea = document.getElementById("advert-text");
const status = document.getElementById("check-status");
const result = document.getElementById("result");
const advertView = document.getElementById("advert-view");
const tip = document.getElementById("finding-tip");
const applyAllButton = document.getElementById("apply-all");
const undoButton = document.getElementById("undo");

let current = null; // the request in flight: { controller, serial }
let serial = 0;
let recheckTimer = 0;
let lastReport = null;
let checkedText = null; // the text lastReport was made from
const undo = new UndoStack();

function messageId(index) {
  return `finding-${index}-text`;
}

function categoryBar(category) {
  const name = CATEGORY_NAMES[category.category] || category.category;
  const fill = el("div", { className: "bar__fill" });
  const score = Math.max(0, Math.min(100, category.score));
  fill.style.width = `${score}%`;
  fill.classList.add(
    score < 40 ? "bar__fill--low" : score < 70 ? "bar__fill--mid" : "bar__fill--high",
  );
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
    toRaise(category),
  );
}

// What would raise a low category, with an example sentence and the guidance behind it.
function toRaise(category) {
  const advice = category.to_raise;
  if (!advice) return null;
  return el(
    "p",
    { className: "to-raise" },
    el("strong", {}, "To raise it: "),
    `${advice.advice} For example: “${advice.example}” `,
    el("a", { href: advice.guidance }, "Read the guidance"),
  );
}

function pointsText(points) {
  if (points > 0) return `${points} point${points === 1 ? "" : "s"} won`;
  if (points < 0) return `${-points} point${points === -1 ? "" : "s"} lost`;
  return "no points";
}

function groupName(finding) {
  if (finding.priority)
    return PRIORITY_GROUPS.find((g) => g.priority === finding.priority)?.title || "Change";
  return finding.points > 0 ? "Going well" : "For your information";
}

function findingItem(finding, index, placed) {
  const meta = el(
    "span",
    { className: "finding-meta" },
    `${groupName(finding)} · ${CATEGORY_NAMES[finding.category] || finding.category} · ` +
      `${pointsText(finding.points)}`,
  );
  const explanation = el("span", { id: messageId(index) });
  if (finding.text) {
    explanation.append(el("span", { className: "matched" }, `“${finding.text}”`), ": ");
  }
  explanation.append(finding.message);
  if (finding.detail) explanation.append(` (${finding.detail})`);
  if (finding.suggestion) {
    explanation.append(
      el("span", { className: "suggestion" }, `Suggestion: ${finding.suggestion}`),
    );
  }
  const item = el(
    "li",
    { id: `finding-${index}`, className: findingClass(finding), "data-rule": finding.rule },
    meta,
    explanation,
  );
  const actions = el("span", { className: "finding-actions" });
  if (finding.edit) {
    const apply = el(
      "button",
      { type: "button", className: "small", "data-apply": String(index) },
      `Apply “${finding.edit.replacement}”`,
    );
    apply.addEventListener("click", () =>
      applyChanges([finding.edit], `“${finding.text}” changed to “${finding.edit.replacement}”.`),
    );
    actions.append(apply);
  }
  if (placed) {
    const show = el("button", { type: "button", className: "secondary small" }, "Show in advert");
    show.addEventListener("click", () => {
      const mark = document.getElementById(`mark-${index}`);
      if (!mark) return;
      mark.scrollIntoView({ block: "center" });
      mark.focus();
    });
    actions.append(show);
  }
  if (finding.guidance) {
    actions.append(
      el("a", { href: finding.guidance, className: "guidance-link" }, "Read the guidance on this"),
    );
  }
  item.append(actions);
  return item;
}

function findingList(tag, report, indices, placed) {
  return el(
    tag,
    { className: "finding-list" },
    ...indices.map((i) => findingItem(report.findings[i], i, placed.has(i))),
  );
}

// Fix first: the changes worth most, then the other changes by priority, each group showing its
// first few and the rest behind "Show more"; what is going well and information start collapsed.
function findingGroups(report) {
  const placed = new Set(
    [...advertView.querySelectorAll("mark[id^='mark-']")].map((m) => Number(m.dataset.finding)),
  );
  const all = report.findings.map((_, i) => i);
  const changes = all.filter((i) => report.findings[i].priority);
  const top = changes.slice(0, TOP_CHANGES);
  const nodes = [];
  if (top.length) {
    const title =
      top.length === 1 ? "The change worth most" : `The ${top.length} changes worth most`;
    nodes.push(el("h4", {}, title), findingList("ol", report, top, placed));
  }
  for (const group of PRIORITY_GROUPS) {
    const members = changes
      .slice(TOP_CHANGES)
      .filter((i) => report.findings[i].priority === group.priority);
    if (!members.length) continue;
    nodes.push(
      el("h4", {}, `${group.title} (${members.length})`),
      findingList("ul", report, members.slice(0, SHOWN_PER_GROUP), placed),
    );
    const rest = members.slice(SHOWN_PER_GROUP);
    if (rest.length) {
      nodes.push(
        el(
          "details",
          {},
          el("summary", {}, `Show ${rest.length} more: ${group.title.toLowerCase()}`),
          findingList("ul", report, rest, placed),
        ),
      );
    }
  }
  const settled = [
    [
      "Going well",
      all.filter((i) => !report.findings[i].priority && report.findings[i].points > 0),
    ],
    [
      "For your information",
      all.filter((i) => !report.findings[i].priority && report.findings[i].points <= 0),
    ],
  ];
  for (const [title, members] of settled) {
    if (members.length)
      nodes.push(
        el(
          "details",
          {},
          el("summary", {}, `${title} (${members.length})`),
          findingList("ul", report, members, placed),
        ),
      );
  }
  if (!nodes.length) nodes.push(el("p", {}, "No findings: the checker found nothing to flag."));
  return nodes;
}

// Applies `edits` (from the report of the text in the box) to the advert, keeps the text before
// them for Undo, and checks the new text at once.
function applyChanges(edits, done) {
  if (!edits.length) return;
  if (textarea.value !== checkedText) {
    // The advert was edited since its report: its ranges no longer fit. Check it again first.
    check();
    return;
  }
  undo.push(textarea.value);
  textarea.value = applyEdits(textarea.value, edits);
  updateRewriteButtons();
  undoButton.focus();
  check({ announce: false, prefix: `${done} ` });
}

function updateRewriteButtons() {
  const count = lastReport?.edits?.length || 0;
  applyAllButton.textContent = `Apply all safe changes (${count})`;
  applyAllButton.disabled = count === 0 || textarea.value !== checkedText;
  undoButton.disabled = undo.empty;
}

function statisticsTable(report) {
  const s = report.statistics || {};
  const rows = [
    ["Words", { text: String(s.words ?? ""), number: true }],
    ["Sentences", { text: String(s.sentences ?? ""), number: true }],
    [
      "Average words a sentence (aim for 15 to 20)",
      { text: String(s.average_sentence_words ?? ""), number: true },
    ],
    [
      "Longest sentence, in words (aim for 25 or fewer)",
      { text: String(s.longest_sentence_words ?? ""), number: true },
    ],
    [
      "Reading ease (60 to 70 is plain English; higher is easier)",
      { text: String(s.reading_ease ?? ""), number: true },
    ],
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
  checkedText = text;
  document.getElementById("score").textContent = String(report.score);
  document.getElementById("grade").textContent = report.grade;
  document.getElementById("score-cap").replaceChildren(...scoreCapNote(report));
  document.getElementById("score-cap").hidden = !report.score_cap;
  document.getElementById("categories").replaceChildren(...report.categories.map(categoryBar));
  advertView.replaceChildren(renderHighlighted(document, text, report.findings, messageId));
  document.getElementById("finding-groups").replaceChildren(...findingGroups(report));
  document.getElementById("statistics").replaceChildren(statisticsTable(report));
  updateRewriteButtons();
  result.hidden = false;
  result.classList.remove("stale");
  result.removeAttribute("aria-busy");
}

// `prefix` starts the status line once checked: what was just changed, for screen readers.
async function check({ announce = true, prefix = "" } = {}) {
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
    status.textContent =
      `${prefix}Checked: ${report.score} out of 100 (${report.grade}), ` +
      `${count} finding${count === 1 ? "" : "s"}.`;
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
  // Undo takes back the changes applied with the buttons; typing has the box's own undo.
  undo.clear();
  if (!lastReport) return;
  updateRewriteButtons();
  result.classList.add("stale");
  clearTimeout(recheckTimer);
  recheckTimer = setTimeout(() => check({ announce: false }), RECHECK_DELAY_MS);
});

applyAllButton.addEventListener("click", () => {
  const count = lastReport?.edits?.length || 0;
  applyChanges(lastReport?.edits || [], `${count} safe change${count === 1 ? "" : "s"} applied.`);
});

undoButton.addEventListener("click", () => {
  const previous = undo.pop();
  if (previous === undefined) return;
  textarea.value = previous;
  updateRewriteButtons();
  check({ announce: false, prefix: "Change undone. " });
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
  for (const active of advertView.querySelectorAll("mark.is-active"))
    active.classList.remove("is-active");
  for (const piece of advertView.querySelectorAll(`mark[data-finding="${index}"]`)) {
    piece.classList.add("is-active");
  }
  const lines = [el("p", {}, el("strong", {}, finding.message))];
  if (finding.suggestion) lines.push(el("p", {}, `Suggestion: ${finding.suggestion}`));
  tip.replaceChildren(...lines);
  tip.hidden = false;
  const box = mark.getBoundingClientRect();
  const left = Math.max(
    8,
    Math.min(box.left, document.documentElement.clientWidth - tip.offsetWidth - 8),
  );
  tip.style.left = `${left + window.scrollX}px`;
  tip.style.top = `${box.bottom + window.scrollY + 6}px`;
  tipFor = mark;
}

function hideTip() {
  tip.hidden = true;
  tipFor = null;
  for (const active of advertView.querySelectorAll("mark.is-active"))
    active.classList.remove("is-active");
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
