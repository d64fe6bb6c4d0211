import { FieldReader, priceWarnings } from "./edgar-xml";
import {
  ParseError,
  emptyFiling,
  emptyOwner,
  type DerivativeRow,
  type Filing,
  type FormType,
  type Footnote,
  type IsoDate,
  type NonDerivativeRow,
  type ReportingOwner,
  type Signature,
} from "./types";

/*
 * EDGAR renders every ownership XML filing to HTML with one stylesheet family (xslF345X02..X05), laying the
 * paper form's boxes out as nested tables. No HTML parser is installed, so a small tolerant tree builder reads the
 * markup; the boxes are then found by their printed labels and the table columns by their count.
 */

interface El {
  tag: string;
  attrs: Record<string, string>;
  children: Node[];
  parent: El | null;
  depth: number;
}
type Node = El | string;

const VOID = new Set(["br", "hr", "img", "meta", "link", "input", "col", "wbr", "area", "base", "param", "source"]);
const RAW_TEXT = new Set(["script", "style", "title", "textarea"]);
/** The form nests tables a few levels deep; far deeper markup is hostile and would exhaust the stack when walked. */
const MAX_DEPTH = 256;

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

const ATTR = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

function parseAttrs(s: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of s.matchAll(ATTR)) attrs[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? "");
  return attrs;
}

/** Builds a forgiving element tree: unclosed cells and rows end where the next one starts, as browsers do. */
function buildTree(html: string): El {
  const root: El = { tag: "#root", attrs: {}, children: [], parent: null, depth: 0 };
  let cur = root;
  const lower = html.toLowerCase();
  const closeTo = (tag: string, stopAt: string[]) => {
    for (let el: El | null = cur; el && el !== root; el = el.parent) {
      if (el.tag === tag) {
        cur = el.parent ?? root;
        return;
      }
      if (stopAt.includes(el.tag)) return;
    }
  };
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    if (lt === -1) {
      cur.children.push(decodeEntities(html.slice(i)));
      break;
    }
    if (lt > i) cur.children.push(decodeEntities(html.slice(i, lt)));
    if (html.startsWith("<!--", lt)) {
      const end = html.indexOf("-->", lt + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    const gt = html.indexOf(">", lt);
    if (gt === -1) break;
    const inner = html.slice(lt + 1, gt);
    i = gt + 1;
    if (inner[0] === "!" || inner[0] === "?") continue;
    if (inner[0] === "/") {
      const tag = inner.slice(1).trim().toLowerCase();
      closeTo(tag, tag === "table" ? [] : ["table"]);
      continue;
    }
    const m = /^([a-zA-Z][\w:-]*)([\s\S]*)$/.exec(inner);
    if (!m) {
      cur.children.push(decodeEntities(html.slice(lt, gt + 1)));
      continue;
    }
    const tag = m[1].toLowerCase();
    if (tag === "td" || tag === "th") {
      closeTo("td", ["tr", "table"]);
      closeTo("th", ["tr", "table"]);
    } else if (tag === "tr") {
      closeTo("tr", ["table"]);
    }
    const el: El = { tag, attrs: parseAttrs(m[2]), children: [], parent: cur, depth: cur.depth + 1 };
    if (el.depth > MAX_DEPTH) throw new ParseError(`the HTML nests elements more than ${MAX_DEPTH} deep; an ownership form never does`);
    cur.children.push(el);
    if (RAW_TEXT.has(tag)) {
      const close = lower.indexOf(`</${tag}`, i);
      const end = close === -1 ? html.length : close;
      el.children.push(decodeEntities(html.slice(i, end)));
      const closeGt = close === -1 ? -1 : html.indexOf(">", close);
      i = closeGt === -1 ? html.length : closeGt + 1;
      continue;
    }
    if (!VOID.has(tag) && !m[2].trimEnd().endsWith("/")) cur = el;
  }
  return root;
}

const isEl = (n: Node): n is El => typeof n !== "string";

function collectText(n: Node, skip: (el: El) => boolean, out: string[]): void {
  if (!isEl(n)) {
    out.push(n);
    return;
  }
  if (skip(n)) return;
  if (n.tag === "br") out.push(" ");
  for (const c of n.children) collectText(c, skip, out);
}

const squash = (s: string) => s.replace(/\s+/g, " ").trim();
const noSkip = () => false;

// Labels are looked up over every cell more than once; an element's full text is computed once.
const fullText = new WeakMap<El, string>();

function textOf(n: Node, skip: (el: El) => boolean = noSkip): string {
  if (skip === noSkip && isEl(n)) {
    const cached = fullText.get(n);
    if (cached !== undefined) return cached;
  }
  const out: string[] = [];
  collectText(n, skip, out);
  const text = squash(out.join(""));
  if (skip === noSkip && isEl(n)) fullText.set(n, text);
  return text;
}

function descendants(el: El, pred: (e: El) => boolean, out: El[] = []): El[] {
  for (const c of el.children) {
    if (!isEl(c)) continue;
    if (pred(c)) out.push(c);
    descendants(c, pred, out);
  }
  return out;
}

const hasClass = (el: El, cls: string) => (el.attrs.class ?? "").split(/\s+/).includes(cls);

/** Rows of this table only, through thead/tbody/tfoot but not into nested tables. */
function rowsOf(table: El): El[] {
  const rows: El[] = [];
  const walk = (el: El) => {
    for (const c of el.children) {
      if (!isEl(c)) continue;
      if (c.tag === "tr") rows.push(c);
      else if (c.tag !== "table") walk(c);
    }
  };
  walk(table);
  return rows;
}

const cellsOf = (tr: El) => tr.children.filter((c): c is El => isEl(c) && (c.tag === "td" || c.tag === "th"));

interface Cell {
  value: string | null;
  footnoteIds: string[];
}

/** A cell's value without its footnote markers and currency sign, and the markers themselves. */
function readCell(td: El | undefined): Cell {
  if (!td) return { value: null, footnoteIds: [] };
  const footnoteIds = new Set<string>();
  for (const sup of descendants(td, (e) => e.tag === "sup")) {
    for (const id of textOf(sup).match(/[A-Za-z0-9]+/g) ?? []) footnoteIds.add(id);
  }
  const value = textOf(td, (e) => e.tag === "sup").replace(/^\$\s*/, "").trim();
  return { value: value === "" ? null : value, footnoteIds: [...footnoteIds] };
}

/** Expands colspan so every row of a table lines up with the same column positions. */
function expandedCells(tr: El): Cell[] {
  const out: Cell[] = [];
  for (const td of cellsOf(tr)) {
    out.push(readCell(td));
    const span = Math.min(Number.parseInt(td.attrs.colspan ?? "1", 10) || 1, 32);
    for (let k = 1; k < span; k++) out.push({ value: null, footnoteIds: [] });
  }
  return out;
}

/** The rendering prints dates as MM/DD/YYYY. */
class HtmlReader extends FieldReader {
  protected override isoDate(raw: string): IsoDate | null {
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
    return m ? `${m[3]}-${m[1].padStart(2, "0")}-${m[2].padStart(2, "0")}` : super.isoDate(raw);
  }
}

function rowFootnotes(cells: Cell[]): string[] {
  return [...new Set(cells.flatMap((c) => c.footnoteIds))];
}

// Column positions per table layout, told apart by how many cells a data row has.
const TABLE_I: Record<number, Partial<Record<keyof NonDerivativeRow | "v", number>>> = {
  11: { securityTitle: 0, transactionDate: 1, deemedExecutionDate: 2, transactionCode: 3, v: 4, shares: 5, acquiredDisposed: 6, price: 7, sharesOwnedFollowing: 8, directOrIndirect: 9, natureOfOwnership: 10 },
  10: { securityTitle: 0, transactionDate: 1, deemedExecutionDate: 2, transactionCode: 3, shares: 4, acquiredDisposed: 5, price: 6, sharesOwnedFollowing: 7, directOrIndirect: 8, natureOfOwnership: 9 },
  4: { securityTitle: 0, sharesOwnedFollowing: 1, directOrIndirect: 2, natureOfOwnership: 3 },
};

type DerivColumn = keyof DerivativeRow | "v" | "a" | "d";
const TABLE_II: Record<number, Partial<Record<DerivColumn, number>>> = {
  16: { securityTitle: 0, conversionOrExercisePrice: 1, transactionDate: 2, deemedExecutionDate: 3, transactionCode: 4, v: 5, a: 6, d: 7, exerciseDate: 8, expirationDate: 9, underlyingTitle: 10, underlyingShares: 11, price: 12, sharesOwnedFollowing: 13, directOrIndirect: 14, natureOfOwnership: 15 },
  15: { securityTitle: 0, conversionOrExercisePrice: 1, transactionDate: 2, deemedExecutionDate: 3, transactionCode: 4, a: 5, d: 6, exerciseDate: 7, expirationDate: 8, underlyingTitle: 9, underlyingShares: 10, price: 11, sharesOwnedFollowing: 12, directOrIndirect: 13, natureOfOwnership: 14 },
  8: { securityTitle: 0, exerciseDate: 1, expirationDate: 2, underlyingTitle: 3, underlyingShares: 4, conversionOrExercisePrice: 5, directOrIndirect: 6, natureOfOwnership: 7 },
};

function dataRows(table: El): Cell[][] {
  return rowsOf(table)
    .filter((tr) => cellsOf(tr).some((c) => c.tag === "td"))
    .map(expandedCells);
}

function nonDerivativeRows(r: HtmlReader, table: El | undefined): NonDerivativeRow[] {
  if (!table) return [];
  const out: NonDerivativeRow[] = [];
  dataRows(table).forEach((cells, i) => {
    const where = `Table I row ${i + 1}`;
    const cols = TABLE_I[cells.length];
    if (!cols) {
      r.warnings.push(`${where}: ${cells.length} columns do not match any Form 3, 4 or 5 layout; row skipped`);
      return;
    }
    const v = (k: keyof typeof cols) => (cols[k] === undefined ? null : cells[cols[k]].value);
    const date = r.date(v("transactionDate"), `${where} transaction date`);
    const code = r.code(v("transactionCode"), where);
    out.push({
      kind: date === null && code === null ? "holding" : "transaction",
      securityTitle: v("securityTitle") ?? "",
      transactionDate: date,
      deemedExecutionDate: r.date(v("deemedExecutionDate"), `${where} deemed execution date`),
      transactionCode: code,
      equitySwap: (v("v") ?? "").toUpperCase() === "V",
      shares: r.number(v("shares"), `${where} amount`),
      acquiredDisposed: r.choice(v("acquiredDisposed"), ["A", "D"] as const, `${where} (A) or (D)`),
      price: r.number(v("price"), `${where} price`),
      sharesOwnedFollowing: r.number(v("sharesOwnedFollowing"), `${where} amount owned following`),
      directOrIndirect: r.choice(v("directOrIndirect"), ["D", "I"] as const, `${where} ownership form`),
      natureOfOwnership: v("natureOfOwnership"),
      footnoteIds: rowFootnotes(cells),
    });
  });
  return out;
}

function derivativeRows(r: HtmlReader, table: El | undefined): DerivativeRow[] {
  if (!table) return [];
  const out: DerivativeRow[] = [];
  dataRows(table).forEach((cells, i) => {
    const where = `Table II row ${i + 1}`;
    const cols = TABLE_II[cells.length];
    if (!cols) {
      r.warnings.push(`${where}: ${cells.length} columns do not match any Form 3, 4 or 5 layout; row skipped`);
      return;
    }
    const v = (k: DerivColumn) => (cols[k] === undefined ? null : cells[cols[k]!].value);
    const date = r.date(v("transactionDate"), `${where} transaction date`);
    const code = r.code(v("transactionCode"), where);
    const acquired = v("a");
    const disposed = v("d");
    const exercise = v("exerciseDate");
    const immediately = exercise !== null && /^immediately$/i.test(exercise);
    out.push({
      kind: date === null && code === null ? "holding" : "transaction",
      securityTitle: v("securityTitle") ?? "",
      conversionOrExercisePrice: r.number(v("conversionOrExercisePrice"), `${where} conversion or exercise price`),
      transactionDate: date,
      deemedExecutionDate: r.date(v("deemedExecutionDate"), `${where} deemed execution date`),
      transactionCode: code,
      equitySwap: (v("v") ?? "").toUpperCase() === "V",
      shares: r.number(acquired ?? disposed, `${where} number of derivative securities`),
      acquiredDisposed: acquired !== null ? "A" : disposed !== null ? "D" : null,
      exerciseDate: immediately ? null : r.date(exercise, `${where} date exercisable`),
      exercisableImmediately: immediately,
      expirationDate: r.date(v("expirationDate"), `${where} expiration date`),
      underlyingTitle: v("underlyingTitle"),
      underlyingShares: r.number(v("underlyingShares"), `${where} underlying amount`),
      price: r.number(v("price"), `${where} price`),
      sharesOwnedFollowing: r.number(v("sharesOwnedFollowing"), `${where} amount owned following`),
      directOrIndirect: r.choice(v("directOrIndirect"), ["D", "I"] as const, `${where} ownership form`),
      natureOfOwnership: v("natureOfOwnership"),
      footnoteIds: rowFootnotes(cells),
    });
  });
  return out;
}

const formData = (el: El) => descendants(el, (e) => e.tag === "span" && (hasClass(e, "FormData") || hasClass(e, "SmallFormData")));
const firstFormData = (el: El | undefined): string | null => {
  if (!el) return null;
  for (const span of formData(el)) {
    const t = textOf(span);
    if (t) return t;
  }
  return null;
};
const cikOf = (a: El | undefined) => /CIK=(\d+)/i.exec(a?.attrs.href ?? "")?.[1] ?? null;

function ownerFromBox(box: El): ReportingOwner {
  const link = descendants(box, (e) => e.tag === "a")[0];
  const owner = emptyOwner(link ? textOf(link) : "");
  owner.cik = cikOf(link);
  const street: string[] = [];
  for (const table of descendants(box, (e) => e.tag === "table")) {
    for (const tr of rowsOf(table)) {
      const values = cellsOf(tr).map((td) => firstFormData(td));
      if (values.length === 3 && values.some((x) => x !== null)) {
        [owner.city, owner.state, owner.zip] = values;
      } else if (values.length === 1 && values[0] !== null) {
        street.push(values[0]);
      }
    }
  }
  owner.street1 = street[0] ?? null;
  owner.street2 = street[1] ?? null;
  return owner;
}

/** The relationship box: a mark ("X") in the cell before each printed label; titles on the row below. */
function applyRelationship(owner: ReportingOwner, box: El): void {
  for (const table of descendants(box, (e) => e.tag === "table")) {
    const rows = rowsOf(table).map(cellsOf);
    rows.forEach((cells, ri) => {
      cells.forEach((td, ci) => {
        const label = textOf(td);
        const marked = ci > 0 && /^X$/i.test(textOf(cells[ci - 1]));
        if (/^Director$/i.test(label)) owner.isDirector = marked;
        else if (/^10% Owner$/i.test(label)) owner.isTenPercentOwner = marked;
        else if (/^Officer\b/i.test(label)) {
          owner.isOfficer = marked;
          owner.officerTitle = textOf(rows[ri + 1]?.[ci] ?? "") || null;
        } else if (/^Other\b/i.test(label)) {
          owner.isOther = marked;
          owner.otherText = textOf(rows[ri + 1]?.[ci] ?? "") || null;
        }
      });
    });
  }
}

function markedBefore(cells: El[], label: RegExp): boolean | null {
  const i = cells.findIndex((td) => label.test(textOf(td)));
  if (i === -1) return null;
  return i > 0 && /\bX\b/i.test(textOf(cells[i - 1]));
}

/** Parses EDGAR's HTML rendering of a Form 3, 4 or 5 (the xslF345X0x view on sec.gov). */
export function parseEdgarHtml(text: string): Filing {
  const root = buildTree(text);
  const tds = descendants(root, (e) => e.tag === "td");
  const startsWith = (re: RegExp) => tds.filter((td) => re.test(textOf(td)));
  // Joint filings repeat the name and relationship boxes for each further owner, numbered or not.
  const nameBoxes = startsWith(/^(1\. )?Name and Address of Reporting Person/i);
  const issuerBox = startsWith(/^\d\. Issuer Name and Ticker or Trading Symbol/i)[0];
  if (!issuerBox || nameBoxes.length === 0) {
    throw new ParseError("it is not EDGAR's rendering of a Form 3, 4 or 5 (no issuer or reporting person box found)");
  }
  // The tree builder forgives unclosed elements, so a page cut short would read as a filing without its tables,
  // footnotes or signatures, all at full confidence; EDGAR's rendering always ends with </html>.
  if (!/<\/html\s*>/i.test(text)) throw new ParseError("the HTML ends before </html> (the file looks truncated)");

  const r = new HtmlReader();
  const filing = emptyFiling("edgar-html");

  const issuerLink = descendants(issuerBox, (e) => e.tag === "a")[0];
  filing.issuer = {
    name: issuerLink ? textOf(issuerLink) : "",
    ticker: firstFormData(issuerBox),
    cik: cikOf(issuerLink),
  };

  const relationshipBoxes = startsWith(/^(\d\. )?Relationship of Reporting Person/i);
  filing.reportingOwners = nameBoxes.map((box, i) => {
    const owner = ownerFromBox(box);
    if (relationshipBoxes[i]) applyRelationship(owner, relationshipBoxes[i]);
    return owner;
  });

  const periodBox = startsWith(/^\d\. (Date of Earliest Transaction|Date of Event Requiring Statement|Statement for Issuer's Fiscal Year Ended)/i)[0];
  filing.periodOfReport = r.date(firstFormData(periodBox), "period of report");
  const amendmentBox = startsWith(/^\d\. If Amendment, Date of Original Filed/i)[0];
  filing.dateOfOriginalSubmission = r.date(firstFormData(amendmentBox), "date of original submission");

  const formName = tds.find((td) => hasClass(td, "FormName"));
  const form = /FORM\s*([345])\s*(\/\s*A)?/i.exec(formName ? textOf(formName) : textOf(descendants(root, (e) => e.tag === "title")[0] ?? ""));
  if (!form) throw new ParseError("it is not EDGAR's rendering of a Form 3, 4 or 5 (no form name found)");
  const amended = form[2] !== undefined || filing.dateOfOriginalSubmission !== null;
  filing.formType = (amended ? `${form[1]}/A` : form[1]) as FormType;

  let jointMarked = false;
  for (const tr of descendants(root, (e) => e.tag === "tr")) {
    const cells = cellsOf(tr);
    if (markedBefore(cells, /^Form filed by More than One Reporting Person/i)) jointMarked = true;
    const plan = markedBefore(cells, /^Check this box to indicate that a transaction was made pursuant to/i);
    if (plan !== null) filing.aff10b5One = plan;
  }
  filing.jointFiling = jointMarked || filing.reportingOwners.length > 1;

  const tables = descendants(root, (e) => e.tag === "table");
  const titled = (re: RegExp) => tables.find((t) => re.test(textOf(descendants(t, (e) => e.tag === "th")[0] ?? "")));
  filing.nonDerivative = nonDerivativeRows(r, titled(/^Table I -/i));
  filing.derivative = derivativeRows(r, titled(/^Table II -/i));

  const { footnotes, remarks } = explanation(tables);
  filing.footnotes = footnotes;
  filing.remarks = remarks;
  filing.signatures = signatures(r, tables);
  filing.warnings = [...r.warnings, ...priceWarnings(filing)];
  return filing;
}

function explanation(tables: El[]): { footnotes: Footnote[]; remarks: string | null } {
  const footnotes: Footnote[] = [];
  const remarks: string[] = [];
  const table = tables.find((t) => rowsOf(t).some((tr) => /^Explanation of Responses:?$/i.test(textOf(tr))));
  if (!table) return { footnotes, remarks: null };
  let inRemarks = false;
  for (const tr of rowsOf(table)) {
    const t = textOf(tr);
    if (/^Explanation of Responses:?$/i.test(t)) continue;
    if (/^Remarks:?$/i.test(t)) {
      inRemarks = true;
      continue;
    }
    if (!t) continue;
    if (inRemarks) {
      remarks.push(t);
      continue;
    }
    const m = /^\(?([A-Za-z0-9]+)\)?[.:]\s*([\s\S]*)$/.exec(t);
    if (m) footnotes.push({ id: m[1], text: m[2] });
  }
  return { footnotes, remarks: remarks.length ? remarks.join(" ") : null };
}

function signatures(r: HtmlReader, tables: El[]): Signature[] {
  const out: Signature[] = [];
  for (const table of tables) {
    const rows = rowsOf(table);
    const labelAt = rows.findIndex((tr) => cellsOf(tr).some((td) => /^\*\* Signature of Reporting Person/i.test(textOf(td))));
    if (labelAt === -1) continue;
    for (const tr of rows.slice(0, labelAt)) {
      const values = cellsOf(tr).map((td) => textOf(td));
      const filled = values.filter((v) => v !== "");
      if (filled.length === 0) continue;
      out.push({ name: filled[0], date: r.date(filled[1] ?? null, "signature date") });
    }
  }
  return out;
}
