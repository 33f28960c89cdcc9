// The sign-in page: exchanges the key for a session (the server answers whether it is a
// provider's or the team's), keeps the key nowhere, and goes on to the page that asked for it.

import "./layout.js";
import { ApiError, showFieldError, showProblem, signIn } from "./api.js";

const form = document.getElementById("sign-in-form");
const input = document.getElementById("key");
const status = document.getElementById("sign-in-status");

// Only a path on this site, so that a crafted link cannot send people elsewhere after sign-in.
function nextPage(role) {
  const next = new URLSearchParams(location.search).get("next") || "";
  if (next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/sign-in")) return next;
  return role === "team" ? "/team" : "/tracker";
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
    const session = await signIn(key);
    input.value = "";
    status.textContent = "Signed in.";
    location.assign(nextPage(session.role));
  } catch (error) {
    status.textContent = "";
    if (error instanceof ApiError && error.status === 401) {
      showFieldError(form, input, "That key was not accepted: it is unknown, revoked or mistyped.");
    } else {
      showProblem(form, error);
    }
  }
});
