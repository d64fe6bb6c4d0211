/**
 * Civil-date arithmetic on ISO `YYYY-MM-DD` strings.
 * Plain integers only: a JS Date would drag a time zone into a date that has none.
 */

export interface CivilDate {
  y: number;
  m: number; // 1..12
  d: number; // 1..31
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[m - 1];
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Null for anything that is not a real calendar date (2023-02-30 included). */
export function parseIso(s: string): CivilDate | null {
  const m = ISO_RE.exec(s);
  if (!m) return null;
  const c = { y: +m[1], m: +m[2], d: +m[3] };
  return isValidDate(c.y, c.m, c.d) ? c : null;
}

function mustParse(s: string): CivilDate {
  const c = parseIso(s);
  if (!c) throw new RangeError(`not an ISO date: ${s}`);
  return c;
}

export function formatIso(c: CivilDate): string {
  return `${String(c.y).padStart(4, "0")}-${c.m < 10 ? "0" : ""}${c.m}-${c.d < 10 ? "0" : ""}${c.d}`;
}

/** Null when the parts do not make a real date. */
export function makeIso(y: number, m: number, d: number): string | null {
  return isValidDate(y, m, d) ? formatIso({ y, m, d }) : null;
}

export function lastDayOfMonth(iso: string): string {
  const c = mustParse(iso);
  return formatIso({ y: c.y, m: c.m, d: daysInMonth(c.y, c.m) });
}

export function isLastDayOfMonth(iso: string): boolean {
  const c = mustParse(iso);
  return c.d === daysInMonth(c.y, c.m);
}

/**
 * Adds months, clamping the day to the target month's end (Jan 31 + 1 = Feb 28/29, never Mar 2).
 * Clamping loses the anchor day, so a sequence must always be computed from its anchor
 * (`addMonths(anchor, n)`), never by chaining `addMonths(prev, 1)`.
 * With `toMonthEnd` the result is the last day of the target month whatever the anchor day.
 */
export function addMonths(iso: string, n: number, toMonthEnd = false): string {
  const c = mustParse(iso);
  const idx = c.y * 12 + (c.m - 1) + n;
  const y = Math.floor(idx / 12);
  const m = idx - y * 12 + 1;
  const dim = daysInMonth(y, m);
  return formatIso({ y, m, d: toMonthEnd ? dim : Math.min(c.d, dim) });
}

/**
 * Months from the end of `iso`'s month to the first calendar quarter end (March, June, September,
 * December) after `iso`: 0 when its own month ends a quarter later than `iso`, 3 when `iso` is that end.
 */
export function monthsToNextQuarterEnd(iso: string): number {
  const c = mustParse(iso);
  const ahead = (3 - (c.m % 3)) % 3;
  return ahead === 0 && isLastDayOfMonth(iso) ? 3 : ahead;
}

/** Feb 29 anniversaries fall on Feb 28 in common years. */
export function addYears(iso: string, n: number): string {
  return addMonths(iso, 12 * n);
}

// Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil).
function toDays(c: CivilDate): number {
  const y = c.m <= 2 ? c.y - 1 : c.y;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (c.m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + c.d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDays(z: number): CivilDate {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function addDays(iso: string, n: number): string {
  return formatIso(fromDays(toDays(mustParse(iso)) + n));
}

/** b - a in days. */
export function daysBetween(a: string, b: string): number {
  return toDays(mustParse(b)) - toDays(mustParse(a));
}

/** ISO strings of fixed width order lexically as dates. */
export function compareIso(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Two-digit years as written on Form 4s: the SEC forms began in the 1990s,
 * so 00..69 are 20xx and 70..99 are 19xx.
 */
export function expandYear(y: number): number {
  if (y >= 100) return y;
  return y < 70 ? 2000 + y : 1900 + y;
}
