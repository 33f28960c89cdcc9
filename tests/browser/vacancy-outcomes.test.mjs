// Advert to outcome on the dashboard and the team view, in Chromium against a real server: a
// published vacancy viewed three times, its apply link clicked once and one applicant through
// its page today, read off the dashboard's tables with the statement of what the figures cannot
// show; the team view shows the bands across members and withholds a band behind one provider.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { Browser, DESKTOP, screenshot, signIn, tableRows } from "./support/browser.mjs";
import { ToolkitServer } from "./support/server.mjs";
import { publishableVacancy } from "./support/page-states.mjs";

let server;
let browser;
let provider;
let vacancy;

before(async () => {
  server = await ToolkitServer.start();
  browser = await Browser.launch();
  provider = await server.createProvider("Advert Outcome Care");
  const call = (path, json) => server.api(path, { method: "POST", key: provider.key, json });
  vacancy = await call("/api/v1/vacancies", { ...publishableVacancy(), status: "open" });
  for (let i = 0; i < 3; ++i) await fetch(server.at(`/vacancies/${vacancy.id}`));
  await fetch(server.at(`/vacancies/${vacancy.id}/apply?by=phone`), { redirect: "manual" });
  const sources = await server.api("/api/v1/sources?limit=1000", { key: provider.key });
  const page = sources.items.find((s) => s.name === "Toolkit vacancy page");
  await call("/api/v1/applicants", {
    reference: "V-1",
    source_id: page.id,
    vacancy_id: vacancy.id,
    applied_on: vacancy.published_on,
  });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function rows(page, caption) {
  return tableRows(page, caption);
}

test("the dashboard shows what each advert version brought and says what that cannot prove", async () => {
  const page = await browser.page(DESKTOP);
  await signIn(page, server, provider.key, "/dashboard");
  const form = page.locator("#period-form");
  await form.getByLabel("From").fill(vacancy.published_on);
  await form.getByLabel("To", { exact: true }).fill(vacancy.published_on);
  await form.getByRole("button", { name: "Show figures" }).click();
  await form.locator(".status-line").filter({ hasText: "Figures updated." }).waitFor();

  const reach = await rows(page, "Each advert version: its score and who it reached");
  const row = reach["Care assistant, version 1"];
  assert.ok(row, JSON.stringify(reach));
  assert.equal(row[0], String(vacancy.advert_score));
  // Views, apply clicks, applicants, via the page.
  assert.deepEqual(row.slice(3), ["3", "1", "1", "1"]);
  const outcome = await rows(page, "Each advert version: how far its applicants got");
  const got = outcome["Care assistant, version 1"];
  // Interviewed, offered, started; nobody is judged yet and the vacancy is not filled.
  assert.deepEqual(got.slice(0, 3), ["0", "0", "0"]);
  assert.match(got[3], /–/);
  assert.match(got[6], /no starters/);

  const bands = await rows(page, "By advert score band: applicants and starters");
  assert.deepEqual(Object.keys(bands), [
    "Scores under 50",
    "Scores 50 to 69",
    "Scores 70 to 84",
    "Scores 85 and over",
  ]);
  const used = Object.values(bands).filter((b) => b[0] === "1");
  assert.equal(used.length, 1);
  // One version, one applicant over one day open: 7 a week, nobody started.
  assert.deepEqual(used[0], ["1", "1", "7", "0"]);
  const stayed = await rows(page, "By advert score band: who stayed");
  assert.equal(Object.keys(stayed).length, 4);

  const limits = await page.locator("#vacancy-outcomes .advert-limits").textContent();
  assert.match(limits, /association, not proof/);
  assert.match(limits, /small numbers/);
  await screenshot(page, "dashboard-advert-to-outcome");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the team view shows the advert bands and withholds one behind a single provider", async () => {
  const page = await browser.page(DESKTOP);
  await signIn(page, server, server.teamKey, "/team");
  await page.locator("#kpi-form .status-line").filter({ hasText: "Figures updated." }).waitFor();
  const bands = await rows(page, "Advert score bands across all members");
  const used = Object.values(bands).filter((b) => b.at(-1) === "1");
  assert.equal(used.length, 1);
  assert.match(used[0][0], /withheld/);
  const note = await page.locator("#kpis .advert-limits").textContent();
  assert.match(note, /association, not proof/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
