// The tracker's board of applicants by stage. It reads from the server only what it shows: the
// counts per stage (GET /api/v1/applicants/stages) and, per stage, the newest applicants a page
// at a time, so that it stays quick with tens of thousands of applicants. It says what it shows
// ("Applied in the last 12 months: 22 of 287"), starts "Did not continue" collapsed, and lets
// each applicant be moved on, corrected or deleted. The stages, their labels and the moves
// offered come from the server's vocabulary.

import { api, query, showNotice } from "./api.js";
import { el } from "./dom.js";
import { FieldProblem, field, fillSelect, onSubmit } from "./forms.js";
import { formatDate, monthsBefore, todayIso } from "./format.js";

const PAGE_SIZE = 20;
const CLOSED = "closed";

const hidden = (text) => el("span", { className: "visually-hidden" }, text);

export class Board {
  // vocabulary: a Vocabulary; sources(): the provider's sources, sorted; elements: the board's
  // container, summary line, status line and filter form.
  constructor({ vocabulary, sources, container, summary, status, filter }) {
    this.vocabulary = vocabulary;
    this.sources = sources;
    this.container = container;
    this.summary = summary;
    this.status = status;
    this.filter = filter;
    this.generation = 0;
  }

  sourceName(id) {
    return this.sources().find((s) => s.id === id)?.name || `source ${id}`;
  }

  // The columns: one per dated stage, then the outcomes together, collapsed.
  columns() {
    const dated = this.vocabulary
      .datedStages()
      .map((s) => ({ key: s.name, title: s.label, stages: [s.name], open: true }));
    const closed = {
      key: CLOSED,
      title: "Did not continue",
      stages: this.vocabulary.outcomes.map((o) => o.name),
      open: false,
    };
    return [...dated, closed];
  }

  filters() {
    const data = new FormData(this.filter);
    return {
      applied_from: field(data, "applied_from"),
      reference_contains: field(data, "reference_contains"),
    };
  }

  announce(text) {
    this.status.textContent = text;
  }

  // Reads the counts and each open column's first page, and draws the board. `focusId`, if the
  // element exists afterwards, receives focus.
  async load({ focusId } = {}) {
    const generation = ++this.generation;
    const filters = this.filters();
    const counts = await api(`/api/v1/applicants/stages${query(filters)}`);
    if (generation !== this.generation) return;
    const countOf = new Map(counts.stages.map((s) => [s.stage, s.count]));
    const columns = this.columns().map((column) => ({
      ...column,
      count: column.stages.reduce((sum, stage) => sum + (countOf.get(stage) ?? 0), 0),
      lists: column.stages.map((stage) => ({
        stage,
        count: countOf.get(stage) ?? 0,
        items: [],
        cursor: "",
        loaded: false,
      })),
    }));
    await Promise.all(
      columns.filter((c) => c.open).flatMap((c) => c.lists.map((list) => this.more(list, filters))),
    );
    if (generation !== this.generation) return;
    this.filtersShown = filters;
    this.drawSummary(counts, filters);
    this.container.replaceChildren(...columns.map((column) => this.column(column)));
    if (focusId) document.getElementById(focusId)?.focus();
  }

  // Reads the next page of one stage's list.
  async more(list, filters = this.filtersShown) {
    if (list.count === 0) {
      list.loaded = true;
      return;
    }
    const page = await api(
      `/api/v1/applicants${query({
        ...filters,
        stage: list.stage,
        order: "newest",
        limit: PAGE_SIZE,
        cursor: list.cursor,
      })}`,
    );
    list.items.push(...page.items);
    list.cursor = page.next_cursor || "";
    list.loaded = true;
  }

  drawSummary(counts, filters) {
    const parts = [];
    if (filters.applied_from === monthsBefore(todayIso(), 12))
      parts.push("Applied in the last 12 months");
    else if (filters.applied_from)
      parts.push(`Applied on or after ${formatDate(filters.applied_from)}`);
    if (filters.reference_contains)
      parts.push(`with “${filters.reference_contains}” in the reference`);
    const plural = (n) => `${n.toLocaleString("en-GB")} applicant${n === 1 ? "" : "s"}`;
    if (counts.total === 0) {
      this.summary.replaceChildren("No applicants recorded yet.");
      return;
    }
    if (!parts.length) {
      this.summary.replaceChildren(`All ${plural(counts.total)}.`);
      return;
    }
    const showAll = el("button", { type: "button", className: "link-button" }, "Show all");
    showAll.addEventListener("click", () => {
      this.filter.reset();
      this.load({ focusId: "board-heading" }).catch((e) => showNotice(this.container, e));
    });
    this.summary.replaceChildren(
      `${parts.join(" ")}: ${counts.matched.toLocaleString("en-GB")} of ${plural(counts.total)}. `,
      showAll,
    );
  }

  column(column) {
    const heading = el(
      "h3",
      { id: `stage-${column.key}` },
      `${column.title} (${column.count.toLocaleString("en-GB")})`,
    );
    const body = el("div", { className: "stage-lists" });
    const draw = () =>
      body.replaceChildren(...column.lists.map((list) => this.stageList(column, list)));
    draw();
    const details = el("details", { open: column.open }, el("summary", {}, heading), body);
    details.addEventListener("toggle", async () => {
      if (!details.open || column.lists.every((l) => l.loaded)) return;
      try {
        await Promise.all(column.lists.filter((l) => !l.loaded).map((l) => this.more(l)));
        draw();
      } catch (error) {
        showNotice(body, error);
      }
    });
    return el(
      "section",
      { className: "stage-column", "data-stage": column.key, "aria-labelledby": heading.id },
      details,
    );
  }

  stageList(column, list) {
    const nodes = [];
    if (column.stages.length > 1) {
      nodes.push(
        el(
          "p",
          { className: "stage-group" },
          `${this.vocabulary.stageLabel(list.stage)}: ${list.count.toLocaleString("en-GB")}`,
        ),
      );
    }
    if (list.count === 0) {
      if (column.stages.length === 1)
        nodes.push(el("p", { className: "hint" }, "Nobody at this stage."));
      return el("div", { className: "stage-list", "data-list": list.stage }, ...nodes);
    }
    const items = el("ul", {}, ...list.items.map((applicant) => this.card(applicant)));
    nodes.push(items);
    if (list.items.length < list.count) {
      const label = this.vocabulary.stageLabel(list.stage);
      const button = el(
        "button",
        { type: "button", className: "secondary small" },
        `Show more`,
        hidden(` at ${label}`),
        ` (${list.items.length.toLocaleString("en-GB")} of ` +
          `${list.count.toLocaleString("en-GB")} shown)`,
      );
      button.addEventListener("click", async () => {
        button.disabled = true;
        const first = list.items.length;
        try {
          await this.more(list);
          const replacement = this.stageList(column, list);
          button.closest(".stage-list").replaceWith(replacement);
          replacement.querySelectorAll("li.applicant h4")[first]?.focus();
        } catch (error) {
          button.disabled = false;
          showNotice(button.closest(".stage-list"), error);
        }
      });
      nodes.push(button);
    }
    return el("div", { className: "stage-list", "data-list": list.stage }, ...nodes);
  }

  history(applicant) {
    const lines = [];
    for (const stage of this.vocabulary.datedStages()) {
      const on = applicant[`${stage.name}_on`];
      if (!on) continue;
      let line = `${stage.label} ${formatDate(on)}`;
      if (lines.length === 0) line += ` through ${this.sourceName(applicant.source_id)}`;
      const reason = applicant[`${stage.name}_reason`];
      if (reason) line += `: ${reason}`;
      lines.push(line);
    }
    if (applicant.outcome) lines.push(this.vocabulary.outcomeLabel(applicant.outcome));
    return lines.map((line) => el("p", {}, line));
  }

  card(applicant) {
    const node = el("li", {
      className: "applicant",
      id: `applicant-${applicant.id}`,
      "data-reference": applicant.reference,
    });
    this.drawCard(node, applicant);
    return node;
  }

  drawCard(node, applicant) {
    const ref = applicant.reference;
    const edit = el(
      "button",
      { type: "button", className: "secondary small" },
      "Edit",
      hidden(` ${ref}`),
    );
    edit.addEventListener("click", () => this.drawEditForm(node, applicant));
    const remove = el(
      "button",
      { type: "button", className: "danger small" },
      "Delete",
      hidden(` ${ref}`),
    );
    remove.addEventListener("click", () => this.deleteApplicant(node, applicant));
    const actions = el(
      "div",
      { className: "card-actions" },
      edit,
      this.undoButton(node, applicant),
      remove,
    );
    node.replaceChildren(
      el("h4", { id: `applicant-${applicant.id}-name`, tabindex: "-1" }, ref),
      ...this.history(applicant),
      this.moveForm(applicant),
      actions,
      el("div", { className: "card-message", role: "alert" }),
    );
  }

  // "Remove the last step": takes back the latest stage recorded, after asking.
  undoButton(node, applicant) {
    const stage = applicant.stage;
    if (stage === this.vocabulary.stages[0].name) return null;
    const label = this.vocabulary.stageLabel(stage);
    const button = el(
      "button",
      { type: "button", className: "secondary small" },
      "Remove the last step",
      hidden(` (${label}) for ${applicant.reference}`),
    );
    button.addEventListener("click", async () => {
      const on = applicant[`${stage}_on`];
      const what = on ? `“${label}” on ${formatDate(on)}` : `“${label}”`;
      if (
        !window.confirm(
          `Remove ${what} from ${applicant.reference}? The applicant goes back to the step before.`,
        )
      )
        return;
      const body = {};
      if (this.vocabulary.isOutcome(stage)) body.outcome = "";
      else body[`${stage}_on`] = null;
      if (this.vocabulary.takesReason(stage) && !this.vocabulary.isOutcome(stage))
        body[`${stage}_reason`] = "";
      await this.act(node, async () => {
        await api(`/api/v1/applicants/${applicant.id}`, { method: "PATCH", json: body });
        await this.load({ focusId: `applicant-${applicant.id}-name` });
        this.announce(`${applicant.reference}: removed ${what}.`);
      });
    });
    return button;
  }

  async deleteApplicant(node, applicant) {
    const question =
      `Delete applicant ${applicant.reference}? ` +
      "This removes them and every step recorded for them, and cannot be undone.";
    if (!window.confirm(question)) return;
    await this.act(node, async () => {
      await api(`/api/v1/applicants/${applicant.id}`, { method: "DELETE" });
      await this.load({ focusId: "board-heading" });
      this.announce(`Deleted ${applicant.reference}.`);
    });
  }

  // Runs a card's action, showing a failure inside the card.
  async act(node, action) {
    try {
      await action();
    } catch (error) {
      const message = node.querySelector(".card-message");
      if (message) showNotice(message, error);
    }
  }

  moveForm(applicant) {
    const steps = this.vocabulary.nextSteps(applicant.stage);
    if (!steps.length) return null;
    const id = applicant.id;
    const ref = applicant.reference;
    const select = el("select", { id: `step-${id}`, name: "stage" });
    for (const step of steps) select.append(new Option(step.label, step.name));
    const date = el("input", {
      type: "date",
      id: `on-${id}`,
      name: "on",
      value: todayIso(),
      "data-field": `date ${this.vocabulary
        .datedStages()
        .map((s) => `${s.name}_on`)
        .join(" ")}`,
    });
    const reasonField = el(
      "div",
      { className: "field", hidden: !this.vocabulary.takesReason(steps[0].name) },
      el("label", { for: `reason-${id}` }, "Reason ", hidden(`for ${ref} `), "(optional)"),
      el("input", { type: "text", id: `reason-${id}`, name: "reason", autocomplete: "off" }),
    );
    select.addEventListener("change", () => {
      reasonField.hidden = !this.vocabulary.takesReason(select.value);
    });
    const form = el(
      "form",
      { novalidate: true, "data-applicant": id },
      el(
        "div",
        { className: "field" },
        el("label", { for: select.id }, "Next step", hidden(` for ${ref}`)),
        select,
      ),
      el(
        "div",
        { className: "field" },
        el("label", { for: date.id }, "Date", hidden(` for ${ref}`)),
        date,
      ),
      reasonField,
      el(
        "button",
        { type: "submit", className: "small" },
        "Record",
        hidden(` next step for ${ref}`),
      ),
      el("p", { className: "status-line", role: "status", "aria-live": "polite" }),
    );
    onSubmit(form, async (data) => {
      const body = { stage: data.get("stage"), on: field(data, "on") || "" };
      const reason = field(data, "reason");
      if (reason && this.vocabulary.takesReason(body.stage)) body.reason = reason;
      await api(`/api/v1/applicants/${id}/events`, { method: "POST", json: body });
      await this.load({ focusId: `step-${id}` });
      if (document.activeElement?.id !== `step-${id}`)
        document.getElementById(`applicant-${id}-name`)?.focus();
      this.announce(
        `${ref}: ${this.vocabulary.stageLabel(body.stage).toLowerCase()} on ` +
          `${formatDate(body.on)}.`,
      );
    });
    return form;
  }

  // The applicant's record as a form: reference, source, every stage's date, the reason for
  // leaving and the outcome, saved together.
  drawEditForm(node, applicant) {
    const id = applicant.id;
    const control = (name, label, input) => {
      input.id = `edit-${id}-${name}`;
      input.name = name;
      return el("div", { className: "field" }, el("label", { for: input.id }, label), input);
    };
    const source = el("select", {});
    fillSelect(source, this.sources(), { empty: "Choose a source" });
    source.value = String(applicant.source_id);
    const outcome = el("select", {});
    outcome.append(new Option("None: still going, or started work", ""));
    for (const o of this.vocabulary.outcomes) outcome.append(new Option(o.label, o.name));
    outcome.value = applicant.outcome || "";
    const label = (name) => this.vocabulary.fieldLabel(name);
    const fields = [
      control(
        "reference",
        label("reference"),
        el("input", { type: "text", value: applicant.reference, autocomplete: "off" }),
      ),
      control("source_id", label("source_id"), source),
      ...this.vocabulary
        .datedStages()
        .map((stage) =>
          control(
            `${stage.name}_on`,
            label(`${stage.name}_on`),
            el("input", { type: "date", value: applicant[`${stage.name}_on`] || "" }),
          ),
        ),
      ...this.vocabulary
        .datedStages()
        .filter((stage) => this.vocabulary.takesReason(stage.name))
        .map((stage) =>
          control(
            `${stage.name}_reason`,
            label(`${stage.name}_reason`),
            el("input", { type: "text", value: applicant[`${stage.name}_reason`] || "" }),
          ),
        ),
      control("outcome", label("outcome"), outcome),
    ];
    const cancel = el("button", { type: "button", className: "secondary small" }, "Cancel");
    const form = el(
      "form",
      { novalidate: true, className: "edit-form", "aria-label": `Edit ${applicant.reference}` },
      ...fields,
      el(
        "div",
        { className: "actions" },
        el("button", { type: "submit", className: "small" }, "Save changes"),
        cancel,
      ),
      el("p", { className: "status-line", role: "status", "aria-live": "polite" }),
    );
    cancel.addEventListener("click", () => {
      this.drawCard(node, applicant);
      node.querySelector("h4")?.focus();
    });
    onSubmit(form, async (data) => {
      const body = {
        reference: field(data, "reference") || "",
        source_id: Number(data.get("source_id")) || 0,
        outcome: data.get("outcome") || "",
      };
      if (!body.reference) throw new FieldProblem(form.elements.reference, "Enter a reference.");
      if (!body.source_id) throw new FieldProblem(form.elements.source_id, "Choose a source.");
      for (const stage of this.vocabulary.datedStages()) {
        const name = `${stage.name}_on`;
        body[name] = field(data, name);
        if (this.vocabulary.takesReason(stage.name))
          body[`${stage.name}_reason`] = field(data, `${stage.name}_reason`) || "";
      }
      if (!body[`${this.vocabulary.stages[0].name}_on`]) {
        throw new FieldProblem(
          form.elements[`${this.vocabulary.stages[0].name}_on`],
          "Enter the date they applied.",
        );
      }
      const saved = await api(`/api/v1/applicants/${id}`, { method: "PATCH", json: body });
      await this.load({ focusId: `applicant-${id}-name` });
      this.announce(`Saved the changes to ${saved.reference}.`);
    });
    node.replaceChildren(
      el("h4", { id: `applicant-${id}-name`, tabindex: "-1" }, applicant.reference),
      form,
    );
    form.elements.reference.focus();
  }
}
