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

let tables = 0; // for the ids that name a table's scrolling region after its caption

// A table wider than its box scrolls sideways. It then becomes a keyboard stop (so that the arrow
// keys scroll it), a region named by its caption and the cue, and shows the cue, which stays in
// view while it scrolls; otherwise it is none of these. Run whenever either changes size.
function markScrolling(wrap) {
  const scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
  wrap.classList.toggle("table-wrap--scrolls", scrolls);
  wrap.querySelector(".scroll-cue").hidden = !scrolls;
  if (scrolls) {
    // The caption with the cue, so that the region's name differs from its section's heading.
    const names = [wrap.querySelector("caption")?.id, wrap.querySelector(".scroll-cue").id];
    wrap.tabIndex = 0;
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-labelledby", names.filter(Boolean).join(" "));
  } else {
    wrap.removeAttribute("tabindex");
    wrap.removeAttribute("role");
    wrap.removeAttribute("aria-labelledby");
  }
}

const sizes =
  typeof ResizeObserver === "function"
    ? new ResizeObserver((entries) => {
        for (const { target } of entries) {
          if (target.isConnected) markScrolling(target.closest(".table-wrap"));
          else sizes.unobserve(target); // a table replaced by a newer one
        }
      })
    : null;

// A table from column headings and rows of cells. A cell is a string, a node, or
// { text, number: true } for a right-aligned figure. It comes in a box that scrolls sideways
// when the table is wider than the screen (see markScrolling).
export function table(caption, headings, rows) {
  const head = el(
    "tr",
    {},
    ...headings.map((h) =>
      el("th", { scope: "col", className: h.number ? "number" : null }, h.text ?? h),
    ),
  );
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
  const id = `table-${++tables}`;
  const captionNode = caption ? el("caption", { id: `${id}-caption` }, caption) : null;
  const cue = el(
    "p",
    { className: "scroll-cue", id: `${id}-cue`, hidden: true },
    `Scroll sideways to see all ${headings.length} columns.`,
  );
  const tableNode = el("table", {}, captionNode, el("thead", {}, head), el("tbody", {}, ...body));
  const wrap = el("div", { className: "table-wrap" }, cue, tableNode);
  sizes?.observe(wrap);
  sizes?.observe(tableNode);
  return wrap;
}
