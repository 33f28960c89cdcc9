// Every page of the toolkit in Chromium: it loads with no script error and no Content-Security-
// Policy violation, has the shared frame (skip link, banner, main navigation, one <h1> in <main>,
// footer), its links lead somewhere, its controls all have labels and its text meets WCAG AA
// contrast. The HTML files are also checked for what the server's Content-Security-Policy forbids:
// inline scripts and styles.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { Browser, DESKTOP, screenshot } from "./support/browser.mjs";
import { ToolkitServer } from "./support/server.mjs";
import { contentDir as content, htmlPages } from "./support/page-states.mjs";

const pages = htmlPages();

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

test("the HTML has no inline script, style attribute or outside address", () => {
  assert.ok(pages.length >= 13, `all pages found (${pages.length})`);
  for (const { file } of pages) {
    const html = readFileSync(file, "utf8");
    const name = path.relative(content, file);
    assert.doesNotMatch(html, /\sstyle\s*=/i, `${name} has no style attribute`);
    assert.doesNotMatch(html, /<style/i, `${name} has no <style> element`);
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, `${name} has no inline event handler`);
    for (const script of html.match(/<script[^>]*>/gi) || []) {
      assert.match(script, /\ssrc="\//, `${name}: every script is a file from this server`);
    }
    assert.doesNotMatch(
      html,
      /(src|href)="(https?:)?\/\//i,
      `${name} loads nothing from elsewhere`,
    );
    assert.match(html, /<html lang="en-GB">/, `${name} declares its language`);
  }
});

test(
  "every page loads cleanly with the shared " + "frame, labelled controls and working links",
  async () => {
    const page = await browser.page(DESKTOP);
    const links = new Set();
    for (const { url } of pages) {
      const response = await page.goto(server.at(url));
      // The page for an address with no page is served with its status, 404, at every address.
      assert.equal(response.status(), url === "/not-found" ? 404 : 200, `${url} is served`);
      page.problems = page.problems.filter((p) => p !== `404 from ${server.at("/not-found")}`);
      await page.waitForLoadState("networkidle");
      const frame = await page.evaluate(() => ({
        skip: document.body.firstElementChild?.textContent,
        banner: document.querySelectorAll("header.site-header").length,
        nav: document.querySelectorAll("nav[aria-label=Main] a").length,
        current:
          document.querySelector("nav[aria-label=Main] a[aria-current=page]")?.textContent ?? null,
        mains: document.querySelectorAll("main#main").length,
        h1: document.querySelectorAll("main h1").length,
        footer: document.querySelectorAll("footer").length,
        title: document.title,
        unlabelled: [...document.querySelectorAll("input, select, textarea")]
          .filter((c) => c.type !== "hidden" && !c.labels?.length && !c.getAttribute("aria-label"))
          .map((c) => c.id || c.name),
        links: [...document.querySelectorAll("a[href^='/']")].map(
          (a) => a.getAttribute("href").split("#")[0].split("?")[0],
        ),
      }));
      assert.equal(frame.skip, "Skip to main content", `${url} starts with the skip link`);
      assert.equal(frame.banner, 1, `${url} has the header`);
      assert.equal(frame.nav, 7, `${url} has the navigation`);
      assert.equal(frame.mains, 1, `${url} has one main`);
      assert.equal(frame.h1, 1, `${url} has one h1`);
      assert.equal(frame.footer, 1, `${url} has the footer`);
      assert.match(frame.title, /Care recruitment toolkit/);
      assert.deepEqual(frame.unlabelled, [], `${url}: every control has a label`);
      if (url !== "/sign-in" && url !== "/not-found")
        assert.notEqual(frame.current, null, `${url} marks its place in the navigation`);
      frame.links.forEach((l) => links.add(l));
      await screenshot(page, `page${url.replace(/\//g, "-").replace(/-$/, "") || "-home"}`);
    }
    for (const link of links) {
      const response = await page.request.get(server.at(link));
      assert.equal(response.status(), 200, `the link ${link} leads to a page`);
    }
    assert.deepEqual(page.problems, [], "no script errors or Content-Security-Policy violations");
    await page.context().close();
  },
);

// WCAG 2.2 AA contrast (1.4.3) for every piece of visible text: the text's colour against the
// background colours behind it, blended through any translucent layers. Large text (24 px, or
// 18.66 px bold) needs 3:1, the rest 4.5:1; disabled controls are exempt. Background images are
// not read: the toolkit's styles use none behind text.
function contrastProblems() {
  const parse = (value) => {
    const match = value.match(/rgba?\(([^)]+)\)/);
    if (!match) return null;
    const [r, g, b, a = 1] = match[1]
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    return { r, g, b, a };
  };
  const over = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a),
    a: 1,
  });
  const luminance = ({ r, g, b }) => {
    const channel = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const backgroundOf = (element) => {
    const layers = [];
    for (let e = element; e; e = e.parentElement) {
      const colour = parse(getComputedStyle(e).backgroundColor);
      if (colour && colour.a > 0) {
        layers.push(colour);
        if (colour.a >= 1) break;
      }
    }
    return layers
      .reverse()
      .reduce((below, layer) => over(layer, below), { r: 255, g: 255, b: 255, a: 1 });
  };
  const problems = [];
  for (const element of document.body.querySelectorAll("*")) {
    const text = [...element.childNodes]
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent)
      .join("")
      .trim();
    if (!text || element.matches(":disabled")) continue;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    if (
      style.visibility !== "visible" ||
      style.display === "none" ||
      box.width <= 1 ||
      box.height <= 1
    )
      continue;
    const background = backgroundOf(element);
    const colour = over(parse(style.color), background);
    const [light, dark] = [luminance(colour), luminance(background)].sort((x, y) => y - x);
    const ratio = (light + 0.05) / (dark + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5) - 0.005) {
      problems.push(
        `"${text.slice(0, 40)}" (${element.tagName.toLowerCase()}.${element.className}): ` +
          `${ratio.toFixed(2)}:1, ${style.color} on ` +
          `rgb(${[background.r, background.g, background.b].map(Math.round)})`,
      );
    }
  }
  return problems;
}

test("text on every page, and on a checked advert's findings, meets WCAG AA contrast", async () => {
  const page = await browser.page(DESKTOP);
  for (const { url } of pages) {
    await page.goto(server.at(url));
    await page.waitForLoadState("networkidle");
    assert.deepEqual(await page.evaluate(contrastProblems), [], `${url}: text contrast`);
  }
  // The highlighted findings and score bars exist only once an advert has been checked.
  await page.goto(server.at("/checker"));
  await page.getByRole("button", { name: "Load a sample weak advert" }).click();
  await page.locator("mark").first().waitFor();
  assert.deepEqual(
    await page.evaluate(contrastProblems),
    [],
    "/checker with a report: text contrast",
  );
  await page.context().close();
});

test("the guidance has at least six articles, each linking to a tool", async () => {
  const articles = pages.filter((p) => p.url.startsWith("/guidance/") && p.url !== "/guidance/");
  assert.ok(articles.length >= 6);
  for (const { file } of articles) {
    const html = readFileSync(file, "utf8");
    assert.match(
      html,
      /<div class="tool-link">[\s\S]*href="\/(checker|tracker|dashboard)"/,
      `${path.basename(file)} links to its tool`,
    );
  }
});
