// The advert checker in Chromium against a real server: a weak advert gets a score, a bar per
// category and highlights whose text is exactly the words each finding matched; checking again
// after an edit needs no click; a keyboard alone is enough; errors and an unreachable server are
// explained on the page.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { Browser, DESKTOP, PHONE, screenshot } from "./support/browser.mjs";
import { ToolkitServer, sourceDir } from "./support/server.mjs";

const weakAdvert = readFileSync(
  path.join(sourceDir, "examples/adverts/home-care-weak.txt"),
  "utf8",
);

let server;
let browser;

before(async () => {
  server = await ToolkitServer.start();
  browser = await Browser.launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

// Submits the advert and returns the report the page received.
async function checkAdvert(page, trigger) {
  const answer = page.waitForResponse(
    (r) => r.url().endsWith("/api/v1/adverts/check") && r.request().method() === "POST",
  );
  await trigger();
  const response = await answer;
  assert.equal(response.status(), 200);
  const report = await response.json();
  await page
    .locator("#check-status")
    .filter({ hasText: `${report.score} out of 100` })
    .waitFor();
  return report;
}

// Every placed finding's marks, joined, hold exactly the words it matched.
async function assertHighlights(page, text, report) {
  const marked = await page.$$eval("#advert-view mark.finding", (marks) => {
    const byFinding = {};
    for (const mark of marks) {
      const own = [...mark.childNodes]
        .map((n) => (n.nodeType === Node.TEXT_NODE ? n.textContent : n.textContent))
        .join("");
      byFinding[mark.dataset.finding] = (byFinding[mark.dataset.finding] || "") + own;
    }
    return byFinding;
  });
  const placed = report.findings
    .map((f, i) => [f, i])
    .filter(([f]) => f.span && f.span.end_utf16 > f.span.begin_utf16);
  assert.ok(
    placed.length >= 10,
    `a weak advert has many findings in its text (got ${placed.length})`,
  );
  for (const [finding, index] of placed) {
    assert.equal(
      marked[index],
      finding.text,
      `finding ${index} (${finding.rule}) is highlighted as its matched words`,
    );
    assert.equal(
      text.slice(finding.span.begin_utf16, finding.span.end_utf16),
      finding.text,
      `finding ${index}'s UTF-16 span indexes the advert`,
    );
  }
  assert.equal(Object.keys(marked).length, placed.length, "no mark without a finding");
  // The highlighted view holds the advert itself, unchanged.
  assert.equal(await page.locator("#advert-view").textContent(), text);
}

test("a pasted weak advert gets a score, category bars and highlighted findings", async () => {
  const page = await browser.page(DESKTOP);
  await page.goto(server.at("/checker"));
  await page.getByLabel("Job advert").fill(weakAdvert);
  const report = await checkAdvert(page, () =>
    page.getByRole("button", { name: "Check advert" }).click(),
  );

  assert.ok(report.score < 50, `the weak example scores low (${report.score})`);
  assert.equal(await page.locator("#score").textContent(), String(report.score));
  assert.equal(await page.locator("#grade").textContent(), report.grade);
  // The weak example gives no pay, a critical finding: a note says what holds the score down.
  assert.ok(report.score_cap, "the weak example's score is capped");
  const capping = report.findings.find((f) => f.rule === report.score_cap.rule && f.points < 0);
  assert.ok(
    (await page.locator("#score-cap").textContent()).includes(
      `at most ${report.score_cap.cap} until this is fixed: ${capping.message}`,
    ),
  );
  assert.equal(await page.locator("#score-cap").isVisible(), true);
  assert.equal(await page.locator("#categories li").count(), report.categories.length);
  await assertHighlights(page, weakAdvert, report);
  assert.equal(
    await page.locator("#finding-groups li").count(),
    report.findings.length,
    "every finding is listed beside the advert",
  );

  // Hovering a highlight shows its message and suggestion.
  const index = report.findings.findIndex((f) => f.span && f.suggestion && f.points < 0);
  await page.locator(`#mark-${index}`).hover();
  const tip = page.locator("#finding-tip");
  await tip.waitFor({ state: "visible" });
  assert.match(
    await tip.textContent(),
    new RegExp(report.findings[index].message.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")),
  );
  assert.match(await tip.textContent(), /Suggestion:/);

  await screenshot(page, "checker-desktop");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("editing the advert checks it again without a click", async () => {
  const page = await browser.page(DESKTOP);
  await page.goto(server.at("/checker"));
  const box = page.getByLabel("Job advert");
  await box.fill("URGENT!!! Carers wanted. Service users need help.");
  const first = await checkAdvert(page, () =>
    page.getByRole("button", { name: "Check advert" }).click(),
  );
  const edited =
    "Join our home care team in Lincoln. You will help people live well at home. We pay " +
    "£13.20 an hour and pay your travel time.";
  const second = await checkAdvert(page, () => box.fill(edited));
  assert.notEqual(second.score, first.score, "the edit changed the score");
  assert.equal(await page.locator("#advert-view").textContent(), edited);
  assert.equal(await page.locator("#score").textContent(), String(second.score));
  await page.context().close();
});

test("the sample weak advert loads and is checked with one click, on a phone", async () => {
  const page = await browser.page(PHONE);
  await page.goto(server.at("/checker"));
  const report = await checkAdvert(page, () =>
    page.getByRole("button", { name: "Load a sample weak advert" }).click(),
  );
  const text = await page.getByLabel("Job advert").inputValue();
  assert.ok(text.startsWith("CARE ASSISTANTS WANTED"));
  await assertHighlights(page, text, report);
  // Nothing is wider than the phone's screen.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  assert.ok(overflow <= 0, `the page fits a phone's width (overflow ${overflow}px)`);
  await screenshot(page, "checker-phone");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// The focused element, described for assertions.
function focused(page) {
  return page.evaluate(() => {
    const e = document.activeElement;
    return {
      tag: e.tagName.toLowerCase(),
      id: e.id,
      text: (e.textContent || "").trim().slice(0, 60),
      finding: e.dataset?.finding ?? null,
      describedBy: e.getAttribute("aria-describedby"),
      outline: getComputedStyle(e).outlineStyle,
    };
  });
}

async function tabUntil(page, predicate, limit = 40) {
  for (let i = 0; i < limit; ++i) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    if (predicate(now)) return now;
  }
  assert.fail("the keyboard never reached the expected control");
}

test("a keyboard alone can check an advert and read every finding", async () => {
  const page = await browser.page(DESKTOP);
  await page.goto(server.at("/checker"));

  // The first Tab reaches the skip link, which moves focus to the main content.
  await page.keyboard.press("Tab");
  const skip = await focused(page);
  assert.equal(skip.text, "Skip to main content");
  assert.notEqual(skip.outline, "none", "focus is visible");
  await page.keyboard.press("Enter");
  assert.equal((await focused(page)).id, "main");

  await tabUntil(page, (f) => f.id === "advert-text");
  await page.keyboard.type(
    "URGENT!!! Domiciliary carers wanted for service users. The successful candidate must drive.",
  );
  const check = await tabUntil(page, (f) => f.text === "Check advert");
  assert.notEqual(check.outline, "none", "focus is visible on the button");
  const report = await checkAdvert(page, () => page.keyboard.press("Enter"));
  assert.ok(report.findings.length > 0);

  // Tab reaches each highlight in turn; focus shows its explanation, Escape hides it.
  const mark = await tabUntil(page, (f) => f.tag === "mark");
  const finding = report.findings[Number(mark.finding)];
  const description = await page.locator(`#${mark.describedBy}`).textContent();
  assert.ok(description.includes(finding.message), "the mark is described by its message");
  const tip = page.locator("#finding-tip");
  await tip.waitFor({ state: "visible" });
  assert.ok((await tip.textContent()).includes(finding.message));
  await page.keyboard.press("Escape");
  await tip.waitFor({ state: "hidden" });

  // From the list, "Show in advert" takes focus back to the highlight.
  const show = await tabUntil(page, (f) => f.text.startsWith("Show in advert"));
  assert.ok(show);
  await page.keyboard.press("Enter");
  assert.equal((await focused(page)).tag, "mark");

  await screenshot(page, "checker-keyboard");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("an empty advert is refused beside the box, and server failures are explained", async () => {
  const page = await browser.page(DESKTOP);
  await page.goto(server.at("/checker"));
  await page.getByRole("button", { name: "Check advert" }).click();
  const box = page.getByLabel("Job advert");
  assert.equal(await box.getAttribute("aria-invalid"), "true");
  assert.match(await page.locator(".field-error").textContent(), /Paste your advert/);

  // The server is unreachable.
  await page.route("**/api/v1/adverts/check", (route) => route.abort("connectionrefused"));
  await box.fill("Care workers wanted in Stamford.");
  await page.getByRole("button", { name: "Check advert" }).click();
  await page.getByText("The toolkit cannot be reached").waitFor();

  // The server fails without a problem+json body.
  await page.unroute("**/api/v1/adverts/check");
  await page.route("**/api/v1/adverts/check", (route) =>
    route.fulfill({ status: 502, contentType: "text/html", body: "<h1>Bad gateway</h1>" }),
  );
  await page.getByRole("button", { name: "Check advert" }).click();
  await page.getByText("The toolkit had a problem on its side").waitFor();
  await screenshot(page, "checker-unreachable");
  await page.context().close();
});

test(
  "a weak advert opens with the three changes " + "worth most and the rest grouped and collapsed",
  async () => {
    const page = await browser.page(DESKTOP);
    await page.goto(server.at("/checker"));
    const report = await checkAdvert(page, () =>
      page.getByRole("button", { name: "Load a sample weak advert" }).click(),
    );
    const changes = report.findings.filter((f) => f.priority);
    assert.deepEqual(
      report.findings.slice(0, 3).map((f) => f.rule),
      ["essentials.pay", "essentials.how-to-apply", "inclusive.native-speaker"],
    );

    const groups = page.locator("#finding-groups");
    assert.equal(await groups.locator("h4").first().textContent(), "The 3 changes worth most");
    assert.deepEqual(
      await groups
        .locator("ol.finding-list > li")
        .evaluateAll((items) => items.map((i) => i.dataset.rule)),
      changes.slice(0, 3).map((f) => f.rule),
    );
    const headings = await groups.locator("h4").allTextContents();
    for (const [priority, title] of [
      ["must", "Must change"],
      ["should", "Should change"],
      ["could", "Could change"],
    ]) {
      const count = changes.slice(3).filter((f) => f.priority === priority).length;
      assert.ok(headings.includes(`${title} (${count})`), `${title} is a group of ${count}`);
    }
    // Each group shows its first two; the rest, what is going well and information are collapsed.
    const visible = await groups.locator("li:visible").count();
    assert.ok(visible <= 3 + 3 * 2, `at most 9 findings open at first (${visible})`);
    assert.equal(await groups.locator("details[open]").count(), 0);
    assert.equal(
      await groups.locator("li").count(),
      report.findings.length,
      "every finding is still listed once",
    );
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(
      `checker page height with the sample weak advert: ${height} px ` +
        `(${report.findings.length} findings, ${visible} open)`,
    );
    await groups.locator("summary").first().click();
    assert.equal(await groups.locator("details[open]").count(), 1);

    // Every finding links to the guidance that explains it.
    const byIndex = await groups
      .locator("li")
      .evaluateAll((items) =>
        items.map((i) => [
          Number(i.id.replace("finding-", "")),
          i.querySelector("a.guidance-link")?.getAttribute("href"),
        ]),
      );
    for (const [index, href] of byIndex)
      assert.equal(href, report.findings[index].guidance, `finding ${index} links to its guidance`);

    // A low category says what would raise it, with an example sentence.
    const values = page.locator('#categories li[data-category="values"] .to-raise');
    const advice = report.categories.find((c) => c.category === "values").to_raise;
    assert.ok((await values.textContent()).includes(advice.example));
    assert.equal(await values.locator("a").getAttribute("href"), advice.guidance);

    // The pay's guidance opens the article at its section.
    const pay = groups.locator('li[data-rule="essentials.pay"] a.guidance-link');
    await pay.click();
    await page.waitForURL(
      (url) => url.pathname === "/guidance/writing-adverts" && url.hash === "#facts-first",
    );
    assert.equal(
      await page.locator("#facts-first").textContent(),
      "Put the facts people look for first",
    );
    assert.equal(
      await page.locator('.tool-link a[href="/checker"]').count(),
      1,
      "the article links back to the checker",
    );
    assert.deepEqual(page.problems, []);
    await page.context().close();
  },
);

test("Apply, Apply all and Undo rewrite the advert and check it again each time", async () => {
  const page = await browser.page(DESKTOP);
  await page.goto(server.at("/checker"));
  const box = page.getByLabel("Job advert");
  const original = "😀 Utilise your skills prior to each visit, whilst our clients rest.";
  await box.fill(original);
  const first = await checkAdvert(page, () =>
    page.getByRole("button", { name: "Check advert" }).click(),
  );
  assert.equal(first.edits.length, 3);
  const applyAll = page.locator("#apply-all");
  assert.equal(await applyAll.textContent(), "Apply all safe changes (3)");
  assert.equal(await page.locator("#undo").isDisabled(), true);
  // "our clients" needs a person: no Apply button.
  assert.equal(await page.locator('li[data-rule="jargon.clients"] button[data-apply]').count(), 0);

  const second = await checkAdvert(page, () =>
    page.getByRole("button", { name: "Apply “Use”" }).click(),
  );
  assert.equal(
    await box.inputValue(),
    "😀 Use your skills prior to each visit, whilst our clients rest.",
  );
  assert.equal(
    second.findings.filter((f) => f.rule === "jargon.utilise").length,
    0,
    "the applied text checks without the finding",
  );
  assert.equal(await page.locator("#advert-view").textContent(), await box.inputValue());
  assert.match(
    await page.locator("#check-status").textContent(),
    /^“Utilise” changed to “Use”\. Checked: /,
  );
  assert.equal(await page.locator("#undo").isEnabled(), true);
  assert.equal(await applyAll.textContent(), "Apply all safe changes (2)");

  const third = await checkAdvert(page, () => applyAll.click());
  assert.equal(
    await box.inputValue(),
    "😀 Use your skills before each visit, while our clients rest.",
  );
  assert.deepEqual(third.edits, []);
  assert.deepEqual(
    third.findings.filter((f) => ["jargon.prior-to", "jargon.whilst"].includes(f.rule)),
    [],
  );
  assert.ok(
    third.findings.some((f) => f.rule === "jargon.clients"),
    "what needs a person is still there",
  );
  assert.equal(await applyAll.isDisabled(), true);
  assert.ok(third.score >= first.score);

  await checkAdvert(page, () => page.locator("#undo").click());
  assert.equal(
    await box.inputValue(),
    "😀 Use your skills prior to each visit, whilst our clients rest.",
  );
  assert.match(await page.locator("#check-status").textContent(), /^Change undone\. Checked: /);
  await checkAdvert(page, () => page.locator("#undo").click());
  assert.equal(await box.inputValue(), original);
  assert.equal(await page.locator("#undo").isDisabled(), true);
  await screenshot(page, "checker-rewrites");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("an advert too long to check is told the limit in words beside the box", async () => {
  const page = await browser.page(DESKTOP);
  await page.goto(server.at("/checker"));
  const box = page.getByLabel("Job advert");
  await box.fill("Care assistant wanted in Stamford. ".repeat(9000)); // 315,000 characters
  await page.getByRole("button", { name: "Check advert" }).click();
  const error = page.locator(".field-error");
  await error.waitFor();
  assert.match(
    await error.textContent(),
    /Your advert is too long to check: the limit is about 40,000 words\.$/,
  );
  assert.equal(await box.getAttribute("aria-invalid"), "true");
  assert.deepEqual(
    page.problems.filter((p) => !p.startsWith("413 from ")),
    [],
  );
  await page.context().close();
});
