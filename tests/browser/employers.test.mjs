// The care employers' page in Chromium against a real server: a provider writes its profile on
// the tracker page (a full postcode is refused beside its field and nothing is stored), lists
// itself, and the public page /employers shows it with its kinds of service, its description as
// text and links to its open vacancies, narrowed by town and by kind of service.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { Browser, DESKTOP, PHONE, signIn } from "./support/browser.mjs";
import { ToolkitServer } from "./support/server.mjs";
import { publishableVacancy } from "./support/page-states.mjs";

let server;
let browser;
let provider;
let other;
let vacancyId;

before(async () => {
  server = await ToolkitServer.start();
  browser = await Browser.launch();
  provider = await server.createProvider("Sunnyside Care");
  other = await server.createProvider("Oakwood Nursing");
  const post = (key, pathname, json) => server.api(pathname, { method: "POST", key, json });
  await post(provider.key, "/api/v1/services", { name: "Sunnyside visits", type: "home_care" });
  await post(other.key, "/api/v1/services", { name: "Oakwood House", type: "nursing" });
  const vacancy = await post(provider.key, "/api/v1/vacancies", {
    ...publishableVacancy(),
    status: "open",
  });
  vacancyId = vacancy.id;
  await server.api("/api/v1/settings/profile", {
    method: "PUT",
    key: other.key,
    json: { town: "Leicester", postcode_district: "LE1" },
  });
  await server.api("/api/v1/settings/listing", {
    method: "PUT",
    key: other.key,
    json: { listed: true },
  });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("a provider writes its profile on the tracker page and lists itself", async () => {
  const page = await browser.page(DESKTOP);
  await signIn(page, server, provider.key);
  await page.locator("#tracker[data-ready=true]").waitFor();
  const form = page.locator("#listing-form");
  assert.equal(
    await form.locator("#profile-service-types").textContent(),
    "Kinds of service shown, from your services: Home care.",
  );
  await form.getByLabel("Town").fill("hinckley");
  await form.getByLabel("Postcode district").fill("LE10 1AB");
  await form.getByLabel("About us").fill("<script>alert(1)</script> We visit people at home.");
  await form.getByLabel(/List our open vacancies/).check();
  await form.getByRole("button", { name: "Save" }).click();

  // Refused beside the field; neither the profile nor the listing choice is stored.
  const error = form.locator(".field-error");
  await error.first().waitFor();
  assert.match(await error.first().textContent(), /give only the first part of the postcode/);
  assert.equal(await form.getByLabel("Postcode district").getAttribute("aria-invalid"), "true");
  const before = await server.api("/api/v1/settings/profile", { key: provider.key });
  assert.equal(before.postcode_district, "");
  const listing = await server.api("/api/v1/settings/listing", { key: provider.key });
  assert.equal(listing.listed, false);

  await form.getByLabel("Postcode district").fill("le10");
  await form.getByRole("button", { name: "Save" }).click();
  await form.locator(".status-line").filter({ hasText: "care employers page" }).waitFor();
  assert.equal(await form.getByLabel("Postcode district").inputValue(), "LE10");
  const saved = await server.api("/api/v1/settings/profile", { key: provider.key });
  assert.deepEqual(saved, {
    town: "hinckley",
    postcode_district: "LE10",
    description: "<script>alert(1)</script> We visit people at home.",
    service_types: ["home_care"],
  });
  assert.deepEqual(page.problems, ["422 from " + server.at("/api/v1/settings/profile")]);
  await page.context().close();
});

test("the employers page lists listed providers and narrows by town and kind of service", async () => {
  const page = await browser.page(PHONE);
  await page.goto(server.at("/vacancies"));
  await page.getByRole("link", { name: "See the care employers" }).click();
  await page.waitForURL(/\/employers$/);
  assert.equal(await page.locator("h1").textContent(), "Care employers in the area");
  const names = await page.locator(".cards > li h2").allTextContents();
  assert.deepEqual(names, ["Oakwood Nursing", "Sunnyside Care"]);

  const card = page.locator(".cards > li").filter({ hasText: "Sunnyside Care" });
  const text = await card.textContent();
  assert.match(text, /hinckley \(LE10\)/);
  assert.match(text, /Runs: Home care/);
  // The description is text: the tag shows as typed and no script element was made of it.
  assert.match(text, /<script>alert\(1\)<\/script> We visit people at home\./);
  assert.equal(await card.locator("script").count(), 0);
  const job = card.getByRole("link", { name: "Care assistant" });
  assert.equal(await job.getAttribute("href"), `/vacancies/${vacancyId}`);

  // By town, as typed in another case; then by kind of service.
  await page.getByLabel("Town").fill("  HINCKLEY ");
  await page.getByRole("button", { name: "Show employers" }).click();
  await page.waitForURL(/town=/);
  assert.deepEqual(await page.locator(".cards > li h2").allTextContents(), ["Sunnyside Care"]);
  await page.getByLabel("Town").fill("");
  await page.getByLabel("Kind of service").selectOption("nursing");
  await page.getByRole("button", { name: "Show employers" }).click();
  await page.waitForURL(/service_type=nursing/);
  assert.deepEqual(await page.locator(".cards > li h2").allTextContents(), ["Oakwood Nursing"]);
  assert.match(await page.locator(".cards > li").first().textContent(), /No jobs open just now\./);

  await page.goto(server.at(`/vacancies/${vacancyId}`));
  assert.equal(await page.locator("h1").textContent(), "Care assistant");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the site navigation leads to the employers page", async () => {
  const page = await browser.page(DESKTOP);
  await page.goto(server.at("/"));
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Care employers" })
    .click();
  await page.waitForURL(/\/employers$/);
  const current = page.getByRole("navigation", { name: "Main" }).locator("[aria-current=page]");
  assert.equal(await current.textContent(), "Care employers");
  await page.context().close();
});
