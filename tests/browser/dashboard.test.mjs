// The dashboard against known answers: the worked example of the metrics reference (a referral
// scheme and a job board, January to March 2025, judged as of 31 March 2026) entered through the
// API, then read off the dashboard's tables. Each service's turnover and vacancy rates beside the
// published figures for its own kind of service, with the cost of its leavers; the retention
// chart's table holds the curve's own points; on a phone, tables that scroll say so and can be
// reached by keyboard, and the charts' labels fit. Also the CSV forms: an export downloads, and
// importing it back changes nothing.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Browser, DESKTOP, PHONE, screenshot, signIn, tableRows } from "./support/browser.mjs";
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

  // Two services with staff counts of 1 March 2026: home care (20 leavers of 47 staff, 6
  // vacancies) and residential (11 leavers of 38 staff, 2 vacancies). The home care service's
  // long name is the kind a chart cuts off on a phone.
  const homeCare = await call("/api/v1/services", {
    name: "Community home care, Hinckley and Bosworth",
    type: "home_care",
  });
  const residential = await call("/api/v1/services", { name: "Meadow House", type: "residential" });
  await call("/api/v1/headcounts", {
    service_id: homeCare.id,
    date: "2026-03-01",
    staff: 47,
    vacancies: 6,
    leavers: 20,
  });
  await call("/api/v1/headcounts", {
    service_id: residential.id,
    date: "2026-03-01",
    staff: 38,
    vacancies: 2,
    leavers: 11,
  });
});

async function showWorkedExample(page) {
  const form = page.locator("#period-form");
  await form.getByLabel("From").fill("2025-01-01");
  await form.getByLabel("To", { exact: true }).fill("2025-03-31");
  await form.getByLabel("Judge who stayed as of").fill("2026-03-31");
  await form.getByRole("button", { name: "Show figures" }).click();
  await form.locator(".status-line").filter({ hasText: "Figures updated." }).waitFor();
}

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function rows(page, caption) {
  return tableRows(page, caption);
}

test("the dashboard shows the reference's worked example", async () => {
  const page = await browser.page(DESKTOP);
  await signIn(page, server, provider.key, "/dashboard");
  await showWorkedExample(page);
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
  assert.deepEqual(retention["Referral"], [
    "3",
    "1",
    "1",
    "66.7% (2 of 3)",
    "66.7% (2 of 3)",
    "66.7% (2 of 3)",
  ]);
  // The second job-board starter stayed 184 days: past 6 months (182 days), not 12.
  assert.deepEqual(retention["Job board"], [
    "2",
    "2",
    "1",
    "50% (1 of 2)",
    "50% (1 of 2)",
    "0% (0 of 2)",
  ]);

  const advice = await page.locator("#next-pound").textContent();
  assert.match(advice, /No source has 5 or more starters/);
  assert.match(advice, /Job board \(2\)/);
  assert.match(advice, /Referral \(3\)/);
  await screenshot(page, "dashboard-worked-example");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the dashboard gives the median days of each step and names the slowest", async () => {
  const page = await browser.page(DESKTOP);
  await signIn(page, server, provider.key, "/dashboard");
  await showWorkedExample(page);

  // Every interview came 5 days after applying and every offer 5 days after the interview.
  // Offer to start: Referral 7, 21 and 35 days (median 21), Job board 35 and 44 (median 39.5),
  // all five 7 21 35 35 44 (median 35).
  const steps = await rows(page, "Median days for each step, by source");
  assert.deepEqual(steps["Referral"], [
    "5 days (3 people)",
    "5 days (3 people)",
    "21 days (3 people)",
  ]);
  assert.deepEqual(steps["Job board"], [
    "5 days (4 people)",
    "5 days (2 people)",
    "39.5 days (2 people)",
  ]);
  assert.deepEqual(steps["All sources"], [
    "5 days (7 people)",
    "5 days (5 people)",
    "35 days (5 people)",
  ]);
  const headings = await page
    .locator("#steps th[scope=col]")
    .evaluateAll((cells) => cells.map((c) => c.textContent.trim()));
  assert.deepEqual(headings, [
    "Source",
    "Median days from applying to interview",
    "Median days from interview to offer",
    "Median days from offer to starting work",
  ]);
  const words = await page.locator("#steps .slowest-step").textContent();
  assert.equal(
    words,
    "The slowest step is from offer to starting work: a median of 35 days, over 5 people. " +
      "By source, the longest wait is from offer to starting work for Job board: " +
      "a median of 39.5 days, over 2 people.",
  );
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test(
  "each service's rates sit beside its own kind of " +
    "service's figures with the cost of its leavers",
  async () => {
    const page = await browser.page(DESKTOP);
    await signIn(page, server, provider.key, "/dashboard");
    await showWorkedExample(page);

    // Your rate, the published figure it is set beside, that figure, the difference, and (for
    // turnover) a year's leavers at £3,600 each. Home care: 20 / 47 = 42.6% beside home care in
    // Leicestershire (50.4%), not beside the all-care figures; residential: 11 / 38 = 28.9%. All
    // services: 31 / 85 = 36.5%, beside adult social care in Leicestershire (32.3%).
    const turnover = await rows(page, "Turnover by service");
    assert.deepEqual(turnover["Community home care, Hinckley and Bosworth"], [
      "42.6%",
      "Home care, Leicestershire",
      "50.4%",
      "-7.8 points",
      "£72,000",
    ]);
    assert.deepEqual(turnover["Meadow House"], [
      "28.9%",
      "Residential care, Leicestershire",
      "33.2%",
      "-4.3 points",
      "£39,600",
    ]);
    assert.deepEqual(turnover["All services"], [
      "36.5%",
      "Adult social care, Leicestershire",
      "32.3%",
      "+4.2 points",
      "£111,600",
    ]);
    // Vacancies: 6 / 53 = 11.3% beside home care in England (10.1%); 2 / 40 = 5% beside
    // residential care (4.1%).
    const vacancies = await rows(page, "Vacancy rate by service");
    assert.deepEqual(vacancies["Community home care, Hinckley and Bosworth"], [
      "11.3%",
      "Home care, England, 2024/25",
      "10.1%",
      "+1.2 points",
    ]);
    assert.deepEqual(vacancies["Meadow House"], [
      "5%",
      "Residential care, England, 2024/25",
      "4.1%",
      "+0.9 points",
    ]);
    assert.equal(
      await page.locator("#turnover-cost").textContent(),
      "Your turnover costs about £111,600 a year: 31 leavers at £3,600, the average cost of " +
        "replacing a care worker.",
    );
    // The chart draws the same rates as the table.
    const drawn = await page.evaluate(() =>
      window.Chart.getChart(document.getElementById("turnover-chart")).data.datasets.map(
        (d) => d.data,
      ),
    );
    assert.deepEqual(drawn, [
      [42.6, 28.9, 36.5],
      [50.4, 33.2, 32.3],
    ]);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  },
);

test("the funnel's columns are the stages its report names with their labels", async () => {
  const page = await browser.page(DESKTOP);
  // The server's report, its stages relabelled and one left out on the way: the page must show
  // the stages the report names, not a list of its own.
  await page.route("**/api/v1/reports/funnel?*", async (route) => {
    const response = await route.fetch();
    const report = await response.json();
    assert.deepEqual(
      report.stages.map((s) => s.label),
      ["Applied", "Interviewed", "Offered a job", "Started work"],
    );
    report.stages = report.stages
      .filter((s) => s.stage !== "interviewed")
      .map((s) => (s.stage === "offered" ? { ...s, label: "Offer made" } : s));
    await route.fulfill({ response, json: report });
  });
  await signIn(page, server, provider.key, "/dashboard");
  await showWorkedExample(page);
  const caption = "Applicants by stage and source";
  const heads = await page
    .locator("table", { has: page.locator("caption", { hasText: caption }) })
    .locator("thead th")
    .allTextContents();
  assert.deepEqual(heads.slice(0, 4), ["Source", "Applied", "Offer made", "Started work"]);
  const funnel = await rows(page, caption);
  // Referral: 4 applied, 3 offered, 3 started, 75% of applicants started.
  assert.deepEqual(funnel["Referral"].slice(0, 4), ["4", "3", "3", "75%"]);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the retention chart's table holds the points the chart draws", async () => {
  const page = await browser.page(DESKTOP);
  await signIn(page, server, provider.key, "/dashboard");
  await showWorkedExample(page);
  const fromTable = await page.evaluate(() => {
    const table = [...document.querySelectorAll("#retention-chart-figure table")].find(
      (t) => t.caption?.textContent === "The curve’s points, by source",
    );
    const bySource = {};
    for (const r of table.tBodies[0].rows) {
      const [source, day, share] = [...r.cells].map((c) => c.textContent.trim());
      (bySource[source] ||= []).push([Number(day), parseFloat(share)]);
    }
    return bySource;
  });
  const fromChart = await page.evaluate(() =>
    Object.fromEntries(
      window.Chart.getChart(document.getElementById("retention-chart")).data.datasets.map((d) => [
        d.label,
        d.data.map((p) => [p.x, p.y]),
      ]),
    ),
  );
  assert.deepEqual(fromTable, fromChart);
  // Referral: one of 3 left on day 45; the first starter has been followed 423 days (1 February
  // 2025 to 31 March 2026). Job board: one of 2 left on day 31, the other on day 184.
  assert.deepEqual(fromTable["Referral"], [
    [0, 100],
    [45, 66.7],
    [423, 66.7],
  ]);
  assert.deepEqual(fromTable["Job board"], [
    [0, 100],
    [31, 50],
    [184, 0],
  ]);
  await page.context().close();
});

// The tables and charts of the dashboard on a phone, with every chart's table open.
async function phoneDashboard() {
  const page = await browser.page(PHONE);
  await signIn(page, server, provider.key, "/dashboard");
  await showWorkedExample(page);
  await page.evaluate(() =>
    document.querySelectorAll("#dashboard details").forEach((d) => (d.open = true)),
  );
  return page;
}

test(
  "on a phone a table too wide for the screen " + "says it scrolls and takes the keyboard",
  async () => {
    const page = await phoneDashboard();
    const wrap = page.locator(".table-wrap", {
      has: page.locator("caption", { hasText: "Spend and cost per hire by source" }),
    });
    const cue = wrap.locator(".scroll-cue");
    await cue.waitFor();
    assert.equal(await cue.textContent(), "Scroll sideways to see all 9 columns.");
    assert.equal(await wrap.getAttribute("role"), "region");
    assert.equal(await wrap.getAttribute("tabindex"), "0");
    const name = await wrap.evaluate((w) =>
      w
        .getAttribute("aria-labelledby")
        .split(" ")
        .map((id) => document.getElementById(id).textContent)
        .join(" "),
    );
    assert.equal(name, "Spend and cost per hire by source Scroll sideways to see all 9 columns.");
    // Tab reaches it, and the arrow keys scroll it.
    await page.locator("#costs-chart-figure summary").focus();
    await page.keyboard.press("Tab");
    assert.equal(
      await wrap.evaluate((w) => document.activeElement === w),
      true,
      "the table is the next stop after its summary",
    );
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction(() => document.activeElement.scrollLeft > 0);
    await screenshot(page, "dashboard-phone-tables");
    await page.context().close();

    // On a desktop the same table fits: no cue, no extra stop.
    const desktop = await browser.page(DESKTOP);
    await signIn(desktop, server, provider.key, "/dashboard");
    await showWorkedExample(desktop);
    await desktop.evaluate(() =>
      document.querySelectorAll("#dashboard details").forEach((d) => (d.open = true)),
    );
    const wide = desktop.locator(".table-wrap", {
      has: desktop.locator("caption", { hasText: "Applicants by stage and source" }),
    });
    await wide.waitFor();
    await desktop.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    assert.equal(await wide.getAttribute("tabindex"), null);
    assert.equal(await wide.locator(".scroll-cue").isHidden(), true);
    await desktop.context().close();
  },
);

test("on a phone every chart's labels fit beside it", async () => {
  const page = await phoneDashboard();
  // Each label of a side axis (the bars' names in a bar chart lying on its side), line by line in
  // the axis's own font, is no wider than the axis: Chart.js cuts off what is wider.
  const tooWide = await page.evaluate(() => {
    const problems = [];
    const context = document.createElement("canvas").getContext("2d");
    for (const canvas of document.querySelectorAll("#dashboard canvas")) {
      const chart = window.Chart.getChart(canvas);
      for (const scale of Object.values(chart.scales)) {
        if (scale.type !== "category" || scale.isHorizontal()) continue;
        context.font = window.Chart.helpers.toFont(scale.options.ticks.font).string;
        for (const tick of scale.ticks) {
          for (const line of [tick.label].flat()) {
            const width = context.measureText(line).width;
            if (width > scale.width)
              problems.push(
                `${canvas.id}: "${line}" is ${Math.round(width)} px on an axis ` +
                  `${Math.round(scale.width)} px wide`,
              );
          }
        }
      }
    }
    return problems;
  });
  assert.deepEqual(tooWide, []);
  const labels = await page.evaluate(() =>
    window.Chart.getChart(document.getElementById("turnover-chart")).scales.y.ticks.map(
      (t) => t.label,
    ),
  );
  assert.deepEqual(labels, [
    ["Community home", "care, Hinckley", "and Bosworth"],
    "Meadow House",
    "All services",
  ]);
  await page.context().close();
});

test("the applicants form exports and imports back unchanged", async () => {
  const page = await browser.page({ ...DESKTOP, acceptDownloads: true });
  await signIn(page, server, provider.key, "/tracker");
  const form = page.locator("#import-applicants-form");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    form.getByRole("button", { name: "Export" }).click(),
  ]);
  assert.equal(download.suggestedFilename(), "applicants.csv");
  const file = await download.path();
  const csv = readFileSync(file, "utf8");
  assert.equal(csv.trim().split("\n").length, 15, "a header and 14 applicants");

  await page.locator("#import-applicants").setInputFiles(file);
  await form.getByRole("button", { name: "Import" }).click();
  await form
    .locator(".status-line")
    .filter({ hasText: /^Imported 14 rows: 0 new, / })
    .waitFor();
  const stored = await server.api("/api/v1/applicants?limit=100", { key: provider.key });
  assert.equal(stored.items.length, 14, "nothing added");
  const again = await fetch(server.at("/api/v1/export/applicants.csv"), {
    headers: { Authorization: `Bearer ${provider.key}` },
  });
  assert.equal(await again.text(), csv, "the records are as they were");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
