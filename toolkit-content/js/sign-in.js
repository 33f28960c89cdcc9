// The sign-in page: checks a key against the API, finds whether it is a provider's or the team's,
// keeps it for the browser session (sessionStorage) and goes on to the page that asked for it.

import "./layout.js";
import { ApiError, api, keepKey, showFieldError, showProblem } from "./api.js";

const form = document.getElementById("sign-in-form");
const input = document.getElementById("key");
const status = document.getElementById("sign-in-status");

// Only a path on this site, so that a crafted link cannot send people elsewhere after sign-in.
function nextPage(role) {
  const next = new URLSearchParams(location.search).get("next") || "";
  if (next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/sign-in")) return next;
  return role === "team" ? "/team" : "/tracker";
}

// A team key may list the member providers; a provider key is refused that (403) but accepted
// for its own sources. Any other answer is shown as it is.
async function roleOf(key) {
  try {
    await api("/api/v1/providers?limit=1", { key });
    return "team";
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 403) throw error;
  }
  await api("/api/v1/sources?limit=1", { key });
  return "provider";
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const key = input.value.trim();
  if (!key) {
    showFieldError(form, input, "Enter your key.");
    return;
  }
  if (!key.startsWith("ctk_")) {
    showFieldError(form, input, "A key starts with ctk_. Check that you copied all of it.");
    return;
  }
  status.textContent = "Checking your key…";
  try {
    const role = await roleOf(key);
    keepKey(key, role);
    status.textContent = "Signed in.";
    location.assign(nextPage(role));
  } catch (error) {
    status.textContent = "";
    if (error instanceof ApiError && error.status === 401) {
      showFieldError(form, input, "That key was not accepted: it is unknown, revoked or mistyped.");
    } else {
      showProblem(form, error);
    }
  }
});
