// The advert with every finding highlighted in place, built from text nodes and <mark> elements
// (never innerHTML, so the advert's text can never become markup).
//
// Spans are the report's UTF-16 offsets (span.begin_utf16, span.end_utf16), which index a
// JavaScript string directly. Findings may overlap: one inside another nests; two that cross are
// split so the markup stays well formed, and every piece of a finding carries its index in
// data-finding. Only a finding's first piece takes keyboard focus, so each finding is one Tab stop.
//
// markOperations() is pure (no DOM) so that it can be tested under Node; renderHighlighted()
// turns its output into nodes.

// The findings that can be placed in `text`, as { index, begin, end }, outermost first.
function placeableRanges(text, findings) {
  const ranges = [];
  findings.forEach((finding, index) => {
    const span = finding?.span;
    if (!span) return;
    const begin = span.begin_utf16;
    const end = span.end_utf16;
    if (!Number.isInteger(begin) || !Number.isInteger(end)) return;
    if (begin < 0 || end > text.length || begin >= end) return;
    ranges.push({ index, begin, end });
  });
  ranges.sort((a, b) => a.begin - b.begin || b.end - a.end || a.index - b.index);
  return ranges;
}

// The advert as a flat list of operations: { open: index, first: bool }, { close: index } and
// { text: string }. Replaying them with a stack gives properly nested marks.
export function markOperations(text, findings) {
  const ranges = placeableRanges(text, findings);
  const order = new Map(ranges.map((range, position) => [range.index, position]));
  const points = new Set([0, text.length]);
  for (const range of ranges) {
    points.add(range.begin);
    points.add(range.end);
  }
  const boundaries = [...points].sort((a, b) => a - b);

  const operations = [];
  const stack = []; // finding indexes whose marks are open, outermost first
  const opened = new Set();
  for (let k = 0; k + 1 < boundaries.length; ++k) {
    const from = boundaries[k];
    const to = boundaries[k + 1];
    const covering = new Set(
      ranges.filter((r) => r.begin <= from && r.end >= to).map((r) => r.index),
    );
    // Close from the outermost mark that no longer covers; marks above it that still cover are
    // reopened below as continuation pieces.
    const firstStale = stack.findIndex((index) => !covering.has(index));
    if (firstStale !== -1) {
      while (stack.length > firstStale) operations.push({ close: stack.pop() });
    }
    const toOpen = [...covering]
      .filter((index) => !stack.includes(index))
      .sort((a, b) => order.get(a) - order.get(b));
    for (const index of toOpen) {
      operations.push({ open: index, first: !opened.has(index) });
      opened.add(index);
      stack.push(index);
    }
    operations.push({ text: text.slice(from, to) });
  }
  while (stack.length) operations.push({ close: stack.pop() });
  return operations;
}

const PRIORITY_CLASSES = { must: "sev-critical", should: "sev-warning", could: "sev-suggestion" };

// The class that colours a finding: points won are rewards, otherwise its priority (must, should
// or could change) or, in a report without one, its severity.
export function findingClass(finding) {
  if (finding.points > 0) return "sev-reward";
  // The report's priority, when it gives one, so that a highlight's colour matches its group.
  if (finding.priority) return PRIORITY_CLASSES[finding.priority] || "sev-suggestion";
  const severity = ["critical", "warning", "suggestion", "info"].includes(finding.severity)
    ? finding.severity
    : "info";
  return `sev-${severity}`;
}

// A fragment holding `text` with a <mark> per finding piece. `describedBy(index)` names the id of
// the element that explains finding `index` (its entry in the list beside the advert).
export function renderHighlighted(doc, text, findings, describedBy) {
  const fragment = doc.createDocumentFragment();
  const stack = [fragment];
  for (const operation of markOperations(text, findings)) {
    if (operation.text !== undefined) {
      stack[stack.length - 1].append(doc.createTextNode(operation.text));
    } else if (operation.open !== undefined) {
      const finding = findings[operation.open];
      const mark = doc.createElement("mark");
      mark.className = `finding ${findingClass(finding)}`;
      mark.dataset.finding = String(operation.open);
      mark.setAttribute("aria-describedby", describedBy(operation.open));
      if (operation.first) {
        mark.id = `mark-${operation.open}`;
        mark.tabIndex = 0;
      } else {
        mark.dataset.continued = "";
      }
      stack[stack.length - 1].append(mark);
      stack.push(mark);
    } else {
      stack.pop();
    }
  }
  return fragment;
}
