/** Formatting as analysts read filings: thousands separators, prices at their filed precision, unambiguous dates. */

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2007-12-17" -> "17 Dec 2007": no month/day order to misread. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/** "2007-12" -> "Dec 2007". */
export function formatMonth(ym: string): string {
  return `${MONTHS[Number(ym.slice(5, 7)) - 1]} ${ym.slice(0, 4)}`;
}

export function formatShares(n: number | null | undefined): string {
  if (n === null || n === undefined) return "—";
  return n.toLocaleString("en-US", { maximumFractionDigits: 4 });
}

/** Prices keep the precision they were filed with: "$6.1" stays "$6.1", "$5.52" stays "$5.52". */
export function formatPrice(n: number | null | undefined): string {
  if (n === null || n === undefined) return "—";
  const decimals = (String(n).split(".")[1] ?? "").length;
  return "$" + n.toLocaleString("en-US", { minimumFractionDigits: Math.min(decimals, 6), maximumFractionDigits: 6 });
}

export function formatDateTime(d: Date): string {
  return `${formatDate(d.toISOString().slice(0, 10))} ${d.toISOString().slice(11, 16)} UTC`;
}

/** A field value of any kind as the history shows it. */
export function formatFieldValue(kind: string | undefined, v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "boolean") return v ? "Yes" : "No";
  if (typeof v === "number") return kind === "number" ? formatShares(v) : String(v);
  if (kind === "date" && typeof v === "string") return formatDate(v);
  if (kind === "footnoteIds" && Array.isArray(v)) return v.length ? v.map((id) => `(${id})`).join(" ") : "—";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/** A whole vesting schedule as the history shows it: its size and span, not its JSON. */
export function formatScheduleSummary(v: unknown): string {
  const s = v as { totalShares?: number; tranches?: { date: string }[]; origin?: string } | null;
  if (!s || !Array.isArray(s.tranches) || s.tranches.length === 0) return "no schedule";
  const t = s.tranches;
  const by = s.origin === "analyst" ? "entered by hand" : "read from the footnotes";
  return `${formatShares(s.totalShares)} shares in ${t.length} tranche${t.length === 1 ? "" : "s"}, ${formatDate(t[0].date)} to ${formatDate(t[t.length - 1].date)} (${by})`;
}
