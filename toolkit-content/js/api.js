// Calls to the toolkit's REST API, and showing what went wrong beside the field it concerns.
//
// Contract:
// - api(path, options) resolves to the parsed JSON body (or text for CSV, or null for 204) and
//   rejects with an ApiError. It never rejects with anything else, except an AbortError when the
//   caller aborted through options.signal, so every page can show every failure the same way.
// - Signing in (signIn) exchanges the key for a session: the server keeps the session, and the
//   browser a cookie that no script can read. The key itself is kept nowhere. api() sends the
//   cookie (same-origin credentials) and, with every write, the session's X-CSRF-Token, which
//   this module holds in memory only. The server refuses a write made with the cookie without it
//   (session_cookies.hpp explains why this stops forgery).
// - Every page, in every tab, learns at start whether someone is signed in and as whom (role,
//   provider, token) from GET /api/v1/sessions/current, before any module that imports this one
//   runs; it asks only when the readable ctk_signed_in cookie says a session was started, so a
//   page seen without one makes no request. storedRole() and signedIn() answer from that.
// - showProblem(form, error) puts the API's problem+json `detail` next to the control whose
//   data-field equals the problem's `field` (a JSON pointer such as "/amount_pence") or whose name
//   equals it without the leading slash; CSV imports' `errors` are listed by line and column.

// A failure to show a person: `title` says what happened, `detail` what to do or what was wrong.
export class ApiError extends Error {
  constructor({ status = 0, title, detail = "", field = "", errors = [], groups = [], type = "" }) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = "ApiError";
    this.status = status; // 0 when the server could not be reached
    this.title = title;
    this.detail = detail;
    this.field = field;
    this.errors = errors;
    this.groups = groups; // a CSV import's errors summed up by column and kind
    this.type = type;
  }
}

// Set by the server beside the session cookie; "__Host-" prefixed when served over TLS.
const SIGNED_IN_COOKIE = /(?:^|;\s*)(?:__Host-)?ctk_signed_in=1(?:;|$)/;

// The session as GET /api/v1/sessions/current or POST /api/v1/sessions answered, or null.
let session = null;

async function loadSession() {
  if (!SIGNED_IN_COOKIE.test(document.cookie)) return null;
  try {
    const response = await fetch("/api/v1/sessions/current", {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
      cache: "no-store",
    });
    return response.ok ? await response.json() : null;
  } catch {
    return null; // the toolkit cannot be reached: the page says so when it calls the API
  }
}

session = await loadSession();

// Whether a session is open in this browser (as found when the page started, or since).
export function signedIn() {
  return session !== null;
}

// The open session: role, provider_id, provider_name, expires_at...; null when signed out.
export function currentSession() {
  return session;
}

// "provider" or "team", or "" when signed out.
export function storedRole() {
  return session?.role || "";
}

// For pages that ask whether someone is signed in: a non-empty marker while a session is open,
// never the key, which no script holds. api() sends a Bearer key only for a real one ("ctk_...").
export function storedKey() {
  return session ? "session" : "";
}

// Exchanges the key for a session; resolves to the session (its role says where to go next).
export async function signIn(key) {
  session = await api("/api/v1/sessions", { method: "POST", json: { key } });
  return session;
}

// Ends the session on the server, which clears its cookies.
export async function signOut() {
  await api("/api/v1/sessions/current", { method: "DELETE" });
  session = null;
}

// The names pages used when the key was kept in the tab.
export const keepKey = signIn;
export const forgetKey = signOut;

// What a person reads when the answer is not a problem+json body (a proxy's page, a crash).
function fallbackProblem(status) {
  if (status >= 500) {
    return {
      title: "The toolkit had a problem on its side",
      detail:
        `It answered with error ${status}. ` +
        "Nothing you entered was lost: try again in a minute.",
    };
  }
  return { title: "The request was refused", detail: `The toolkit answered with error ${status}.` };
}

async function problemFrom(response) {
  const type = response.headers.get("Content-Type") || "";
  let body = null;
  if (type.includes("json")) {
    try {
      body = await response.json();
    } catch {
      body = null;
    }
  }
  if (!body || typeof body !== "object") {
    return new ApiError({ status: response.status, ...fallbackProblem(response.status) });
  }
  const fallback = fallbackProblem(response.status);
  let detail = typeof body.detail === "string" ? body.detail : fallback.detail;
  if (response.status === 429) {
    const wait = response.headers.get("Retry-After");
    if (wait) detail += ` Try again in ${wait} second${wait === "1" ? "" : "s"}.`;
  }
  if (response.status >= 500) {
    detail += " Nothing you entered was lost: try again in a minute.";
  }
  return new ApiError({
    status: response.status,
    title: typeof body.title === "string" ? body.title : fallback.title,
    detail,
    field: typeof body.field === "string" ? body.field : "",
    errors: Array.isArray(body.errors) ? body.errors : [],
    groups: Array.isArray(body.groups) ? body.groups : [],
    type: typeof body.type === "string" ? body.type : "",
  });
}

// Calls the API. options: method, json (an object sent as JSON), body + contentType (raw, such
// as CSV), key (false to send no credentials at all, or a key "ctk_..." to send as a Bearer key
// instead of using the session), signal.
export async function api(path, options = {}) {
  const { method = "GET", json, body, contentType, signal } = options;
  const headers = { Accept: "application/json, application/problem+json, text/csv" };
  const key = typeof options.key === "string" && options.key.startsWith("ctk_") ? options.key : "";
  if (key) {
    headers.Authorization = `Bearer ${key}`;
  } else if (session && method !== "GET" && method !== "HEAD") {
    headers["X-CSRF-Token"] = session.csrf_token;
  }
  const credentials = options.key === false ? "omit" : "same-origin";
  let payload;
  if (json !== undefined) {
    headers["Content-Type"] = "application/json";
    payload = JSON.stringify(json);
  } else if (body !== undefined) {
    headers["Content-Type"] = contentType || "text/plain";
    payload = body;
  }

  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: payload,
      signal,
      credentials,
      cache: "no-store",
    });
  } catch (error) {
    if (error?.name === "AbortError") throw error;
    throw new ApiError({
      title: "The toolkit cannot be reached",
      detail:
        "Check your network connection, or ask whoever runs the toolkit whether it is up. " +
        "Nothing you entered was lost: try again when it is back.",
    });
  }
  if (!response.ok) {
    // The server ended the session (it lapsed, or its key was revoked) and cleared its cookies.
    if (response.status === 401 && !key) session = null;
    throw await problemFrom(response);
  }
  if (response.status === 204) return null;
  const type = response.headers.get("Content-Type") || "";
  try {
    return type.includes("json") ? await response.json() : await response.text();
  } catch (error) {
    if (error?.name === "AbortError") throw error;
    throw new ApiError({
      status: response.status,
      title: "The answer could not be read",
      detail: "The connection broke while the answer arrived. Try again.",
    });
  }
}

// Builds a query string from an object, leaving out empty values.
export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

// Every item of a paged list (items + next_cursor), following the cursor.
export async function listAll(path, params = {}) {
  const items = [];
  let cursor = "";
  do {
    const page = await api(path + query({ ...params, limit: 1000, cursor }));
    items.push(...page.items);
    cursor = page.next_cursor || "";
  } while (cursor);
  return items;
}

let errorCounter = 0;

// The control a problem's field names, inside `form`.
// A control's data-field may list several names, space-separated, with or without the leading
// slash ("on started_on"): a stage's date input answers for every stage's date.
function controlFor(form, field) {
  if (!field) return null;
  const name = field.replace(/^\//, "");
  for (const control of form.querySelectorAll("[data-field], [name]")) {
    const aliases = (control.dataset.field || "").split(/\s+/).map((a) => a.replace(/^\//, ""));
    if (aliases.includes(name) || control.getAttribute("name") === name) return control;
  }
  return null;
}

function messageRegion(form) {
  let region = form.querySelector(":scope > .form-message");
  if (!region) {
    region = document.createElement("div");
    region.className = "form-message";
    region.setAttribute("role", "alert");
    form.prepend(region);
  }
  return region;
}

// Removes the errors showProblem added and the form's message.
export function clearErrors(form) {
  for (const element of form.querySelectorAll(".field-error")) {
    const control = form.querySelector(`[aria-describedby~="${element.id}"]`);
    if (control) {
      const rest = control
        .getAttribute("aria-describedby")
        .split(/\s+/)
        .filter((id) => id && id !== element.id);
      if (rest.length) control.setAttribute("aria-describedby", rest.join(" "));
      else control.removeAttribute("aria-describedby");
      control.removeAttribute("aria-invalid");
    }
    element.remove();
  }
  for (const field of form.querySelectorAll(".field--invalid")) {
    field.classList.remove("field--invalid");
  }
  const region = form.querySelector(":scope > .form-message");
  if (region) region.replaceChildren();
}

// Shows `content` (a string or a node) as the error of `control`, above it as GOV.UK does.
function markInvalid(control, content) {
  const message = document.createElement("span");
  message.className = "field-error";
  message.id = `error-${++errorCounter}`;
  const prefix = document.createElement("span");
  prefix.className = "visually-hidden";
  prefix.textContent = "Error: ";
  message.append(prefix, content);
  const field = control.closest(".field") || control.parentElement;
  field.classList.add("field--invalid");
  control.before(message);
  control.setAttribute("aria-invalid", "true");
  const described = control.getAttribute("aria-describedby");
  control.setAttribute("aria-describedby", described ? `${described} ${message.id}` : message.id);
}

// The rows of a CSV import listed one by one before the rest are only summed up.
const ROWS_LISTED = 5;

// A list of a CSV import's bad rows: "Line 3, column started_on: ...". When there are more than a
// few and the server summed them up, the first few and then one entry per column and kind of
// fault: "Column applied_on: 285 rows are not dates (lines 2, 3, 4 and 282 more); write ...".
function rowErrorList(errors, groups = []) {
  const summed = groups.length > 0 && errors.length > ROWS_LISTED;
  const list = document.createElement("ul");
  list.className = "row-errors";
  for (const item of summed ? errors.slice(0, ROWS_LISTED) : errors) {
    const entry = document.createElement("li");
    const where = [];
    if (item.line !== undefined) where.push(`Line ${item.line}`);
    if (item.field) where.push(`column ${item.field}`);
    entry.textContent = where.length ? `${where.join(", ")}: ${item.detail}` : item.detail;
    list.append(entry);
  }
  if (summed) {
    const rest = document.createElement("li");
    rest.textContent = "And the rest; in all:";
    const summary = document.createElement("ul");
    summary.className = "row-error-groups";
    for (const group of groups) {
      const entry = document.createElement("li");
      entry.textContent = group.field ? `Column ${group.field}: ${group.detail}` : group.detail;
      summary.append(entry);
    }
    rest.append(summary);
    list.append(rest);
  }
  return list;
}

// A short paragraph saying what happened, with a way to sign in again where the key was refused.
export function problemParagraphs(error) {
  const nodes = [];
  const title = document.createElement("p");
  const strong = document.createElement("strong");
  strong.textContent = error.title || "Something went wrong";
  title.append(strong);
  nodes.push(title);
  if (error.detail) {
    const detail = document.createElement("p");
    detail.textContent = error.detail;
    nodes.push(detail);
  }
  if (error.status === 401) {
    const again = document.createElement("p");
    const link = document.createElement("a");
    link.href = `/sign-in?next=${encodeURIComponent(location.pathname)}`;
    link.textContent = "Sign in again";
    again.append(link);
    nodes.push(again);
  }
  return nodes;
}

// Shows an error from api() in `form`: the problem's `field` and each of its `errors` beside the
// control it concerns when the form has one, and the rest in the form's message region. Moves
// focus to the first control in error (or the message) so that a keyboard or screen reader user
// lands on it. `rowsControl` receives all of a CSV import's row errors.
export function showProblem(form, error, { rowsControl } = {}) {
  if (error?.name === "AbortError") return;
  if (!(error instanceof ApiError)) {
    error = new ApiError({
      title: "Something went wrong",
      detail: String(error?.message || error),
    });
  }
  clearErrors(form);
  if (rowsControl && error.errors.length) {
    const content = document.createElement("span");
    content.append(error.detail || error.title, rowErrorList(error.errors, error.groups));
    markInvalid(rowsControl, content);
    rowsControl.focus();
    return;
  }
  const placed = [];
  const unplaced = [];
  const top = controlFor(form, error.field);
  if (top) {
    markInvalid(top, error.detail || error.title);
    placed.push(top);
  }
  for (const item of error.errors) {
    const control = item.line === undefined ? controlFor(form, item.field) : null;
    if (control === top && top) continue;
    if (control) {
      markInvalid(control, item.detail);
      placed.push(control);
    } else {
      unplaced.push(item);
    }
  }
  if (placed.length && !unplaced.length) {
    placed[0].focus();
    return;
  }
  const region = messageRegion(form);
  const box = document.createElement("div");
  box.className = "notice notice--error";
  box.tabIndex = -1;
  box.append(...problemParagraphs(error));
  if (unplaced.length) box.append(rowErrorList(unplaced));
  region.replaceChildren(box);
  if (placed.length) placed[0].focus();
  else box.focus();
}

// Shows an error (ApiError or any other) as a notice inside `container`, replacing its content.
export function showNotice(container, error) {
  if (error?.name === "AbortError") return;
  if (!(error instanceof ApiError)) {
    error = new ApiError({
      title: "Something went wrong",
      detail: String(error?.message || error),
    });
  }
  const box = document.createElement("div");
  box.className = "notice notice--error";
  box.setAttribute("role", "alert");
  box.append(...problemParagraphs(error));
  container.replaceChildren(box);
}

// Marks one control invalid without a round trip (a check the page can make itself).
export function showFieldError(form, control, text) {
  clearErrors(form);
  markInvalid(control, text);
  control.focus();
}
