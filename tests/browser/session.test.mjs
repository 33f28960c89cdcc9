// Signing in as a manager would over a working day, in Chromium against a real server: the key
// becomes a session cookie that no script can read, a second tab is signed in without asking for
// the key again, writes from the pages carry the session's token while a forged one is refused,
// and signing out in one tab signs every tab out.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { Browser, DESKTOP, signIn } from "./support/browser.mjs";
import { ToolkitServer } from "./support/server.mjs";

let server;
let browser;
let provider;

before(async () => {
  server = await ToolkitServer.start();
  browser = await Browser.launch();
  provider = await server.createProvider("Brook House");
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

// What scripts on a page can read: Web Storage and document.cookie.
function readableByScripts(page) {
  return page.evaluate(() => ({
    session: JSON.stringify({ ...sessionStorage }),
    local: JSON.stringify({ ...localStorage }),
    cookie: document.cookie,
  }));
}

test("a sign-in lasts across tabs without keeping the key where scripts can read it", async () => {
  const page = await browser.page(DESKTOP);
  await signIn(page, server, provider.key, "/tracker");
  await page.getByText("Signed in with a provider key").waitFor();

  const readable = await readableByScripts(page);
  assert.equal(readable.session, "{}");
  assert.equal(readable.local, "{}");
  assert.equal(readable.cookie, "ctk_signed_in=1", "the session cookie is HttpOnly");
  const cookies = await page.context().cookies();
  const sessionCookie = cookies.find((c) => c.name === "ctk_session");
  assert.ok(sessionCookie, "the session cookie is set");
  assert.equal(sessionCookie.httpOnly, true);
  assert.equal(sessionCookie.sameSite, "Strict");
  assert.equal(sessionCookie.path, "/");
  assert.equal(sessionCookie.expires, -1, "a browser-session cookie");
  assert.ok(!cookies.some((c) => c.value.includes(provider.key)), "no cookie holds the key");

  // A second tab opens the dashboard signed in, without asking for the key.
  const second = await page.context().newPage();
  second.problems = [];
  second.on(
    "response",
    (r) => r.status() >= 400 && second.problems.push(`${r.status()} from ${r.url()}`),
  );
  await second.goto(server.at("/dashboard"));
  await second.getByText("Signed in with a provider key").waitFor();
  assert.equal(await second.getByText("This page needs a key").count(), 0);
  assert.equal(new URL(second.url()).pathname, "/dashboard", "not sent to the sign-in page");

  // The pages' writes carry the session's token; one made without it is refused.
  const written = await second.evaluate(async () => {
    const { api } = await import("/js/api.js");
    const source = await api("/api/v1/sources", {
      method: "POST",
      json: { name: "Indeed", channel: "job_board" },
    });
    const forged = await fetch("/api/v1/sources", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: "Forged", channel: "other" }),
    });
    return { name: source.name, forged: forged.status, type: forged.headers.get("Content-Type") };
  });
  assert.deepEqual(written, { name: "Indeed", forged: 403, type: "application/problem+json" });
  second.problems = second.problems.filter((p) => !/^403 from .*\/api\/v1\/sources$/.test(p));
  const stored = await server.api("/api/v1/sources", { key: provider.key });
  assert.deepEqual(
    stored.items.map((s) => s.name),
    ["Indeed"],
  );

  // Signing out in the second tab ends the session for the first one too.
  await second.getByRole("button", { name: "Sign out" }).click();
  await second.waitForURL((url) => url.pathname === "/");
  await second.getByRole("banner").getByRole("link", { name: "Sign in", exact: true }).waitFor();
  assert.deepEqual(
    (await page.context().cookies()).map((c) => c.name),
    [],
  );
  await page.goto(server.at("/tracker"));
  await page.getByText("This page needs a key").waitFor();
  await page.getByRole("link", { name: "Sign in with your provider key" }).waitFor();
  assert.deepEqual(await readableByScripts(page), { session: "{}", local: "{}", cookie: "" });
  assert.deepEqual(page.problems, []);
  assert.deepEqual(second.problems, []);
  await page.context().close();
});

test("a team key signs in to the team view and a wrong key is refused at sign-in", async () => {
  const page = await browser.page(DESKTOP);
  await page.goto(server.at("/sign-in?next=/team"));
  await page.getByLabel("Your key").fill("ctk_0123456789abcdef_wrong");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByText("That key was not accepted").waitFor();
  assert.deepEqual(
    (await page.context().cookies()).map((c) => c.name),
    [],
  );
  page.problems = page.problems.filter((p) => !/^401 from .*\/api\/v1\/sessions$/.test(p));

  await signIn(page, server, server.teamKey, "/team");
  await page.getByText("Signed in with the toolkit team's key").waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
