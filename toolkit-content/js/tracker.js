// The tracker page (provider key): record applicants, see them by stage and record the next
// stage each reached, record spend, sources, vacancies and staff counts, and move the CSV forms
// in and out. Every write goes through the API, and every refusal is shown beside its field.

import { api, listAll, showNotice } from "./api.js";
import { el, table } from "./dom.js";
import { FieldProblem, field, fillSelect, onSubmit, setStatus } from "./forms.js";
import { formatDate, formatPence, monthsBefore, parsePounds, todayIso } from "./format.js";
import { requireKey } from "./layout.js";

const STAGES = [
  { key: "applied", title: "Applied" },
  { key: "interviewed", title: "Interviewed" },
  { key: "offered", title: "Offered a job" },
  { key: "started", title: "Started work" },
  { key: "left", title: "Left" },
  { key: "closed", title: "Did not continue" },
];

// The steps that can follow each stage, the usual next one first.
const NEXT_STEPS = {
  applied: ["interviewed", "offered", "started", "withdrawn", "rejected"],
  interviewed: ["offered", "started", "withdrawn", "rejected"],
  offered: ["started", "withdrawn", "rejected"],
  started: ["left"],
  left: [],
  closed: [],
};

const STEP_NAMES = {
  interviewed: "Interviewed",
  offered: "Offered a job",
  started: "Started work",
  left: "Left",
  withdrawn: "Withdrew",
  rejected: "Not taken forward",
};

const NEEDS_REASON = new Set(["left", "withdrawn", "rejected"]);

const CHANNEL_NAMES = {
  job_board: "Job board",
  social_media: "Social media",
  staff_referral: "Staff referral",
  jobcentre_plus: "Jobcentre Plus",
  careers_event: "Careers fair or event",
  own_website: "Our own website",
  agency: "Recruitment agency",
  other: "Other",
};

const TRANSFERS = [
  { name: "applicants", title: "Applicants" },
  { name: "spend", title: "Spend" },
  { name: "headcounts", title: "Staff and vacancy counts" },
];

const state = { sources: [], vacancies: [], applicants: [] };

function sourceName(id) {
  return state.sources.find((s) => s.id === id)?.name || `source ${id}`;
}

function stageOf(applicant) {
  if (applicant.outcome) return "closed";
  if (applicant.left_on) return "left";
  if (applicant.started_on) return "started";
  if (applicant.offered_on) return "offered";
  if (applicant.interviewed_on) return "interviewed";
  return "applied";
}

function setDefaultDates(root) {
  for (const input of root.querySelectorAll("input[data-default=today]")) {
    if (!input.value) input.value = todayIso();
  }
}

// Every select that lists sources or vacancies, refilled after a change.
function refreshChoices() {
  for (const select of document.querySelectorAll("select[data-options=sources]")) {
    fillSelect(select, state.sources, {
      label: (s) => `${s.name} (${CHANNEL_NAMES[s.channel] || s.channel})`,
    });
  }
  for (const select of document.querySelectorAll("select[data-options=vacancies]")) {
    fillSelect(select, state.vacancies, {
      label: (v) => `${v.role} (opened ${formatDate(v.opened_on)})`,
      empty: "None",
    });
  }
  document.getElementById("no-sources").hidden = state.sources.length > 0;
}

function history(applicant) {
  const lines = [`Applied ${formatDate(applicant.applied_on)} through ${sourceName(applicant.source_id)}`];
  if (applicant.interviewed_on) lines.push(`Interviewed ${formatDate(applicant.interviewed_on)}`);
  if (applicant.offered_on) lines.push(`Offered ${formatDate(applicant.offered_on)}`);
  if (applicant.started_on) lines.push(`Started ${formatDate(applicant.started_on)}`);
  if (applicant.left_on) {
    lines.push(`Left ${formatDate(applicant.left_on)}${applicant.left_reason ? `: ${applicant.left_reason}` : ""}`);
  }
  if (applicant.outcome) lines.push(applicant.outcome === "withdrawn" ? "Withdrew" : "Not taken forward");
  return lines.map((line) => el("p", {}, line));
}

function moveForm(applicant) {
  const steps = NEXT_STEPS[stageOf(applicant)];
  if (!steps.length) return null;
  const id = applicant.id;
  const hidden = (text) => el("span", { className: "visually-hidden" }, text);
  const select = el("select", { id: `step-${id}`, name: "stage" });
  for (const step of steps) select.append(new Option(STEP_NAMES[step], step));
  const date = el("input", {
    type: "date",
    id: `on-${id}`,
    name: "on",
    value: todayIso(),
    "data-field": "date interviewed_on offered_on started_on left_on applied_on",
  });
  const reasonField = el(
    "div",
    { className: "field", hidden: !NEEDS_REASON.has(steps[0]) },
    el("label", { for: `reason-${id}` }, "Reason ", hidden(`for ${applicant.reference} `), "(optional)"),
    el("input", { type: "text", id: `reason-${id}`, name: "reason", autocomplete: "off" }),
  );
  select.addEventListener("change", () => {
    reasonField.hidden = !NEEDS_REASON.has(select.value);
  });
  const form = el(
    "form",
    { novalidate: true, "data-applicant": id },
    el("div", { className: "field" }, el("label", { for: select.id }, "Next step", hidden(` for ${applicant.reference}`)), select),
    el("div", { className: "field" }, el("label", { for: date.id }, "Date", hidden(` for ${applicant.reference}`)), date),
    reasonField,
    el("button", { type: "submit", className: "small" }, "Record", hidden(` next step for ${applicant.reference}`)),
    el("p", { className: "status-line", role: "status", "aria-live": "polite" }),
  );
  onSubmit(form, async (data) => {
    const body = { stage: data.get("stage"), on: field(data, "on") || "" };
    const reason = field(data, "reason");
    if (reason && NEEDS_REASON.has(body.stage)) body.reason = reason;
    const updated = await api(`/api/v1/applicants/${id}/events`, { method: "POST", json: body });
    replaceApplicant(updated);
    renderBoard();
    announceBoard(`${updated.reference}: ${STEP_NAMES[body.stage].toLowerCase()} on ${formatDate(body.on)}.`);
    const next = document.getElementById(`step-${id}`) || document.getElementById(`applicant-${id}-name`);
    next?.focus();
  });
  return form;
}

function applicantCard(applicant) {
  return el(
    "li",
    { className: "applicant", id: `applicant-${applicant.id}`, "data-reference": applicant.reference },
    el("h4", { id: `applicant-${applicant.id}-name`, tabindex: "-1" }, applicant.reference),
    ...history(applicant),
    moveForm(applicant),
  );
}

function renderBoard() {
  const columns = STAGES.map((stage) => {
    const people = state.applicants.filter((a) => stageOf(a) === stage.key);
    const list = people.length
      ? el("ul", {}, ...people.map(applicantCard))
      : el("p", { className: "hint" }, "Nobody at this stage.");
    return el(
      "section",
      { className: "stage-column", "data-stage": stage.key, "aria-labelledby": `stage-${stage.key}` },
      el("h3", { id: `stage-${stage.key}` }, `${stage.title} (${people.length})`),
      list,
    );
  });
  document.getElementById("board").replaceChildren(...columns);
}

function announceBoard(text) {
  document.getElementById("board-status").textContent = text;
}

function replaceApplicant(updated) {
  const at = state.applicants.findIndex((a) => a.id === updated.id);
  if (at === -1) state.applicants.unshift(updated);
  else state.applicants[at] = updated;
}

async function loadApplicants() {
  const filter = new FormData(document.getElementById("board-filter"));
  state.applicants = await listAll("/api/v1/applicants", {
    applied_from: field(filter, "applied_from"),
    reference: field(filter, "reference"),
  });
  state.applicants.sort((a, b) => b.applied_on.localeCompare(a.applied_on) || b.id - a.id);
  renderBoard();
  announceBoard(`${state.applicants.length} applicant${state.applicants.length === 1 ? "" : "s"} shown.`);
}

async function loadSpend() {
  const from = monthsBefore(todayIso(), 12);
  const entries = await listAll("/api/v1/spend", { from });
  entries.sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id);
  const total = entries.reduce((sum, e) => sum + e.amount_pence, 0);
  const rows = entries.map((e) => [
    formatDate(e.date),
    sourceName(e.source_id),
    { text: formatPence(e.amount_pence), number: true },
    e.note || "",
  ]);
  document.getElementById("spend-list").replaceChildren(
    entries.length
      ? table(
          `Spend in the last 12 months: ${formatPence(total)}`,
          ["Date", "Source", { text: "Amount", number: true }, "Note"],
          rows,
        )
      : el("p", {}, "No spend recorded in the last 12 months."),
  );
}

function renderSources() {
  const rows = state.sources.map((s) => [s.name, CHANNEL_NAMES[s.channel] || s.channel]);
  document.getElementById("source-list").replaceChildren(
    rows.length ? table("Your sources", ["Name", "Kind of channel"], rows) : el("p", {}, "No sources yet."),
  );
}

function renderVacancies() {
  const rows = state.vacancies.map((v) => [v.role, formatDate(v.opened_on), v.closed_on ? formatDate(v.closed_on) : "Open"]);
  document.getElementById("vacancy-list").replaceChildren(
    rows.length ? table("Your vacancies", ["Job title", "Opened", "Closed"], rows) : el("p", {}, "No vacancies recorded."),
  );
}

async function loadHeadcounts() {
  const counts = await listAll("/api/v1/headcounts");
  counts.sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id);
  const rows = counts.slice(0, 12).map((c) => [
    formatDate(c.date),
    { text: String(c.staff), number: true },
    { text: String(c.vacancies), number: true },
    { text: c.leavers === null || c.leavers === undefined ? "not given" : String(c.leavers), number: true },
  ]);
  document.getElementById("headcount-list").replaceChildren(
    rows.length
      ? table(
          "Latest counts",
          ["Date", { text: "Staff", number: true }, { text: "Vacancies", number: true }, { text: "Leavers in 12 months", number: true }],
          rows,
        )
      : el("p", {}, "No counts recorded yet."),
  );
}

async function loadSourcesAndVacancies() {
  [state.sources, state.vacancies] = await Promise.all([
    listAll("/api/v1/sources"),
    listAll("/api/v1/vacancies", { open: true }),
  ]);
  state.sources.sort((a, b) => a.name.localeCompare(b.name));
  refreshChoices();
  renderSources();
  renderVacancies();
}

function wholeNumber(form, name, { optional = false } = {}) {
  const control = form.elements[name];
  const text = control.value.trim();
  if (text === "" && optional) return null;
  if (!/^\d+$/.test(text)) {
    throw new FieldProblem(control, optional ? "Enter a whole number, or leave it blank." : "Enter a whole number, such as 40.");
  }
  return Number(text);
}

function bindForms() {
  const applicantForm = document.getElementById("applicant-form");
  onSubmit(applicantForm, async (data) => {
    const body = {
      reference: field(data, "reference") || "",
      source_id: Number(data.get("source_id")) || 0,
      applied_on: field(data, "applied_on") || "",
    };
    if (!body.reference) throw new FieldProblem(applicantForm.elements.reference, "Enter a reference.");
    if (!body.source_id) throw new FieldProblem(applicantForm.elements.source_id, "Add a source first, under Sources.");
    const vacancy = Number(data.get("vacancy_id"));
    if (vacancy) body.vacancy_id = vacancy;
    const created = await api("/api/v1/applicants", { method: "POST", json: body });
    replaceApplicant(created);
    renderBoard();
    applicantForm.elements.reference.value = "";
    applicantForm.elements.reference.focus();
    return `Recorded ${created.reference}, applied ${formatDate(created.applied_on)}.`;
  });

  const spendForm = document.getElementById("spend-form");
  onSubmit(spendForm, async (data) => {
    const amount = parsePounds(data.get("amount") || "");
    if (amount === null) throw new FieldProblem(spendForm.elements.amount, "Enter an amount in pounds, such as 250 or 1,200.50.");
    const body = { source_id: Number(data.get("source_id")) || 0, date: field(data, "date") || "", amount_pence: amount };
    if (!body.source_id) throw new FieldProblem(spendForm.elements.source_id, "Add a source first, under Sources.");
    const note = field(data, "note");
    if (note) body.note = note;
    const created = await api("/api/v1/spend", { method: "POST", json: body });
    spendForm.elements.amount.value = "";
    spendForm.elements.note.value = "";
    await loadSpend();
    return `Recorded ${formatPence(created.amount_pence)} on ${sourceName(created.source_id)}.`;
  });

  const sourceForm = document.getElementById("source-form");
  onSubmit(sourceForm, async (data) => {
    const name = field(data, "name");
    if (!name) throw new FieldProblem(sourceForm.elements.name, "Enter the source's name.");
    const created = await api("/api/v1/sources", { method: "POST", json: { name, channel: data.get("channel") } });
    sourceForm.elements.name.value = "";
    await loadSourcesAndVacancies();
    return `Added ${created.name}.`;
  });

  const vacancyForm = document.getElementById("vacancy-form");
  onSubmit(vacancyForm, async (data) => {
    const role = field(data, "role");
    if (!role) throw new FieldProblem(vacancyForm.elements.role, "Enter the job title.");
    const created = await api("/api/v1/vacancies", { method: "POST", json: { role, opened_on: field(data, "opened_on") || "" } });
    vacancyForm.elements.role.value = "";
    await loadSourcesAndVacancies();
    return `Added the vacancy for ${created.role}.`;
  });

  const headcountForm = document.getElementById("headcount-form");
  onSubmit(headcountForm, async (data) => {
    const body = {
      date: field(data, "date") || "",
      staff: wholeNumber(headcountForm, "staff"),
      vacancies: wholeNumber(headcountForm, "vacancies"),
    };
    const leavers = wholeNumber(headcountForm, "leavers", { optional: true });
    if (leavers !== null) body.leavers = leavers;
    await api("/api/v1/headcounts", { method: "POST", json: body });
    await loadHeadcounts();
    return `Recorded ${body.staff} staff and ${body.vacancies} vacancies on ${formatDate(body.date)}.`;
  });

  const filter = document.getElementById("board-filter");
  let timer = 0;
  const reload = () => {
    clearTimeout(timer);
    timer = setTimeout(() => loadApplicants().catch((e) => showNotice(document.getElementById("board"), e)), 300);
  };
  filter.addEventListener("input", reload);
  filter.addEventListener("submit", (event) => {
    event.preventDefault();
    reload();
  });
}

// "Imported 3 rows: 1 new, 2 updated, 0 unchanged; new sources: Indeed." The import names the
// sources and services it had to create, so that a typo in the file is easy to spot, and what it
// skipped or replaced.
function summaryText(summary) {
  const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
  const parts = [`${summary.created} new`, `${summary.updated} updated`, `${summary.unchanged} unchanged`];
  const extra = [];
  if (summary.new_sources?.length) extra.push(`new sources: ${summary.new_sources.join(", ")}`);
  if (summary.new_services?.length) extra.push(`new services: ${summary.new_services.join(", ")}`);
  if (summary.new_vacancies) extra.push(plural(summary.new_vacancies, "new vacancy", "new vacancies"));
  // What was skipped, learnt or replaced, in the server's words.
  extra.push(...(summary.notes ?? []));
  return `Imported ${plural(summary.rows, "row", "rows")}: ${parts.join(", ")}${extra.length ? `; ${extra.join("; ")}` : ""}.`;
}

// Saves text as a file through a temporary link: the export needs the key in a header, so a
// plain link to the API cannot be used.
function download(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv" }));
  const link = el("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function transferCard({ name, title }) {
  const file = el("input", { type: "file", id: `import-${name}`, name: "file", accept: ".csv,text/csv" });
  const form = el(
    "form",
    { novalidate: true, id: `import-${name}-form` },
    el("div", { className: "field" }, el("label", { for: file.id }, `CSV file of ${title.toLowerCase()}`), file),
    el(
      "div",
      { className: "actions" },
      el("button", { type: "submit", value: "import" }, "Import"),
      el("button", { type: "submit", value: "export", className: "secondary" }, "Export"),
    ),
    el("p", { className: "status-line", role: "status", "aria-live": "polite" }),
  );
  onSubmit(
    form,
    async (data, submitter) => {
      if (submitter?.value === "export") {
        const text = await api(`/api/v1/export/${name}.csv`);
        download(`${name}.csv`, text);
        return `Exported ${title.toLowerCase()} as ${name}.csv.`;
      }
      const chosen = file.files[0];
      if (!chosen) throw new FieldProblem(file, "Choose a CSV file to import.");
      const summary = await api(`/api/v1/import/${name}`, { method: "POST", body: await chosen.text(), contentType: "text/csv" });
      await loadAll();
      return summaryText(summary);
    },
    { rowsControl: file },
  );
  return el("section", { className: "card", "aria-labelledby": `transfer-${name}` }, el("h3", { id: `transfer-${name}` }, title), form);
}

async function loadAll() {
  await loadSourcesAndVacancies();
  await Promise.all([loadApplicants(), loadSpend(), loadHeadcounts()]);
}

async function start() {
  const gate = document.getElementById("tracker-gate");
  if (!requireKey("provider", gate)) return;
  const page = document.getElementById("tracker");
  page.hidden = false;
  setDefaultDates(page);
  document.getElementById("board-from").value = monthsBefore(todayIso(), 12);
  document.getElementById("transfers").replaceChildren(...TRANSFERS.map(transferCard));
  bindForms();
  try {
    await loadAll();
  } catch (error) {
    showNotice(gate, error);
  }
  setStatus(document.getElementById("applicant-form"), "");
}

start();
