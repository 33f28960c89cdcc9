// The team view's members before and since joining the scheme, in Chromium against a real server:
// three members with a headcount in the year before they joined and one over a year after, whose
// pooled figures can be checked by hand, and a fourth with no joining day, which the page says it
// leaves out until the day is recorded on the page itself.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { Browser, DESKTOP, screenshot, signIn, tableRows } from "./support/browser.mjs";
import { ToolkitServer } from "./support/server.mjs";

let server;
let browser;
let undated;

// Before: 16 of 40, 10 of 20 and 12 of 30 left (38 of 90); since: 10 of 50, 5 of 25 and 6 of 30
// (21 of 105). Vacancies 15 of 105 posts before, 6 of 111 since.
const MEMBERS = [
  ["Ashby Home Care", "2025-01-01", ["2024-12-01", 40, 5, 16], ["2026-09-15", 50, 2, 10]],
  ["Brook House", "2025-03-01", ["2025-01-31", 20, 4, 10], ["2026-06-30", 25, 1, 5]],
  ["Castle Supported Living", "2025-06-01", ["2025-05-31", 30, 6, 12], ["2026-09-01", 30, 3, 6]],
];

before(async () => {
  server = await ToolkitServer.start();
  browser = await Browser.launch();
  for (const [name, joined, ...headcounts] of MEMBERS) {
    const member = await server.createProvider(name);
    for (const [date, staff, vacancies, leavers] of headcounts) {
      await server.api("/api/v1/headcounts", {
        method: "POST",
        key: member.key,
        json: { date, staff, vacancies, leavers },
      });
    }
    await server.api(`/api/v1/providers/${member.id}`, {
      method: "PATCH",
      key: server.teamKey,
      json: { joined_on: joined },
    });
  }
  undated = await server.createProvider("Dale View Care");
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function showImpact(page, asOf) {
  const form = page.locator("#impact-form");
  await form.getByLabel("As of").fill(asOf);
  await form.getByRole("button", { name: "Show impact" }).click();
  await form.locator(".status-line").filter({ hasText: "Figures updated." }).waitFor();
}

async function rows(page, caption) {
  return tableRows(page, caption, "#impact");
}

test("the team view pools members' figures before and since joining with what each divides", async () => {
  const page = await browser.page(DESKTOP);
  await signIn(page, server, server.teamKey, "/team");
  await showImpact(page, "2026-09-30");

  const sides = await rows(page, "Members before and since joining the scheme");
  assert.deepEqual(sides["Turnover"], ["42.2% (38 of 90)", "20% (21 of 105)", "3"]);
  assert.deepEqual(sides["Vacancy rate"], ["14.3% (15 of 105)", "5.4% (6 of 111)", "3"]);
  assert.deepEqual(sides["Starters still in post at 6 months"], [
    "– no provider has this figure both before and after joining the scheme",
    "– no provider has this figure both before and after joining the scheme",
    "0",
  ]);
  assert.equal(
    await page.locator("#impact .left-out").textContent(),
    "1 of 4 providers has no joining day recorded and is left out: record it under " +
      "“Member providers and keys”.",
  );
  const windows = await page.locator("#impact p.hint").allTextContents();
  assert.ok(windows.some((text) => text.startsWith("Before joining: each member's year before")));
  assert.ok(windows.some((text) => text.includes("at least a year after it joined")));

  const quarters = await rows(page, "Members’ figures by quarter");
  assert.deepEqual(Object.keys(quarters), [
    "2024 Q4",
    "2025 Q1",
    "2025 Q2",
    "2025 Q3",
    "2025 Q4",
    "2026 Q1",
    "2026 Q2",
    "2026 Q3",
  ]);
  // Members by each quarter's end; 2026 Q3 has the headcounts of two of them only.
  assert.equal(quarters["2024 Q4"][0], "0");
  assert.equal(quarters["2025 Q1"][0], "2");
  assert.equal(quarters["2026 Q3"][0], "3");
  assert.equal(quarters["2026 Q3"][1], "– withheld: fewer than 3 providers stand behind it");
  assert.equal(quarters["2024 Q4"][1], "– no headcount recorded in the quarter");
  await screenshot(page, "team-impact");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the joining day is recorded on the page and a day after today is refused beside it", async () => {
  const page = await browser.page(DESKTOP);
  await signIn(page, server, server.teamKey, "/team");
  const summary = page.locator("#providers summary", { hasText: "Dale View Care" });
  await summary.waitFor();
  assert.match(await summary.textContent(), /joining day not recorded/);
  await summary.click();
  const form = page.locator(`details[data-provider="${undated.id}"] form.joined-form`);
  const input = form.getByLabel("Joined the scheme on");

  await input.fill("2099-01-01");
  await form.getByRole("button", { name: "Save joining day" }).click();
  await page.getByText("Date joined the scheme (2099-01-01) is in the future").waitFor();
  assert.equal(await input.getAttribute("aria-invalid"), "true");
  const stored = await server.api(`/api/v1/providers/${undated.id}`, { key: server.teamKey });
  assert.equal(stored.joined_on, null);

  await input.fill("2025-02-01");
  await form.getByRole("button", { name: "Save joining day" }).click();
  await form.locator(".status-line").filter({ hasText: "Saved: joined on" }).waitFor();
  assert.match(await summary.textContent(), /joined the scheme 1 February 2025/);
  const saved = await server.api(`/api/v1/providers/${undated.id}`, { key: server.teamKey });
  assert.equal(saved.joined_on, "2025-02-01");

  await showImpact(page, "2026-09-30");
  assert.equal(
    await page.locator("#impact .left-out").textContent(),
    "Every member has the day it joined recorded.",
  );
  // The one refusal asked for, and nothing else.
  assert.deepEqual(
    page.problems.map((p) => p.replace(/http:\/\/[^/]+/, "")),
    [`422 from /api/v1/providers/${undated.id}`],
  );
  await page.context().close();
});
