// One-click rewrites on the checker page: a report's edits applied to the advert's text by their
// UTF-16 ranges (JavaScript string indices), and the texts to go back to.

// `text` with each edit's range replaced by its replacement. The edits must not overlap (a
// report's "edits" never do, and one finding's edit is alone); they may come in any order.
export function applyEdits(text, edits) {
  const last = [...edits].sort((a, b) => b.begin_utf16 - a.begin_utf16);
  let out = text;
  for (const edit of last) {
    out = out.slice(0, edit.begin_utf16) + edit.replacement + out.slice(edit.end_utf16);
  }
  return out;
}

// The texts before each change applied with the page's buttons, newest last, at most `limit`.
export class UndoStack {
  constructor(limit = 50) {
    this.limit = limit;
    this.texts = [];
  }

  push(text) {
    this.texts.push(text);
    if (this.texts.length > this.limit) this.texts.shift();
  }

  pop() {
    return this.texts.pop();
  }

  clear() {
    this.texts.length = 0;
  }

  get empty() {
    return this.texts.length === 0;
  }
}
