// How the pages write money, rates, dates and the reasons a figure has no value. The API speaks
// integer pence, fractions and ISO dates; a care manager reads "£166.67", "25%" and "3 March 2025".

const pounds = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });
const wholePounds = new Intl.NumberFormat("en-GB", {
  style: "currency",
  currency: "GBP",
  maximumFractionDigits: 0,
  minimumFractionDigits: 0,
});
const longDate = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

// 16667 -> "£166.67"; whole amounts drop the pence: 360000 -> "£3,600".
export function formatPence(pence) {
  if (pence === null || pence === undefined) return "";
  return pence % 100 === 0 ? wholePounds.format(pence / 100) : pounds.format(pence / 100);
}

// 0.25 -> "25%", 0.0909 -> "9.1%".
export function formatRate(fraction, digits = 1) {
  if (fraction === null || fraction === undefined) return "";
  const percent = fraction * 100;
  const rounded = Number(percent.toFixed(digits));
  return `${Number.isInteger(rounded) ? rounded : rounded.toFixed(digits)}%`;
}

// "2025-03-01" -> "1 March 2025".
export function formatDate(iso) {
  if (!iso) return "";
  const [year, month, day] = iso.split("-").map(Number);
  if (!year || !month || !day) return iso;
  return longDate.format(new Date(Date.UTC(year, month - 1, day)));
}

// Today in the browser's own time zone, as YYYY-MM-DD.
export function todayIso() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// The ISO date `months` months before `iso` (clamped to the month's last day).
export function monthsBefore(iso, months) {
  const [year, month, day] = iso.split("-").map(Number);
  const target = new Date(Date.UTC(year, month - 1 - months, 1));
  const last = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(day, last));
  return target.toISOString().slice(0, 10);
}

// "£1,200.50", "1200.5" or "1200" -> 120050 pence. Returns null when the text is not an amount.
export function parsePounds(text) {
  const cleaned = String(text).trim().replace(/^£\s*/, "");
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole, fraction = ""] = cleaned.replace(/,/g, "").split(".");
  const pence = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  return Number.isSafeInteger(pence) ? pence : null;
}

// Why a figure has no value: the words the report gives beside its reason code
// ("<field>_reason_text", or "reason_text" in a team figure), the same the readable reports print.
export function reasonText(text) {
  return text || "not available";
}
