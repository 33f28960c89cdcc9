// The tracker page (provider key): record applicants, see them by stage (board.js) and record the
// next stage each reached, record and correct spend and staff counts, add sources, write and
// publish vacancies (the server checks each before it opens and names every gap), and move the
// CSV forms in and out. Every write goes through the API, and every refusal is shown
// beside its field. The stages, channels and outcomes come from the server's vocabulary.

import { ApiError, api, listAll, showNotice, showProblem } from "./api.js";
import { Board } from "./board.js";
import { el, table } from "./dom.js";
import { FieldProblem, field, fillSelect, onSubmit, setStatus } from "./forms.js";
import { formatDate, formatPence, monthsBefore, parsePounds, todayIso } from "./format.js";
import { requireKey } from "./layout.js";
import { loadVocabulary } from "./vocabulary.js";

const TRANSFERS = [
  { name: "applicants", title: "Applicants" },
  { name: "spend", title: "Spend" },
  { name: "headcounts", title: "Staff and vacancy counts" },
];

// The headcount form's choice for a count of the whole provider rather than one service.
const WHOLE_PROVIDER = "provider";

const state = {
  vocabulary: null,
  board: null,
  sources: [],
  services: [],
  vacancies: [],
};

function sourceName(id) {
  return state.sources.find((s) => s.id === id)?.name || `source ${id}`;
}

function serviceName(id) {
  if (id === null || id === undefined) return "Whole provider";
  return state.services.find((s) => s.id === id)?.name || `service ${id}`;
}

// A count's service inside a sentence: "Birch House nursing" or "the whole provider".
function serviceInSentence(id) {
  return id === null || id === undefined ? "the whole provider" : serviceName(id);
}

function setDefaultDates(root) {
  for (const input of root.querySelectorAll("input[data-default=today]")) {
    if (!input.value) input.value = todayIso();
  }
}

// Every select that lists sources, vacancies, services or channels, refilled after a change.
function refreshChoices() {
  const vocabulary = state.vocabulary;
  for (const select of document.querySelectorAll("select[data-options=sources]")) {
    fillSelect(select, state.sources, {
      label: (s) => `${s.name} (${vocabulary.channelLabel(s.channel)})`,
      empty: "Choose a source",
    });
  }
  for (const select of document.querySelectorAll("select[data-options=vacancies]")) {
    fillSelect(select, state.vacancies, {
      label: (v) => `${v.role} (opened ${formatDate(v.opened_on)})`,
      empty: "None",
    });
  }
  for (const select of document.querySelectorAll("select[data-options=channels]")) {
    fillSelect(select, vocabulary.channels, {
      value: (c) => c.name,
      label: (c) => c.label,
      empty: "Choose the kind of channel",
    });
  }
  for (const select of document.querySelectorAll("select[data-options=services]")) {
    const whole = {
      id: WHOLE_PROVIDER,
      name: "The whole provider (all services together)",
    };
    if (state.services.length)
      fillSelect(select, [...state.services, whole], {
        empty: "Choose a service",
      });
    else fillSelect(select, [{ ...whole, name: "The whole provider" }]);
  }
  for (const select of document.querySelectorAll("select[data-options=pay-periods]")) {
    fillSelect(select, vocabulary.payPeriods, {
      value: (p) => p.name,
      label: (p) => p.label,
    });
  }
  for (const select of document.querySelectorAll("select[data-options=employment-types]")) {
    fillSelect(select, vocabulary.employmentTypes, {
      value: (t) => t.name,
      label: (t) => t.label,
      empty: "Not given",
    });
  }
  document.getElementById("no-sources").hidden = state.sources.length > 0;
}

// A record form (spend, staff count) edits an existing record while data-editing holds its id:
// its submit button then saves the changes, and Cancel goes back to recording a new one.
function startEditing(form, id, message) {
  form.dataset.editing = String(id);
  form.querySelector("button[data-create]").textContent = "Save changes";
  form.querySelector("[data-cancel-edit]").hidden = false;
  setStatus(form, message);
  form.scrollIntoView({ block: "nearest" });
  form.querySelector("select, input")?.focus();
}

function stopEditing(form) {
  delete form.dataset.editing;
  const submit = form.querySelector("button[data-create]");
  submit.textContent = submit.dataset.create;
  form.querySelector("[data-cancel-edit]").hidden = true;
}

function editing(form) {
  return form.dataset.editing ? Number(form.dataset.editing) : 0;
}

// The Edit and Delete buttons of a table row; `what` names the record for people who cannot see
// the row ("spend of £250.00 on Indeed, 3 March 2025").
function rowActions(what, onEdit, onDelete) {
  const hiddenText = (text) => el("span", { className: "visually-hidden" }, text);
  const edit = el(
    "button",
    { type: "button", className: "secondary small" },
    "Edit",
    hiddenText(` the ${what}`),
  );
  const remove = el(
    "button",
    { type: "button", className: "danger small" },
    "Delete",
    hiddenText(` the ${what}`),
  );
  edit.addEventListener("click", onEdit);
  remove.addEventListener("click", async () => {
    if (window.confirm(`Delete the ${what}? This cannot be undone.`)) await onDelete();
  });
  return el("div", { className: "row-actions" }, edit, remove);
}

// Runs a row's delete, reporting the outcome in `form`'s status line or beside it.
async function deleteRecord(form, path, done, message) {
  try {
    await api(path, { method: "DELETE" });
    if (editing(form) === Number(path.split("/").pop())) stopEditing(form);
    await done();
    setStatus(form, message);
  } catch (error) {
    showProblem(form, error);
  }
}

function describeSpend(entry) {
  return (
    `spend of ${formatPence(entry.amount_pence)} on ${sourceName(entry.source_id)}, ` +
    `${formatDate(entry.date)}`
  );
}

async function loadSpend() {
  const form = document.getElementById("spend-form");
  const from = monthsBefore(todayIso(), 12);
  const entries = await listAll("/api/v1/spend", { from });
  entries.sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id);
  const total = entries.reduce((sum, e) => sum + e.amount_pence, 0);
  const rows = entries.map((e) => [
    formatDate(e.date),
    sourceName(e.source_id),
    { text: formatPence(e.amount_pence), number: true },
    e.note || "",
    rowActions(
      describeSpend(e),
      () => editSpend(form, e),
      () =>
        deleteRecord(form, `/api/v1/spend/${e.id}`, loadSpend, `Deleted the ${describeSpend(e)}.`),
    ),
  ]);
  document
    .getElementById("spend-list")
    .replaceChildren(
      entries.length
        ? table(
            `Spend in the last 12 months: ${formatPence(total)}`,
            ["Date", "Source", { text: "Amount", number: true }, "Note", "Change"],
            rows,
          )
        : el("p", {}, "No spend recorded in the last 12 months."),
    );
}

function editSpend(form, entry) {
  form.elements.source_id.value = String(entry.source_id);
  form.elements.date.value = entry.date;
  form.elements.amount.value = (entry.amount_pence / 100).toFixed(2);
  form.elements.note.value = entry.note || "";
  startEditing(form, entry.id, `Change the ${describeSpend(entry)} above, then save.`);
}

function renderSources() {
  const rows = state.sources.map((s) => [s.name, state.vocabulary.channelLabel(s.channel)]);
  document
    .getElementById("source-list")
    .replaceChildren(
      rows.length
        ? table("Your sources", ["Name", "Kind of channel"], rows)
        : el("p", {}, "No sources yet."),
    );
}

// "the vacancy for Care assistant (draft)", for buttons and messages.
function describeVacancy(v) {
  return `vacancy for ${v.role} (${state.vocabulary.vacancyStatusLabel(v.status).toLowerCase()})`;
}

// A draft can be edited or deleted; an open vacancy edited (its advert is checked again), seen
// on its public page or closed.
function vacancyActions(form, v) {
  if (v.status !== "open") {
    return rowActions(
      describeVacancy(v),
      () => editVacancy(form, v),
      () =>
        deleteRecord(
          form,
          `/api/v1/vacancies/${v.id}`,
          loadSourcesAndVacancies,
          `Deleted the ${describeVacancy(v)}.`,
        ),
    );
  }
  const hiddenText = (text) => el("span", { className: "visually-hidden" }, text);
  const edit = el(
    "button",
    { type: "button", className: "secondary small" },
    "Edit",
    hiddenText(` the ${describeVacancy(v)}`),
  );
  const close = el(
    "button",
    { type: "button", className: "danger small" },
    "Close",
    hiddenText(` the ${describeVacancy(v)}`),
  );
  edit.addEventListener("click", () => editVacancy(form, v));
  close.addEventListener("click", async () => {
    if (!window.confirm(`Close the ${describeVacancy(v)}? Its page will say it has closed.`))
      return;
    try {
      await api(`/api/v1/vacancies/${v.id}/close`, { method: "POST" });
      if (editing(form) === v.id) stopEditing(form);
      await loadSourcesAndVacancies();
      setStatus(form, `Closed the vacancy for ${v.role}.`);
    } catch (error) {
      showProblem(form, error);
    }
  });
  return el("div", { className: "row-actions" }, edit, close);
}

function renderVacancies() {
  const form = document.getElementById("vacancy-form");
  const rows = state.vacancies.map((v) => [
    v.role,
    state.vocabulary.vacancyStatusLabel(v.status),
    v.closing_on ? formatDate(v.closing_on) : "Not given",
    {
      text: v.advert_score === null ? "" : String(v.advert_score),
      number: true,
    },
    v.status === "open"
      ? el(
          "a",
          { href: `/vacancies/${v.id}` },
          "See the page",
          el("span", { className: "visually-hidden" }, ` for ${v.role}`),
        )
      : "",
    vacancyActions(form, v),
  ]);
  document
    .getElementById("vacancy-list")
    .replaceChildren(
      rows.length
        ? table(
            "Your vacancies",
            [
              "Job title",
              "Status",
              "Closing date",
              { text: "Advert score", number: true },
              "Public page",
              "Change",
            ],
            rows,
          )
        : el("p", {}, "No vacancies recorded."),
    );
}

function poundsText(pence) {
  return pence === null || pence === undefined ? "" : (pence / 100).toFixed(2);
}

function editVacancy(form, v) {
  const set = (name, value) => (form.elements[name].value = value ?? "");
  set("role", v.role);
  set("opened_on", v.opened_on);
  set("closing_on", v.closing_on);
  set("town", v.town);
  set("postcode_district", v.postcode_district);
  set("pay_min_pence", poundsText(v.pay_min_pence));
  set("pay_max_pence", poundsText(v.pay_max_pence));
  set("pay_period", v.pay_period);
  set("hours_per_week", v.hours_per_week === null ? "" : String(v.hours_per_week));
  set("employment_type", v.employment_type);
  set("apply_url", v.apply_url);
  set("apply_phone", v.apply_phone);
  set("apply_email", v.apply_email);
  set("advert_text", v.advert_text);
  startEditing(
    form,
    v.id,
    v.status === "open"
      ? `Change the vacancy for ${v.role} above, then publish the changes: they are checked again.`
      : `Change the vacancy for ${v.role} above, then save it or publish it.`,
  );
}

// Pay in pounds as typed ("12.80", "£24,500"), in pence; null when left blank.
function payPence(form, name) {
  const text = form.elements[name].value.trim();
  if (text === "") return null;
  const pence = parsePounds(text);
  if (pence === null)
    throw new FieldProblem(form.elements[name], "Enter pay in pounds, such as 12.80 or 24,500.");
  return pence;
}

function hoursPerWeek(form) {
  const control = form.elements.hours_per_week;
  const text = control.value.trim();
  if (text === "") return null;
  if (!/^\d+(\.\d+)?$/.test(text))
    throw new FieldProblem(
      control,
      "Enter the hours as a number, such as 37.5, or leave it blank.",
    );
  return Number(text);
}

// Every field of the vacancy form, as the API takes it: an empty box clears its field.
function vacancyBody(form, data) {
  const role = field(data, "role");
  if (!role) throw new FieldProblem(form.elements.role, "Enter the job title.");
  return {
    role,
    opened_on: field(data, "opened_on") || "",
    closing_on: field(data, "closing_on"),
    town: field(data, "town") || "",
    postcode_district: field(data, "postcode_district") || "",
    pay_min_pence: payPence(form, "pay_min_pence"),
    pay_max_pence: payPence(form, "pay_max_pence"),
    pay_period: data.get("pay_period") || "hour",
    hours_per_week: hoursPerWeek(form),
    employment_type: data.get("employment_type") || null,
    apply_url: field(data, "apply_url") || "",
    apply_phone: field(data, "apply_phone") || "",
    apply_email: field(data, "apply_email") || "",
    advert_text: field(data, "advert_text"),
  };
}

function describeCount(count) {
  return `count of ${formatDate(count.date)} (${serviceInSentence(count.service_id)})`;
}

async function loadHeadcounts() {
  const form = document.getElementById("headcount-form");
  const counts = await listAll("/api/v1/headcounts");
  counts.sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id);
  const number = (value) => ({
    text: value === null || value === undefined ? "not given" : String(value),
    number: true,
  });
  const rows = counts.slice(0, 24).map((c) => [
    formatDate(c.date),
    serviceName(c.service_id),
    number(c.staff),
    number(c.vacancies),
    number(c.leavers),
    rowActions(
      describeCount(c),
      () => editCount(form, c, `Change the ${describeCount(c)} above, then save.`),
      () =>
        deleteRecord(
          form,
          `/api/v1/headcounts/${c.id}`,
          loadHeadcounts,
          `Deleted the ${describeCount(c)}.`,
        ),
    ),
  ]);
  document
    .getElementById("headcount-list")
    .replaceChildren(
      rows.length
        ? table(
            "Latest counts",
            [
              "Date",
              "Service",
              { text: "Staff", number: true },
              { text: "Vacancies", number: true },
              { text: "Leavers in 12 months", number: true },
              "Change",
            ],
            rows,
          )
        : el("p", {}, "No counts recorded yet."),
    );
}

function editCount(form, count, message, { keepFigures = false } = {}) {
  form.elements.service_id.value = count.service_id ? String(count.service_id) : WHOLE_PROVIDER;
  form.elements.date.value = count.date;
  if (!keepFigures) {
    form.elements.staff.value = String(count.staff);
    form.elements.vacancies.value = String(count.vacancies);
    form.elements.leavers.value =
      count.leavers === null || count.leavers === undefined ? "" : String(count.leavers);
  }
  startEditing(form, count.id, message);
}

// The count already recorded for the day and service of `body`, which the server refused as a
// second one.
async function existingCount(body) {
  const counts = await listAll("/api/v1/headcounts", {
    from: body.date,
    to: body.date,
  });
  return counts.find((c) => (c.service_id ?? null) === (body.service_id ?? null)) || null;
}

async function loadSourcesAndVacancies() {
  [state.sources, state.vacancies, state.services] = await Promise.all([
    listAll("/api/v1/sources"),
    listAll("/api/v1/vacancies", { open: true }),
    listAll("/api/v1/services"),
  ]);
  state.sources.sort((a, b) => a.name.localeCompare(b.name));
  state.services.sort((a, b) => a.name.localeCompare(b.name));
  refreshChoices();
  renderSources();
  renderVacancies();
}

function wholeNumber(form, name, { optional = false } = {}) {
  const control = form.elements[name];
  const text = control.value.trim();
  if (text === "" && optional) return null;
  if (!/^\d+$/.test(text)) {
    throw new FieldProblem(
      control,
      optional ? "Enter a whole number, or leave it blank." : "Enter a whole number, such as 40.",
    );
  }
  return Number(text);
}

function chosenSource(form, data) {
  const id = Number(data.get("source_id")) || 0;
  if (!id) {
    throw new FieldProblem(
      form.elements.source_id,
      state.sources.length ? "Choose a source." : "Add a source first, under Sources.",
    );
  }
  return id;
}

function bindApplicantForm() {
  const form = document.getElementById("applicant-form");
  onSubmit(form, async (data) => {
    const body = {
      reference: field(data, "reference") || "",
      applied_on: field(data, "applied_on") || "",
    };
    if (!body.reference) throw new FieldProblem(form.elements.reference, "Enter a reference.");
    body.source_id = chosenSource(form, data);
    const vacancy = Number(data.get("vacancy_id"));
    if (vacancy) body.vacancy_id = vacancy;
    const created = await api("/api/v1/applicants", {
      method: "POST",
      json: body,
    });
    await state.board.load();
    form.elements.reference.value = "";
    form.elements.reference.focus();
    return `Recorded ${created.reference}, applied ${formatDate(created.applied_on)}.`;
  });
}

function bindSpendForm() {
  const form = document.getElementById("spend-form");
  form.querySelector("[data-cancel-edit]").addEventListener("click", () => {
    stopEditing(form);
    form.reset();
    setDefaultDates(form);
    setStatus(form, "");
  });
  onSubmit(form, async (data) => {
    const amount = parsePounds(data.get("amount") || "");
    if (amount === null)
      throw new FieldProblem(
        form.elements.amount,
        "Enter an amount in pounds, such as 250 or 1,200.50.",
      );
    const body = {
      source_id: chosenSource(form, data),
      date: field(data, "date") || "",
      amount_pence: amount,
    };
    const id = editing(form);
    const note = field(data, "note");
    if (note || id) body.note = note || "";
    const saved = await api(id ? `/api/v1/spend/${id}` : "/api/v1/spend", {
      method: id ? "PATCH" : "POST",
      json: body,
    });
    if (id) stopEditing(form);
    form.elements.amount.value = "";
    form.elements.note.value = "";
    await loadSpend();
    return id
      ? `Saved the ${describeSpend(saved)}.`
      : `Recorded ${formatPence(saved.amount_pence)} on ${sourceName(saved.source_id)}.`;
  });
}

function bindHeadcountForm() {
  const form = document.getElementById("headcount-form");
  form.querySelector("[data-cancel-edit]").addEventListener("click", () => {
    stopEditing(form);
    setStatus(form, "");
  });
  onSubmit(form, async (data) => {
    const service = data.get("service_id") || "";
    if (!service)
      throw new FieldProblem(
        form.elements.service_id,
        "Choose the service this count is for, or the whole provider.",
      );
    const body = {
      date: field(data, "date") || "",
      staff: wholeNumber(form, "staff"),
      vacancies: wholeNumber(form, "vacancies"),
    };
    const id = editing(form);
    if (service !== WHOLE_PROVIDER) body.service_id = Number(service);
    else if (id) body.service_id = null;
    const leavers = wholeNumber(form, "leavers", { optional: true });
    if (leavers !== null || id) body.leavers = leavers;
    let saved;
    try {
      saved = await api(id ? `/api/v1/headcounts/${id}` : "/api/v1/headcounts", {
        method: id ? "PATCH" : "POST",
        json: body,
      });
    } catch (error) {
      const first =
        error instanceof ApiError && error.status === 409 && !id ? await existingCount(body) : null;
      if (!first) throw error;
      editCount(form, first, "", { keepFigures: true });
      return (
        `A count for ${formatDate(first.date)} (${serviceInSentence(first.service_id)}) ` +
        `is already recorded: ${first.staff} staff and ${first.vacancies} vacancies. ` +
        "Press “Save changes” to replace it with the figures above, or Cancel."
      );
    }
    if (id) stopEditing(form);
    await loadHeadcounts();
    return (
      `${id ? "Saved" : "Recorded"} ${saved.staff} staff and ${saved.vacancies} ` +
      `vacancies on ${formatDate(saved.date)} (${serviceInSentence(saved.service_id)}).`
    );
  });
}

function bindSourceAndVacancyForms() {
  const sourceForm = document.getElementById("source-form");
  onSubmit(sourceForm, async (data) => {
    const name = field(data, "name");
    if (!name) throw new FieldProblem(sourceForm.elements.name, "Enter the source's name.");
    const channel = data.get("channel");
    if (!channel)
      throw new FieldProblem(sourceForm.elements.channel, "Choose the kind of channel.");
    const created = await api("/api/v1/sources", {
      method: "POST",
      json: { name, channel },
    });
    sourceForm.elements.name.value = "";
    await loadSourcesAndVacancies();
    return `Added ${created.name}.`;
  });

  const vacancyForm = document.getElementById("vacancy-form");
  vacancyForm.querySelector("[data-cancel-edit]").addEventListener("click", () => {
    stopEditing(vacancyForm);
    vacancyForm.reset();
    setDefaultDates(vacancyForm);
    setStatus(vacancyForm, "");
  });
  onSubmit(vacancyForm, async (data, submitter) => {
    const body = vacancyBody(vacancyForm, data);
    const publish = submitter?.value === "publish";
    if (publish) body.status = "open";
    const id = editing(vacancyForm);
    const saved = await api(id ? `/api/v1/vacancies/${id}` : "/api/v1/vacancies", {
      method: id ? "PATCH" : "POST",
      json: body,
    });
    if (id) stopEditing(vacancyForm);
    vacancyForm.reset();
    setDefaultDates(vacancyForm);
    await loadSourcesAndVacancies();
    if (saved.status === "open") {
      return (
        `Published the vacancy for ${saved.role}: advert score ${saved.advert_score}, ` +
        `open until ${formatDate(saved.closing_on)}.`
      );
    }
    return `Saved the vacancy for ${saved.role} as a draft.`;
  });

  const listingForm = document.getElementById("listing-form");
  onSubmit(listingForm, async (data) => {
    const listed = listingForm.elements.listed.checked;
    // The profile first: when it is refused, the listing choice is left as it was.
    const profile = await api("/api/v1/settings/profile", {
      method: "PUT",
      json: {
        town: data.get("town"),
        postcode_district: data.get("postcode_district"),
        description: data.get("description"),
      },
    });
    showProfile(profile);
    await api("/api/v1/settings/listing", { method: "PUT", json: { listed } });
    return listed
      ? "Saved: your open vacancies are listed on the care jobs page, and you on the care employers page."
      : "Saved: you and your vacancies are not listed on the public pages.";
  });
}

// The profile's fields as stored, and the kinds of service the server takes from the services.
function showProfile(profile) {
  const form = document.getElementById("listing-form");
  form.elements.town.value = profile.town;
  form.elements.postcode_district.value = profile.postcode_district;
  form.elements.description.value = profile.description;
  const kinds = profile.service_types.map((name) => state.vocabulary.serviceTypeLabel(name));
  document.getElementById("profile-service-types").textContent = kinds.length
    ? `Kinds of service shown, from your services: ${kinds.join(", ")}.`
    : "No services are recorded yet: the kinds of service shown come from your services.";
}

async function loadListing() {
  const [{ listed }, profile] = await Promise.all([
    api("/api/v1/settings/listing"),
    api("/api/v1/settings/profile"),
  ]);
  document.getElementById("listing-form").elements.listed.checked = listed;
  showProfile(profile);
}

function bindBoardFilter() {
  const filter = document.getElementById("board-filter");
  const board = document.getElementById("board");
  let timer = 0;
  const reload = () => {
    clearTimeout(timer);
    timer = setTimeout(() => state.board.load().catch((e) => showNotice(board, e)), 300);
  };
  filter.addEventListener("input", reload);
  filter.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    state.board.load().catch((e) => showNotice(board, e));
  });
}

// "Imported 3 rows: 1 new, 2 updated, 0 unchanged; new sources: Indeed." The import names the
// sources and services it had to create, so that a typo in the file is easy to spot, and what it
// skipped or replaced.
function summaryText(summary) {
  const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
  const parts = [
    `${summary.created} new`,
    `${summary.updated} updated`,
    `${summary.unchanged} unchanged`,
  ];
  const extra = [];
  if (summary.new_sources?.length) extra.push(`new sources: ${summary.new_sources.join(", ")}`);
  if (summary.new_services?.length) extra.push(`new services: ${summary.new_services.join(", ")}`);
  if (summary.new_vacancies)
    extra.push(plural(summary.new_vacancies, "new vacancy", "new vacancies"));
  // What was skipped, learnt or replaced, in the server's words.
  extra.push(...(summary.notes ?? []));
  const details = extra.length ? `; ${extra.join("; ")}` : "";
  return `Imported ${plural(summary.rows, "row", "rows")}: ${parts.join(", ")}${details}.`;
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
  const file = el("input", {
    type: "file",
    id: `import-${name}`,
    name: "file",
    accept: ".csv,text/csv",
  });
  const form = el(
    "form",
    { novalidate: true, id: `import-${name}-form` },
    el(
      "div",
      { className: "field" },
      el("label", { for: file.id }, `CSV file of ${title.toLowerCase()}`),
      file,
    ),
    el(
      "div",
      { className: "actions" },
      el("button", { type: "submit", value: "import" }, "Import"),
      el("button", { type: "submit", value: "export", className: "secondary" }, "Export"),
    ),
    el("p", {
      className: "status-line",
      role: "status",
      "aria-live": "polite",
    }),
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
      const summary = await api(`/api/v1/import/${name}`, {
        method: "POST",
        body: await chosen.text(),
        contentType: "text/csv",
      });
      await loadAll();
      return summaryText(summary);
    },
    { rowsControl: file },
  );
  return el(
    "section",
    { className: "card", "aria-labelledby": `transfer-${name}` },
    el("h3", { id: `transfer-${name}` }, title),
    form,
  );
}

async function loadAll() {
  await loadSourcesAndVacancies();
  await Promise.all([state.board.load(), loadSpend(), loadHeadcounts(), loadListing()]);
}

async function start() {
  const gate = document.getElementById("tracker-gate");
  if (!requireKey("provider", gate)) return;
  const page = document.getElementById("tracker");
  page.hidden = false;
  setDefaultDates(page);
  document.getElementById("board-from").value = monthsBefore(todayIso(), 12);
  document.getElementById("transfers").replaceChildren(...TRANSFERS.map(transferCard));
  try {
    state.vocabulary = await loadVocabulary();
    state.board = new Board({
      vocabulary: state.vocabulary,
      sources: () => state.sources,
      container: document.getElementById("board"),
      summary: document.getElementById("board-summary"),
      status: document.getElementById("board-status"),
      filter: document.getElementById("board-filter"),
    });
    bindApplicantForm();
    bindSpendForm();
    bindHeadcountForm();
    bindSourceAndVacancyForms();
    bindBoardFilter();
    await loadAll();
    page.dataset.ready = "true";
  } catch (error) {
    showNotice(gate, error);
  }
  setStatus(document.getElementById("applicant-form"), "");
}

start();
