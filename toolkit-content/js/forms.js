// Form handling shared by the tracker and team pages: one submit path that stops double
// submission, clears old errors, shows the API's errors beside their fields and reports success
// in the form's status line.

import { clearErrors, showFieldError, showProblem } from "./api.js";

// Thrown by a form's action for a mistake the page can see without asking the server.
export class FieldProblem extends Error {
  constructor(control, message) {
    super(message);
    this.control = control;
  }
}

export function setStatus(form, text) {
  const line = form.querySelector(".status-line");
  if (line) line.textContent = text;
}

// Calls `action(formData)` on submit. Its result, if a string, is shown in the form's status
// line. options.rowsControl receives a CSV import's row errors.
export function onSubmit(form, action, options = {}) {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (form.dataset.busy) return;
    const buttons = [...form.querySelectorAll("button[type=submit]")];
    form.dataset.busy = "true";
    buttons.forEach((b) => (b.disabled = true));
    clearErrors(form);
    setStatus(form, options.busyText || "");
    try {
      const message = await action(new FormData(form), event.submitter);
      setStatus(form, typeof message === "string" ? message : "");
    } catch (error) {
      setStatus(form, "");
      if (error instanceof FieldProblem) showFieldError(form, error.control, error.message);
      else showProblem(form, error, { rowsControl: options.rowsControl });
    } finally {
      delete form.dataset.busy;
      buttons.forEach((b) => (b.disabled = false));
    }
  });
}

// Fills a <select> with options, keeping the current choice when it is still offered. `empty`
// is the label of a first, empty option (none when not given).
export function fillSelect(
  select,
  items,
  { value = (i) => i.id, label = (i) => i.name, empty } = {},
) {
  const chosen = select.value;
  const options = [];
  if (empty !== undefined) options.push(new Option(empty, ""));
  for (const item of items) options.push(new Option(label(item), String(value(item))));
  select.replaceChildren(...options);
  if ([...select.options].some((o) => o.value === chosen)) select.value = chosen;
}

// A text, number or date from FormData, trimmed; null when empty.
export function field(data, name) {
  const value = data.get(name);
  if (value === null) return null;
  const text = String(value).trim();
  return text === "" ? null : text;
}
