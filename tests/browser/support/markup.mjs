// html-validate (pinned in package.json) with the repository's .htmlvalidate.json: the HTML files
// as written, and a page's markup as scripts have left it.

import path from "node:path";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { contentDir } from "./page-states.mjs";

const validator = new HtmlValidate(new FileSystemConfigLoader());

// The errors in one report as "file:line:column rule: message" lines.
function lines(report, name) {
  return report.results.flatMap((result) =>
    result.messages.map((m) => `  ${name}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
  );
}

// The problems html-validate finds in an HTML file, as lines; none when it is valid.
export async function markupProblemsInFile(file) {
  return lines(await validator.validateFile(file), path.relative(contentDir, file));
}

// What the browser's serialiser writes, and no author can choose: boolean attributes as
// hidden="", trailing spaces from text nodes, and the style attributes that scripts set through
// the CSS object model (chart sizes, score bars), which the Content-Security-Policy allows.
const SERIALISED = {
  rules: {
    "attribute-boolean-style": "off",
    "attribute-empty-style": "off",
    "no-trailing-whitespace": "off",
    "no-inline-style": "off",
  },
};

// The problems in a page's markup now, as serialised from its DOM. It is checked as though it
// were a file of toolkit-content (so with the same configuration, less what the serialiser
// decides); `name` labels the lines.
export async function markupProblemsInPage(page, name) {
  const html = await page.content();
  return lines(
    await validator.validateString(html, path.join(contentDir, "rendered.html"), SERIALISED),
    name,
  );
}
