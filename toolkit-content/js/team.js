// The team view (team key): member providers and their keys (add a provider, record the day it
// joined the scheme, make a key, revoke one), the KPIs across members from /api/v1/kpis, and the
// members' figures before and since joining and by quarter from /api/v1/kpis/impact, and the
// advert score bands across members from /api/v1/kpis/vacancies. Every figure
// says how many providers stand behind it, and a figure on fewer than the minimum is shown as
// withheld, never as 0.

import { api, listAll, query, showNotice } from "./api.js";
import { chartFigure, drawCharts, PALETTE } from "./charts.js";
import { el, table } from "./dom.js";
import { FieldProblem, field, onSubmit } from "./forms.js";
import {
  formatDate,
  formatPence,
  formatRate,
  monthsBefore,
  reasonText,
  todayIso,
} from "./format.js";
import { requireKey } from "./layout.js";
import { teamBandsSection } from "./vacancy-outcomes.js";

// A team figure ({value, providers, reason}) as a table cell; a rate says what it divides
// ("50% (3 of 6)"), so that rates over different people can be read side by side.
function teamCell(figure, format) {
  if (!figure || figure.value === null || figure.value === undefined) {
    return {
      text: el("span", { className: "withheld" }, `– ${reasonText(figure?.reason_text)}`),
      number: true,
    };
  }
  const counts =
    figure.denominator === undefined
      ? ""
      : ` (${whole(figure.numerator)} of ${whole(figure.denominator)})`;
  return { text: `${format(figure.value)}${counts}`, number: true };
}

const whole = (v) => Number(v).toLocaleString("en-GB");
const rate = (v) => formatRate(v);

function headlineTable(kpis) {
  const rows = [
    ["Applicants", teamCell(kpis.applicants, whole)],
    ["Interviewed", teamCell(kpis.interviewed, whole)],
    ["Offered a job", teamCell(kpis.offered, whole)],
    ["Started work", teamCell(kpis.starters, whole)],
    ["Left within 90 days of starting", teamCell(kpis.early_leavers, whole)],
    ["Applicants who started work", teamCell(kpis.applied_to_started, rate)],
    ...(kpis.retention || []).map((r) => [
      `Starters still in post at ${{ 91: "3", 182: "6", 365: "12" }[r.days] || r.days} months`,
      teamCell(r.rate, rate),
    ]),
    ["Spend", teamCell(kpis.spend_pence, formatPence)],
    ["Cost per hire", teamCell(kpis.cost_per_hire_pence, formatPence)],
  ];
  return table(
    `Across ${kpis.providers} member provider${kpis.providers === 1 ? "" : "s"}`,
    ["Figure", { text: "All members", number: true }],
    rows,
  );
}

function channelFigure(kpis) {
  const channels = kpis.channels || [];
  if (!channels.length) return el("p", {}, "No applicants recorded by members in this period.");
  const valueOf = (figure) =>
    figure && figure.value !== null && figure.value !== undefined ? figure.value : null;
  // With no cost per hire to show, the chart would be empty axes: the table says why instead.
  const drawable = channels.some((c) => valueOf(c.cost_per_hire_pence) !== null);
  const config = !drawable
    ? null
    : {
        type: "bar",
        data: {
          labels: channels.map((c) => c.label),
          datasets: [
            {
              label: "Cost per hire",
              data: channels.map((c) => {
                const pence = valueOf(c.cost_per_hire_pence);
                return pence === null ? null : pence / 100;
              }),
              backgroundColor: PALETTE[0],
            },
          ],
        },
        options: {
          scales: {
            y: { beginAtZero: true, ticks: { callback: (v) => formatPence(Math.round(v * 100)) } },
          },
          plugins: { legend: { display: false } },
        },
      };
  const rows = channels.map((c) => [
    c.label,
    teamCell(c.applicants, whole),
    teamCell(c.starters, whole),
    teamCell(c.spend_pence, formatPence),
    teamCell(c.cost_per_hire_pence, formatPence),
  ]);
  return chartFigure({
    id: "channel-chart",
    title: "Cost per hire by kind of channel, across members",
    summary: "One bar per channel; a missing bar is withheld or cannot be worked out.",
    config,
    table: table(
      "Applicants, starters and cost per hire by channel",
      [
        "Channel",
        { text: "Applicants", number: true },
        { text: "Starters", number: true },
        { text: "Spend", number: true },
        { text: "Cost per hire", number: true },
      ],
      rows,
    ),
  });
}

function workforceTable(kpis) {
  const byId = new Map((kpis.benchmarks || []).map((b) => [b.id, b]));
  const rows = [];
  const addRow = (label, row) => {
    if (!row) return;
    const comparisons = (list) =>
      (list || [])
        .map((c) => `${byId.get(c.benchmark)?.label || c.benchmark}: ${formatRate(c.value)}`)
        .join("; ");
    rows.push([
      label,
      teamCell(row.turnover, rate),
      comparisons(row.turnover_benchmarks),
      teamCell(row.vacancy_rate, rate),
      comparisons(row.vacancy_rate_benchmarks),
    ]);
  };
  addRow("All services", kpis.workforce);
  for (const row of kpis.workforce_by_service_type || []) {
    const type = String(row.service_type || "").replace(/_/g, " ");
    addRow(type.charAt(0).toUpperCase() + type.slice(1), row);
  }
  return table(
    "Turnover and vacancy rates, pooled across members, beside published figures",
    [
      "Services",
      { text: "Turnover", number: true },
      "Published turnover",
      { text: "Vacancy rate", number: true },
      "Published vacancy rates",
    ],
    rows,
  );
}

async function loadKpis(from, to) {
  const [kpis, bands] = await Promise.all([
    api(`/api/v1/kpis${query({ from, to })}`),
    api(`/api/v1/kpis/vacancies${query({ from, to })}`),
  ]);
  const box = document.getElementById("kpis");
  box.replaceChildren(
    headlineTable(kpis),
    el(
      "p",
      { className: "hint" },
      "Each “still in post” figure counts only the starters who could have been in post that " +
        "long, so the 3, 6 and 12-month figures cover different people: the 6-month figure " +
        "can be higher than the 3-month one.",
    ),
    el("h3", {}, "By kind of channel"),
    channelFigure(kpis),
    el("h3", {}, "Turnover and vacancies"),
    workforceTable(kpis),
    el("h3", { id: "advert-bands-heading" }, "Advert score and outcome"),
    ...teamBandsSection(bands),
    el(
      "p",
      { className: "hint" },
      `Figures resting on fewer than ${kpis.min_providers} providers are withheld ` +
        "so that no provider can be picked out.",
    ),
  );
  drawCharts(box);
}

const providersText = (n) => `${n} provider${n === 1 ? "" : "s"}`;

// The three figures the impact gives for each side and quarter, with what people call them.
function impactFigures(impact) {
  return [
    { field: "turnover", label: "Turnover" },
    { field: "vacancy_rate", label: "Vacancy rate" },
    { field: `retention_${impact.retention_days}`, label: "Starters still in post at 6 months" },
  ];
}

// Who the impact leaves out, in words.
function leftOutText(impact) {
  const parts = [];
  if (impact.without_joined_date === 0) {
    parts.push("Every member has the day it joined recorded.");
  } else {
    parts.push(
      `${impact.without_joined_date} of ${providersText(impact.providers)} ` +
        `${impact.without_joined_date === 1 ? "has" : "have"} no joining day recorded and ` +
        `${impact.without_joined_date === 1 ? "is" : "are"} left out: record it under ` +
        "“Member providers and keys”.",
    );
  }
  if (impact.joined_after_as_of > 0) {
    parts.push(`${providersText(impact.joined_after_as_of)} joined after the day chosen.`);
  }
  return parts.join(" ");
}

function beforeAfterTable(impact) {
  const rows = impactFigures(impact).map(({ field, label }) => {
    const before = impact.before[field];
    const after = impact.after[field];
    return [label, teamCell(before, rate), teamCell(after, rate), whole(before.providers)];
  });
  return table(
    "Members before and since joining the scheme",
    [
      "Figure",
      { text: "Before joining", number: true },
      { text: "Since joining", number: true },
      { text: "Members counted", number: true },
    ],
    rows,
  );
}

function trendFigure(impact) {
  const figures = impactFigures(impact);
  const percent = (figure) =>
    figure && figure.value !== null && figure.value !== undefined
      ? Math.round(figure.value * 1000) / 10
      : null;
  const drawable = impact.quarters.some((q) => figures.some((f) => percent(q[f.field]) !== null));
  const config = !drawable
    ? null
    : {
        type: "line",
        data: {
          labels: impact.quarters.map((q) => q.label),
          datasets: figures.map((f, i) => ({
            label: f.label,
            data: impact.quarters.map((q) => percent(q[f.field])),
            borderColor: PALETTE[i % PALETTE.length],
            backgroundColor: PALETTE[i % PALETTE.length],
            spanGaps: false,
          })),
        },
        options: {
          scales: { y: { beginAtZero: true, ticks: { callback: (v) => `${v}%` } } },
        },
      };
  const rows = impact.quarters.map((q) => [
    q.label,
    whole(q.members),
    ...figures.map((f) => teamCell(q[f.field], rate)),
  ]);
  return chartFigure({
    id: "impact-trend-chart",
    title: "Members’ figures by quarter",
    summary: "One line per figure, one point per quarter; a gap is a figure withheld or not known.",
    config,
    table: table(
      "Members’ figures by quarter",
      [
        "Quarter",
        { text: "Members", number: true },
        ...figures.map((f) => ({ text: f.label, number: true })),
      ],
      rows,
    ),
  });
}

async function loadImpact(asOf) {
  const impact = await api(`/api/v1/kpis/impact${query({ as_of: asOf })}`);
  const box = document.getElementById("impact");
  const windows = impact.windows;
  box.replaceChildren(
    el("p", { className: "left-out" }, leftOutText(impact)),
    beforeAfterTable(impact),
    el("p", { className: "hint" }, windows.before),
    el("p", { className: "hint" }, windows.after),
    el("p", { className: "hint" }, windows.matched),
    el("h3", {}, "By quarter"),
    el("p", { className: "hint" }, windows.quarters),
    trendFigure(impact),
    el(
      "p",
      { className: "hint" },
      `Figures resting on fewer than ${impact.min_providers} providers are withheld ` +
        "so that no provider can be picked out.",
    ),
  );
  drawCharts(box);
}

// The form that records or clears the day a provider joined the scheme.
function joinedForm(provider, onSaved) {
  const input = el("input", {
    type: "date",
    id: `joined-${provider.id}`,
    name: "joined_on",
    value: provider.joined_on || "",
  });
  const form = el(
    "form",
    { novalidate: true, className: "joined-form" },
    el(
      "div",
      { className: "field" },
      el(
        "label",
        { for: input.id },
        "Joined the scheme on",
        el("span", { className: "visually-hidden" }, ` (${provider.name})`),
      ),
      el("span", { className: "hint" }, "Leave empty if not known"),
      input,
    ),
    el("button", { type: "submit", className: "secondary small" }, "Save joining day"),
    el("p", { className: "status-line", role: "status", "aria-live": "polite" }),
  );
  onSubmit(form, async (data) => {
    const joined = field(data, "joined_on");
    const saved = await api(`/api/v1/providers/${provider.id}`, {
      method: "PATCH",
      json: { joined_on: joined || null },
    });
    onSaved(saved);
    return saved.joined_on
      ? `Saved: joined on ${formatDate(saved.joined_on)}.`
      : "Saved: no joining day recorded.";
  });
  return form;
}

function joinedText(provider) {
  return provider.joined_on
    ? ` joined the scheme ${formatDate(provider.joined_on)}`
    : " joining day not recorded";
}

function revokeButton(key, providerId) {
  const button = el(
    "button",
    { type: "button", className: "danger small" },
    "Revoke",
    el("span", { className: "visually-hidden" }, ` key ${key.public_id}`),
  );
  button.addEventListener("click", async () => {
    if (!window.confirm(`Revoke key ${key.public_id}? Anyone using it will be signed out.`)) return;
    try {
      await api(`/api/v1/keys/${key.id}`, { method: "DELETE" });
      await showKeys(providerId);
    } catch (error) {
      showNotice(document.getElementById(`keys-${providerId}`), error);
    }
  });
  return button;
}

function showNewKey(providerName, issued) {
  const box = document.getElementById("new-key");
  box.replaceChildren(
    el(
      "div",
      { className: "notice notice--success" },
      el("p", {}, el("strong", {}, `New key for ${providerName}`)),
      el(
        "p",
        {},
        "Copy it now and give it to the provider safely: it is shown only once, and the " +
          "toolkit keeps only a fingerprint of it.",
      ),
      el("code", { className: "secret", id: "issued-key" }, issued.key),
    ),
  );
  box.focus();
}

async function showKeys(providerId, providerName) {
  const holder = document.getElementById(`keys-${providerId}`);
  const keys = await listAll(`/api/v1/providers/${providerId}/keys`);
  const rows = keys.map((k) => [
    k.public_id,
    k.label || "",
    k.created_at ? formatDate(k.created_at.slice(0, 10)) : "",
    k.revoked_at ? `Revoked ${formatDate(k.revoked_at.slice(0, 10))}` : revokeButton(k, providerId),
  ]);
  const label = el("input", {
    type: "text",
    id: `key-label-${providerId}`,
    name: "label",
    autocomplete: "off",
  });
  const form = el(
    "form",
    { novalidate: true },
    el(
      "div",
      { className: "field" },
      el(
        "label",
        { for: label.id },
        "Label for a new key",
        el("span", { className: "visually-hidden" }, ` for ${providerName || "this provider"}`),
      ),
      el("span", { className: "hint" }, "Optional: who or what will use it"),
      label,
    ),
    el("button", { type: "submit", className: "secondary small" }, "Make a new key"),
    el("p", { className: "status-line", role: "status", "aria-live": "polite" }),
  );
  onSubmit(form, async (data) => {
    const body = {};
    const text = field(data, "label");
    if (text) body.label = text;
    const issued = await api(`/api/v1/providers/${providerId}/keys`, {
      method: "POST",
      json: body,
    });
    showNewKey(providerName || `provider ${providerId}`, issued);
    await showKeys(providerId, providerName);
  });
  holder.replaceChildren(
    rows.length
      ? table("Keys", ["Key id", "Label", "Made", "State"], rows)
      : el("p", {}, "No keys."),
    form,
  );
}

async function loadProviders() {
  const providers = await listAll("/api/v1/providers");
  providers.sort((a, b) => a.name.localeCompare(b.name));
  const box = document.getElementById("providers");
  if (!providers.length) {
    box.replaceChildren(el("p", {}, "No member providers yet."));
    return;
  }
  const items = providers.map((p) => {
    const details = el(
      "details",
      { "data-provider": p.id },
      el(
        "summary",
        {},
        `${p.name}`,
        el("span", { className: "hint" }, ` added ${formatDate(p.created_on)};`),
        el("span", { className: "hint joined" }, joinedText(p)),
      ),
      joinedForm(p, (saved) => {
        details.querySelector(".joined").textContent = joinedText(saved);
      }),
      el("div", { id: `keys-${p.id}` }, el("p", {}, "Loading keys…")),
    );
    details.addEventListener("toggle", () => {
      if (details.open)
        showKeys(p.id, p.name).catch((e) => showNotice(document.getElementById(`keys-${p.id}`), e));
    });
    return el("li", {}, details);
  });
  box.replaceChildren(
    el("h3", {}, `Members (${providers.length})`),
    el("ul", { className: "provider-list" }, ...items),
  );
}

function start() {
  if (!requireKey("team", document.getElementById("team-gate"))) return;
  document.getElementById("team").hidden = false;

  const kpiForm = document.getElementById("kpi-form");
  kpiForm.elements.to.value = todayIso();
  kpiForm.elements.from.value = monthsBefore(todayIso(), 12);
  onSubmit(
    kpiForm,
    async (data) => {
      await loadKpis(data.get("from"), data.get("to"));
      return "Figures updated.";
    },
    { busyText: "Working out the figures…" },
  );

  const impactForm = document.getElementById("impact-form");
  onSubmit(
    impactForm,
    async (data) => {
      await loadImpact(data.get("as_of") || undefined);
      return "Figures updated.";
    },
    { busyText: "Working out the figures…" },
  );

  const providerForm = document.getElementById("provider-form");
  onSubmit(providerForm, async (data) => {
    const name = field(data, "name");
    if (!name) throw new FieldProblem(providerForm.elements.name, "Enter the provider's name.");
    const created = await api("/api/v1/providers", { method: "POST", json: { name } });
    providerForm.elements.name.value = "";
    await loadProviders();
    showNewKey(created.provider.name, created.key);
    return `Added ${created.provider.name}.`;
  });

  kpiForm.requestSubmit();
  impactForm.requestSubmit();
  loadProviders().catch((error) => showNotice(document.getElementById("providers"), error));
}

start();
