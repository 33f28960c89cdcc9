// Every page of the toolkit in Chromium: it loads with no script error and no Content-Security-
// Policy violation, has the shared frame (skip link, banner, main navigation, one <h1> in <main>,
// footer), its links lead somewhere, and its controls all have labels. The HTML files are also
// checked for what the server's Content-Security-Policy forbids: inline scripts and styles.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Browser, DESKTOP, screenshot } from "./support/browser.mjs";
import { ToolkitServer, sourceDir } from "./support/server.mjs";

const content = path.join(sourceDir, "toolkit-content");

// "/checker" for checker.html, "/guidance/" for guidance/index.html.
function htmlPages(dir = content) {
  const pages = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) pages.push(...htmlPages(full));
    else if (entry.name.endsWith(".html")) {
      const url = "/" + path.relative(content, full).replace(/index\.html$/, "").replace(/\.html$/, "");
      pages.push({ url, file: full });
    }
  }
  return pages.sort((a, b) => a.url.localeCompare(b.url));
}

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
    assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//i, `${name} loads nothing from elsewhere`);
    assert.match(html, /<html lang="en-GB">/, `${name} declares its language`);
  }
});

test("every page loads cleanly with the shared frame, labelled controls and working links", async () => {
  const page = await browser.page(DESKTOP);
  const links = new Set();
  for (const { url } of pages) {
    const response = await page.goto(server.at(url));
    assert.equal(response.status(), 200, `${url} is served`);
    await page.waitForLoadState("networkidle");
    const frame = await page.evaluate(() => ({
      skip: document.body.firstElementChild?.textContent,
      banner: document.querySelectorAll("header.site-header").length,
      nav: document.querySelectorAll("nav[aria-label=Main] a").length,
      current: document.querySelector("nav[aria-label=Main] a[aria-current=page]")?.textContent ?? null,
      mains: document.querySelectorAll("main#main").length,
      h1: document.querySelectorAll("main h1").length,
      footer: document.querySelectorAll("footer").length,
      title: document.title,
      unlabelled: [...document.querySelectorAll("input, select, textarea")]
        .filter((c) => c.type !== "hidden" && !c.labels?.length && !c.getAttribute("aria-label"))
        .map((c) => c.id || c.name),
      links: [...document.querySelectorAll("a[href^='/']")].map((a) => a.getAttribute("href").split("#")[0].split("?")[0]),
    }));
    assert.equal(frame.skip, "Skip to main content", `${url} starts with the skip link`);
    assert.equal(frame.banner, 1, `${url} has the header`);
    assert.equal(frame.nav, 6, `${url} has the navigation`);
    assert.equal(frame.mains, 1, `${url} has one main`);
    assert.equal(frame.h1, 1, `${url} has one h1`);
    assert.equal(frame.footer, 1, `${url} has the footer`);
    assert.match(frame.title, /Care recruitment toolkit/);
    assert.deepEqual(frame.unlabelled, [], `${url}: every control has a label`);
    if (url !== "/sign-in") assert.notEqual(frame.current, null, `${url} marks its place in the navigation`);
    frame.links.forEach((l) => links.add(l));
    await screenshot(page, `page${url.replace(/\//g, "-").replace(/-$/, "") || "-home"}`);
  }
  for (const link of links) {
    const response = await page.request.get(server.at(link));
    assert.equal(response.status(), 200, `the link ${link} leads to a page`);
  }
  assert.deepEqual(page.problems, [], "no script errors or Content-Security-Policy violations");
  await page.context().close();
});

test("the guidance has at least six articles, each linking to a tool", async () => {
  const articles = pages.filter((p) => p.url.startsWith("/guidance/") && p.url !== "/guidance/");
  assert.ok(articles.length >= 6);
  for (const { file } of articles) {
    const html = readFileSync(file, "utf8");
    assert.match(html, /<div class="tool-link">[\s\S]*href="\/(checker|tracker|dashboard)"/, `${path.basename(file)} links to its tool`);
  }
});
