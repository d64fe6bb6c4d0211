import { XMLParser, XMLValidator } from "fast-xml-parser";
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
} from "./types";

type Node = Record<string | symbol, unknown>;

// Elements EDGAR's ownership schema lets repeat; forcing arrays spares a "one or many" check at every use.
const REPEATABLE = new Set([
  "reportingOwner",
  "nonDerivativeTransaction",
  "nonDerivativeHolding",
  "derivativeTransaction",
  "derivativeHolding",
  "footnote",
  "ownerSignature",
  "footnoteId",
]);

/** An ownership document nests elements six or seven deep; far deeper markup is hostile, not a filing. */
const MAX_DEPTH = 100;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Character references (&#39; &#x2019;) must be decoded too, not only the five predefined entities.
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Filer software that qualifies every element (<edgar:issuer>) still files the same document.
  removeNSPrefix: true,
  // Rows keep their source offset so transactions and holdings can be put back in document order.
  captureMetaData: true,
  // Callbacks get a matcher instead of a freshly built path string per element: measurably faster.
  jPath: false,
  isArray: (name) => REPEATABLE.has(name),
  maxNestedTags: MAX_DEPTH,
});
// Typed as the `Symbol` wrapper in fast-xml-parser's declarations; at run time it is a plain symbol.
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

const asNode = (v: unknown): Node | undefined => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Node) : undefined);
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null || v === "" ? [] : [v]);

/** Text of a leaf element, whether fast-xml-parser gave a bare string or an object with attributes. */
function text(v: unknown): string | null {
  if (typeof v === "string") return v;
  const node = asNode(v);
  if (node && typeof node["#text"] === "string") return node["#text"];
  return null;
}

function clean(v: unknown): string | null {
  const t = text(v);
  if (t === null) return null;
  const s = t.replace(/\s+/g, " ").trim();
  return s === "" ? null : s;
}

/** `<x><value>..</value><footnoteId/></x>`: the value, or null when only a footnote stands in for it. */
const valueOf = (v: unknown): string | null => clean(asNode(v)?.value);

const flag = (v: unknown): boolean => {
  const s = clean(v)?.toLowerCase();
  return s === "1" || s === "true";
};

function triState(v: unknown): boolean | null {
  const s = clean(v)?.toLowerCase();
  if (s === "1" || s === "true") return true;
  if (s === "0" || s === "false") return false;
  return null;
}

/** "2023-02-30" has the shape of a date but names no day; passing it on would put a false date in the record. */
function isCalendarDate(d: IsoDate): boolean {
  const [y, m, day] = d.split("-").map(Number);
  const back = new Date(Date.UTC(y, m - 1, day));
  return back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === day;
}

/** EDGAR's own form of a CIK is ten digits, zero-padded; filer software sometimes drops the zeros. */
function cik(v: unknown): string | null {
  const s = clean(v);
  return s !== null && /^\d{1,10}$/.test(s) ? s.padStart(10, "0") : s;
}

const bareFootnoteId = (id: string) => id.trim().replace(/^F/i, "");

/** Turns filed strings into typed values; what cannot be read becomes null plus a warning, never an abort. */
export class FieldReader {
  readonly warnings: string[] = [];

  /** EDGAR XML dates sometimes carry a zone offset ("2005-01-03-05:00"); the calendar date is the first ten characters. */
  protected isoDate(raw: string): IsoDate | null {
    const d = raw.slice(0, 10);
    return /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : null;
  }

  date(raw: string | null, where: string): IsoDate | null {
    if (raw === null) return null;
    const d = this.isoDate(raw);
    if (d !== null && isCalendarDate(d)) return d;
    this.warnings.push(`${where}: "${raw}" is not a date; left empty`);
    return null;
  }

  number(raw: string | null, where: string): number | null {
    if (raw === null) return null;
    const digits = raw.replace(/[,$\s]/g, "");
    const n = Number(digits);
    if (digits !== "" && Number.isFinite(n)) return n;
    this.warnings.push(`${where}: "${raw}" is not a number; left empty`);
    return null;
  }

  code(raw: string | null, where: string): string | null {
    if (raw === null) return null;
    const c = raw.toUpperCase();
    if (/^[A-Z]$/.test(c)) return c;
    this.warnings.push(`${where}: transaction code "${raw}" is not a single letter; left empty`);
    return null;
  }

  choice<T extends string>(raw: string | null, allowed: readonly T[], where: string): T | null {
    if (raw === null) return null;
    const c = raw.toUpperCase() as T;
    if (allowed.includes(c)) return c;
    this.warnings.push(`${where}: "${raw}" is not one of ${allowed.join("/")}; left empty`);
    return null;
  }
}

/** Every footnoteId under a row, on values and on their parent elements alike, unique and in document order. */
function collectFootnoteIds(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectFootnoteIds(item, into);
    return;
  }
  const obj = asNode(node);
  if (!obj) return;
  for (const key of Object.keys(obj)) {
    if (key === "footnoteId") {
      for (const ref of asList(obj[key])) {
        const id = asNode(ref)?.["@_id"];
        if (typeof id === "string" && bareFootnoteId(id)) into.add(bareFootnoteId(id));
      }
    } else if (!key.startsWith("@_") && key !== "#text") {
      collectFootnoteIds(obj[key], into);
    }
  }
}

interface Located<T> {
  row: T;
  at: number;
}

/** Source offset of a row; an empty row element has no metadata and keeps the place of the row before it. */
function position(node: Node, previous: number): number {
  const meta = node[META] as { startIndex?: number } | undefined;
  return meta?.startIndex ?? previous;
}

/**
 * The amount column: shares, or for a row reported by dollar value (transactionTotalValue, a swap or a note) that
 * value, as the form prints it in the same column and as the holdings after it (valueOwnedFollowingTransaction) and
 * the underlying amount (underlyingSecurityValue) are read too; the warning keeps it from passing as a share count.
 */
function amount(r: FieldReader, amounts: Node | undefined, where: string): number | null {
  const shares = valueOf(amounts?.transactionShares);
  if (shares !== null) return r.number(shares, `${where} shares`);
  const total = r.number(valueOf(amounts?.transactionTotalValue), `${where} total value`);
  if (total !== null) r.warnings.push(`${where}: the amount ${total} is a dollar value (transactionTotalValue), not a number of shares`);
  return total;
}

function commonColumns(r: FieldReader, node: Node, where: string) {
  const coding = asNode(node.transactionCoding);
  const amounts = asNode(node.transactionAmounts);
  const post = asNode(node.postTransactionAmounts);
  const nature = asNode(node.ownershipNature);
  // A Set keeps first-seen order, so the ids stay in document order.
  const footnoteIds = new Set<string>();
  collectFootnoteIds(node, footnoteIds);
  return {
    securityTitle: valueOf(node.securityTitle) ?? "",
    transactionDate: r.date(valueOf(node.transactionDate), `${where} transaction date`),
    deemedExecutionDate: r.date(valueOf(node.deemedExecutionDate), `${where} deemed execution date`),
    transactionCode: r.code(clean(coding?.transactionCode), where),
    equitySwap: flag(coding?.equitySwapInvolved),
    shares: amount(r, amounts, where),
    acquiredDisposed: r.choice(valueOf(amounts?.transactionAcquiredDisposedCode), ["A", "D"] as const, `${where} (A) or (D)`),
    // Schema X0101 (2003) named the per-share price transactionValue.
    price: r.number(valueOf(amounts?.transactionPricePerShare) ?? valueOf(amounts?.transactionValue), `${where} price`),
    sharesOwnedFollowing: r.number(
      valueOf(post?.sharesOwnedFollowingTransaction) ?? valueOf(post?.valueOwnedFollowingTransaction),
      `${where} amount owned following`,
    ),
    directOrIndirect: r.choice(valueOf(nature?.directOrIndirectOwnership), ["D", "I"] as const, `${where} ownership form`),
    natureOfOwnership: valueOf(nature?.natureOfOwnership),
    footnoteIds: [...footnoteIds],
  };
}

type RowKind = "transaction" | "holding";

/**
 * Each row element of a table with its kind. Schema X0101 (2003) had no tables: its rows stood directly under the
 * document as nonDerivativeSecurity / derivativeSecurity, a transaction when dated or coded, else a holding.
 */
function rowNodes(table: Node | undefined, legacy: unknown, keys: readonly [string, string]): { node: Node; kind: RowKind; k: number }[] {
  const out: { node: Node; kind: RowKind; k: number }[] = [];
  for (const [key, kind] of [[keys[0], "transaction"], [keys[1], "holding"]] as const) {
    asList(table?.[key]).forEach((item, k) => out.push({ node: asNode(item) ?? {}, kind, k }));
  }
  asList(legacy).forEach((item, k) => {
    const node = asNode(item) ?? {};
    out.push({ node, kind: node.transactionDate !== undefined || node.transactionCoding !== undefined ? "transaction" : "holding", k });
  });
  return out;
}

function nonDerivativeRows(r: FieldReader, doc: Node): NonDerivativeRow[] {
  const located: Located<NonDerivativeRow>[] = [];
  for (const { node, kind, k } of rowNodes(asNode(doc.nonDerivativeTable), doc.nonDerivativeSecurity, ["nonDerivativeTransaction", "nonDerivativeHolding"])) {
    const at = position(node, located.at(-1)?.at ?? 0);
    located.push({ at, row: { kind, ...commonColumns(r, node, `Table I ${kind} ${k + 1}`) } });
  }
  return inDocumentOrder(located);
}

function derivativeRows(r: FieldReader, doc: Node): DerivativeRow[] {
  const located: Located<DerivativeRow>[] = [];
  for (const { node, kind, k } of rowNodes(asNode(doc.derivativeTable), doc.derivativeSecurity, ["derivativeTransaction", "derivativeHolding"])) {
    const where = `Table II ${kind} ${k + 1}`;
    const underlying = asNode(node.underlyingSecurity);
    const common = commonColumns(r, node, where);
    located.push({
      at: position(node, located.at(-1)?.at ?? 0),
      row: {
        kind,
        securityTitle: common.securityTitle,
        conversionOrExercisePrice: r.number(valueOf(node.conversionOrExercisePrice), `${where} conversion or exercise price`),
        transactionDate: common.transactionDate,
        deemedExecutionDate: common.deemedExecutionDate,
        transactionCode: common.transactionCode,
        equitySwap: common.equitySwap,
        shares: common.shares,
        acquiredDisposed: common.acquiredDisposed,
        exerciseDate: r.date(valueOf(node.exerciseDate), `${where} date exercisable`),
        // The XML schema has no "Immediately" value: an immediately exercisable grant says so in a footnote.
        exercisableImmediately: false,
        expirationDate: r.date(valueOf(node.expirationDate), `${where} expiration date`),
        underlyingTitle: valueOf(underlying?.underlyingSecurityTitle),
        underlyingShares: r.number(
          valueOf(underlying?.underlyingSecurityShares) ?? valueOf(underlying?.underlyingSecurityValue),
          `${where} underlying amount`,
        ),
        price: common.price,
        sharesOwnedFollowing: common.sharesOwnedFollowing,
        directOrIndirect: common.directOrIndirect,
        natureOfOwnership: common.natureOfOwnership,
        footnoteIds: common.footnoteIds,
      },
    });
  }
  return inDocumentOrder(located);
}

function inDocumentOrder<T>(located: Located<T>[]): T[] {
  return located.sort((a, b) => a.at - b.at).map((l) => l.row);
}

function owner(r: FieldReader, item: unknown, n: number): ReportingOwner {
  const node = asNode(item) ?? {};
  const id = asNode(node.reportingOwnerId);
  const address = asNode(node.reportingOwnerAddress);
  const rel = asNode(node.reportingOwnerRelationship);
  const name = clean(id?.rptOwnerName);
  if (!name) r.warnings.push(`reporting owner ${n + 1} has no name`);
  return {
    ...emptyOwner(name ?? ""),
    cik: cik(id?.rptOwnerCik),
    street1: clean(address?.rptOwnerStreet1),
    street2: clean(address?.rptOwnerStreet2),
    city: clean(address?.rptOwnerCity),
    state: clean(address?.rptOwnerState),
    zip: clean(address?.rptOwnerZipCode),
    isDirector: flag(rel?.isDirector),
    isOfficer: flag(rel?.isOfficer),
    officerTitle: clean(rel?.officerTitle),
    isTenPercentOwner: flag(rel?.isTenPercentOwner),
    isOther: flag(rel?.isOther),
    otherText: clean(rel?.otherText),
  };
}

/** What the surroundings of the document say when the document itself does not (an X0101/X0201 XML has neither). */
export interface DocumentContext {
  /** The submission's type, as its header gives it ("4", "4/A"). */
  formType?: string | null;
  /** The submission header's period of report, ISO. */
  periodOfReport?: string | null;
}

function formType(r: FieldReader, doc: Node, context: DocumentContext): FormType {
  const filed = clean(doc.documentType);
  const raw = filed ?? clean(context.formType);
  if (raw === null) {
    r.warnings.push("the document has no documentType; taken as Form 4");
    return clean(doc.dateOfOriginalSubmission) !== null ? "4/A" : "4";
  }
  const m = /^([345])\s*(\/?\s*A)?$/i.exec(raw);
  if (!m) throw new ParseError(`it is an EDGAR document of type "${raw}", not a Form 3, 4 or 5`);
  if (filed === null) r.warnings.push(`the document has no documentType; the submission header's type ${raw} is used`);
  const amended = m[2] !== undefined || clean(doc.dateOfOriginalSubmission) !== null;
  return (amended ? `${m[1]}/A` : m[1]) as FormType;
}

const RANGE = /prices?\s+rang\w*\s+from\s+\$?\s*([\d,]+(?:\.\d+)?)\s+to\s+\$?\s*([\d,]+(?:\.\d+)?)/i;
const ALT_RANGE = /rang\w*\s+(?:from\s+)?\$\s*([\d,]+(?:\.\d+)?)\s+to\s+\$?\s*([\d,]+(?:\.\d+)?)/i;

const TOTAL_PRICE = /\b(aggregate|total)\s+(purchase\s+|sale\s+|exercise\s+)?(price|consideration)\b/i;

/**
 * A price footnoted as a weighted average stands for several trades at different prices, and one footnoted as an
 * aggregate may be a total rather than a per-share figure; the reviewer should know either way.
 */
export function priceWarnings(filing: Filing): string[] {
  const notes = new Map(filing.footnotes.map((f) => [f.id, f.text]));
  const out: string[] = [];
  const check = (table: string, rows: (NonDerivativeRow | DerivativeRow)[]) =>
    rows.forEach((row, i) => {
      if (row.price === null) return;
      for (const id of row.footnoteIds) {
        const note = notes.get(id);
        if (!note) continue;
        if (/weighted[\s-]+average/i.test(note)) {
          const range = RANGE.exec(note) ?? ALT_RANGE.exec(note);
          const rangeText = range ? `; trades ranged from $${range[1]} to $${range[2]}` : "";
          out.push(`${table} row ${i + 1}: price ${row.price} is a weighted average (footnote ${id})${rangeText}`);
          return;
        }
        if (TOTAL_PRICE.test(note)) {
          out.push(`${table} row ${i + 1}: price ${row.price} may be a total rather than a per-share price (footnote ${id} speaks of an aggregate)`);
          return;
        }
      }
    });
  check("Table I", filing.nonDerivative);
  check("Table II", filing.derivative);
  return out;
}

function footnotes(doc: Node): Footnote[] {
  const out: Footnote[] = [];
  for (const item of asList(asNode(doc.footnotes)?.footnote)) {
    const id = asNode(item)?.["@_id"];
    out.push({ id: typeof id === "string" ? bareFootnoteId(id) : String(out.length + 1), text: clean(item) ?? "" });
  }
  return out;
}

/** The validator lists unclosed elements as a JSON array; said plainly, that is a cut-off file. */
function describeInvalid(err: { msg: string; line: number }): string {
  const open = /^Invalid '(\[[\s\S]*\])' found/.exec(err.msg);
  if (open) {
    try {
      const tags = JSON.parse(open[1]) as string[];
      if (tags.length) return `it ends inside <${tags.join("> <")}> without closing them (the file looks truncated)`;
    } catch {
      // Not the unclosed-tags form after all; fall through to the validator's own words.
    }
  }
  return `${err.msg.replace(/\s+/g, " ")} (line ${err.line})`;
}

/**
 * The document without what may come before its declaration: a byte-order mark, blank lines, or the <XML> tag that
 * wraps it inside a submission (a document cut out of one keeps it). The validator refuses a declaration that is
 * not at the very start.
 */
function unwrap(text: string): string {
  const xml = text.replace(/^\uFEFF?\s*/, "");
  const wrapped = /^<XML>\s*/i.exec(xml);
  return wrapped ? xml.slice(wrapped[0].length).replace(/\s*<\/XML>\s*$/i, "") : xml;
}

/** Parses one EDGAR ownership XML document (`<ownershipDocument>`, schemas X0101 to X0609). */
export function parseEdgarXml(text: string, context: DocumentContext = {}): Filing {
  const xml = unwrap(text);
  // Ownership filings never declare a DTD; refusing one up front rules out entity expansion attacks entirely.
  if (/<!\s*(DOCTYPE|ENTITY)/i.test(xml)) {
    throw new ParseError("the XML declares a DOCTYPE or entities, which EDGAR ownership documents never do; refused for safety");
  }
  // fast-xml-parser tolerates unclosed tags silently, so a truncated file would otherwise lose its tail unnoticed.
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    // Cut inside a tag, the validator only sees a broken tag; the missing end of the document is the reason to give.
    const opened = /<((?:[\w.-]+:)?ownershipDocument)[\s>]/.exec(xml)?.[1];
    if (opened && !xml.includes(`</${opened}>`)) throw new ParseError(`the XML is malformed: it ends before </${opened}> (the file looks truncated)`);
    throw new ParseError(`the XML is malformed: ${describeInvalid(valid.err)}`);
  }
  let root: Node;
  try {
    root = parser.parse(xml) as Node;
  } catch (err) {
    const message = (err as Error).message;
    // Well-formed but too deep: saying "malformed" would send the user looking for a broken tag.
    if (message === "Maximum nested tags exceeded") throw new ParseError(`the XML nests elements more than ${MAX_DEPTH} deep; an ownership document never does`);
    throw new ParseError(`the XML is malformed: ${message}`);
  }
  const doc = asNode(root.ownershipDocument);
  if (!doc) {
    const found = Object.keys(root).find((k) => !k.startsWith("?") && !k.startsWith("#"));
    throw new ParseError(found ? `it is not an EDGAR ownership document (the root element is <${found}>)` : "it is not an EDGAR ownership document");
  }
  const issuer = asNode(doc.issuer);
  const issuerName = clean(issuer?.issuerName);
  const issuerCik = cik(issuer?.issuerCik);
  if (!issuer || (!issuerName && !issuerCik)) throw new ParseError("the ownership document names no issuer");
  const ownerNodes = asList(doc.reportingOwner);
  if (ownerNodes.length === 0) throw new ParseError("the ownership document names no reporting owner");

  const r = new FieldReader();
  const filing = emptyFiling("edgar-xml");
  filing.formType = formType(r, doc, context);
  filing.issuer = { name: issuerName ?? "", ticker: clean(issuer.issuerTradingSymbol), cik: issuerCik };
  filing.reportingOwners = ownerNodes.map((o, i) => owner(r, o, i));
  filing.jointFiling = filing.reportingOwners.length > 1;
  filing.periodOfReport = r.date(clean(doc.periodOfReport) ?? clean(context.periodOfReport), "period of report");
  filing.dateOfOriginalSubmission = r.date(clean(doc.dateOfOriginalSubmission), "date of original submission");
  filing.aff10b5One = triState(doc.aff10b5One);
  filing.nonDerivative = nonDerivativeRows(r, doc);
  filing.derivative = derivativeRows(r, doc);
  filing.footnotes = footnotes(doc);
  filing.remarks = clean(doc.remarks);
  filing.signatures = asList(doc.ownerSignature).map((s) => {
    const node = asNode(s);
    return { name: clean(node?.signatureName) ?? "", date: r.date(clean(node?.signatureDate), "signature date") };
  });
  filing.warnings = [...r.warnings, ...priceWarnings(filing)];
  return filing;
}
