/**
 * Reads the markdown an OCR tool makes from a scanned Form 3, 4 or 5: the boxes of the
 * form's top half come as one wide pipe table whose columns wander, the two transaction
 * tables follow (often inside the same markdown table), and footnotes, remarks and the
 * signature come as plain lines. Labels are found by fuzzy matching, values by type.
 */
import {
  cleanCell,
  crossCheck,
  findDates,
  findLabel,
  FOREIGN_POSTCODE,
  joinDatePieces,
  LANDMARKS,
  readCityStateZip,
  readDirectIndirect,
  readNumber,
  readTransactionCode,
  fixDigitWords,
  readRow,
  readTrailer,
  singleSpace,
  stripFootnoteMarkers,
  tokenizeCells,
  type Confidences,
  type LayoutForm,
  type RowHints,
  type RowReading,
  type RowToken,
  type TableKind,
} from "./ocr-common";
import { emptyFiling, emptyOwner, ParseError, type Filing, type FormType, type IsoDate } from "./types";

interface Item {
  /** Cells of a table row, raw (markdown) and cleaned; a plain line is one cell and `table` false. */
  raw: string[];
  cells: string[];
  table: boolean;
}

const MAX_HEADER_ITEMS = 400;
/** More rows than any real Form 4 table holds; the rest are refused rather than read slowly. */
const MAX_TABLE_ROWS = 500;

const SEPARATOR_ROW = /^\|?[\s:|-]*-{2,}[\s:|-]*$/;

function splitRow(line: string): string[] {
  const body = line.trim().replace(/^\|/, "").replace(/\|$/, "");
  const cells: string[] = [];
  let cur = "";
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === "\\" && body[i + 1] === "|") {
      cur += "|";
      i++;
    } else if (ch === "|") {
      cells.push(cur);
      cur = "";
    } else cur += ch;
  }
  cells.push(cur);
  return cells;
}

function toItems(text: string): Item[] {
  const items: Item[] = [];
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (!t) continue;
    if (t.startsWith("|")) {
      if (SEPARATOR_ROW.test(t)) continue;
      const raw = splitRow(t);
      items.push({ raw, cells: raw.map(cleanCell), table: true });
    } else {
      const plain = cleanCell(t.replace(/^#{1,6}\s+/, "").replace(/^[-*]\s+(?=\S)/, ""));
      items.push({ raw: [t], cells: [plain], table: false });
    }
  }
  return items;
}

const LINE_BREAK = /<br\s*\/?>/i;

/**
 * A box printed as one cell with its lines joined by `<br>` (how document-OCR tools and converters of
 * EDGAR's rendering write box 1: its label, the name, "(Last) (First) (Middle)", street lines,
 * "(Street)", the city line, "(City) (State) (Zip)") is the grid OCR tools write row by row: line k
 * of such a cell becomes row k, in the cell's own column, so the box readers see one layout. Only
 * cells that begin with a box's numbered label are split; a `<br>` elsewhere is a value wrapped in
 * its cell ("Chief Legal<br>Officer") and stays one line.
 */
const BOX_CELL = /^\s*[1-6]\s*[.,]\s*[A-Z]/;

/** A check mark on a line of its own marks the label on the line after it: the box is printed left of its label. */
const LONE_MARK = /^\s*[[(]?\s*[X×✓✔☒]\s*[\])]?\s*$/i;

function withMarksOnLabels(lines: string[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < lines.length; k++) {
    if (LONE_MARK.test(lines[k]) && k + 1 < lines.length && /[A-Za-z]{3}/.test(lines[k + 1])) {
      out.push(`${lines[k].trim()} ${lines[k + 1]}`);
      k++;
    } else out.push(lines[k]);
  }
  return out;
}

/**
 * A converter that drops the cell's line breaks prints box 1 as one run: "1. Name and Address of
 * Reporting Person* NAME (Last) (First) (Middle) C/O … STREET (Street) CITY ST ZIP (City) (State) (Zip)".
 * Its printed labels still mark where each line ended, so the run is cut back into those lines.
 */
const RUN_ON_BOX1 = /^(.*?)(\(\s*Last\s*\)\s*\(\s*First\s*\)\s*\(\s*Middle\s*\))(.*?)(\(\s*Street\s*\))(.*?)(\(\s*City\s*\)\s*\(\s*State\s*\)\s*\(\s*Zip\s*\))(.*)$/is;
// Words that end a company's name: a street line that follows one on the same run began a new printed line.
const ENTITY_END = /^(inc|incorporated|corp|corporation|company|co|llc|l\.l\.c|lp|l\.p|llp|ltd|limited|plc|group|partners|holdings|trust|fund|n\.a)\.?,?$/i;
const NUMBER_WORD = /^(one|two|three|four|five|six|seven|eight|nine|ten|p\.?o\.?)$/i;
const NUMBERED_UNIT = /^(suite|ste|floor|fl|unit|apt|room|rm|no|box|#)\.?$/i;

/** The street part of a run-on box 1, cut where its second printed line most plausibly began. */
function streetLines(run: string): string[] {
  const words = run.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  for (let k = 1; k < words.length; k++) {
    // "C/O ALPHABET INC. 1600 AMPHITHEATRE PKWY": a house number after words starts the street line.
    const number = /^[0-9]/.test(words[k]) && !/^[0-9]/.test(words[0]) && !NUMBERED_UNIT.test(words[k - 1]);
    // "C/O THE COCA-COLA COMPANY ONE COCA-COLA PLAZA": the care-of line ends with the company's name.
    const entity = ENTITY_END.test(words[k - 1]) && (/^c\/o$/i.test(words[0]) || NUMBER_WORD.test(words[k]));
    if (number || entity) return [words.slice(0, k).join(" "), words.slice(k).join(" ")];
  }
  return [words.join(" ")];
}

function runOnBox1(cell: string): string[] | null {
  const m = RUN_ON_BOX1.exec(cleanCell(cell));
  if (!m) return null;
  return [m[1], m[2], ...streetLines(m[3]), m[4], m[5], m[6], m[7]].map((l) => l.trim()).filter(Boolean);
}

function linesAsRows(items: Item[]): Item[] {
  const out: Item[] = [];
  for (const it of items) {
    const split = it.table
      ? it.raw.map((c) =>
          LINE_BREAK.test(c) && BOX_CELL.test(cleanCell(c.split(LINE_BREAK)[0]))
            ? withMarksOnLabels(c.split(LINE_BREAK))
            : /^\s*1\s*\\?[.,]/.test(c) ? (runOnBox1(c) ?? [c]) : [c],
        )
      : [];
    if (!split.some((lines) => lines.length > 1)) {
      out.push(it);
      continue;
    }
    const height = Math.max(...split.map((lines) => lines.length));
    for (let k = 0; k < height; k++) {
      const raw = split.map((lines) => lines[k] ?? "");
      const cells = raw.map(cleanCell);
      if (cells.some(Boolean)) out.push({ raw, cells, table: true });
    }
  }
  return out;
}

const OWNER_BOX_START = /^\W{0,3}(?:1\s*[.,]\s*)?Name and Address of Reporting Person/i;
const TABLE_I = /\bTable\s*[I1l]\b(?!\s*[I1l]\b)\s*[-–—:]/i;
const TABLE_II = /\bTable\s*(?:II|[I1l]{2}|2)\b/i;

// Table headings, also when the OCR ate "Tab" off the front: the heading's own words sit at the start of its row.
function isTableI(head: string): boolean {
  if (TABLE_I.test(head)) return true;
  const m = /\bn?on[\s-]*d?erivative\s+securit/i.exec(head);
  return Boolean(m && m.index < 25 && /acquired|disposed|owned/i.test(head));
}

function isTableII(head: string): boolean {
  if (TABLE_II.test(head) && /deriv/i.test(head)) return true;
  const m = /\bd?erivative\s+securities\s+(acquired|beneficially)/i.exec(head);
  return Boolean(m && m.index < 25 && !/non[\s-]*$/i.test(head.slice(0, m.index)));
}

// A cell that starts one of the numbered boxes (2..6) of the form's top half.
const BOX_LABEL = /^\s*[2-6]\s*[.,]\s*[A-Z]|Issuer Name|Trading Symbol|of Earliest|Earliest Trans|If Amendment|Amendment, Date|Original Filed|Relationship of|elationship of|Individual or Joint|Joint\/Group|Date of Event|Event Requiring|Fiscal Year Ended/i;
// Something shaped like a date (possibly split or misread) somewhere in a row; rows without one skip the date reader.
const DATE_HINT = /[0-9OolI]{1,2} ?[/.\-] ?[0-9OolI]{1,2} ?[/.\-]|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? [0-9]/i;
// How a security's title ends; a title cut before such a word is unfinished.
const TITLE_END = /\b(stock|shares?|units?|options?|warrants?|rights?|notes?|debentures?|interests?|securities|rsus?|psus?|\(right to (buy|sell)\))\s*$/i;
const HEADER_WORDS = /\(A\)|\(D\)|\b(title of|instr|month\/day|code|amount|price|exercisabl?e?|x?piration|ownership|beneficial|owned|following|reported|transaction|securit(y|ies)|nature of|direct|indirect|number|deemed|execution|conversion|underlying|acquired|disposed)/gi;

/** Parses OCR markdown of a Form 3, 4 or 5 into the canonical filing, with per-field confidence. */
export function parseOcrMarkdown(text: string): Filing {
  const items = toItems(text);
  const filing = emptyFiling("ocr-markdown");
  const conf = filing.fieldConfidence;
  const warn = (w: string) => filing.warnings.push(w);

  const rowHead = (it: Item) => it.cells.filter(Boolean).join(" ").slice(0, 400);
  let tableIAt = items.findIndex((it) => isTableI(rowHead(it)));
  const tableIIAt = items.findIndex((it) => isTableII(rowHead(it)));
  if (tableIAt < 0) tableIAt = tableIIAt;
  if (tableIAt < 0) warn('"Table I" heading not found; the tables were not read');
  const headerEnd = tableIAt >= 0 ? tableIAt : items.length;
  // The boxes above the tables fit in a few dozen markdown lines; more is not a form's header.
  const header = linesAsRows(items.slice(0, Math.min(headerEnd, MAX_HEADER_ITEMS)));

  const form = readFormType(items.slice(0, Math.min(items.length, 40)), conf);
  if (!findLabel(header.map((h) => h.cells.join(" ")).join(" ").slice(0, 20000), LANDMARKS.reportingPerson, 0.7)) {
    if (!/Table\s*I/i.test(text.slice(0, 200_000))) throw new ParseError("no Form 3/4/5 boxes or tables found in the markdown");
  }

  // --- Boxes 1..6 -------------------------------------------------------
  // A joint filing repeats box 1 (and box 5) for each further reporting person, below the first.
  // A further label with no name after it is the OCR reading box 1's label twice, not another owner.
  const names = valuesAfter(header, LANDMARKS.reportingPerson).filter((n, k) => k === 0 || n.value);
  if (names.length === 0) {
    filing.reportingOwners.push(emptyOwner(""));
    conf["/reportingOwners/0/name"] = 0.1;
    conf["/reportingOwners/0/cik"] = 0.5;
    warn("reporting person's name not found");
  }
  readOwnerBoxes(header, names, true, filing, warn);

  const issuer = valueAfter(header, LANDMARKS.issuer);
  if (issuer) {
    const v = issuer.value.replace(/\s*\b[3-6]\s*\.\s+[A-Z].*$/, "");
    const br = /^(.*?)[[({]\s*([A-Za-z.]{0,6})\s*(?:[\])}]|$)/.exec(v);
    filing.issuer.name = singleSpace((br ? br[1] : v).replace(/[,\s]+$/, ""));
    filing.issuer.ticker = br?.[2] ? br[2].toUpperCase() : null;
    conf["/issuer/name"] = filing.issuer.name.length >= 3 ? 0.93 : 0.4;
    conf["/issuer/ticker"] = br ? 0.93 : 0.5;
  } else {
    conf["/issuer/name"] = 0.1;
    conf["/issuer/ticker"] = 0.3;
    warn("issuer name not found");
  }
  conf["/issuer/cik"] = 0.5;

  const periodLabel = form.startsWith("3") ? LANDMARKS.eventRequiringStatement : form.startsWith("5") ? LANDMARKS.fiscalYearEnded : LANDMARKS.earliestTransaction;
  // Forms printed before the 2002 revision date a Form 4 as "4. Statement for Month/Day/Year".
  const period = dateAfter(header, periodLabel) ?? dateAfter(header, LANDMARKS.earliestTransaction) ?? dateAfter(header, "Statement for Month/Day/Year");
  filing.periodOfReport = period?.value ?? null;
  conf["/periodOfReport"] = period ? period.confidence : 0.2;
  if (!period) warn("box 3 date not read");

  const amendment = dateAfter(header, LANDMARKS.amendment);
  filing.dateOfOriginalSubmission = amendment?.value ?? null;
  conf["/dateOfOriginalSubmission"] = amendment ? amendment.confidence : 0.9;
  filing.formType = (amendment && !form.endsWith("/A") ? `${form}/A` : form) as FormType;
  if (amendment && !form.endsWith("/A")) warn(`box 4 has a date (${amendment.value}): read as an amendment`);

  readBox6(header, filing, conf, warn);

  // --- Tables -------------------------------------------------------------
  const layout = (form[0] as LayoutForm) ?? "4";
  let table: TableKind | null = null;
  let hints: GridHints = {};
  // A text-only row is a title that wrapped: onto the row below it, or from the row above.
  let pending: Piece[] = [];
  let last: { table: TableKind; index: number; titleBroken: boolean; tokens: RowToken[]; item: number } | null = null;
  const flushPending = () => {
    if (pending.length && last) appendWrapped(filing, last.table, last.index, pending);
    pending = [];
  };
  const later: Later = { dotted: new Map(), ambiguous: new Set() };
  let trailerFrom = items.length;
  let lastTableItem = headerEnd;
  const ownersAfter: Item[] = [];
  for (let i = headerEnd; i < items.length; i++) {
    const it = items[i];
    const joined = it.cells.filter(Boolean).join(" ");
    const head = joined.length > 200 ? joined.slice(0, 200) : joined;
    if (/^\W{0,6}(explanation of responses|remarks\W{0,3}:)/i.test(head.trim()) || (head.length < 80 && findLabel(head, LANDMARKS.explanation, 0.75))) {
      trailerFrom = i;
      break;
    }
    if (isTableII(head)) {
      flushPending();
      table = "derivative";
      hints = {};
      last = null;
      continue;
    }
    if (isTableI(head)) {
      flushPending();
      table = "nonDerivative";
      last = null;
      continue;
    }
    // A joint filing's further persons, each with box 1 and box 5, printed after the tables (EDGAR's
    // page does this): from the first of them on, the rows are boxes, not table rows.
    if (ownersAfter.length && /\/s\/|Signature of Reporting/i.test(head)) {
      trailerFrom = i;
      break;
    }
    if (ownersAfter.length || (it.table && OWNER_BOX_START.test(it.cells.find(Boolean) ?? ""))) {
      flushPending();
      ownersAfter.push(it);
      continue;
    }
    if (!table || !it.table) continue;
    lastTableItem = i;
    const headerHits = (joined.length > 3000 ? joined.slice(0, 3000) : joined).match(HEADER_WORDS)?.length ?? 0;
    if (headerHits >= 3 && !DATE_HINT.test(joined)) {
      flushPending();
      hints = columnHints(it, hints);
      last = null;
      continue;
    }
    if (filing.derivative.length + filing.nonDerivative.length >= MAX_TABLE_ROWS) {
      warn(`more than ${MAX_TABLE_ROWS} table rows; the rest were not read`);
      break;
    }
    const tokens = joinWordCells(tokenizeCells(it.cells));
    // A bare "0" alone beside a title is a cell rule read as a digit (seed-003), not the row's values.
    const values = tokens.filter((t) => /[0-9]/.test(t.text) && t.text !== "0");
    const hasDate = DATE_HINT.test(joined) && tokens.some((t) => t.text.includes("+") || findDates(t.text).length > 0);
    const diCount = tokens.filter((t) => readDirectIndirect(t.text) && !/[0-9]/.test(t.text)).length;
    // A row with a title and a count is data even when its D/I mark was lost.
    const titled = headerHits === 0 && values.length >= 1 && /[A-Za-z]{2}/.test(tokens[0]?.text ?? "") && !/[0-9]/.test(tokens[0]?.text ?? "");
    const above = last && last.item === i - 1 && pending.length === 0 ? rowOf(filing, last.table, last.index) : null;
    const cutBelow =
      last !== null &&
      above !== null &&
      above.directOrIndirect === null &&
      // Starting with the D/I mark right of the title, the lower part is the rest of a row that lacks it, whatever else that row has.
      (((above.sharesOwnedFollowing === null || (layout === "3" && table === "derivative")) &&
        ((tokens[0]?.cell ?? 0) >= 3 || (!hasDate && !/[A-Za-z]{2}/.test(tokens[0]?.text ?? "")))) ||
        (/^[DI]$/.test(tokens[0]?.text ?? "") && (tokens[0]?.cell ?? 0) >= 1) ||
        // So is an undated, untitled part starting well right of the title, even when the row above took its
        // last count for the amount owned ("43,859,460" over "A | $0 | 43,859,460 | I").
        (!hasDate && (tokens[0]?.cell ?? 0) >= 3 && !/[A-Za-z]{2}/.test(tokens[0]?.text ?? "")));
    // A lone value ("\$4") right of the title under a row that lacks its last columns is that row's rest, not noise.
    const restOfAbove = cutBelow && headerHits === 0 && values.length + diCount >= 1;
    if (!hasDate && !titled && !restOfAbove && (headerHits >= 3 || values.length + diCount < 2)) {
      hints = columnHints(it, hints);
      // A line holding only a title cell is words even with a number in them ("2026 RSUs").
      const titleOnly = it.cells.every((c, k) => k === 0 || !c);
      if (headerHits === 0 && (values.length === 0 || titleOnly) && /[A-Za-z]{2}/.test(joined)) {
        // Markers beside the words ("(5)" in the date-exercisable cell) stay with them, as empty pieces.
        const pieces = it.cells.map((c, cell) => {
          const m = stripFootnoteMarkers(c);
          return { cell, text: m.text, ids: m.footnoteIds };
        });
        const wrapped = pieces.filter((c) => /[A-Za-z]{2}/.test(c.text) || (c.text === "" && c.ids.length));
        const lead = wrapped.find((p) => p.text)?.text ?? "";
        // "(right to buy)" or a lower-case start continues the row above, and so does any text under a
        // title printed on several lines: the OCR cut that tall row in two.
        const aboveTitle = last ? rowOf(filing, last.table, last.index).securityTitle.toLowerCase() : "";
        // A whole title again ("Class A Common Stock" under "Class A Common Stock") starts a new row instead.
        // So does the rest of a title left unfinished ("Common" over "Stock") when the cut lost its line break.
        const finishes = last && last.item === i - 1 && !TITLE_END.test(aboveTitle) && TITLE_END.test(`${aboveTitle} ${lead}`) && (wrapped[0]?.cell ?? 9) <= 1;
        const continues = last && (last.titleBroken || finishes) && pending.length === 0 && !aboveTitle.startsWith(lead.toLowerCase());
        if (last && (/^[(a-z]/.test(lead) || continues)) {
          appendWrapped(filing, last.table, last.index, wrapped);
          last.titleBroken = false;
        } else pending.push(...wrapped);
      } else flushPending();
      continue;
    }
    if (last && above && cutBelow) {
      // The OCR cut one tall row in two: values starting right of the title, under a row that lacks
      // its last columns, finish that row.
      const merged: RowToken[] = [...last.tokens, ...tokens];
      // A date cut with the row ("03/31/2" | "036") is joined as the tokenizer joins one cut at a cell border.
      const cut = last.tokens.length - 1;
      if (cut >= 0 && tokens[0] && /^[0-9OolI]{1,2} ?[/.\-] ?[0-9OolI]{1,2} ?[/.\-] ?[0-9]{0,3}$/.test(merged[cut].text) && joinDatePieces(merged[cut].text, tokens[0].text)) {
        merged.splice(cut, 2, { text: `${merged[cut].text}+${tokens[0].text}`, footnoteIds: [...merged[cut].footnoteIds, ...tokens[0].footnoteIds], cell: merged[cut].cell });
      }
      const index: number = last.index;
      const title = above.securityTitle;
      (table === "derivative" ? filing.derivative : filing.nonDerivative).pop();
      addRow(filing, table, layout, merged, hints, later);
      if (title) rowOf(filing, table, index).securityTitle = title;
      filing.warnings.push(`${table} row ${index + 1}: read from two markdown rows`);
      last = { table, index, titleBroken: false, tokens: merged, item: i };
      continue;
    }
    const ownTitle = tokens[0] && /[A-Za-z]{2}/.test(tokens[0].text) && !/[0-9]/.test(tokens[0].text) && tokens[0].cell! <= (pending[0]?.cell ?? 0) + 2;
    if (pending.length && !ownTitle) {
      // A row of values starting right of the title column takes the title (and markers) printed on
      // the row above it whole: the OCR cut that row in two.
      // Words past the title's cells (the underlying title, beyond the marker-only columns) keep their own column.
      const words = pending.filter((p) => p.text && p.cell <= (pending.find((q) => q.text)?.cell ?? 0) + 1);
      const rest = pending.filter((p) => !words.includes(p)).map((p): RowToken => ({ text: p.text, footnoteIds: p.ids, cell: p.cell }));
      const title: RowToken[] = words.length ? [{ text: words.map((p) => p.text).join(" "), footnoteIds: words.flatMap((p) => p.ids), cell: words[0].cell }] : [];
      tokens.splice(0, 0, ...[...title, ...rest].sort((a, b) => a.cell! - b.cell!));
    } else {
      // Pieces over the title's cell(s) prefix the title; others prefix the text value in their own column.
      const titleCell = (tokens[0]?.cell ?? 0) + 1;
      for (const p of pending) {
        const target = p.cell <= titleCell ? tokens[0] : tokens.find((t) => Math.abs((t.cell ?? -9) - p.cell) <= 1 && /[A-Za-z]{2}/.test(t.text) && !/[0-9]/.test(t.text));
        if (!target) continue;
        if (p.text) target.text = `${p.text} ${target.text}`;
        target.footnoteIds.push(...p.ids.filter((id) => !target.footnoteIds.includes(id)));
      }
    }
    pending = [];
    const titleRaw = tokens[0]?.cell !== undefined ? it.raw[tokens[0].cell] : "";
    last = { table, index: table === "derivative" ? filing.derivative.length : filing.nonDerivative.length, titleBroken: /<br\s*\/?>/i.test(titleRaw), tokens, item: i };
    addRow(filing, table, layout, tokens, hints, later);
  }
  flushPending();
  if (ownersAfter.length) {
    const rows = linesAsRows(ownersAfter);
    readOwnerBoxes(rows, valuesAfter(rows, LANDMARKS.reportingPerson).filter((n) => n.value), false, filing, warn);
  }
  if (filing.jointFiling && filing.reportingOwners.length < 2) warn("box 6: filed by more than one reporting person, but only one name box was found");
  // Without an "Explanation of Responses" label the trailer starts after the last table row.
  if (trailerFrom === items.length) trailerFrom = lastTableItem + 1;

  // --- Footnotes, remarks, signatures ----------------------------------
  const trailer = readTrailer(items.slice(trailerFrom).map((it) => it.cells.filter(Boolean).join(" ")));
  filing.footnotes = trailer.footnotes;
  filing.remarks = trailer.remarks;
  filing.signatures = trailer.signatures;
  Object.assign(conf, trailer.confidence);
  filing.warnings.push(...trailer.warnings);
  const known = new Set(filing.footnotes.map((f) => f.id));
  for (const [t, rows] of [["derivative", filing.derivative], ["nonDerivative", filing.nonDerivative]] as const) {
    rows.forEach((r, i) => {
      const missing = r.footnoteIds.filter((id) => !known.has(id));
      if (missing.length) {
        conf[`/${t}/${i}/footnoteIds`] = 0.6;
        warn(`${t} row ${i + 1} cites footnote ${missing.join(", ")} which was not found`);
      }
    });
  }
  for (const p of readDottedCounts(filing, later.dotted)) {
    later.ambiguous.add(p);
    conf[p] = Math.min(conf[p] ?? 1, 0.75);
  }
  crossCheck(filing, later.ambiguous);
  return filing;
}

const DOTTED_COUNT = /^[0-9]{1,3}\.[0-9]{3}$/;
const COUNT_FIELDS = ["shares", "sharesOwnedFollowing", "underlyingShares"] as const;

/**
 * The shared number reader takes a count "8.626" for 8,626 with a misread comma. Real filings also report
 * fractional shares (dividend equivalents, plan units) that print exactly so. An owned-following chain that
 * adds up under one reading settles it; otherwise a fractional count printed unambiguously elsewhere on
 * the form ("12,629.042", "93.63") makes the decimal reading likelier. Returns the pointers still unsure.
 */
function readDottedCounts(filing: Filing, dotted: Map<string, string[]>): string[] {
  if (dotted.size === 0) return [];
  type CountRow = Partial<Record<(typeof COUNT_FIELDS)[number], number | null>>;
  const rows: [TableKind, CountRow[]][] = [["nonDerivative", filing.nonDerivative], ["derivative", filing.derivative]];
  const ambiguous = new Map<string, { field: (typeof COUNT_FIELDS)[number]; decimal: number }[]>();
  let fractions = false;
  for (const [t, list] of rows) {
    list.forEach((r, i) => {
      const alts = (dotted.get(`${t}/${i}`) ?? []).map((d) => ({ thousands: Number(d.replace(".", "")), decimal: Number(d) }));
      const found: { field: (typeof COUNT_FIELDS)[number]; decimal: number }[] = [];
      for (const field of COUNT_FIELDS) {
        const v = r[field];
        if (typeof v !== "number") continue;
        const alt = alts.find((a) => a.thousands === v);
        if (alt) found.push({ field, decimal: alt.decimal });
        else if (!Number.isInteger(v)) fractions = true;
      }
      if (found.length) ambiguous.set(`${t}/${i}`, found);
    });
  }
  const settled = new Set<string>();
  const lastOwned = new Map<string, number>();
  filing.nonDerivative.forEach((r, i) => {
    const key = `${r.securityTitle.toLowerCase()}|${r.directOrIndirect}|${r.natureOfOwnership ?? ""}`;
    const amb = ambiguous.get(`nonDerivative/${i}`);
    const before = lastOwned.get(key);
    if (amb && before !== undefined && r.acquiredDisposed && amb.some((a) => a.field !== "underlyingShares")) {
      const fits: CountRow[] = [];
      for (let mask = 0; mask < 1 << amb.length; mask++) {
        const v: CountRow = { shares: r.shares, sharesOwnedFollowing: r.sharesOwnedFollowing };
        amb.forEach((a, k) => {
          if (mask & (1 << k)) v[a.field] = a.decimal;
        });
        if (v.shares != null && v.sharesOwnedFollowing != null && Math.abs(before + (r.acquiredDisposed === "A" ? v.shares : -v.shares) - v.sharesOwnedFollowing) < 0.001) fits.push(v);
      }
      if (fits.length === 1) {
        Object.assign(r, fits[0]);
        settled.add(`nonDerivative/${i}`);
      }
    }
    if (r.sharesOwnedFollowing !== null) lastOwned.set(key, r.sharesOwnedFollowing);
  });
  const unsure: string[] = [];
  for (const [key, amb] of ambiguous) {
    if (settled.has(key)) continue;
    const [t, i] = key.split("/") as [TableKind, string];
    const row = rowOf(filing, t, Number(i)) as CountRow;
    for (const a of amb) {
      if (fractions) {
        filing.warnings.push(`${t} row ${Number(i) + 1}: ${a.field} read as ${a.decimal}, not ${row[a.field]}: the form reports fractional share counts elsewhere`);
        row[a.field] = a.decimal;
      }
      unsure.push(`/${t}/${i}/${a.field}`);
    }
  }
  return unsure;
}

// "Common Stock, par value $0.01 per share", "Series 2019 Notes", "By Trust under the 2007 Plan": a par value
// or a year between the words of one cell is part of its text; a count ("1,000") there means two columns were merged.
function joinWordCells(tokens: RowToken[]): RowToken[] {
  const wordy = (t: RowToken) => /[A-Za-z]{2}/.test(t.text) && !/^[0-9]/.test(t.text);
  const out: RowToken[] = [];
  for (let at = 0; at < tokens.length; ) {
    let n = 0;
    while (at + n < tokens.length && tokens[at + n].cell === tokens[at].cell) n++;
    const group = tokens.slice(at, at + n);
    at += n;
    // "nominal value $0.000304635" ending a cell cut off a tall row: the amount is the title's, not a price.
    for (let k = group.length - 1; k >= 1; k--) {
      if (/\b(par|nominal|stated) value$/i.test(group[k - 1].text) && /^\$?[0-9]*\.?[0-9]+$/.test(group[k].text)) {
        group.splice(k - 1, 2, { text: `${group[k - 1].text} ${group[k].text}`, footnoteIds: [...group[k - 1].footnoteIds, ...group[k].footnoteIds], cell: group[k - 1].cell });
      }
    }
    n = group.length;
    if (n < 3 || !wordy(group[0]) || !wordy(group[n - 1]) || group.slice(1, -1).some((t) => !wordy(t) && !/^\$?[0-9]{0,4}(\.[0-9]+)?$/.test(t.text))) out.push(...group);
    else out.push({ text: group.map((t) => t.text).filter(Boolean).join(" "), footnoteIds: group.flatMap((t) => t.footnoteIds), cell: group[0].cell });
  }
  return out;
}

/** Where Table II's headings put its columns; the expiration date's cell tells a lone date's column. */
interface GridHints extends RowHints {
  expirationCell?: number;
}

function columnHints(it: Item, previous: GridHints): GridHints {
  const ai = it.cells.findIndex((c) => /^\(A\)$/.test(c));
  const di = it.cells.findIndex((c) => /^\(D\)$/.test(c));
  if (ai < 0 && di < 0) return previous;
  const at = (re: RegExp) => {
    const k = it.cells.findIndex((c) => re.test(c));
    return k >= 0 ? k : undefined;
  };
  return { acquiredCell: ai >= 0 ? ai : undefined, disposedCell: di >= 0 ? di : ai + 1, codeCell: at(/^Code$/i), exerciseCell: at(/Exercis/i), expirationCell: at(/pir|irat/i) };
}

/** Text (or a footnote marker alone) from a row that holds no values, waiting for the row it belongs to. */
interface Piece {
  cell: number;
  text: string;
  ids: string[];
}

function appendWrapped(filing: Filing, table: TableKind, index: number, pieces: Piece[]): void {
  const row = table === "derivative" ? filing.derivative[index] : filing.nonDerivative[index];
  const [first, ...rest] = pieces.filter((p) => p.text);
  if (first) row.securityTitle = singleSpace(`${row.securityTitle} ${first.text}`);
  if (rest.length && table === "derivative" && filing.derivative[index].underlyingTitle) {
    filing.derivative[index].underlyingTitle = singleSpace(`${filing.derivative[index].underlyingTitle} ${rest.map((r) => r.text).join(" ")}`);
  }
  for (const p of pieces) for (const id of p.ids) if (!row.footnoteIds.includes(id)) row.footnoteIds.push(id);
  filing.fieldConfidence[`/${table}/${index}/securityTitle`] = Math.min(filing.fieldConfidence[`/${table}/${index}/securityTitle`] ?? 1, 0.85);
}

/**
 * "Performance Stock Units 1": a bare one- or two-digit number closing the title's cell belongs to the printed
 * title (or is a footnote marker without its brackets), never to the conversion price column. Joined into the
 * title token in place; returns the number when it did.
 */
function numberedTitle(tokens: RowToken[]): string | null {
  const wordy = (t: RowToken | undefined) => Boolean(t && /[A-Za-z]{2}/.test(t.text) && !/[0-9]/.test(t.text));
  let j = 0;
  while (wordy(tokens[j])) j++;
  const n = tokens[j];
  if (j === 0 || !n || !/^[0-9]{1,2}$/.test(n.text) || n.cell !== tokens[j - 1].cell || tokens[j + 1]?.cell === n.cell) return null;
  tokens[j - 1] = { ...tokens[j - 1], text: `${tokens[j - 1].text} ${n.text}`, footnoteIds: [...tokens[j - 1].footnoteIds, ...n.footnoteIds] };
  tokens.splice(j, 1);
  return n.text;
}

/**
 * A code read from a digit ("0" taken for D) on a row with no transaction date is a stray mark on a holding:
 * a transaction prints its date, and its code as a letter.
 */
function digitCodeWithoutDate(reading: RowReading<Filing["nonDerivative"][number] | Filing["derivative"][number]>, tokens: RowToken[]): void {
  const row = reading.row;
  if (row.transactionDate || !row.transactionCode) return;
  if (tokens.some((t) => /^[A-Za-z]/.test(t.text) && readTransactionCode(t.text)?.code === row.transactionCode)) return;
  reading.warnings.push(`code ${row.transactionCode} read from a digit on a row without a date: taken for a stray mark, the row for a holding`);
  row.transactionCode = null;
  row.kind = "holding";
  reading.confidence.transactionCode = 0.75;
  reading.confidence.kind = 0.8;
}

const NUMERIC_FIELDS = ["shares", "price", "sharesOwnedFollowing", "underlyingShares", "conversionOrExercisePrice"] as const;

/**
 * More numbers printed on a row than its columns took: one was dropped as noise, and when two cells came
 * merged out of order ("43,859,459 $0") the others may sit one column off. Every amount of the row is unsure.
 */
function flagLostValues(reading: RowReading<Filing["nonDerivative"][number] | Filing["derivative"][number]>, tokens: RowToken[]): void {
  const printed = tokens.filter((t) => t.text !== "0" && /^\$?[0-9][0-9,.]*$/.test(t.text) && findDates(t.text).length === 0).length;
  const row = reading.row as Partial<Record<(typeof NUMERIC_FIELDS)[number], number | null>>;
  const read = NUMERIC_FIELDS.filter((k) => typeof row[k] === "number").length;
  // A "$" amount read into a count column while a plain number took the price: two cells merged out of order.
  const prices = [row.price, row.conversionOrExercisePrice];
  const moneyAstray = tokens.some((t) => /^\$[0-9]/.test(t.text) && !prices.includes(readNumber(t.text, "price")?.value ?? NaN));
  if (printed <= read && !moneyAstray) return;
  for (const k of NUMERIC_FIELDS) if (k in row) reading.confidence[k] = Math.min(reading.confidence[k] ?? 1, 0.7);
  reading.warnings.push(`${printed} amounts printed but ${read} read; the row's amounts may be a column off`);
}

/**
 * Seed-003 shows a cell rule read as a bare "0" between the amount owned and the ownership form
 * ("10,000 | 0 | D"); after the form nothing numeric can follow, and a count followed by a value shown only
 * by its marker leaves no column for a bare "0" between them, nor does a title followed by its count
 * ("Class B Common Stock | 0 | 134,018"). There it is no value: removed in place.
 */
function dropStrayZeros(tokens: RowToken[]): number {
  const count = /^(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{3,})(?:\.[0-9]+)?$/;
  const mark = (t: RowToken | undefined) => Boolean(t && /^[DI]$/.test(t.text));
  let n = 0;
  for (let k = tokens.length - 1; k >= 1; k--) {
    const t = tokens[k];
    if (t.text !== "0" || t.footnoteIds.length) continue;
    const markerOnly = (t: RowToken | undefined) => Boolean(t && t.text === "" && t.footnoteIds.length);
    // The count before it is the amount owned when a price ("$0", or a marker for one) precedes it; after
    // Table II's underlying title it is the underlying amount, and the "0" may be the amount owned.
    const afterPrice = (t: RowToken | undefined) => !t || /^\$/.test(t.text) || markerOnly(t) || !/[A-Za-z]{2}/.test(t.text);
    const words = /[A-Za-z]{2}/.test(tokens[k - 1].text) && !/[0-9]/.test(tokens[k - 1].text);
    if (
      (count.test(tokens[k - 1].text) && (mark(tokens[k + 1]) || markerOnly(tokens[k + 1])) && afterPrice(tokens[k - 2])) ||
      (mark(tokens[k - 1]) && k === tokens.length - 1) ||
      (words && count.test(tokens[k + 1]?.text ?? ""))
    ) {
      tokens.splice(k, 1);
      n++;
    }
  }
  return n;
}

/**
 * Table II prints the price with its "$"; a bare "0" read as the price with the amount owned empty and the
 * ownership form next is that amount ("1,685 | 0 | D"). Any other bare "0" price stays, unsure; the shared
 * reader marks it ambiguous, so code A's cross-check does not raise it.
 */
function bareZeroPrice(reading: RowReading<Filing["derivative"][number]>, tokens: RowToken[]): void {
  const row = reading.row;
  if (row.price !== 0 || tokens.some((t) => /^\$0/.test(t.text))) return;
  const at = tokens.map((t) => t.text).lastIndexOf("0");
  if (row.sharesOwnedFollowing === null && at >= 0 && /^[DI]$/.test(tokens[at + 1]?.text ?? "")) {
    row.sharesOwnedFollowing = 0;
    row.price = null;
    reading.confidence.sharesOwnedFollowing = 0.75;
    reading.warnings.push(`a bare "0" before the ownership form read as the amount owned, not the price`);
    return;
  }
  reading.confidence.price = Math.min(reading.confidence.price ?? 1, 0.75);
}

/**
 * A stray "0" (a cell rule read as a digit, as in seed-003) beside a conversion price shown only by a
 * footnote marker takes the price column from the marker; the marker is the likelier reading.
 */
function strayZeroPrice(reading: RowReading<Filing["derivative"][number]>, tokens: RowToken[], layout: LayoutForm): void {
  if (reading.row.conversionOrExercisePrice !== 0) return;
  // A printed "$0" in the price's part of the row is the price itself.
  const dateAt = tokens.findIndex((t) => t.text.includes("+") || findDates(t.text).length > 0);
  if (tokens.slice(0, layout === "3" || dateAt < 0 ? tokens.length : dateAt).some((t) => t.text.includes("$"))) return;
  const marker = (t: RowToken | undefined) => Boolean(t && t.text === "" && t.footnoteIds.length);
  if (!tokens.some((t, k) => t.text === "0" && (marker(tokens[k - 1]) || marker(tokens[k + 1])))) return;
  reading.row.conversionOrExercisePrice = null;
  reading.confidence.conversionOrExercisePrice = 0.7;
  reading.warnings.push(`a bare "0" beside a footnote marker in the conversion price column taken for a stray mark`);
}

/** No right is exercisable after it expires: two dates read the other way round came from cells merged out of order. */
function orderDates(reading: RowReading<Filing["derivative"][number]>): void {
  const row = reading.row;
  if (!row.exerciseDate || !row.expirationDate || row.exerciseDate <= row.expirationDate) return;
  [row.exerciseDate, row.expirationDate] = [row.expirationDate, row.exerciseDate];
  reading.confidence.exerciseDate = Math.min(reading.confidence.exerciseDate ?? 1, 0.7);
  reading.confidence.expirationDate = Math.min(reading.confidence.expirationDate ?? 1, 0.7);
  reading.warnings.push(`date exercisable after the expiration date: the two read the other way round`);
}

/**
 * A row with one date right of the amount (an option with no exercise date printed) has it read as the
 * date exercisable, the first of the two columns; the cell it sits in, corrected by how far the row drifted
 * from the headings at the code, says whether it is the expiration date.
 */
function placeLoneDate(reading: RowReading<Filing["derivative"][number]>, tokens: RowToken[], hints: GridHints): void {
  const row = reading.row;
  if (!row.exerciseDate || row.expirationDate || hints.exerciseCell === undefined) return;
  // A heading cut past recognition still sits right of "Date Exercisable".
  const expirationCell = hints.expirationCell ?? hints.exerciseCell + 1;
  // A date split over two cells ("07/28/2" | "013") comes as one token joined by "+".
  const at = tokens.filter((t) => findDates(t.text.replace("+", ""))[0]?.value === row.exerciseDate).pop()?.cell;
  const code = tokens.find((t) => row.transactionCode && t.text === row.transactionCode)?.cell;
  if (at === undefined) return;
  const cell = at - (code !== undefined && hints.codeCell !== undefined ? code - hints.codeCell : 0);
  if (Math.abs(cell - expirationCell) >= Math.abs(cell - hints.exerciseCell)) return;
  row.expirationDate = row.exerciseDate;
  row.exerciseDate = null;
  reading.confidence.expirationDate = Math.min(reading.confidence.exerciseDate ?? 1, 0.85);
  reading.confidence.exerciseDate = 0.8;
  reading.warnings.push(`the only date right of the amount sits under "Expiration Date": read as the expiration, no exercise date`);
}

function rowOf(filing: Filing, table: TableKind, index: number): Filing["derivative"][number] | Filing["nonDerivative"][number] {
  return table === "derivative" ? filing.derivative[index] : filing.nonDerivative[index];
}

/** What is settled only after every row is read and cross-checked. */
interface Later {
  /** Rows' counts printed "8.626" (thousands with a misread comma, or a fractional count), by "table/index". */
  dotted: Map<string, string[]>;
  /**
   * Pointers the cross-checks may not raise: the shared reader's ambiguous readings, except counts, whose
   * "8.626" readings are settled (or left unsure) by readDottedCounts once every row is read.
   */
  ambiguous: Set<string>;
}

function addRow(filing: Filing, table: TableKind, layout: LayoutForm, tokens: ReturnType<typeof tokenizeCells>, hints: GridHints, later: Later): void {
  const index = table === "derivative" ? filing.derivative.length : filing.nonDerivative.length;
  for (const p of later.ambiguous) if (p.startsWith(`/${table}/${index}/`)) later.ambiguous.delete(p);
  const strays = dropStrayZeros(tokens);
  const numbered = numberedTitle(tokens);
  if (strays) filing.warnings.push(`${table} row ${index + 1}: ${strays} stray "0" beside the ownership form dropped as a cell rule read as a digit`);
  const reading = table === "derivative" ? readRow(tokens, "derivative", layout, hints) : readRow(tokens, "nonDerivative", layout, hints);
  if (numbered) {
    reading.confidence.securityTitle = Math.min(reading.confidence.securityTitle ?? 1, 0.75);
    reading.warnings.push(`"${numbered}" printed at the end of the title's cell kept in the title; it may be a footnote marker that lost its brackets`);
  }
  digitCodeWithoutDate(reading, tokens);
  if (reading.row.sharesOwnedFollowing === 0 && reading.row.directOrIndirect === null && tokens.filter((t) => t.text).pop()?.text === "0") {
    // A bare "0" ending a row with no ownership form: a stray mark as likely as a holding sold out.
    reading.confidence.sharesOwnedFollowing = Math.min(reading.confidence.sharesOwnedFollowing ?? 1, 0.7);
  }
  flagLostValues(reading, tokens);
  if (table === "derivative") bareZeroPrice(reading as RowReading<Filing["derivative"][number]>, tokens);
  for (const k of reading.ambiguous) if (!(COUNT_FIELDS as readonly string[]).includes(k)) later.ambiguous.add(`/${table}/${index}/${k}`);
  if (table === "derivative") strayZeroPrice(reading as RowReading<Filing["derivative"][number]>, tokens, layout);
  if (!reading.row.securityTitle) {
    // Filers often leave the title blank under a row of the same security.
    const above = table === "derivative" ? filing.derivative[index - 1] : filing.nonDerivative[index - 1];
    if (above) {
      reading.row.securityTitle = above.securityTitle;
      reading.confidence.securityTitle = 0.7;
      filing.warnings.push(`${table} row ${index + 1}: no title; taken from the row above ("${above.securityTitle}")`);
    } else filing.warnings.push(`${table} row ${index + 1}: security title not read`);
  }
  if (table === "derivative") orderDates(reading as RowReading<Filing["derivative"][number]>);
  if (table === "derivative") placeLoneDate(reading as RowReading<Filing["derivative"][number]>, tokens, hints);
  // "77O.817": letters the OCR read for digits are the digits here too.
  const dots = tokens.map((t) => t.text.replace(/[Oo]/g, "0").replace(/[lI]/g, "1")).filter((t) => DOTTED_COUNT.test(t));
  if (dots.length) later.dotted.set(`${table}/${index}`, dots);
  else later.dotted.delete(`${table}/${index}`);
  if (table === "derivative") filing.derivative.push(reading.row as Filing["derivative"][number]);
  else filing.nonDerivative.push(reading.row as Filing["nonDerivative"][number]);
  for (const [k, v] of Object.entries(reading.confidence)) filing.fieldConfidence[`/${table}/${index}/${k}`] = v;
  for (const w of reading.warnings) filing.warnings.push(`${table} row ${index + 1}: ${w}`);
}

// ---------------------------------------------------------------------------
// Form type

function readFormType(head: Item[], conf: Confidences): FormType {
  let title: string | null = null;
  let amended = false;
  let statement: string | null = null;
  for (const it of head) {
    for (const c of it.cells) {
      if (c.length > 200) continue;
      const m = /^(?:SEC\s+)?FORM\s*([345])\s*(\/\s*A\b|\(?AMENDED\)?)?/i.exec(c);
      if (m && !title && c.length < 40) {
        title = m[1];
        amended = Boolean(m[2]);
      }
      if (/\bINITIAL STATEMENT OF BENEFICIAL/i.test(c)) statement ??= "3";
      else if (/\bANNUAL STATEMENT OF CHANGES/i.test(c)) statement ??= "5";
      else if (/\bSTATEMENT OF CHANGES IN BENEFICIAL/i.test(c)) statement ??= "4";
      if (/\bAMENDMENT\b.{0,20}\bFORM\s*[345]\b|\bFORM\s*[345]\s*\/\s*A\b/i.test(c)) amended = true;
    }
  }
  const form = title ?? statement ?? "4";
  conf["/formType"] = title && statement ? (title === statement ? 0.98 : 0.6) : title || statement ? 0.88 : 0.4;
  return (amended ? `${form}/A` : form) as FormType;
}

// ---------------------------------------------------------------------------
// Labelled values in the top half

interface Found {
  value: string;
  row: number;
  col: number;
  score: number;
  /** The row the value was read from: the label's, or the one below it. */
  valueRow: number;
}

/**
 * The text printed after a label: the rest of the label's cell, else the next non-empty cells
 * of that row up to the next box's label, else the cell below. Parenthesised hints such as
 * "(Month/Day/Year)" go. One match per row that holds the label, in row order.
 */
function valuesAfter(items: Item[], label: string): Found[] {
  const out: Found[] = [];
  items.forEach((it, row) => {
    let best: Found | null = null;
    it.cells.forEach((cell, col) => {
      if (!cell || cell.length > 2000) return;
      // A label cut over two cells ("Amendment," | "Date of Original Filed ... 03/11/2026") is read across them.
      const second = it.cells[col + 1] ?? "";
      const alone = findLabel(cell, label, 0.7);
      const across = alone || !BOX_LABEL.test(second) ? null : findLabel(`${cell} ${second}`, label, 0.7);
      // Across means begun in this cell and ended in the next: a label wholly in the next cell is that cell's.
      const m = alone ?? (across && across.start < cell.length && across.end > cell.length ? across : null);
      if (!m || (best && best.score >= m.score)) return;
      let value = stripHints((alone ? cell : `${cell} ${second}`).slice(m.end));
      let valueRow = row;
      for (let c = col + (alone ? 1 : 2); !value && c < it.cells.length && c < col + 4; c++) {
        const next = it.cells[c];
        if (BOX_LABEL.test(next)) {
          // The label itself may go on in the next cell ("Amendment," | "Date of Original Filed ... 03/11/2026").
          const joined = `${cell} ${next}`;
          const again = findLabel(joined, label, 0.7);
          if (again && again.end > cell.length) value = stripHints(joined.slice(again.end));
          break;
        }
        value = stripHints(next);
      }
      // The value can sit on the row below, under its label.
      const below = items[row + 1]?.cells[col]?.replace(/\((Last|First|Middle)\)/gi, " ");
      if (!value && below && !BOX_LABEL.test(below) && !/\(Street\)/i.test(below)) {
        value = stripHints(below);
        valueRow = row + 1;
      }
      best = { value, row, col, score: m.score, valueRow };
    });
    if (best) out.push(best);
  });
  return out;
}

function valueAfter(items: Item[], label: string): Found | null {
  let best: Found | null = null;
  for (const f of valuesAfter(items, label)) if (!best || f.score > best.score) best = f;
  return best;
}

function stripHints(text: string): string {
  return singleSpace(
    text
      .replace(/\((?:Month\/Day\/Year|Month\/Day|Check all applicable|Check Applicable Line|Print or Type Responses?)\)?/gi, " ")
      .replace(/^[\s*:)]+/, ""),
  );
}

function dateAfter(items: Item[], label: string): { value: IsoDate; confidence: number } | null {
  const f = valueAfter(items, label);
  if (!f) return null;
  const d = findDates(f.value.slice(0, 40))[0];
  if (!d || d.index > 4) return null;
  return { value: d.value, confidence: Math.min(d.confidence, f.score > 0.9 ? 1 : 0.85) };
}

/**
 * Reads the name-and-address box (1) and relationship box (5) of each reporting person found in
 * `rows`. The first owner's boxes share rows with boxes 2-4 and 6 (`first`); a further owner's
 * stop at the next owner's label.
 */
function readOwnerBoxes(rows: Item[], names: Found[], first: boolean, filing: Filing, warn: (w: string) => void): void {
  const conf = filing.fieldConfidence;
  names.forEach((name, n) => {
    const k = filing.reportingOwners.length;
    const P = `/reportingOwners/${k}`;
    const ownerName = singleSpace(name.value.replace(/^[*\s]+/, "").replace(/\(Last\).*$/i, ""));
    const owner = emptyOwner(ownerName);
    filing.reportingOwners.push(owner);
    conf[`${P}/name`] = ownerName && /^[A-Za-z][A-Za-z0-9 .,'&()-]{2,}$/.test(ownerName) ? 0.93 : ownerName ? 0.7 : 0.1;
    // CIKs are not printed on the paper form: null here means "not readable", not "none".
    conf[`${P}/cik`] = 0.5;
    if (!ownerName) warn(`reporting person ${k + 1}: name not found`);
    const end = names[n + 1]?.row ?? rows.length;
    const from = first && n === 0 ? 0 : name.row;
    const block = rows.slice(from, end);
    readAddress(block, { ...name, row: name.row - from, valueRow: name.valueRow - from }, owner, conf, warn, P);
    readRelationship(block, owner, conf, warn, P);
  });
}

// ---------------------------------------------------------------------------
// Box 1: the address

// Box 5's and box 6's printed choices, beside a further owner's address where no box label stops the reading.
const BOX5_LABEL = /\bDirector\b|[1lI][0Oo]\s*%\s*Owner|give title|specify below|Other \(spec|Form filed by/i;
const ADDRESS_LABEL_FRAGMENT = /\((?:Last|First|Middle|Street|City|State|Zip)\)|\((?:La|Fi|Mi|St|Ci|Zi)[a-z]{0,4}\b|\b[a-z]{1,5}\)(?=\s|$)|^\(\w{0,2}$|^[`'"|]+$|^[0-9]\s*\.\s*[0-9]?$/gi;
const STREET_WORDS = /\b(c\/o|street|st\.?|avenue|ave\.?|road|rd\.?|drive|dr\.?|boulevard|blvd|lane|ln|way|suite|ste|floor|fl|p\.?\s?o\.?\s?box|box|plaza|park|place|court|ct|parkway|pkwy|highway|hwy|center|centre|square|circle)\b/i;

function readAddress(header: Item[], name: Found, owner: ReturnType<typeof emptyOwner>, conf: Confidences, warn: (w: string) => void, P: string): void {
  const setNull = () => {
    for (const k of ["street1", "street2", "city", "state", "zip"]) conf[`${P}/${k}`] = 0.3;
  };
  const cityRow = header.findIndex((it, r) => r > name.row && it.cells.some((c) => /\(\s*(City|Zip)\s*\)|^\(?City\)?$/i.test(c)));
  const last = cityRow >= 0 ? cityRow : Math.min(header.length - 1, name.row + 6);
  // The next box on the name's row bounds box 1's columns; a further owner's row has only box 5 there, its label often cut.
  const issuerCol = header[name.row].cells.findIndex((c, i) => i > name.col && (BOX_LABEL.test(c) || BOX5_LABEL.test(c) || /ationship|Person\(s\) to/i.test(c)));
  const lines: { text: string; labelRow: boolean; pieces: string[] }[] = [];
  // Where the "(Street)" label row is among the lines: what follows it, up to "(City)", is the city line.
  let streetAt = -1;
  for (let r = Math.max(name.row, name.valueRow) + 1; r <= last; r++) {
    const it = header[r];
    // Box 1 written as plain lines is read too, but only when its "(City)" line closes it.
    if (!it.table && cityRow < 0) continue;
    const labelCut = issuerCol > 0 ? it.cells.slice(0, issuerCol) : it.cells;
    if (streetAt < 0 && labelCut.some((c) => /\(\s*Street\s*\)/i.test(c))) streetAt = lines.length;
    const pieces: string[] = [];
    for (let c = 0; c < it.cells.length; c++) {
      const label = BOX_LABEL.test(it.cells[c]) || BOX5_LABEL.test(it.cells[c]);
      if (label || (issuerCol > 0 && c >= issuerCol)) {
        // A word or two cut off the label's front ("If" | "Amendment, Date ...") belongs to the label, not the street.
        if (label && c > 0 && /^[A-Za-z]{1,3}$/.test(it.cells[c - 1].trim()) && pieces[pieces.length - 1] === it.cells[c - 1].trim()) pieces.pop();
        break;
      }
      const t = singleSpace(it.cells[c].replace(ADDRESS_LABEL_FRAGMENT, " "));
      if (t && !/^[^A-Za-z0-9]+$/.test(t) && !pieces.join(" ").endsWith(t)) pieces.push(t);
    }
    const labelRow = it.cells.some((c) => /\((Last|First|Middle)\b|\b(Last|First|Middle)\)/i.test(c));
    if (pieces.length) lines.push({ text: pieces.join(" "), labelRow, pieces });
  }
  if (lines.length === 0) {
    warn("address of the reporting person not read");
    setNull();
    return;
  }
  // City, state and ZIP each on a line of their own (a cell's lines, one per nested cell) are one city line.
  const after = streetAt >= 0 ? lines.slice(streetAt) : [];
  const zipAtEnd = /(?<![0-9])[0-9OoIl]{5}(-[0-9]{4})?$/;
  if (
    after.length > 1 &&
    after.length <= 3 &&
    after.every((l) => l.text.length <= 40) &&
    after.slice(0, -1).every((l) => !/[0-9]{5}/.test(l.text)) &&
    (zipAtEnd.test(after[after.length - 1].text) || FOREIGN_POSTCODE.test(after[after.length - 1].text) || /^[A-Z]{2}$/.test(after[after.length - 1].text))
  ) {
    lines.splice(streetAt, after.length, { text: after.map((l) => l.text).join(" "), labelRow: false, pieces: after.flatMap((l) => l.pieces) });
  }
  // The city line is the last one that ends in a ZIP code (or the last line at all); a ZIP alone
  // repeating the one that ends the line above is the OCR reading that box twice (seed-000).
  let cityIdx = -1;
  for (let k = lines.length - 1; k >= 0; k--) {
    const zip = (/(?<![0-9])[0-9OoIl]{5}(-[0-9]{4})?$/.exec(lines[k].text) ?? FOREIGN_POSTCODE.exec(lines[k].text))?.[0].trim();
    if (!zip) continue;
    cityIdx = k > 0 && lines[k].text === zip && lines[k - 1].text.endsWith(` ${zip}`) ? k - 1 : k;
    break;
  }
  if (cityIdx < 0) cityIdx = lines.length - 1;
  const csz = readCityStateZip(lines[cityIdx].pieces);
  owner.city = csz.city;
  owner.state = csz.state;
  owner.zip = csz.zip;
  conf[`${P}/city`] = csz.confidence.city;
  conf[`${P}/state`] = csz.confidence.state;
  conf[`${P}/zip`] = csz.confidence.zip;
  for (const n of csz.notes) warn(`reporting owner address: ${n}`);

  const streets = lines.slice(0, cityIdx);
  const legible = streets.filter((l) => !l.labelRow || /^c\/o\b|^[0-9]/i.test(l.text));
  const lost = streets.filter((l) => !legible.includes(l));
  const street = legible.slice(0, 2).map((l) => fixDigitWords(l.text));
  owner.street1 = street[0]?.text ?? null;
  owner.street2 = street[1]?.text ?? null;
  // A line read off the "(Last) (First) (Middle)" row shares it with labels the OCR may have eaten into:
  // "rst) 4 WATER INC." is what is left of "C/O 374 WATER INC.".
  const sure = (t: string | null, k: number) =>
    street[k]?.changed || legible[k]?.labelRow ? 0.7 : t ? (STREET_WORDS.test(t) || /^[0-9]/.test(t) ? 0.92 : 0.8) : 0.6;
  conf[`${P}/street1`] = sure(owner.street1, 0);
  conf[`${P}/street2`] = owner.street2 ? sure(owner.street2, 1) : 0.85;
  if (lost.length) {
    // An illegible fragment above the street is usually a "c/o" line the OCR half-ate.
    conf[`${P}/street1`] = Math.min(conf[`${P}/street1`], 0.75);
    conf[`${P}/street2`] = Math.min(conf[`${P}/street2`], 0.6);
    warn(`reporting owner address: illegible line above the street ("${lost.map((l) => l.text).join(" / ")}"), probably a c/o line; left out`);
  }
  if (legible.length > 2) warn(`reporting owner address: extra address line "${legible.slice(2).map((l) => l.text).join(" / ")}" left out`);
}

// ---------------------------------------------------------------------------
// Box 5 (relationship) and box 6 (joint filing)

const ROLES = [
  { key: "isDirector", re: /\bDirecto?r?\b(?!\s*\()/i },
  // "1O% Owner": the OCR's letters for digits must not push the mark off the label's start.
  { key: "isTenPercentOwner", re: /[1lI][0Oo]\s*%\s*Own|[1lI][0Oo]%|Ow\s*ner/i },
  { key: "isOfficer", re: /\bOfficer\b(?=\s*(?:\(|give|below|$))/i },
  { key: "isOther", re: /\bOther\b(?=\s*(?:\(|spec|below|$))/i },
] as const;

const TITLE_WORDS = /\b(chief|president|ceo|cfo|coo|cto|vice|vp|evp|svp|secretary|treasurer|counsel|chairman|chair|controller|officer|general manager|executive|senior|principal|founder|member of|managing)\b/i;
// A cell made only of the box-5 role labels (merged by the OCR) is not a title.
const ROLE_LABELS_ONLY = /^(?:[X×✓✔☒]?\s*(?:director|officer|other|10\s*%\s*owner|owner)\s*)+$/i;
const BOX5_NOISE = /give title|specify|below\)?|check all|applicable|relationship|reporting|person|issuer|10%|owner|^director$|^officer$|^other$|form filed|individual|joint/i;

function readRelationship(header: Item[], owner: ReturnType<typeof emptyOwner>, conf: Confidences, warn: (w: string) => void, P: string): void {
  let anyMark = false;
  const marked = new Set<string>();
  let officerTitle: string | null = null;
  let officerTitleDamaged = false;
  let otherLabel: { row: number; col: number } | null = null;
  header.forEach((it, row) => {
    it.cells.forEach((cell, c) => {
      if (cell.length > 600) return;
      if (!otherLabel && /specify\s*below|Other\s*\(\s*spec/i.test(cell)) otherLabel = { row, col: c };
      for (const role of ROLES) {
        const m = role.re.exec(cell);
        if (!m) continue;
        const before = cell.slice(0, m.index);
        const prevCell = it.cells.slice(0, c).reverse().find((x) => x.trim() !== "") ?? "";
        if (/(?:^|[\s[(])[X×✓✔☒]\s*[\])]?\s*$/i.test(before) || (before.trim() === "" && /^[[(]?\s*[X×✓✔☒]\s*[\])]?$/i.test(prevCell.trim()))) {
          marked.add(role.key);
          anyMark = true;
        }
      }
      const plain = cell
        .replace(/\((give title|specify)[^)]*\)?/gi, " ")
        .replace(/^(?:[[(]?\s*[X×✓✔☒]\s*[\])]?\s+)?(?:(?:Director|Officer|Other|10\s*%\s*Owner)\s+)*/i, "")
        .trim();
      // Box 5 printed as one run ("… Officer (give title below) Other (specify below) Chairman"): what follows its last label is the title.
      const tail = /specify\s*below\s*\)\s*(\S.*)$/i.exec(cell)?.[1].trim();
      if (!officerTitle && tail && isTitleCell(tail)) {
        officerTitle = singleSpace(tail);
        officerTitleDamaged = /^[a-z]/.test(officerTitle);
      }
      if (!officerTitle && isTitleCell(plain) && TITLE_WORDS.test(plain)) {
        // A title the OCR split over neighbouring cells ("Chief" | "Financial Officer") is joined back.
        let title = plain;
        for (let k = c + 1; k < it.cells.length && isTitleCell(it.cells[k]) && title.length + it.cells[k].length < 60; k++) title += ` ${it.cells[k]}`;
        officerTitle = singleSpace(title);
        officerTitleDamaged = /^[a-z]/.test(officerTitle);
      }
    });
  });
  owner.isDirector = marked.has("isDirector");
  owner.isTenPercentOwner = marked.has("isTenPercentOwner");
  owner.isOfficer = marked.has("isOfficer");
  owner.isOther = marked.has("isOther");
  const flagConf = anyMark ? 0.85 : 0.6;
  for (const role of ROLES) conf[`${P}/${role.key}`] = marked.has(role.key) ? 0.9 : flagConf;
  if (officerTitle) {
    if (owner.isOther && !owner.isOfficer) {
      owner.otherText = officerTitle;
      conf[`${P}/otherText`] = 0.75;
    } else {
      owner.officerTitle = officerTitle;
      conf[`${P}/officerTitle`] = officerTitleDamaged ? 0.55 : 0.8;
      if (!owner.isOfficer) {
        owner.isOfficer = true;
        conf[`${P}/isOfficer`] = 0.7;
        warn(`officer title "${officerTitle}" found without a readable mark in the Officer box; taken as an officer`);
      }
    }
  } else {
    conf[`${P}/officerTitle`] = owner.isOfficer ? 0.4 : flagConf;
  }
  if (owner.isOther && !owner.otherText && otherLabel) {
    // Free text such as "Former 10% Owner" or "Member of 13(d) group" has no title words: it is found by
    // where it is written, under "Other (specify below)".
    const text = textBelow(header, otherLabel);
    if (text) {
      owner.otherText = text;
      conf[`${P}/otherText`] = 0.82;
    }
  }
  conf[`${P}/otherText`] ??= owner.isOther ? 0.4 : flagConf;
  if (!anyMark) warn("box 5: no mark readable next to Director / 10% Owner / Officer / Other; relationship flags left unset");
}

const ROLE_WORDS = /\b(?:X|Director|10\s*%\s*Owner|Officer|Other)\b|\(?\s*(?:give title|specify)\s*below\s*\)?/gi;

function textBelow(header: Item[], at: { row: number; col: number }): string | null {
  for (let r = at.row + 1; r <= at.row + 2 && r < header.length; r++) {
    for (const c of [at.col, at.col - 1, at.col + 1, at.col + 2]) {
      const cell = header[r].cells[c];
      if (!cell || cell.length > 80 || BOX_LABEL.test(cell) || /Form filed by|\((?:City|State|Zip|Street|Last|First|Middle)\)/i.test(cell) || findDates(cell).length) continue;
      if (/[A-Za-z]{3}/.test(cell.replace(ROLE_WORDS, " "))) return singleSpace(cell);
    }
  }
  return null;
}

function isTitleCell(text: string): boolean {
  // "ATTN: CORPORATE SECRETARY" and "C/O …" are address lines, whatever title words they hold.
  return text.length > 0 && text.length < 60 && !/^\W{0,2}(?:attn\b|c\/o\b)/i.test(text) && !BOX5_NOISE.test(text) && !ROLE_LABELS_ONLY.test(text) && findDates(text).length === 0 && !/[0-9]{3}/.test(text) && !BOX_LABEL.test(text);
}

function readBox6(header: Item[], filing: Filing, conf: Confidences, warn: (w: string) => void): void {
  let joint: boolean | null = null;
  let has10b5 = false;
  let mark10b5 = false;
  for (const it of header) {
    const row = it.cells.join(" | ");
    if (row.length > 5000) continue;
    if (/(?:^|[\s|])[X×✓✔☒]\s*\|?\s*Form filed by One/i.test(row)) joint = false;
    else if (/(?:^|[\s|])[X×✓✔☒]\s*\|?\s*Form filed by More/i.test(row)) joint = true;
    if (/10b5-?1/i.test(row)) {
      has10b5 = true;
      // The check box sits left of its long label, in the cell before it or at the label's start.
      const at = it.cells.findIndex((c) => /10b5-?1/i.test(c));
      const before = it.cells.slice(0, at).reverse().find((c) => c.trim() !== "") ?? "";
      if (
        /(?:^|[\s|])[X×✓✔☒]\s*\|?\s*[^|]{0,40}10b5/i.test(row) ||
        /10b5-?1[^|]{0,300}\|\s*[X×✓✔☒]\s*(\||$)/i.test(row) ||
        (LONE_MARK.test(before) && /^\s*(?:Check this box|[^|]{0,40}10b5)/i.test(it.cells[at]))
      )
        mark10b5 = true;
    }
  }
  filing.jointFiling = joint ?? false;
  conf["/jointFiling"] = joint === null ? 0.6 : 0.92;
  filing.aff10b5One = has10b5 ? mark10b5 : null;
  conf["/aff10b5One"] = has10b5 ? (mark10b5 ? 0.85 : 0.65) : 0.9;
}
