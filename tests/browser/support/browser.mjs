// Debian's Chromium, headless, driven by playwright-core (which downloads no browser of its own).
// Each test file gets one browser; each test a fresh context (so fresh cookies and storage) with a
// desktop or phone viewport. Console errors and CSP violations are collected so that a test can
// assert a page ran cleanly.

import { chromium } from "playwright-core";
import path from "node:path";
import { screenshotDir } from "./server.mjs";

const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";

export const DESKTOP = { viewport: { width: 1280, height: 900 } };
export const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};

export class Browser {
  static async launch() {
    const browser = new Browser();
    // playwright-core gives each launch a fresh, temporary --user-data-dir of its own and removes
    // it on close (it refuses one passed in args).
    browser.chromium = await chromium.launch({
      executablePath,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--lang=en-GB",
      ],
    });
    return browser;
  }

  // A new page in a fresh context. page.problems collects console errors, page errors and
  // failed requests (other than those a test provokes).
  async page(options = DESKTOP) {
    const context = await this.chromium.newContext({
      locale: "en-GB",
      timezoneId: "Europe/London",
      ...options,
    });
    const page = await context.newPage();
    page.problems = [];
    page.on("console", (message) => {
      // A failed request is reported below with its address; the console line has none.
      if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
        page.problems.push(`console: ${message.text()}`);
      }
    });
    page.on("response", (response) => {
      if (response.status() >= 400)
        page.problems.push(`${response.status()} from ${response.url()}`);
    });
    page.on("pageerror", (error) => page.problems.push(`page error: ${error.message}`));
    return page;
  }

  async close() {
    await this.chromium?.close();
  }
}

// Saves a full-page screenshot as <build>/browser-screenshots/<name>.png and returns its path.
export async function screenshot(page, name) {
  const file = path.join(screenshotDir(), `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// Signs in through the sign-in page, as a person would.
export async function signIn(page, server, key, next = "/tracker") {
  await page.goto(server.at(`/sign-in?next=${encodeURIComponent(next)}`));
  await page.getByLabel("Your key").fill(key);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === next);
}

// The body rows of the table captioned `caption` (within `scope`, a selector, when given), keyed
// by their first cell's text, each with the text of its other cells.
export async function tableRows(page, caption, scope = "") {
  return page.evaluate(
    ({ caption, selector }) => {
      const table = [...document.querySelectorAll(selector)].find(
        (t) => t.caption?.textContent.trim() === caption,
      );
      return Object.fromEntries(
        [...table.tBodies[0].rows].map((r) => [
          r.cells[0].textContent.trim(),
          [...r.cells].slice(1).map((c) => c.textContent.trim()),
        ]),
      );
    },
    { caption, selector: scope ? `${scope} table` : "table" },
  );
}
