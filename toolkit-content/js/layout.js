// The frame every page shares: the skip link, the header with the site's name and navigation, the
// sign-in state, and the footer. Each page's HTML holds only its <main id="main">; importing this
// module draws the rest around it, so that the navigation is written once.
//
// requireKey(role) lets a page that needs a key say so in plain words instead of failing.

import { currentSession, showNotice, signOut, signedIn, storedRole } from "./api.js";
import { el as element } from "./dom.js";

const NAVIGATION = [
  { href: "/", label: "Home" },
  { href: "/checker", label: "Advert checker" },
  { href: "/tracker", label: "Tracker" },
  { href: "/dashboard", label: "Dashboard" },
  { href: "/team", label: "Team view" },
  { href: "/employers", label: "Care employers" },
  { href: "/guidance/", label: "Guidance" },
];

// The navigation entry for the current page: "/guidance/writing-adverts" belongs to "/guidance/".
function isCurrent(href, path) {
  if (href === "/") return path === "/" || path === "/index.html";
  const bare = href.replace(/\/$/, "");
  return path === href || path === bare || path === `${bare}.html` || path.startsWith(`${bare}/`);
}

// Who is signed in, and a way to sign out; or a link to sign in.
function keyState() {
  const box = element("div", { className: "key-state" });
  const session = currentSession();
  if (!session) {
    box.append(
      element("a", { href: `/sign-in?next=${encodeURIComponent(location.pathname)}` }, "Sign in"),
    );
    return box;
  }
  const who = session.role === "team" ? "the toolkit team's key" : "a provider key";
  const button = element("button", { type: "button" }, "Sign out");
  const problem = element("div");
  button.addEventListener("click", async () => {
    try {
      await signOut();
      location.assign("/");
    } catch (error) {
      showNotice(problem, error);
    }
  });
  box.append(element("span", {}, `Signed in with ${who}`), button, problem);
  return box;
}

function header() {
  const path = location.pathname;
  const list = element("ul");
  for (const item of NAVIGATION) {
    const link = element("a", { href: item.href }, item.label);
    if (isCurrent(item.href, path)) link.setAttribute("aria-current", "page");
    list.append(element("li", {}, link));
  }
  const inner = element(
    "div",
    { className: "site-header__inner" },
    element("a", { className: "site-name", href: "/" }, "Care recruitment toolkit"),
    element("nav", { className: "site-nav", "aria-label": "Main" }, list),
    keyState(),
  );
  return element("header", { className: "site-header" }, inner);
}

function footer() {
  const inner = element(
    "div",
    { className: "site-footer__inner" },
    element(
      "p",
      {},
      "A free recruitment and retention toolkit for adult social care providers. ",
      "Applicants are recorded by a reference you choose, never by name. ",
      element("a", { href: "/guidance/" }, "Read the guidance"),
      ".",
    ),
  );
  return element("footer", { className: "site-footer" }, inner);
}

function drawFrame() {
  const main = document.getElementById("main");
  if (!main) return;
  if (!main.hasAttribute("tabindex")) main.setAttribute("tabindex", "-1");
  const skip = element("a", { className: "skip-link", href: "#main" }, "Skip to main content");
  document.body.prepend(skip, header());
  document.body.append(footer());
}

drawFrame();

// True when someone is signed in with a key of `role` ("provider" or "team"). Otherwise shows,
// in `container`, a notice with a link to sign in and returns false.
export function requireKey(role, container) {
  const current = storedRole();
  if (signedIn() && (!role || current === role)) return true;
  const who = role === "team" ? "the toolkit team's key" : "your provider key";
  const box = element("div", { className: "notice" });
  const link = element(
    "a",
    { href: `/sign-in?next=${encodeURIComponent(location.pathname)}` },
    `Sign in with ${who}`,
  );
  if (signedIn()) {
    const have = current === "team" ? "the toolkit team's key" : "a provider key";
    box.append(
      element("p", {}, `You are signed in with ${have}, and this page needs ${who}.`),
      element("p", {}, link, " to continue."),
    );
  } else {
    box.append(element("p", {}, "This page needs a key. ", link, " to continue."));
  }
  container.replaceChildren(box);
  return false;
}
