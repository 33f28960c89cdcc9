// The team view in Chromium against a real server: the toolkit team's key sees member providers,
// their keys and the KPIs across members, each rate with what it divides and each missing figure
// with its real reason; a new provider's key is shown once and works at sign-in; a provider key
// is told it cannot use the team view.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { Browser, DESKTOP, PHONE, screenshot, signIn } from "./support/browser.mjs";
import { ToolkitServer } from "./support/server.mjs";

let server;
let browser;
let members;

before(async () => {
  server = await ToolkitServer.start();
  browser = await Browser.launch();
  members = [];
  for (const name of ["Ashby Home Care", "Brook House", "Castle Supported Living"]) {
    members.push({ name, ...(await server.createProvider(name)) });
  }
  // One applicant each, through each provider's own key, as their office systems would.
  const applied = new Date(Date.now() - 10 * 86400000).toISOString().slice(0, 10);
  for (const member of members) {
    const source = await server.api("/api/v1/sources", {
      method: "POST",
      key: member.key,
      json: { name: "Indeed", channel: "job_board" },
    });
    await server.api("/api/v1/applicants", {
      method: "POST",
      key: member.key,
      json: { reference: "R-1", source_id: source.id, applied_on: applied },
    });
  }
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("a team key sees the providers, their keys and the KPIs across members", async () => {
  const page = await browser.page(DESKTOP);
  await signIn(page, server, server.teamKey, "/team");
  await page.getByText("Signed in with the toolkit team's key").waitFor();

  await page.locator("#kpi-form .status-line").filter({ hasText: "Figures updated." }).waitFor();
  const caption = await page.locator("#kpis table caption").first().textContent();
  assert.equal(caption, "Across 3 member providers");
  const applicants = await page.evaluate(() => {
    const row = [...document.querySelectorAll("#kpis table")[0].tBodies[0].rows].find(
      (r) => r.cells[0].textContent === "Applicants",
    );
    return row.cells[1].textContent;
  });
  assert.equal(applicants, "3", "one applicant at each of three members");

  const names = await page.locator("#providers summary").allTextContents();
  assert.deepEqual(
    names.map((n) => n.split(" added")[0]),
    members.map((m) => m.name),
  );

  // A provider's keys open on demand.
  await page.locator("#providers summary", { hasText: "Brook House" }).click();
  const keys = page.locator(`#keys-${members[1].id}`);
  await keys.locator("table").waitFor();
  assert.equal(await keys.locator("tbody tr").count(), 1);
  assert.equal(await keys.getByRole("button", { name: /Revoke key/ }).count(), 1);
  await screenshot(page, "team-desktop");
  assert.deepEqual(page.problems, []);

  // A new member: its key is shown once, and it signs in as a provider.
  const form = page.locator("#provider-form");
  await form.getByLabel("Provider’s name").fill("Dale View Care");
  await form.getByRole("button", { name: "Add provider and make its key" }).click();
  const issued = page.locator("#issued-key");
  await issued.waitFor();
  const key = (await issued.textContent()).trim();
  assert.match(key, /^ctk_/);
  await page.context().close();

  const fresh = await browser.page(PHONE);
  await signIn(fresh, server, key, "/tracker");
  await fresh.getByText("Signed in with a provider key").waitFor();
  await screenshot(fresh, "tracker-phone");
  await fresh.context().close();
});

test("every team rate says of how many and a missing figure gives its real reason", async () => {
  const page = await browser.page(DESKTOP);
  await signIn(page, server, server.teamKey, "/team");
  await page.locator("#kpi-form .status-line").filter({ hasText: "Figures updated." }).waitFor();
  const figures = await page.evaluate(() => {
    const table = document.querySelector("#kpis table");
    return Object.fromEntries(
      [...table.tBodies[0].rows].map((r) => [r.cells[0].textContent, r.cells[1].textContent]),
    );
  });
  // Three applicants, one at each member, none started yet.
  assert.equal(figures["Applicants who started work"], "0% (0 of 3)");
  // Nobody has started, so nobody has been in post 3 months: that is the reason, not that too
  // few providers stand behind the figure.
  assert.equal(
    figures["Starters still in post at 3 months"],
    "– not known yet: nobody has been in post 91 days",
  );
  assert.equal(
    figures["Starters still in post at 6 months"],
    "– not known yet: nobody has been in post 182 days",
  );
  const turnover = await page.evaluate(
    () => document.querySelectorAll("#kpis table")[2].tBodies[0].rows[0].cells[1].textContent,
  );
  assert.equal(turnover, "– no headcount recorded on or before the as-of date");
  await page.context().close();
});

test("a provider key is told the team view needs the team's key", async () => {
  const page = await browser.page(DESKTOP);
  await signIn(page, server, members[0].key, "/team");
  await page.getByText("this page needs the toolkit team's key").waitFor();
  assert.equal(await page.locator("#team").isHidden(), true);
  await page.context().close();
});
