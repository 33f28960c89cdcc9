// A provider's own checker settings in Chromium: a house term and an allowed term added on the
// settings page, saved with the history shown, an empty term refused beside its field, and the
// checker page, signed in, then checking with them while another provider does not.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { Browser, DESKTOP, signIn } from "./support/browser.mjs";
import { ToolkitServer } from "./support/server.mjs";

const advert = "We need bank staff to support residents with their meals.";

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

test(
  "settings saved on the settings page apply to " + "the provider's checks on the checker page",
  async () => {
    const provider = await server.createProvider("Brookfield Care");
    const other = await server.createProvider("Other Care");
    const page = await browser.page(DESKTOP);
    await signIn(page, server, provider.key, "/checker/settings");
    await page.getByRole("button", { name: "Save settings" }).waitFor();

    // An empty allowed term is refused beside its field, and nothing is saved.
    await page.getByRole("button", { name: "Add an allowed term" }).click();
    await page.getByRole("button", { name: "Save settings" }).click();
    const term = page.locator("#allowed-terms").getByLabel("Term");
    await page.locator("#allowed-terms .field-error").waitFor();
    assert.match(
      await page.locator("#allowed-terms .field-error").textContent(),
      /allowed term 1: field "term": must not be empty/,
    );
    assert.equal(await term.getAttribute("aria-invalid"), "true");
    assert.equal((await server.api("/api/v1/settings/checker", { key: provider.key })).version, 0);

    await term.fill("bank");
    await page.locator("#allowed-terms").getByLabel("Where").selectOption("everywhere");
    await page.getByRole("button", { name: "Add a house term" }).click();
    const house = page.locator("#house-terms");
    await house.getByLabel("Term").fill("residents");
    await house.getByLabel("Write instead").fill("the people who live here");
    await house
      .getByLabel("Why (shown with the finding)")
      .fill("At Brookfield we say the people who live here.");
    await house.getByLabel("Points lost").fill("5");
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.locator("#settings-status").filter({ hasText: "Saved as version 1" }).waitFor();
    assert.match(
      await page.locator("#history-list").textContent(),
      /added house term "residents" → "the people who live here"/,
    );
    assert.match(await page.locator("#history-list").textContent(), /allowed "bank" everywhere/);

    // The checker page, signed in, checks with the settings.
    await page.goto(server.at("/checker"));
    await page.getByLabel("Job advert").fill(advert);
    const answer = page.waitForResponse((r) => r.url().endsWith("/api/v1/adverts/check"));
    await page.getByRole("button", { name: "Check advert" }).click();
    const report = await (await answer).json();
    const rules = report.findings.filter((f) => f.outcome === "found").map((f) => f.rule);
    assert.ok(rules.includes("house.residents"), "the house term is found");
    assert.ok(!rules.includes("jargon.bank-staff"), "the allowed term is not flagged");
    await page
      .locator("#finding-groups")
      .getByText("At Brookfield we say the people who live here.")
      .first()
      .waitFor();

    // Another provider, and the public checker, keep the shared packs.
    for (const key of [other.key, undefined]) {
      const theirs = await server.api("/api/v1/adverts/check", {
        method: "POST",
        key,
        json: { text: advert },
      });
      const found = theirs.findings.filter((f) => f.outcome === "found").map((f) => f.rule);
      assert.ok(found.includes("jargon.bank-staff"));
      assert.ok(!found.includes("house.residents"));
    }
    const problems = page.problems.filter(
      (p) => !/^422 from .*\/api\/v1\/settings\/checker$/.test(p),
    );
    assert.deepEqual(problems, []);
  },
);
