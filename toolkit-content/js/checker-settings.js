// A provider's own checker settings: rules switched off, allowed terms and house terms, edited as
// rows and saved whole (PUT /api/v1/settings/checker), with the history of changes below.
//
// Contract: the page shows nothing but a sign-in notice without a provider key. A save sends the
// version the page loaded, so a save made elsewhere in between is refused (409) rather than
// overwritten. A problem's field (a JSON pointer such as /house_terms/1/replacement) is shown
// beside the control with that data-field.

import "./layout.js";
import { api, clearErrors, showProblem } from "./api.js";
import { el } from "./dom.js";
import { requireKey } from "./layout.js";

const CATEGORIES = ["clarity", "inclusive", "engaging", "values", "essentials"];
let rules = [];
let version = 0;
let rowCounter = 0;

// A labelled control in a .field, with the data-field the API's problems name.
function field(label, control, pointer) {
  const id = `setting-${++rowCounter}`;
  control.id = id;
  control.dataset.field = pointer;
  return el("div", { className: "field" }, el("label", { for: id }, label), control);
}

function removeButton(row, what) {
  const button = el("button", { type: "button", className: "secondary" }, `Remove ${what}`);
  button.addEventListener("click", () => {
    row.remove();
    renumber();
  });
  return button;
}

// Rows carry their list's index in their controls' data-field, kept in order after a removal.
function renumber() {
  for (const [list, key] of [
    ["disabled-rules", "disabled_rules"],
    ["allowed-terms", "allowed_terms"],
    ["house-terms", "house_terms"],
  ]) {
    [...document.getElementById(list).children].forEach((row, index) => {
      for (const control of row.querySelectorAll("[data-field]")) {
        const name = control.dataset.name;
        control.dataset.field = `/${key}/${index}${name ? `/${name}` : ""}`;
      }
    });
  }
}

function select(options, value) {
  const control = el(
    "select",
    {},
    ...options.map(([v, text]) => el("option", { value: v, selected: v === value }, text)),
  );
  return control;
}

function disabledRuleRow(id = "") {
  const row = el("div", { className: "field-row" });
  const control = select(
    [["", "Choose a rule"], ...rules.map((r) => [r.id, `${r.id}: ${r.message}`])],
    id,
  );
  control.required = true;
  row.append(field("Rule", control, ""), removeButton(row, "this rule"));
  return row;
}

function allowedTermRow(term = { term: "", where: "everywhere" }) {
  const row = el("div", { className: "field-row" });
  const input = el("input", {
    type: "text",
    value: term.term,
    maxlength: 100,
    spellcheck: "false",
  });
  input.dataset.name = "term";
  const where = select(
    [
      ["everywhere", "Everywhere"],
      ["explained", "Only where the advert explains it"],
    ],
    term.where,
  );
  where.dataset.name = "where";
  row.append(field("Term", input, ""), field("Where", where, ""), removeButton(row, "this term"));
  return row;
}

function houseTermRow(
  term = { term: "", replacement: "", message: "", category: "clarity", weight: 3 },
) {
  const row = el("div", { className: "field-row" });
  const controls = {
    term: el("input", { type: "text", value: term.term, maxlength: 100 }),
    replacement: el("input", { type: "text", value: term.replacement, maxlength: 200 }),
    message: el("input", { type: "text", value: term.message, maxlength: 500 }),
    category: select(
      CATEGORIES.map((c) => [c, c[0].toUpperCase() + c.slice(1)]),
      term.category,
    ),
    weight: el("input", {
      type: "number",
      min: 0,
      max: 10,
      step: 1,
      value: term.weight,
      inputmode: "numeric",
    }),
  };
  const labels = {
    term: "Term",
    replacement: "Write instead",
    message: "Why (shown with the finding)",
    category: "Category",
    weight: "Points lost",
  };
  for (const [name, control] of Object.entries(controls)) {
    control.dataset.name = name;
    row.append(field(labels[name], control, ""));
  }
  row.dataset.severity = term.severity || "suggestion";
  row.append(removeButton(row, "this house term"));
  return row;
}

// The document the rows hold, as the API reads it.
function documentFromForm() {
  const rowsOf = (id) => [...document.getElementById(id).children];
  const value = (row, name) => row.querySelector(`[data-name="${name}"]`).value;
  return {
    version,
    disabled_rules: rowsOf("disabled-rules").map((row) => row.querySelector("select").value),
    allowed_terms: rowsOf("allowed-terms").map((row) => ({
      term: value(row, "term").trim(),
      where: value(row, "where"),
    })),
    house_terms: rowsOf("house-terms").map((row) => {
      const weight = value(row, "weight").trim();
      return {
        term: value(row, "term").trim(),
        replacement: value(row, "replacement").trim(),
        message: value(row, "message").trim(),
        category: value(row, "category"),
        severity: row.dataset.severity,
        weight: /^\d+$/.test(weight) ? Number(weight) : weight,
      };
    }),
  };
}

function show(settings) {
  version = settings.version;
  document
    .getElementById("disabled-rules")
    .replaceChildren(...settings.disabled_rules.map((id) => disabledRuleRow(id)));
  document
    .getElementById("allowed-terms")
    .replaceChildren(...settings.allowed_terms.map((t) => allowedTermRow(t)));
  document
    .getElementById("house-terms")
    .replaceChildren(...settings.house_terms.map((t) => houseTermRow(t)));
  renumber();
}

async function showHistory() {
  const page = await api("/api/v1/settings/checker/history?limit=1000");
  const items = page.items.slice().reverse().slice(0, 20);
  document.getElementById("settings-history").hidden = items.length === 0;
  document
    .getElementById("history-list")
    .replaceChildren(
      ...items.map((change) =>
        el(
          "li",
          {},
          el(
            "p",
            {},
            `Version ${change.version}, ` +
              `${change.changed_at.replace("T", " ").replace("Z", " UTC")}, ` +
              `by ${change.changed_by}`,
          ),
          el("ul", {}, ...change.changes.map((sentence) => el("li", {}, sentence))),
        ),
      ),
    );
}

function addRow(listId, row) {
  document.getElementById(listId).append(row);
  renumber();
  row.querySelector("input, select").focus();
}

async function start() {
  if (!requireKey("provider", document.getElementById("settings-gate"))) return;
  const form = document.getElementById("settings-form");
  const status = document.getElementById("settings-status");
  try {
    const [ruleSet, settings] = await Promise.all([
      api("/api/v1/rules", { key: false }),
      api("/api/v1/settings/checker"),
    ]);
    rules = ruleSet.packs.flatMap((pack) => pack.rules);
    show(settings);
    form.hidden = false;
    await showHistory();
  } catch (error) {
    form.hidden = false;
    showProblem(form, error);
    return;
  }
  document
    .getElementById("add-disabled-rule")
    .addEventListener("click", () => addRow("disabled-rules", disabledRuleRow()));
  document
    .getElementById("add-allowed-term")
    .addEventListener("click", () => addRow("allowed-terms", allowedTermRow()));
  document
    .getElementById("add-house-term")
    .addEventListener("click", () => addRow("house-terms", houseTermRow()));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    status.textContent = "Saving…";
    try {
      const saved = await api("/api/v1/settings/checker", {
        method: "PUT",
        json: documentFromForm(),
      });
      show(saved);
      status.textContent = saved.changes.length
        ? `Saved as version ${saved.version}: ${saved.changes.join("; ")}.`
        : "Nothing changed: these are the settings already saved.";
      await showHistory();
    } catch (error) {
      status.textContent = "";
      showProblem(form, error);
    }
  });
}

start();
