// The dashboard against known answers: the worked example of the metrics reference (a referral
// scheme and a job board, January to March 2025, judged as of 31 March 2026) entered through the
// API, then read off the dashboard's tables. Also the CSV forms: an export downloads, and
// importing it back changes nothing.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Browser, DESKTOP, screenshot, signIn } from "./support/browser.mjs";
import { ToolkitServer } from "./support/server.mjs";

let server;
let browser;
let provider;

const stages = (applied, interviewed, offered, started, left) => ({
  applied_on: applied,
  ...(interviewed && { interviewed_on: interviewed }),
  ...(offered && { offered_on: offered }),
  ...(started && { started_on: started }),
  ...(left && { left_on: left }),
});

before(async () => {
  server = await ToolkitServer.start();
  browser = await Browser.launch();
  provider = await server.createProvider("Worked Example Care");
  const call = (path, json) => server.api(path, { method: "POST", key: provider.key, json });

  const referral = await call("/api/v1/sources", { name: "Referral", channel: "staff_referral" });
  const board = await call("/api/v1/sources", { name: "Job board", channel: "job_board" });
  await call("/api/v1/spend", { source_id: referral.id, date: "2025-01-10", amount_pence: 50000 });
  await call("/api/v1/spend", { source_id: board.id, date: "2025-01-05", amount_pence: 120000 });
  await call("/api/v1/spend", { source_id: board.id, date: "2025-02-01", amount_pence: 30000 });

  const people = [
    // Referral: 4 applied, 3 interviewed, 3 offered, 3 started; the third left after 45 days.
    [referral, stages("2025-01-15", "2025-01-20", "2025-01-25", "2025-02-01")],
    [referral, stages("2025-01-15", "2025-01-20", "2025-01-25", "2025-02-15")],
    [referral, stages("2025-01-15", "2025-01-20", "2025-01-25", "2025-03-01", "2025-04-15")],
    [referral, stages("2025-01-15")],
    // Job board: 10 applied, 4 interviewed, 2 offered, 2 started, and both left.
    [board, stages("2025-01-15", "2025-01-20", "2025-01-25", "2025-03-01", "2025-04-01")],
    [board, stages("2025-01-15", "2025-01-20", "2025-01-25", "2025-03-10", "2025-09-10")],
    [board, stages("2025-01-15", "2025-01-20")],
    [board, stages("2025-01-15", "2025-01-20")],
    ...Array.from({ length: 6 }, () => [board, stages("2025-01-15")]),
  ];
  let n = 0;
  for (const [source, dates] of people) {
    await call("/api/v1/applicants", { reference: `W-${++n}`, source_id: source.id, ...dates });
  }
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function rows(page, caption) {
  return page.evaluate((caption) => {
    const table = [...document.querySelectorAll("table")].find((t) => t.caption?.textContent.trim() === caption);
    return Object.fromEntries([...table.tBodies[0].rows].map((r) => [r.cells[0].textContent.trim(), [...r.cells].slice(1).map((c) => c.textContent.trim())]));
  }, caption);
}

test("the dashboard shows the reference's worked example", async () => {
  const page = await browser.page(DESKTOP);
  await signIn(page, server, provider.key, "/dashboard");
  const form = page.locator("#period-form");
  await form.getByLabel("From").fill("2025-01-01");
  await form.getByLabel("To", { exact: true }).fill("2025-03-31");
  await form.getByLabel("Judge who stayed as of").fill("2026-03-31");
  await form.getByRole("button", { name: "Show figures" }).click();
  await form.locator(".status-line").filter({ hasText: "Figures updated." }).waitFor();
  assert.match(page.url(), /from=2025-01-01&to=2025-03-31&as_of=2026-03-31/);

  const funnel = await rows(page, "Applicants by stage and source");
  assert.deepEqual(funnel["Referral"].slice(0, 5), ["4", "3", "3", "3", "75%"]);
  assert.deepEqual(funnel["Job board"].slice(0, 5), ["10", "4", "2", "2", "20%"]);
  assert.deepEqual(funnel["All sources"].slice(0, 4), ["14", "7", "5", "5"]);

  const costs = await rows(page, "Spend and cost per hire by source");
  // Spend, applicants, starters, per applicant, per hire, per retained hire at 3, 6, 12 months.
  assert.deepEqual(costs["Referral"].slice(0, 5), ["£500", "4", "3", "£125", "£166.67"]);
  assert.equal(costs["Referral"][7], "£250");
  assert.deepEqual(costs["Job board"].slice(0, 5), ["£1,500", "10", "2", "£150", "£750"]);
  // In the words the readable report prints, from the server.
  assert.match(costs["Job board"][7], /none of the starters old enough to judge stayed 365 days/);

  const retention = await rows(page, "Starters still in post, by source");
  // Starters, left, left within 90 days, in post at 3, 6 and 12 months.
  assert.deepEqual(retention["Referral"], ["3", "1", "1", "66.7% (2 of 3)", "66.7% (2 of 3)", "66.7% (2 of 3)"]);
  // The second job-board starter stayed 184 days: past 6 months (182 days), not 12.
  assert.deepEqual(retention["Job board"], ["2", "2", "1", "50% (1 of 2)", "50% (1 of 2)", "0% (0 of 2)"]);

  const advice = await page.locator("#next-pound").textContent();
  assert.match(advice, /No source has 5 or more starters/);
  assert.match(advice, /Job board \(2\)/);
  assert.match(advice, /Referral \(3\)/);
  await screenshot(page, "dashboard-worked-example");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the applicants form exports and imports back unchanged", async () => {
  const page = await browser.page({ ...DESKTOP, acceptDownloads: true });
  await signIn(page, server, provider.key, "/tracker");
  const form = page.locator("#import-applicants-form");
  const [download] = await Promise.all([page.waitForEvent("download"), form.getByRole("button", { name: "Export" }).click()]);
  assert.equal(download.suggestedFilename(), "applicants.csv");
  const file = await download.path();
  const csv = readFileSync(file, "utf8");
  assert.equal(csv.trim().split("\n").length, 15, "a header and 14 applicants");

  await page.locator("#import-applicants").setInputFiles(file);
  await form.getByRole("button", { name: "Import" }).click();
  await form.locator(".status-line").filter({ hasText: /^Imported 14 rows: 0 new, / }).waitFor();
  const stored = await server.api("/api/v1/applicants?limit=100", { key: provider.key });
  assert.equal(stored.items.length, 14, "nothing added");
  const again = await fetch(server.at("/api/v1/export/applicants.csv"), { headers: { Authorization: `Bearer ${provider.key}` } });
  assert.equal(await again.text(), csv, "the records are as they were");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
