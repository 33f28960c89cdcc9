// The highlighting layout (toolkit-content/js/highlight.js) without a browser: worked examples of
// nested, crossing, repeated and unplaceable spans, checked by replaying the operations.

import { test } from "node:test";
import assert from "node:assert/strict";
import { markOperations, findingClass } from "../../toolkit-content/js/highlight.js";

const at = (begin, end, extra = {}) => ({ span: { begin_utf16: begin, end_utf16: end }, ...extra });

// Replays the operations into the marked-up text ("<0>ab</0>") and each finding's pieces' text,
// failing on a close that does not match the innermost open mark.
function replay(operations) {
  const stack = [];
  let markup = "";
  const pieces = new Map();
  for (const op of operations) {
    if (op.text !== undefined) {
      markup += op.text;
      for (const index of stack) pieces.set(index, (pieces.get(index) || "") + op.text);
    } else if (op.open !== undefined) {
      markup += op.first ? `<${op.open}>` : `<${op.open}+>`;
      stack.push(op.open);
    } else {
      assert.equal(stack.pop(), op.close, "marks must close innermost first");
      markup += `</${op.close}>`;
    }
  }
  assert.equal(stack.length, 0, "every mark is closed");
  return { markup, pieces };
}

test("a text without findings is one text operation", () => {
  assert.deepEqual(markOperations("Care workers wanted", []), [{ text: "Care workers wanted" }]);
});

test("separate findings each wrap exactly their words", () => {
  const text = "Help service users with ADLs";
  const { markup, pieces } = replay(markOperations(text, [at(5, 18), at(24, 28)]));
  assert.equal(markup, "Help <0>service users</0> with <1>ADLs</1>");
  assert.equal(pieces.get(0), "service users");
  assert.equal(pieces.get(1), "ADLs");
});

test("a finding inside another nests within it", () => {
  const text = "You must be able to drive at all times.";
  const { markup } = replay(markOperations(text, [at(0, 39), at(4, 19)]));
  assert.equal(markup, "<0>You <1>must be able to</1> drive at all times.</0>");
});

test("crossing findings are split so the markup stays nested and each text is whole", () => {
  const text = "young energetic team";
  const findings = [at(0, 15), at(6, 20)];
  const operations = markOperations(text, findings);
  const { markup, pieces } = replay(operations);
  assert.equal(markup, "<0>young <1>energetic</1></0><1+> team</1>");
  assert.equal(pieces.get(0), "young energetic");
  assert.equal(pieces.get(1), "energetic team");
  // Only the first piece of a finding is its focus stop.
  assert.deepEqual(
    operations.filter((op) => op.open === 1).map((op) => op.first),
    [true, false],
  );
});

test("the same span found by two rules gives two nested marks in report order", () => {
  const { markup } = replay(markOperations("URGENT start", [at(0, 6), at(0, 6)]));
  assert.equal(markup, "<0><1>URGENT</1></0> start");
});

test("UTF-16 offsets index a string with pound signs and emoji directly", () => {
  const text = "Pay £12 😀 per hour";
  const begin = text.indexOf("per hour");
  const { pieces } = replay(markOperations(text, [at(4, 7), at(begin, begin + 8)]));
  assert.equal(pieces.get(0), "£12");
  assert.equal(pieces.get(1), "per hour");
});

test("findings without a usable span are left out of the text", () => {
  const text = "Short advert";
  const findings = [{ span: null }, at(5, 5), at(-1, 3), at(3, 99), {}, at(0, 5)];
  const { markup } = replay(markOperations(text, findings));
  assert.equal(markup, "<5>Short</5> advert");
});

test("a finding's colour class follows its points, then its severity", () => {
  assert.equal(findingClass({ points: 4, severity: "info" }), "sev-reward");
  assert.equal(findingClass({ points: -6, severity: "critical" }), "sev-critical");
  assert.equal(findingClass({ points: -2, severity: "warning" }), "sev-warning");
  assert.equal(findingClass({ points: 0, severity: "unknown" }), "sev-info");
  // The report's priority, when given, decides the colour: a 12-point suggestion is a must change.
  assert.equal(
    findingClass({ points: -12, severity: "suggestion", priority: "must" }),
    "sev-critical",
  );
  assert.equal(
    findingClass({ points: -4, severity: "warning", priority: "should" }),
    "sev-warning",
  );
  assert.equal(findingClass({ points: 0, severity: "info", priority: "could" }), "sev-suggestion");
  assert.equal(findingClass({ points: 0, severity: "info", priority: null }), "sev-info");
});
