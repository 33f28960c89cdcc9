// axe-core (pinned in package.json) run inside a page: every rule axe does not mark experimental,
// WCAG 2.2 A and AA and axe's best practices. The script is handed to the page through the
// DevTools protocol, not a <script> element, so the server's Content-Security-Policy stays as it
// is.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

// The violations axe finds in the page as it stands: [{ id, impact, help, helpUrl, nodes }].
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const results = await window.axe.run(document, { resultTypes: ["violations"] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.join(" "),
        summary: n.failureSummary,
        html: n.html,
      })),
    }));
  });
}

// Violations as lines a person can act on: the rule, its impact and help, then each element.
export function describeViolations(violations) {
  return violations
    .map((v) =>
      [
        `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`,
        ...v.nodes.map(
          (n) =>
            `      at ${n.target}: ${n.summary.replace(/\s*\n\s*/g, " ")}\n        ` +
            `${n.html.slice(0, 160)}`,
        ),
      ].join("\n"),
    )
    .join("\n");
}
