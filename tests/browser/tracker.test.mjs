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
      const table = [...document.querySelectorAll("table")].find(
        (t) => t.caption?.textContent.trim() === caption,
      );
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

// "3 March 2025", as the pages write an ISO date.
function longDate(iso) {
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

async function submitAndWait(page, form, button, status) {
  await form.getByRole("button", { name: button, exact: true }).click();
  await form.locator(".status-line").filter({ hasText: status }).waitFor();
}

test(
  "a provider records an applicant, moves them " + "to started and sees it on the dashboard",
  async () => {
    const page = await browser.page(DESKTOP);
    await signIn(page, server, provider.key, "/tracker");
    await page.getByText("Signed in with a provider key").waitFor();

    // A source, some spend and a staff count.
    const sourceForm = page.locator("#source-form");
    await sourceForm.getByLabel("Name").fill("Indeed");
    await sourceForm.getByLabel("Kind of channel").selectOption("job_board");
    await submitAndWait(page, sourceForm, "Add source", "Added Indeed.");

    const spendForm = page.locator("#spend-form");
    await spendForm.getByLabel("Source").selectOption({ label: "Indeed (Job board)" });
    await spendForm.getByLabel("Amount in pounds").fill("1,200.50");
    await submitAndWait(page, spendForm, "Record spend", "Recorded £1,200.50 on Indeed.");

    const headcountForm = page.locator("#headcount-form");
    await headcountForm.getByLabel("Staff", { exact: true }).fill("40");
    await headcountForm.getByLabel("Vacancies", { exact: true }).fill("4");
    await headcountForm.getByLabel("Leavers in the last 12 months").fill("12");
    await submitAndWait(page, headcountForm, "Record count", "Recorded 40 staff and 4 vacancies");

    // An applicant, recorded in a few keystrokes: today's date is filled in, and the source must
    // be chosen, so that a rushed entry is not put down to the first source in the list.
    const applicantForm = page.locator("#applicant-form");
    await applicantForm.getByLabel("Reference").fill("A-001");
    assert.equal(
      await applicantForm.getByLabel("Source").locator("option:checked").textContent(),
      "Choose a source",
    );
    await applicantForm.getByRole("button", { name: "Record applicant" }).click();
    await applicantForm.locator(".field-error").filter({ hasText: "Choose a source." }).waitFor();
    await applicantForm.getByLabel("Source").selectOption({ label: "Indeed (Job board)" });
    await submitAndWait(page, applicantForm, "Record applicant", "Recorded A-001");
    const applied = page.locator('[data-stage="applied"]');
    await applied.getByRole("heading", { name: "A-001" }).waitFor();

    // Interviewed, offered, started: each time the usual next step is already chosen.
    for (const [stage, column] of [
      ["Interviewed", "interviewed"],
      ["Offered a job", "offered"],
      ["Started work", "started"],
    ]) {
      assert.equal(
        await page.getByLabel("Next step for A-001").locator("option:checked").textContent(),
        stage,
      );
      await page.getByRole("button", { name: "Record next step for A-001" }).click();
      await page
        .locator(`[data-stage="${column}"]`)
        .getByRole("heading", { name: "A-001" })
        .waitFor();
    }
    assert.match(
      await page.locator('[data-stage="started"] h3').textContent(),
      /Started work \(1\)/,
    );
    assert.equal(
      (await page.evaluate(() => document.activeElement.id)).startsWith("step-"),
      true,
      "focus stays on the applicant",
    );
    await screenshot(page, "tracker-desktop");

    // The dashboard for the last 12 months.
    await page.getByRole("link", { name: "Dashboard" }).click();
    await page
      .locator("#period-form .status-line")
      .filter({ hasText: "Figures updated." })
      .waitFor();
    for (const id of [
      "funnel-chart",
      "costs-chart",
      "retention-chart",
      "turnover-chart",
      "vacancy-rate-chart",
    ]) {
      assert.ok(await chartDrawn(page, id), `${id} is drawn`);
    }
    assert.deepEqual(await tableRow(page, "Applicants by stage and source", "Indeed"), [
      "Indeed",
      "1",
      "1",
      "1",
      "1",
      "100%",
      "0 days",
    ]);
    assert.deepEqual(
      (await tableRow(page, "Applicants by stage and source", "All sources")).slice(0, 5),
      ["All sources", "1", "1", "1", "1"],
    );
    const costs = await tableRow(page, "Spend and cost per hire by source", "Indeed");
    assert.deepEqual(costs.slice(0, 6), [
      "Indeed",
      "£1,200.50",
      "1",
      "1",
      "£1,200.50",
      "£1,200.50",
    ]);
    // The words come from the server, as the readable reports print them.
    assert.match(
      costs[8],
      /not known yet: nobody has been in post 365 days/,
      "a starter of today cannot be judged at 12 months",
    );
    const retention = await tableRow(page, "Starters still in post, by source", "Indeed");
    assert.deepEqual(retention.slice(0, 4), ["Indeed", "1", "0", "0"]);
    assert.deepEqual(
      (await tableRow(page, "Your rates and the sector's", "Your turnover")).slice(0, 2),
      ["Your turnover", "30%"],
    );
    assert.deepEqual(
      (await tableRow(page, "Your rates and the sector's", "Your vacancy rate")).slice(0, 2),
      ["Your vacancy rate", "9.1%"],
    );
    assert.match(
      await page.locator("#next-pound").textContent(),
      /Too few starters to judge yet.*Indeed \(1\)/,
    );
    await screenshot(page, "dashboard-desktop");
    assert.deepEqual(page.problems, []);

    // The same dashboard on a phone.
    const phone = await browser.page(PHONE);
    await signIn(phone, server, provider.key, "/dashboard");
    await phone
      .locator("#period-form .status-line")
      .filter({ hasText: "Figures updated." })
      .waitFor();
    assert.ok(await chartDrawn(phone, "funnel-chart"));
    const overflow = await phone.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    assert.ok(overflow <= 0, `the dashboard fits a phone's width (overflow ${overflow}px)`);
    await screenshot(phone, "dashboard-phone");
    await phone.context().close();
    await page.context().close();
  },
);

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
  await applicantForm.getByLabel("Source").selectOption({ label: "Indeed (Job board)" });
  await applicantForm.getByLabel("Date applied").fill(daysAgo(10));
  await submitAndWait(page, applicantForm, "Record applicant", "Recorded B-002");
  await page.getByLabel("Date for B-002").fill(daysAgo(15));
  await page.getByRole("button", { name: "Record next step for B-002" }).click();
  const stepDate = page.getByLabel("Date for B-002");
  await page.locator('[data-reference="B-002"] .field-error').first().waitFor();
  assert.equal(await stepDate.getAttribute("aria-invalid"), "true");

  // A reference used twice is refused in plain words beside the reference.
  await applicantForm.getByLabel("Reference").fill("B-002");
  await applicantForm.getByLabel("Source").selectOption({ label: "Indeed (Job board)" });
  await applicantForm.getByRole("button", { name: "Record applicant" }).click();
  await applicantForm.locator(".field-error").waitFor();
  assert.equal(
    await applicantForm.locator(".field-error").textContent(),
    "Error: The reference B-002 is already used by another applicant: choose another or edit " +
      "that applicant",
  );

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
    "Column date: 285 rows are not dates (lines 2, 3, 4 and 282 more); write dates as " +
      "2025-02-03 or 03/02/2025",
  );
  await screenshot(page, "tracker-errors");
  await page.context().close();
});

test(
  "the tracker explains that it needs a key, " + "and a wrong key is refused at sign-in",
  async () => {
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
  },
);

test(
  "the dashboard and tracker say what happened " + "when the server fails or cannot be reached",
  async () => {
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
        body: JSON.stringify({
          type: "/problems/internal",
          title: "Internal error",
          status: 500,
          detail: "The server could not complete the request; it has been logged.",
        }),
      }),
    );
    await form.getByRole("button", { name: "Show figures" }).click();
    await form.getByText("Internal error").waitFor();
    assert.match(await form.locator(".form-message").textContent(), /Nothing you entered was lost/);
    // The figures shown before stay on the page.
    assert.ok(await chartDrawn(page, "funnel-chart"));
    await screenshot(page, "dashboard-server-error");

    await page.route(
      (url) => url.pathname === "/api/v1/applicants",
      (route) => route.abort("connectionrefused"),
    );
    await page.goto(server.at("/tracker"));
    await page.locator("#tracker-gate").getByText("The toolkit cannot be reached").waitFor();
    await page.context().close();
  },
);

// Imports a CSV sheet through the API, as an office system would.
async function importCsv(key, form, text) {
  const response = await fetch(server.at(`/api/v1/import/${form}`), {
    method: "POST",
    headers: {
      Authorization: `Bearer ${key}`,
      "Content-Type": "text/csv",
      Accept: "application/json",
    },
    body: text,
  });
  assert.equal(response.status, 200, await response.text());
}

const APPLICANT_COLUMNS =
  "reference,source,channel,vacancy,service,applied_on," +
  "interviewed_on,offered_on,started_on,left_on,left_reason,outcome\n";

// One applicant row in the columns above.
function applicantRow(reference, source, applied, { interviewed = "", outcome = "" } = {}) {
  return `${reference},${source},job_board,,,${applied},${interviewed},,,,,${outcome}\n`;
}

test(
  "records are corrected and deleted on the " + "page with a question before each delete",
  async () => {
    const owner = await server.createProvider("Birch House");
    await server.api("/api/v1/services", {
      method: "POST",
      key: owner.key,
      json: { name: "Birch House nursing", type: "nursing" },
    });
    await importCsv(
      owner.key,
      "applicants",
      APPLICANT_COLUMNS +
        applicantRow("C-001", "Totaljobs", daysAgo(20), { interviewed: daysAgo(15) }),
    );
    const page = await browser.page(DESKTOP);
    await signIn(page, server, owner.key, "/tracker");
    const card = page.locator('[data-reference="C-001"]');
    await card.waitFor();

    // Only the moves the server accepts are offered: an interviewed applicant cannot start yet.
    const steps = await page.getByLabel("Next step for C-001").locator("option").allTextContents();
    assert.deepEqual(steps, ["Offered a job", "Withdrew", "Not taken forward"]);

    // Edit the applicant: a new reference and the interview a day later.
    await card.getByRole("button", { name: "Edit C-001" }).click();
    const edit = page.getByRole("form", { name: "Edit C-001" });
    await edit.getByLabel("Reference").fill("C-001A");
    await edit.getByLabel("Date interviewed").fill(daysAgo(14));
    await edit.getByRole("button", { name: "Save changes" }).click();
    await page
      .locator("#board-status")
      .filter({ hasText: "Saved the changes to C-001A." })
      .waitFor();
    const edited = page.locator('[data-reference="C-001A"]');
    assert.match(await edited.textContent(), new RegExp(`Interviewed ${longDate(daysAgo(14))}`));

    // A date that cannot be is refused beside its field, and nothing is changed.
    await edited.getByRole("button", { name: "Edit C-001A" }).click();
    const again = page.getByRole("form", { name: "Edit C-001A" });
    await again.getByLabel("Date offered a job").fill(daysAgo(30));
    await again.getByRole("button", { name: "Save changes" }).click();
    await again.locator(".field-error").waitFor();
    assert.equal(await again.getByLabel("Date offered a job").getAttribute("aria-invalid"), "true");
    await again.getByRole("button", { name: "Cancel" }).click();

    // Take back the interview, after saying yes to the question.
    let question = "";
    page.once("dialog", (dialog) => {
      question = dialog.message();
      dialog.accept();
    });
    await edited
      .getByRole("button", { name: "Remove the last step (Interviewed) for C-001A" })
      .click();
    await page.locator("#board-status").filter({ hasText: "C-001A: removed" }).waitFor();
    assert.match(question, /^Remove “Interviewed” on .* from C-001A\?/);
    await page.locator('[data-stage="applied"]').getByRole("heading", { name: "C-001A" }).waitFor();

    // Saying no to the delete keeps the applicant; yes deletes them.
    page.once("dialog", (dialog) => dialog.dismiss());
    await page
      .locator('[data-reference="C-001A"]')
      .getByRole("button", { name: "Delete C-001A" })
      .click();
    assert.equal(await page.locator('[data-reference="C-001A"]').count(), 1);
    page.once("dialog", (dialog) => dialog.accept());
    await page
      .locator('[data-reference="C-001A"]')
      .getByRole("button", { name: "Delete C-001A" })
      .click();
    await page.locator("#board-status").filter({ hasText: "Deleted C-001A." }).waitFor();
    assert.equal(await page.locator('[data-reference="C-001A"]').count(), 0);
    assert.equal((await server.api("/api/v1/applicants", { key: owner.key })).items.length, 0);

    // Spend: recorded, corrected, deleted.
    const spendForm = page.locator("#spend-form");
    await spendForm.getByLabel("Source").selectOption({ label: "Totaljobs (Job board)" });
    await spendForm.getByLabel("Amount in pounds").fill("300");
    await submitAndWait(page, spendForm, "Record spend", "Recorded £300 on Totaljobs.");
    await page
      .locator("#spend-list")
      .getByRole("button", { name: /^Edit the spend of £300 on Totaljobs/ })
      .click();
    await spendForm.getByLabel("Amount in pounds").fill("350");
    await submitAndWait(page, spendForm, "Save changes", "Saved the spend of £350 on Totaljobs");
    assert.equal(
      (await server.api("/api/v1/spend", { key: owner.key })).items[0].amount_pence,
      35000,
    );
    page.once("dialog", (dialog) => dialog.accept());
    await page
      .locator("#spend-list")
      .getByRole("button", { name: /^Delete the spend of £350/ })
      .click();
    await spendForm
      .locator(".status-line")
      .filter({ hasText: "Deleted the spend of £350" })
      .waitFor();
    assert.equal((await server.api("/api/v1/spend", { key: owner.key })).items.length, 0);

    // A staff count needs its service; a second count for the same day corrects the first.
    const counts = page.locator("#headcount-form");
    assert.deepEqual(await counts.getByLabel("Service").locator("option").allTextContents(), [
      "Choose a service",
      "Birch House nursing",
      "The whole provider (all services together)",
    ]);
    await counts.getByLabel("Staff", { exact: true }).fill("30");
    await counts.getByLabel("Vacancies", { exact: true }).fill("3");
    await counts.getByRole("button", { name: "Record count" }).click();
    await counts
      .locator(".field-error")
      .filter({ hasText: "Choose the service this count is for" })
      .waitFor();
    await counts.getByLabel("Service").selectOption({ label: "Birch House nursing" });
    await submitAndWait(page, counts, "Record count", "Recorded 30 staff and 3 vacancies");
    await counts.getByLabel("Staff", { exact: true }).fill("32");
    await counts.getByRole("button", { name: "Record count" }).click();
    await counts
      .locator(".status-line")
      .filter({ hasText: "is already recorded: 30 staff and 3 vacancies" })
      .waitFor();
    await submitAndWait(page, counts, "Save changes", "Saved 32 staff and 3 vacancies");
    const stored = (await server.api("/api/v1/headcounts", { key: owner.key })).items;
    assert.equal(stored.length, 1);
    assert.equal(stored[0].staff, 32);
    page.once("dialog", (dialog) => dialog.accept());
    await page
      .locator("#headcount-list")
      .getByRole("button", { name: /^Delete the count of/ })
      .click();
    await counts.locator(".status-line").filter({ hasText: "Deleted the count of" }).waitFor();
    assert.equal((await server.api("/api/v1/headcounts", { key: owner.key })).items.length, 0);
    await screenshot(page, "tracker-corrections");
    await page.context().close();
  },
);

test("the board says what it shows pages long columns and finds part of a reference", async () => {
  const owner = await server.createProvider("Rowan Lodge");
  // 287 applicants: 265 applied more than a year ago and 22 in the last 12 months, of whom 3 did
  // not continue.
  let sheet = APPLICANT_COLUMNS;
  for (let i = 1; i <= 265; ++i)
    sheet += applicantRow(`OLD-${String(i).padStart(3, "0")}`, "Indeed", daysAgo(400 + i));
  for (let i = 1; i <= 22; ++i) {
    sheet += applicantRow(`NEW-${String(i).padStart(3, "0")}`, "Indeed", daysAgo(10 + i), {
      outcome: i <= 3 ? "withdrawn" : "",
    });
  }
  await importCsv(owner.key, "applicants", sheet);
  const page = await browser.page(DESKTOP);
  await signIn(page, server, owner.key, "/tracker");
  await page.locator("#tracker[data-ready]").waitFor();

  assert.equal(
    await page.locator("#board-summary").textContent(),
    "Applied in the last 12 months: 22 of 287 applicants. Show all",
  );
  assert.equal(await page.locator('[data-stage="applied"] h3').textContent(), "Applied (19)");
  assert.equal(
    await page.locator('[data-stage="closed"] h3').textContent(),
    "Did not continue (3)",
  );
  assert.equal(
    await page.locator('[data-stage="closed"] details').getAttribute("open"),
    null,
    "Did not continue starts collapsed",
  );
  assert.equal(await page.locator('[data-stage="applied"] li.applicant').count(), 19);

  // Everyone: the first 20 of each long column, newest first, then 20 more at a time.
  await page.getByRole("button", { name: "Show all" }).click();
  await page.locator("#board-summary").filter({ hasText: "All 287 applicants." }).waitFor();
  const applied = page.locator('[data-stage="applied"]');
  assert.equal(await applied.locator("h3").textContent(), "Applied (284)");
  assert.equal(await applied.locator("li.applicant").count(), 20);
  assert.equal(await applied.locator("li.applicant h4").first().textContent(), "NEW-022");
  await applied.getByRole("button", { name: "Show more at Applied (20 of 284 shown)" }).click();
  await applied.getByRole("button", { name: "Show more at Applied (40 of 284 shown)" }).waitFor();
  assert.equal(await applied.locator("li.applicant").count(), 40);

  // Opening "Did not continue" reads its applicants.
  await page.locator('[data-stage="closed"] summary').click();
  await page.locator('[data-stage="closed"] li.applicant').first().waitFor();
  assert.equal(await page.locator('[data-stage="closed"] li.applicant').count(), 3);
  assert.match(
    await page.locator('[data-stage="closed"] .stage-group').first().textContent(),
    /^Withdrew: 3$/,
  );

  // Part of a reference finds every reference that holds it.
  await page.getByLabel("Find a reference").fill("W-01");
  await page
    .locator("#board-summary")
    .filter({ hasText: "with “W-01” in the reference: 10 of 287" })
    .waitFor();
  assert.deepEqual(
    (await page.locator('[data-stage="applied"] li.applicant h4').allTextContents()).sort(),
    [
      "NEW-010",
      "NEW-011",
      "NEW-012",
      "NEW-013",
      "NEW-014",
      "NEW-015",
      "NEW-016",
      "NEW-017",
      "NEW-018",
      "NEW-019",
    ],
  );
  await screenshot(page, "tracker-board-filtered");
  await page.context().close();
});

test("with 10,000 applicants the tracker page is ready within a second", async () => {
  const owner = await server.createProvider("Large Care Group");
  const sources = ["Indeed", "Facebook", "Refer a friend", "Jobcentre", "Totaljobs"];
  // In sheets of 2,000 rows, each under the server's body limit.
  for (let first = 0; first < 10000; first += 2000) {
    let sheet = APPLICANT_COLUMNS;
    for (let i = first; i < first + 2000; ++i) {
      const stage = i % 10;
      sheet += applicantRow(
        `BIG-${String(i).padStart(5, "0")}`,
        sources[i % sources.length],
        daysAgo(5 + (i % 700)),
        {
          interviewed: stage >= 3 ? daysAgo(4 + (i % 700)) : "",
          outcome: stage === 9 ? "rejected" : "",
        },
      );
    }
    await importCsv(owner.key, "applicants", sheet);
  }
  const page = await browser.page(DESKTOP);
  await signIn(page, server, owner.key, "/dashboard");
  const times = [];
  for (let round = 0; round < 3; ++round) {
    const started = Date.now();
    await page.goto(server.at("/tracker"));
    await page.locator("#tracker[data-ready]").waitFor({ timeout: 10000 });
    times.push(Date.now() - started);
  }
  const best = Math.min(...times);
  console.log(
    `tracker page ready with 10,000 applicants: ${times.join(", ")} ms (best ${best} ms)`,
  );
  assert.match(
    await page.locator("#board-summary").textContent(),
    /^Applied in the last 12 months: [\d,]+ of 10,000 applicants\./,
  );
  assert.ok(best < 1000, `the tracker was ready in ${best} ms`);
  await page.context().close();
});

test("an address with no page shows a page not found with links back", async () => {
  const page = await browser.page(DESKTOP);
  const response = await page.goto(server.at("/trackr"));
  assert.equal(response.status(), 404);
  await page.getByRole("heading", { name: "Page not found" }).waitFor();
  await page.getByRole("link", { name: "The recruitment tracker" }).click();
  await page.waitForURL((url) => url.pathname === "/tracker");
  await page.context().close();
});
