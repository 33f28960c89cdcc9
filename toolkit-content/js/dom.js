// Small helpers to build DOM nodes from data without innerHTML, so that text from people (adverts,
// references, names) can never become markup.

// el("a", { href: "/x", className: "y" }, "text", otherNode): attributes are set as attributes,
// except className; children are strings (as text) or nodes; null and false children are skipped.
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "className") node.className = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child);
  }
  return node;
}

// A table from column headings and rows of cells. A cell is a string, a node, or
// { text, number: true } for a right-aligned figure.
export function table(caption, headings, rows) {
  const head = el("tr", {}, ...headings.map((h) => el("th", { scope: "col", className: h.number ? "number" : null }, h.text ?? h)));
  const body = rows.map((cells) =>
    el(
      "tr",
      {},
      ...cells.map((cell, index) => {
        const tag = index === 0 ? "th" : "td";
        const attributes = index === 0 ? { scope: "row" } : {};
        if (cell && typeof cell === "object" && !(cell instanceof Node)) {
          return el(tag, { ...attributes, className: cell.number ? "number" : null }, cell.text);
        }
        return el(tag, attributes, cell);
      }),
    ),
  );
  const captionNode = caption ? el("caption", {}, caption) : null;
  return el(
    "div",
    { className: "table-wrap" },
    el("table", {}, captionNode, el("thead", {}, head), el("tbody", {}, ...body)),
  );
}
