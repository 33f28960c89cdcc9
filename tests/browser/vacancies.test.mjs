// Publishing a vacancy from the tracker page and reading it on the public pages, in Chromium
// against a real server: Publish shows each gap beside its field and stores nothing, a complete
// vacancy opens with its advert score, the provider chooses to be listed, and the public list and
// the vacancy's page show it with a JobPosting whose properties a search engine reads.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { Browser, DESKTOP, PHONE, signIn } from "./support/browser.mjs";
import { ToolkitServer } from "./support/server.mjs";
import { PUBLISHABLE_ADVERT } from "./support/page-states.mjs";

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

const isoDaysFromNow = (days) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);

test("publishing from the tracker names each gap then opens the vacancy", async () => {
  const page = await browser.page(DESKTOP);
  await signIn(page, server, provider.key);
  await page.locator("#tracker[data-ready=true]").waitFor();
  const form = page.locator("#vacancy-form");
  await form.getByLabel("Job title", { exact: true }).fill("Care assistant");
  await form.getByLabel("Advert", { exact: true }).fill("Join our friendly team.");
  await form.getByRole("button", { name: "Publish", exact: true }).click();

  // The refusal: each gap beside its field, focus on the first, nothing stored.
  await form.locator("[aria-invalid=true]").first().waitFor();
  const errors = await form.locator(".field-error").allTextContents();
  assert.ok(errors.some((e) => e.includes("The advert does not give the pay as an amount")));
  assert.ok(errors.some((e) => e.includes("Pay is missing")));
  assert.ok(errors.some((e) => e.includes("Town is missing")));
  assert.ok(errors.some((e) => e.includes("How to apply is missing")));
  assert.ok(errors.some((e) => e.includes("Closing date is missing")));
  assert.equal(await page.evaluate(() => document.activeElement?.name), "advert_text");
  const stored = await server.api("/api/v1/vacancies", { key: provider.key });
  assert.equal(stored.items.length, 0);

  // Filled in: it opens, and the list says so.
  await form.getByLabel("Advert", { exact: true }).fill(PUBLISHABLE_ADVERT);
  await form.getByLabel("Closing date").fill(isoDaysFromNow(21));
  await form.getByLabel("Town").fill("Hinckley");
  await form.getByLabel("Postcode district").fill("le10");
  await form.getByLabel("Lowest pay (£)").fill("12.90");
  await form.getByLabel("Highest pay (£)").fill("13.50");
  await form.getByLabel("Hours a week").fill("37.5");
  await form.getByLabel("Type of contract").selectOption("full_time");
  await form.getByLabel("Apply online at").fill("https://jobs.example.org/care-assistant");
  await form.getByRole("button", { name: "Publish", exact: true }).click();
  await form
    .locator(".status-line")
    .filter({ hasText: /^Published the vacancy for Care assistant: advert score \d+/ })
    .waitFor();
  assert.equal(await form.locator("[aria-invalid=true]").count(), 0);
  const row = page.locator("#vacancy-list tbody tr").first();
  assert.match(await row.textContent(), /Care assistant\s*Open/);
  const [vacancy] = (await server.api("/api/v1/vacancies", { key: provider.key })).items;
  assert.equal(vacancy.status, "open");
  assert.equal(vacancy.postcode_district, "LE10");
  assert.equal(vacancy.pay_min_pence, 1290);
  assert.equal(vacancy.hours_per_week, 37.5);

  // Listed publicly by the provider's choice.
  const listing = page.locator("#listing-form");
  await listing.getByLabel(/List our open vacancies/).check();
  await listing.getByRole("button", { name: "Save" }).click();
  await listing.locator(".status-line").filter({ hasText: "are listed" }).waitFor();
  assert.deepEqual(await server.api("/api/v1/settings/listing", { key: provider.key }), {
    listed: true,
  });
  assert.deepEqual(page.problems, ["422 from " + server.at("/api/v1/vacancies")]);
  await page.context().close();
});

test("the public pages show the vacancy with its JobPosting and a counted apply link", async () => {
  const page = await browser.page(PHONE);
  await page.goto(server.at("/vacancies?town=hinckley"));
  const link = page.getByRole("link", { name: "Care assistant" });
  await link.click();
  await page.waitForURL(/\/vacancies\/\d+$/);
  const id = Number(new URL(page.url()).pathname.split("/").pop());
  assert.equal(await page.locator("h1").textContent(), "Care assistant");
  const facts = await page.locator(".vacancy-facts").textContent();
  assert.match(facts, /Sunnyside Care/);
  assert.match(facts, /Hinckley \(LE10\)/);
  assert.match(facts, /£12\.90 to £13\.50 an hour/);
  assert.match(facts, /37\.5 hours a week, full time/);

  const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
  assert.equal(scripts.length, 1);
  const posting = JSON.parse(scripts[0]);
  assert.equal(posting["@type"], "JobPosting");
  assert.equal(posting.title, "Care assistant");
  assert.equal(posting.hiringOrganization.name, "Sunnyside Care");
  assert.deepEqual(posting.jobLocation.address, {
    "@type": "PostalAddress",
    addressLocality: "Hinckley",
    addressCountry: "GB",
    postalCode: "LE10",
  });
  assert.equal(posting.baseSalary.currency, "GBP");
  assert.equal(posting.baseSalary.value.minValue, 12.9);
  assert.equal(posting.baseSalary.value.maxValue, 13.5);
  assert.equal(posting.baseSalary.value.unitText, "HOUR");
  assert.equal(posting.employmentType, "FULL_TIME");
  assert.equal(posting.validThrough, `${isoDaysFromNow(21)}T23:59:59`);

  const apply = page.getByRole("link", { name: "Apply online" });
  assert.equal(await apply.getAttribute("href"), `/vacancies/${id}/apply?by=web`);
  const redirect = await fetch(server.at(`/vacancies/${id}/apply?by=web`), { redirect: "manual" });
  assert.equal(redirect.status, 303);
  assert.equal(redirect.headers.get("location"), "https://jobs.example.org/care-assistant");
  const [version] = (await server.api(`/api/v1/vacancies/${id}/versions`, { key: provider.key }))
    .items;
  assert.equal(version.views, 1);
  assert.equal(version.apply_clicks, 1);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
