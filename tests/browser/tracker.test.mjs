// The tracker and dashboard in Chromium against a real server, as a provider's manager uses them:
// sign in with a key made through the API, add a source, record spend and a staff count, record
// an applicant and move them through to started, then see the dashboard's charts drawn and their
// tables holding the right numbers. Refusals from the API appear beside the field concerned.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { Browser, DESKTOP, PHONE, screenshot, signIn } from "./support/browser.mjs";
import { ToolkitServer } from "./support/server.mjs";

let server;
let browser;
let provider;

before(async () => {
  server = await ToolkitServer.start();
  browser = await Browser.launch();
  provider = await server.createProvider("Sunnyside Care");
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

// The text of each cell of the table row whose heading is `label`, in the table captioned
// `caption`.
async function tableRow(page, caption, label) {
  return page.evaluate(
    ({ caption, label }) => {
      const table = [...document.querySelectorAll("table")].find((t) => t.caption?.textContent.trim() === caption);
      if (!table) return null;
      const row = [...table.tBodies[0].rows].find((r) => r.cells[0].textContent.trim() === label);
      return row ? [...row.cells].map((c) => c.textContent.trim()) : null;
    },
    { caption, label },
  );
}

// True when the chart on `canvasId` exists and has drawn something other than blank pixels.
async function chartDrawn(page, canvasId) {
  return page.evaluate((id) => {
    const canvas = document.getElementById(id);
    if (!canvas || !window.Chart?.getChart(canvas)) return false;
    const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) ++painted;
    return painted > 500;
  }, canvasId);
}

function daysAgo(days) {
  return new Date(Date.now() - days * 86400000).toISOString().slice(0, 10);
}

async function submitAndWait(page, form, button, status) {
  await form.getByRole("button", { name: button, exact: true }).click();
  await form.locator(".status-line").filter({ hasText: status }).waitFor();
}

test("a provider records an applicant, moves them to started and sees it on the dashboard", async () => {
  const page = await browser.page(DESKTOP);
  await signIn(page, server, provider.key, "/tracker");
  await page.getByText("Signed in with a provider key").waitFor();

  // A source, some spend and a staff count.
  const sourceForm = page.locator("#source-form");
  await sourceForm.getByLabel("Name").fill("Indeed");
  await sourceForm.getByLabel("Kind of channel").selectOption("job_board");
  await submitAndWait(page, sourceForm, "Add source", "Added Indeed.");

  const spendForm = page.locator("#spend-form");
  await spendForm.getByLabel("Amount in pounds").fill("1,200.50");
  await submitAndWait(page, spendForm, "Record spend", "Recorded £1,200.50 on Indeed.");

  const headcountForm = page.locator("#headcount-form");
  await headcountForm.getByLabel("Staff", { exact: true }).fill("40");
  await headcountForm.getByLabel("Vacancies", { exact: true }).fill("4");
  await headcountForm.getByLabel("Leavers in the last 12 months").fill("12");
  await submitAndWait(page, headcountForm, "Record count", "Recorded 40 staff and 4 vacancies");

  // An applicant, recorded in a few keystrokes: the source and today's date are filled in.
  const applicantForm = page.locator("#applicant-form");
  await applicantForm.getByLabel("Reference").fill("A-001");
  await submitAndWait(page, applicantForm, "Record applicant", "Recorded A-001");
  const applied = page.locator('[data-stage="applied"]');
  await applied.getByRole("heading", { name: "A-001" }).waitFor();

  // Interviewed, offered, started: each time the usual next step is already chosen.
  for (const [stage, column] of [
    ["Interviewed", "interviewed"],
    ["Offered a job", "offered"],
    ["Started work", "started"],
  ]) {
    assert.equal(await page.getByLabel("Next step for A-001").locator("option:checked").textContent(), stage);
    await page.getByRole("button", { name: "Record next step for A-001" }).click();
    await page.locator(`[data-stage="${column}"]`).getByRole("heading", { name: "A-001" }).waitFor();
  }
  assert.match(await page.locator('[data-stage="started"] h3').textContent(), /Started work \(1\)/);
  assert.equal((await page.evaluate(() => document.activeElement.id)).startsWith("step-"), true, "focus stays on the applicant");
  await screenshot(page, "tracker-desktop");

  // The dashboard for the last 12 months.
  await page.getByRole("link", { name: "Dashboard" }).click();
  await page.locator("#period-form .status-line").filter({ hasText: "Figures updated." }).waitFor();
  for (const id of ["funnel-chart", "costs-chart", "retention-chart", "turnover-chart", "vacancy-rate-chart"]) {
    assert.ok(await chartDrawn(page, id), `${id} is drawn`);
  }
  assert.deepEqual(await tableRow(page, "Applicants by stage and source", "Indeed"), ["Indeed", "1", "1", "1", "1", "100%", "0 days"]);
  assert.deepEqual((await tableRow(page, "Applicants by stage and source", "All sources")).slice(0, 5), ["All sources", "1", "1", "1", "1"]);
  const costs = await tableRow(page, "Spend and cost per hire by source", "Indeed");
  assert.deepEqual(costs.slice(0, 6), ["Indeed", "£1,200.50", "1", "1", "£1,200.50", "£1,200.50"]);
  // The words come from the server, as the readable reports print them.
  assert.match(costs[8], /not known yet: nobody has been in post 365 days/, "a starter of today cannot be judged at 12 months");
  const retention = await tableRow(page, "Starters still in post, by source", "Indeed");
  assert.deepEqual(retention.slice(0, 4), ["Indeed", "1", "0", "0"]);
  assert.deepEqual((await tableRow(page, "Your rates and the sector's", "Your turnover")).slice(0, 2), ["Your turnover", "30%"]);
  assert.deepEqual((await tableRow(page, "Your rates and the sector's", "Your vacancy rate")).slice(0, 2), ["Your vacancy rate", "9.1%"]);
  assert.match(await page.locator("#next-pound").textContent(), /Too few starters to judge yet.*Indeed \(1\)/);
  await screenshot(page, "dashboard-desktop");
  assert.deepEqual(page.problems, []);

  // The same dashboard on a phone.
  const phone = await browser.page(PHONE);
  await signIn(phone, server, provider.key, "/dashboard");
  await phone.locator("#period-form .status-line").filter({ hasText: "Figures updated." }).waitFor();
  assert.ok(await chartDrawn(phone, "funnel-chart"));
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the dashboard fits a phone's width (overflow ${overflow}px)`);
  await screenshot(phone, "dashboard-phone");
  await phone.context().close();
  await page.context().close();
});

test("the API's refusals are shown beside the field they concern", async () => {
  const page = await browser.page(DESKTOP);
  await signIn(page, server, provider.key, "/tracker");
  await page.locator("#source-list table").waitFor();

  // A staff count dated in the future is refused by the server: the error sits by the date.
  const headcountForm = page.locator("#headcount-form");
  await headcountForm.getByLabel("Date counted").fill("2999-01-01");
  await headcountForm.getByLabel("Staff", { exact: true }).fill("10");
  await headcountForm.getByLabel("Vacancies", { exact: true }).fill("1");
  await headcountForm.getByRole("button", { name: "Record count" }).click();
  const date = headcountForm.getByLabel("Date counted");
  await headcountForm.locator(".field--invalid").waitFor();
  assert.equal(await date.getAttribute("aria-invalid"), "true");
  const describedBy = await date.getAttribute("aria-describedby");
  assert.match(await page.locator(`#${describedBy.split(" ").pop()}`).textContent(), /future/);

  // The same reference twice, or an interview before the application, is refused by the server.
  const applicantForm = page.locator("#applicant-form");
  await applicantForm.getByLabel("Reference").fill("B-002");
  await applicantForm.getByLabel("Date applied").fill(daysAgo(10));
  await submitAndWait(page, applicantForm, "Record applicant", "Recorded B-002");
  await page.getByLabel("Date for B-002").fill(daysAgo(15));
  await page.getByRole("button", { name: "Record next step for B-002" }).click();
  const stepDate = page.getByLabel("Date for B-002");
  await page.locator('[data-reference="B-002"] .field-error').first().waitFor();
  assert.equal(await stepDate.getAttribute("aria-invalid"), "true");

  // An amount that is not money is caught before it is sent.
  const spendForm = page.locator("#spend-form");
  await spendForm.getByLabel("Amount in pounds").fill("-5");
  await spendForm.getByRole("button", { name: "Record spend" }).click();
  assert.match(await spendForm.locator(".field-error").textContent(), /Enter an amount in pounds/);

  // A CSV import with a bad row lists the row by line and column next to the file.
  await page.locator("#import-spend").setInputFiles({
    name: "spend.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("this is not,the spend form\n1,2\n"),
  });
  await page.locator("#import-spend-form").getByRole("button", { name: "Import" }).click();
  await page.locator("#import-spend-form .field-error").waitFor();

  // A sheet with hundreds of bad rows lists the first five and sums up the rest by column.
  await page.locator("#import-spend").setInputFiles({
    name: "spend.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("source,date,amount,note\n" + "Indeed,Feb 3rd 2025,10,\n".repeat(285)),
  });
  await page.locator("#import-spend-form").getByRole("button", { name: "Import" }).click();
  const summary = page.locator("#import-spend-form .row-error-groups");
  await summary.waitFor();
  assert.equal(await page.locator("#import-spend-form .row-errors > li").count(), 6);
  assert.equal(
    await summary.textContent(),
    "Column date: 285 rows are not dates (lines 2, 3, 4 and 282 more); write dates as 2025-02-03 or 03/02/2025",
  );
  await screenshot(page, "tracker-errors");
  await page.context().close();
});

test("the tracker explains that it needs a key, and a wrong key is refused at sign-in", async () => {
  const page = await browser.page(DESKTOP);
  await page.goto(server.at("/tracker"));
  await page.getByText("This page needs a key.").waitFor();
  await page.getByRole("link", { name: "Sign in with your provider key" }).click();
  await page.getByLabel("Your key").fill("ctk_AAAAAAAAAAAA_notarealsecret");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByText("That key was not accepted").waitFor();
  assert.equal(await page.getByLabel("Your key").getAttribute("aria-invalid"), "true");
  assert.equal(new URL(page.url()).pathname, "/sign-in");
  await page.context().close();
});

test("the dashboard and tracker say what happened when the server fails or cannot be reached", async () => {
  const page = await browser.page(DESKTOP);
  await signIn(page, server, provider.key, "/dashboard");
  const form = page.locator("#period-form");
  await form.locator(".status-line").filter({ hasText: "Figures updated." }).waitFor();

  await page.route("**/api/v1/reports/**", (route) => route.abort("connectionrefused"));
  await form.getByRole("button", { name: "Show figures" }).click();
  await form.getByText("The toolkit cannot be reached").waitFor();

  await page.unroute("**/api/v1/reports/**");
  await page.route("**/api/v1/reports/**", (route) =>
    route.fulfill({
      status: 500,
      contentType: "application/problem+json",
      body: JSON.stringify({ type: "/problems/internal", title: "Internal error", status: 500, detail: "The server could not complete the request; it has been logged." }),
    }),
  );
  await form.getByRole("button", { name: "Show figures" }).click();
  await form.getByText("Internal error").waitFor();
  assert.match(await form.locator(".form-message").textContent(), /Nothing you entered was lost/);
  // The figures shown before stay on the page.
  assert.ok(await chartDrawn(page, "funnel-chart"));
  await screenshot(page, "dashboard-server-error");

  await page.route((url) => url.pathname === "/api/v1/applicants", (route) => route.abort("connectionrefused"));
  await page.goto(server.at("/tracker"));
  await page.locator("#tracker-gate").getByText("The toolkit cannot be reached").waitFor();
  await page.context().close();
});
