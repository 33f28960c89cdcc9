// Whole-site passes over every page state (support/page-states.mjs): axe-core finds no violation
// at 1280 px or at 390 px, html-validate finds no error in the HTML files as written or in the
// markup the scripts leave behind. One browser for all of it; each failure lists every problem
// of every state, so that one run shows all there is to fix.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { Browser, DESKTOP, PHONE } from "./support/browser.mjs";
import { ToolkitServer } from "./support/server.mjs";
import { axeViolations, describeViolations } from "./support/axe.mjs";
import { markupProblemsInFile, markupProblemsInPage } from "./support/markup.mjs";
import { forEachState, htmlPages, PAGE_STATES, seedStates } from "./support/page-states.mjs";

let server;
let browser;
let seeded;

before(async () => {
  server = await ToolkitServer.start();
  browser = await Browser.launch();
  seeded = await seedStates(server);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("html-validate finds no error in any HTML file", async () => {
  const pages = htmlPages();
  assert.ok(pages.length >= 13, `all pages found (${pages.length})`);
  const problems = [];
  for (const { file } of pages) problems.push(...(await markupProblemsInFile(file)));
  assert.equal(problems.length, 0, `html-validate:\n${problems.join("\n")}`);
});

// Visits every state at one width: axe-core's violations and, at the desktop width, the rendered
// markup's html-validate errors, with any script error, all gathered before asserting.
async function audit(viewport, { markup }) {
  const failures = [];
  let visited = 0;
  await forEachState(browser, server, seeded, viewport, async (page, state) => {
    ++visited;
    const violations = await axeViolations(page);
    if (violations.length)
      failures.push(`${state.name}: axe-core\n${describeViolations(violations)}`);
    if (markup) {
      const problems = await markupProblemsInPage(page, state.name);
      if (problems.length) failures.push(`${state.name}: html-validate\n${problems.join("\n")}`);
    }
    if (page.problems.length) failures.push(`${state.name}: ${page.problems.join("; ")}`);
    page.problems = [];
  });
  assert.equal(visited, PAGE_STATES.length, "every state was visited");
  assert.equal(failures.length, 0, `\n${failures.join("\n\n")}`);
}

test(
  "axe-core finds no violation in any page state " + "at 1280 px and the rendered markup is valid",
  async () => {
    await audit(DESKTOP, { markup: true });
  },
);

test("axe-core finds no violation in any page state at 390 px", async () => {
  await audit(PHONE, { markup: false });
});
