// Every state of every page that the whole-site passes (axe-core and html-validate on the rendered
// markup) visit: each page as it first loads, signed out, and the states that only exist after
// something has happened (a checked advert, a signed-in tracker with records, a dashboard with
// figures and its tables open, the team view with a provider's keys open).
//
// A new state is one entry in PAGE_STATES: { name, path, as, settle }. `as` is who is signed in
// ("provider", "team" or absent for nobody); `settle(page)` waits for the state, or makes it
// (clicks, fills), once the page at `path` has loaded. The data the states show is made by
// seedStates(server) through the API, as an office system would enter it.

import { readdirSync } from "node:fs";
import path from "node:path";
import { signIn } from "./browser.mjs";
import { sourceDir } from "./server.mjs";

export const contentDir = path.join(sourceDir, "toolkit-content");

// Every HTML file under toolkit-content with the address it is served at: "/checker" for
// checker.html, "/guidance/" for guidance/index.html.
export function htmlPages(dir = contentDir) {
  const pages = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) pages.push(...htmlPages(full));
    else if (entry.name.endsWith(".html")) {
      const url =
        "/" +
        path
          .relative(contentDir, full)
          .replace(/index\.html$/, "")
          .replace(/\.html$/, "");
      pages.push({ url, file: full });
    }
  }
  return pages.sort((a, b) => a.url.localeCompare(b.url));
}

const isoDaysAgo = (days) => new Date(Date.now() - days * 86400000).toISOString().slice(0, 10);

// Waits until every status line that says work is under way has finished.
async function settled(page) {
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(
    () =>
      ![...document.querySelectorAll(".status-line")].some((s) => /…$/.test(s.textContent.trim())),
  );
}

async function openAllDetails(page) {
  await page.evaluate(() =>
    document.querySelectorAll("main details").forEach((d) => (d.open = true)),
  );
}

export const PAGE_STATES = [
  // Each page as it first loads, signed out (the tracker, dashboard and team view ask for a key).
  ...htmlPages()
    .filter(({ url }) => url !== "/not-found")
    .map(({ url }) => ({ name: `${url} signed out`, path: url, settle: settled })),
  {
    // The page every unknown address gets, with its 404.
    name: "/no-such-page (page not found)",
    path: "/no-such-page",
    async settle(page) {
      await settled(page);
      page.problems = page.problems.filter((p) => !/^404 from .*\/no-such-page$/.test(p));
    },
  },
  {
    name: "/checker/settings signed in",
    path: "/checker/settings",
    as: "provider",
    settle: settled,
  },
  {
    name: "/checker with a weak advert checked",
    path: "/checker",
    async settle(page) {
      await page.getByRole("button", { name: "Load a sample weak advert" }).click();
      await page
        .locator("#check-status")
        .filter({ hasText: /out of 100/ })
        .waitFor();
      await settled(page);
    },
  },
  {
    name: "/sign-in with a key that is refused",
    path: "/sign-in",
    async settle(page) {
      await page.getByLabel("Your key").fill("ctk_not-a-key");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.locator("[aria-invalid=true]").waitFor();
      await settled(page);
      page.problems = page.problems.filter((p) => !/^401 from /.test(p));
    },
  },
  { name: "/tracker signed in with records", path: "/tracker", as: "provider", settle: settled },
  { name: "/dashboard with figures", path: "/dashboard", as: "provider", settle: settled },
  {
    name: "/dashboard with figures and every table open",
    path: "/dashboard",
    as: "provider",
    async settle(page) {
      await settled(page);
      await openAllDetails(page);
    },
  },
  { name: "/team with figures across members", path: "/team", as: "team", settle: settled },
  {
    name: "/team with a provider's keys open",
    path: "/team",
    as: "team",
    async settle(page) {
      await settled(page);
      await page.locator("#providers summary").first().click();
      await page.locator("#providers details[open] table").waitFor();
      await settled(page);
    },
  },
  { name: "/tracker signed in as the team", path: "/tracker", as: "team", settle: settled },
  {
    name: "/tracker with a vacancy's publishing refused",
    path: "/tracker",
    as: "provider",
    async settle(page) {
      await settled(page);
      await page.getByLabel("Job title", { exact: true }).fill("Night carer");
      await page.getByRole("button", { name: "Publish", exact: true }).click();
      await page.locator("#vacancy-form [aria-invalid=true]").first().waitFor();
      await settled(page);
      page.problems = page.problems.filter((p) => !/^422 from /.test(p));
    },
  },
  // The public vacancy pages (seedStates publishes vacancy 1 and closes vacancy 2).
  { name: "/vacancies with open vacancies", path: "/vacancies", settle: settled },
  {
    name: "/vacancies filtered to a town with no jobs",
    path: "/vacancies?town=Nowhere&service_type=nursing",
    settle: settled,
  },
  { name: "/vacancies/1 an open vacancy", path: "/vacancies/1", settle: settled },
  // The employers' page: the first provider is listed with its profile and vacancy 1.
  { name: "/employers with a listed employer", path: "/employers", settle: settled },
  {
    name: "/employers filtered to a town with no employers",
    path: "/employers?town=Nowhere&service_type=nursing",
    settle: settled,
  },
  {
    name: "/vacancies/2 a closed vacancy",
    path: "/vacancies/2",
    async settle(page) {
      await settled(page);
      page.problems = page.problems.filter((p) => !/^410 from .*\/vacancies\/2$/.test(p));
    },
  },
];

// An advert that states pay, place and how to apply, as publishing needs.
export const PUBLISHABLE_ADVERT =
  "Care assistant in Hinckley (LE10)\n\nYou will help people live the life they choose. We " +
  "pay £12.90 an hour, with paid training and paid travel time.\n\nTo apply, call Sam on " +
  "0116 496 0000 or apply online.";

// A vacancy ready to publish, closing in 30 days.
export function publishableVacancy(role = "Care assistant") {
  return {
    role,
    opened_on: isoDaysAgo(2),
    advert_text: PUBLISHABLE_ADVERT,
    town: "Hinckley",
    postcode_district: "LE10",
    pay_min_pence: 1290,
    pay_max_pence: 1350,
    pay_period: "hour",
    hours_per_week: 37.5,
    employment_type: "full_time",
    closing_on: isoDaysAgo(-30),
    apply_url: "https://jobs.example.org/care-assistant",
    apply_phone: "0116 496 0000",
  };
}

// Three member providers with a year of recruitment, so that every state has figures to show
// (three, so that the team view withholds nothing). Returns { provider, teamKey } for signing in.
export async function seedStates(server) {
  const providers = [];
  for (const name of ["Ashby Home Care", "Brook House", "Castle Supported Living"]) {
    providers.push(await server.createProvider(name));
  }
  await seedVacancies(server, providers[0].key);
  for (const [index, provider] of providers.entries()) {
    await seedProvider(server, provider.key, index);
  }
  return { provider: providers[0], teamKey: server.teamKey };
}

// Vacancy 1 open and listed, vacancy 2 published and closed, vacancy 3 a draft; the provider's
// profile on /employers.
async function seedVacancies(server, key) {
  const post = (pathname, json) => server.api(pathname, { method: "POST", key, json });
  await post("/api/v1/vacancies", { ...publishableVacancy(), status: "open" });
  const closed = await post("/api/v1/vacancies", { ...publishableVacancy("Cook"), status: "open" });
  await post(`/api/v1/vacancies/${closed.id}/close`);
  await post("/api/v1/vacancies", { role: "Senior carer", opened_on: isoDaysAgo(1) });
  await server.api("/api/v1/settings/listing", { method: "PUT", key, json: { listed: true } });
  await server.api("/api/v1/settings/profile", {
    method: "PUT",
    key,
    json: {
      town: "Hinckley",
      postcode_district: "LE10",
      description: "We help people live at home in and around Hinckley.\n\nAsk about our training.",
    },
  });
}

// One provider's records: two services (home care and residential) with headcounts, three
// sources with spend, and 14 applicants at every stage, some of whom have left.
async function seedProvider(server, key, index) {
  const post = (pathname, json) => server.api(pathname, { method: "POST", key, json });
  const sources = [
    await post("/api/v1/sources", { name: "Indeed", channel: "job_board" }),
    await post("/api/v1/sources", { name: "Refer a friend", channel: "staff_referral" }),
    await post("/api/v1/sources", { name: "Facebook careers page", channel: "social_media" }),
  ];
  const services = [
    await post("/api/v1/services", { name: "Community home care", type: "home_care" }),
    await post("/api/v1/services", { name: "Meadow House", type: "residential" }),
  ];
  await post("/api/v1/headcounts", {
    service_id: services[0].id,
    date: isoDaysAgo(20),
    staff: 47,
    vacancies: 6,
    leavers: 20 + index,
  });
  await post("/api/v1/headcounts", {
    service_id: services[1].id,
    date: isoDaysAgo(20),
    staff: 38,
    vacancies: 2,
    leavers: 11,
  });
  for (const [s, source] of sources.entries()) {
    await post("/api/v1/spend", {
      source_id: source.id,
      date: isoDaysAgo(300 - 40 * s),
      amount_pence: 45000 + 20000 * s,
    });
  }
  // Applied 330 days ago down to 30 days ago; the earlier ones got further.
  for (let n = 0; n < 14; ++n) {
    const applied = 330 - n * 22;
    const reach = n % 5; // 0 applied, 1 interviewed, 2 offered, 3 started, 4 started and left
    const record = {
      reference: `S${index}-${n + 1}`,
      source_id: sources[n % 3].id,
      service_id: services[n % 2].id,
      applied_on: isoDaysAgo(applied),
    };
    if (reach >= 1) record.interviewed_on = isoDaysAgo(applied - 7);
    if (reach >= 2) record.offered_on = isoDaysAgo(applied - 12);
    if (reach >= 3) record.started_on = isoDaysAgo(applied - 25);
    if (reach === 4 && applied - 25 > 60)
      record.left_on = isoDaysAgo(Math.max(1, applied - 25 - 120));
    await post("/api/v1/applicants", record);
  }
}

// Visits every state in `states` at one viewport, calling visit(page, state) once each state has
// settled. One context per identity, signed in once; the page is reused from state to state.
export async function forEachState(browser, server, seeded, viewport, visit, states = PAGE_STATES) {
  const keys = { provider: seeded.provider.key, team: seeded.teamKey };
  const identities = [...new Set(states.map((s) => s.as ?? ""))];
  for (const identity of identities) {
    const page = await browser.page(viewport);
    if (identity) await signIn(page, server, keys[identity], "/");
    for (const state of states.filter((s) => (s.as ?? "") === identity)) {
      await page.goto(server.at(state.path));
      await state.settle(page);
      // A frame for what scripts do once layout is known (tables marked as scrolling).
      await page.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
      );
      await visit(page, state);
    }
    await page.context().close();
  }
}
