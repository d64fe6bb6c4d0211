/**
 * Reads raw Tesseract text of a paper Form 3/4/5 (or a PDF text layer) into the canonical filing.
 * Tesseract runs the form's columns together: a header line may carry box 1's value, box 2's
 * value and box 5's checkboxes side by side, or (with faint rules) each box comes out as its own
 * block of lines. So header values are found next to landmarks and cut where another box's
 * label or value begins; table rows are read from typed tokens (ocr-common's readRow) and
 * their wrapped title words are gathered from the lines under them.
 */
import {
  CLEAN,
  LANDMARKS,
  crossCheck,
  editDistance,
  findDates,
  findLabel,
  readCityStateZip,
  FOREIGN_POSTCODE,
  US_STATES,
  readRow,
  readTrailer,
  singleSpace,
  stripFootnoteMarkers,
  tokenizeCells,
  type Confidences,
  type FoundDate,
  type LayoutForm,
  type TableKind,
} from "./ocr-common";
import { isWord, misreadWords } from "./words";
import { ParseError, emptyFiling, emptyOwner, type DerivativeRow, type Filing, type FormType, type NonDerivativeRow } from "./types";

/** A row as warnings name it: "Table II row 3". */
const rowName = (table: TableKind, index: number) => `${table === "derivative" ? "Table II" : "Table I"} row ${index + 1}`;

/** Same bound as the dispatcher, so a direct caller cannot feed an unbounded page either. */
const MAX_LINES = 20_000;
/** No printed line of the form is longer; anything past this is noise and would only cost time. */
const MAX_LINE = 600;

export function parseOcrText(text: string): Filing {
  const raw = text.split("\n", MAX_LINES + 1);
  if (raw.length > MAX_LINES) throw new ParseError(`the text has more than ${MAX_LINES.toLocaleString("en-US")} lines; a Form 3, 4 or 5 has far fewer`);
  const lines = raw.map(cleanLine);
  const filing = emptyFiling("ocr-text");
  const conf = filing.fieldConfidence;

  const marks = findLandmarks(lines);
  if (marks.tableI < 0 && marks.tableII < 0 && marks.person < 0) {
    throw new ParseError("no Form 3, 4 or 5 landmarks (reporting person, Table I, Table II) found in the text");
  }
  const form = readFormType(lines, marks);
  const layout = form.type[0] as LayoutForm;

  const headerEnd = firstOf(marks.tableI, marks.tableII, marks.tablesEnd, lines.length);
  // A joint filing's further persons, each with box 1 and box 5, printed after the tables (EDGAR's page
  // does this): their boxes end the tables.
  const tablesFrom = firstOf(marks.tableI, marks.tableII, lines.length);
  const furtherBoxes: number[] = [];
  for (let i = tablesFrom + 1; i < firstOf(marks.tablesEnd, lines.length); i++) {
    if (lines[i].length < 200 && /^.{0,12}?\bName and Address of Reporting/i.test(lines[i])) furtherBoxes.push(i);
  }
  if (furtherBoxes.length) {
    // Box 5's label may be printed on the line above box 1's.
    const end = firstOf(marks.tablesEnd, lines.length);
    furtherBoxes.push(end);
    marks.tablesEnd = Math.max(furtherBoxes[0] - 1, tablesFrom + 1);
    if (marks.tableIIRows >= marks.tablesEnd) marks.tableIIRows = -1;
    if (marks.tableII >= marks.tablesEnd) marks.tableII = -1;
  }
  const header = readHeader(lines, headerEnd, firstOf(marks.tablesEnd, lines.length), layout, filing.warnings);
  filing.issuer = header.issuer;
  filing.reportingOwners = [header.owner];
  filing.periodOfReport = header.period;
  filing.dateOfOriginalSubmission = header.amendment;
  filing.jointFiling = header.joint;
  filing.aff10b5One = header.aff10b5One;
  Object.assign(conf, header.confidence);

  let formType = form.type;
  conf["/formType"] = form.confidence;
  if (header.amendment && !formType.endsWith("/A")) {
    formType = `${formType}/A` as FormType;
    conf["/formType"] = 0.8;
    filing.warnings.push("box 'If Amendment' carries a date, so the form is read as an amendment");
  }
  filing.formType = formType;
  if (formType.endsWith("/A") && !header.amendment) conf["/dateOfOriginalSubmission"] = 0.4;

  const ambiguous = new Set<string>();
  completeClippedYears(lines, headerEnd, firstOf(marks.tablesEnd, lines.length), header.period, filing.warnings);
  const tableIEnd = firstOf(marks.tableII, marks.tableIIRows, marks.tablesEnd, lines.length);
  const tableIIEnd = firstOf(marks.tablesEnd, lines.length);
  if (marks.tableI >= 0) {
    filing.nonDerivative = readTable(lines, marks.tableI + 1, tableIEnd, "nonDerivative", layout, conf, filing.warnings, ambiguous) as NonDerivativeRow[];
  } else filing.warnings.push("Table I not found");
  if (marks.tableIIRows >= 0) {
    if (marks.tableII < 0) conf["/derivative"] = 0.5;
    if (marks.tableII < 0) filing.warnings.push(`Table II heading not found; rows from "${lines[marks.tableIIRows].slice(0, 40)}" on read as Table II`);
    filing.derivative = readTable(lines, marks.tableIIRows, tableIIEnd, "derivative", layout, conf, filing.warnings, ambiguous) as DerivativeRow[];
  } else filing.warnings.push("Table II not found");
  // Values worked out from other values: the cross-checks below would confirm them by the same arithmetic.
  const inferred = fillFromOwnedChain(filing);

  // Tesseract sometimes prints the footnote block first, above the header; read it where it is.
  // Its label may be lost (or printed elsewhere): then the block starts at its "1." followed by a "2.".
  const top = firstOf(marks.person, marks.tableI, marks.tableII, lines.length);
  const earlyAt = marks.explanation >= 0 && marks.explanation < top ? marks.explanation : lines.slice(0, top).findIndex((_, i) => firstOfFootnotes(lines, i));
  const afterTables = firstOf(marks.tablesEnd, lines.length);
  const trailerLines =
    earlyAt < 0 ? lines.slice(afterTables)
    : earlyAt === marks.explanation ? [...lines.slice(earlyAt, top), ...lines.slice(afterTables)]
    // The label stands in front, so that the one printed further on does not start the footnotes there.
    : [LANDMARKS.explanation, ...lines.slice(earlyAt, top), ...lines.slice(afterTables)];
  const trailer = readTrailer(renumberFootnotes(trailerLines, filing.warnings));
  recoverSignatureDate(trailerLines, trailer);
  regroupFootnotes(trailerLines, trailer);
  filing.footnotes = trailer.footnotes;
  filing.remarks = cleanRemarks(trailer.remarks);
  filing.signatures = trailer.signatures;
  Object.assign(conf, trailer.confidence);
  signatureFromRemarks(filing);
  checkTrailer(filing);
  if (filing.remarks && REMARKS_DOUBT.test(filing.remarks)) {
    conf["/remarks"] = Math.min(conf["/remarks"] ?? 1, 0.5);
    // Likely a footnote, so the footnote list may be one short.
    conf[`/footnotes/${filing.footnotes.length}/id`] = Math.min(conf[`/footnotes/${filing.footnotes.length}/id`] ?? 1, 0.5);
    conf[`/footnotes/${filing.footnotes.length}/text`] = Math.min(conf[`/footnotes/${filing.footnotes.length}/text`] ?? 1, 0.5);
    filing.warnings.push("the remarks read like a footnote or the form's instructions; they need review");
  }
  filing.warnings.push(...trailer.warnings);
  for (let b = 0; b + 1 < furtherBoxes.length; b++) {
    const block = lines.slice(Math.max(furtherBoxes[b] - 1, 0), furtherBoxes[b + 1]);
    const further = readHeader(block, block.length, block.length, layout, []);
    if (!further.owner.name) continue;
    const k = filing.reportingOwners.length;
    filing.reportingOwners.push(further.owner);
    for (const [p, v] of Object.entries(further.confidence)) if (p.startsWith("/reportingOwners/0/")) conf[p.replace("/reportingOwners/0/", `/reportingOwners/${k}/`)] = v;
  }
  readJointFilers(trailerLines, filing);
  checkOwnerAgainstSignature(filing, header.nameCandidates);
  trimOwnerFromIssuer(filing);
  checkSignatureNames(filing);

  if (!filing.periodOfReport) {
    const dates = [...filing.nonDerivative, ...filing.derivative].map((r) => r.transactionDate).filter((d): d is string => Boolean(d));
    if (dates.length && layout !== "5") {
      filing.periodOfReport = dates.reduce((a, b) => (a < b ? a : b));
      inferred.set("/periodOfReport", 0.7);
      filing.warnings.push(`date of earliest transaction not read; taken as the earliest row date ${filing.periodOfReport}`);
    }
  }
  // Lines with a dollar amount and a thousands figure are table rows, read or not.
  linkPriceRanges(filing);
  linkHolderFootnotes(filing);
  flagMissingTrailer(filing, lines.filter((l) => /\$\s?[0-9]/.test(l) && /[0-9],[0-9]{3}\b/.test(l)).length);
  splitRunTogetherIds(filing);
  fillFromExercise(filing);
  crossCheck(filing, ambiguous);
  flagOutlyingPrices(filing);
  for (const [p, c] of inferred) conf[p] = Math.min(conf[p] ?? 1, c);
  return filing;
}

// ---------------------------------------------------------------------------
// Lines and landmarks

function cleanLine(line: string): string {
  let v = singleSpace(line.length > MAX_LINE ? line.slice(0, MAX_LINE) : line);
  if (/[‘’`´“”„]/.test(v)) v = v.replace(/[‘’`´]/g, "'").replace(/[“”„]/g, '"');
  // Tesseract reads a code followed by a raised footnote marker as "S$" or "Ss".
  if (/[A-Z]\$|Ss /.test(v)) v = v.replace(/(^| )([A-Z])\$(?= |$)/g, "$1$2").replace(/(^| )Ss(?= |$)/g, "$1S");
  if (v.includes("|")) {
    v = v.replace(/\bTable \|\|/g, "Table II").replace(/\bTable \|/g, "Table I");
    // In the ownership-form column a printed "I" comes out as a bar when the nature follows.
    v = v.replace(/ \| (?=(?:By|See|Held|Through|Owned)\b)/g, " I ");
  }
  // ... and a "1", "f", "i)" or "|" when the nature of indirect ownership follows.
  if (/\S [|f1il!]\)? [\[(|]?[A-Z]/.test(v)) v = v.replace(/(\S) [|f1il!]\)? [\[(|]?(?=(?:By|See|Held|Through|Owned|Trust|Family|Spouse|Custodian|IRA|LLC|L\.?P\.?|Limited|Partnership|Fund|GRAT|Foundation|The)\b)/g, "$1 I ");
  return v;
}

interface Landmarks {
  person: number;
  tableI: number;
  tableII: number;
  /** First line of Table II's rows: under its heading, or the first option-like row when the heading was lost. */
  tableIIRows: number;
  explanation: number;
  /** Where the tables stop: the explanation under them, or the remarks / signature / reminder. */
  tablesEnd: number;
}

const firstOf = (...xs: number[]) => xs.find((x) => x >= 0) ?? -1;

// The fuzzy matcher costs an edit distance per word; a cheap keyword test first keeps a page under 2 ms.
const KEYWORD: Record<string, RegExp> = {
  [LANDMARKS.reportingPerson]: /Name and|Addres/i,
  [LANDMARKS.issuer]: /Issuer|Ticker|Trading|Symbol/i,
  [LANDMARKS.relationship]: /Relation|Reporting/i,
  [LANDMARKS.explanation]: /Expla|planation|Respon/i,
  [LANDMARKS.signature]: /Signat/i,
};

function label(line: string, text: string, threshold: number) {
  return KEYWORD[text].test(line) ? findLabel(line, text, threshold) : null;
}

// The first footnote, when "Explanation of Responses:" was lost: "1. Shares credited to the reporting person's account …".
const FIRST_FOOTNOTE = /^\W{0,2}1\s?[.,]\s?(?!Title\b)[A-Z][a-z]{2,}(?:\s+[A-Za-z'’(),-]+){5}/;

// The signature and its date, when every label around them is lost: "Julia Stark, Atlorney-in-Fact for Amy 08/18/2025".
const SIGNED_LINE = /^(?=.*(?:^\W{0,3}[sS][/il1|]\s?[A-Z]|[Aa]tt[oa]?rney|in-Fact|[Pp]ower of)).{0,120}\b[0-9]{1,2}\/[0-9]{1,2}\/[0-9]{4}\s*$/;

/**
 * Tesseract may read the footnotes' numbers as a column of their own ("1." / "2." / "3.") apart from
 * their texts, each left starting with its period (". Represents the weighted average …"). When the
 * bare numbers and the texts that lost theirs are as many, they pair up in order.
 */
function renumberFootnotes(lines: string[], warnings: string[]): string[] {
  const bare = lines.flatMap((l, i) => (/^\W{0,2}[0-9]{1,2}\s?[.,]$/.test(l.trim()) ? [i] : []));
  const texts = lines.flatMap((l, i) => (/^[.,]\s+[A-Z][a-z]/.test(l.trim()) ? [i] : []));
  if (bare.length < 2 || bare.length !== texts.length) return lines;
  const out = [...lines];
  texts.forEach((t, k) => (out[t] = `${lines[bare[k]].trim().replace(/[,]$/, ".")} ${lines[t].trim().replace(/^[.,]\s+/, "")}`));
  for (const b of bare) out[b] = "";
  warnings.push(`footnote numbers printed apart from their texts; ${texts.length} texts numbered in order`);
  // The footnotes that kept their numbers sit among them out of order: the span is put in order,
  // each footnote with the lines that go on from it.
  const from = Math.min(bare[0], texts[0]);
  const to = Math.max(bare[bare.length - 1], texts[texts.length - 1]);
  const blocks: { id: number; lines: string[] }[] = [];
  const loose: string[] = [];
  for (let i = from; i <= to; i++) {
    const m = /^\W{0,2}([0-9]{1,2})\s?[.,]\s/.exec(out[i].trim());
    if (m) blocks.push({ id: Number(m[1]), lines: [out[i]] });
    else if (out[i].trim() && blocks.length) blocks[blocks.length - 1].lines.push(out[i]);
    else if (out[i].trim()) loose.push(out[i]);
  }
  blocks.sort((x, y) => x.id - y.id);
  const span = [...loose, ...blocks.flatMap((b) => b.lines)];
  return [...out.slice(0, from), ...span, ...out.slice(to + 1)];
}

// "1. Exhibit Index - Exhibit No. 24 - …" followed within a few lines by "2. Each …": the footnotes begin.
const footnoteOne = /^\W{0,2}1\s?[.,]\s?(?!Title\b|Name\b)[A-Z][a-z]{2,}(?:\s+\S+){3}/;
const footnoteTwo = /^\W{0,2}2\s?[.,]\s?[A-Z][a-z]/;
const firstOfFootnotes = (lines: string[], i: number) =>
  footnoteOne.test(lines[i]) && lines.slice(i + 1, i + 6).some((l) => footnoteTwo.test(l));

// A title cut where its box wrapped; its last printed word names no office yet.
const UNFINISHED_TITLE = /(?:\b(?:Chief|Legal|Financial|Operating|Executive|Accounting|Technology|Marketing|Information|Human|Vice|Global|Worldwide|Corp|and|of|the)|[,&-])$/i;
// The end of a line after its last figure (a date, a ZIP, a house number) or from its start: 1 to 4 words.
const TITLE_TAIL = /(?:^|[0-9)]\s+)((?:[A-Z][A-Za-z.,&'-]*|and|of|&)(?:\s+(?:[A-Z][A-Za-z.,&'-]*|and|of|&)){0,3})$/;
const OFFICE_AT_END = /\b(?:Officer|[A-Z]{1,2}O|GC|S?E?VP|President|Chairman|Chair|Counsel|Secretary|Treasurer|Controller|Director|Partner|Founder|Manager)\.?$/i;
const TITLE_NOUN = /\b(?:Officer|Off|Counsel|President|Chairman|Secretary|Treasurer|Controller|Director|Resources|Affairs|Planning|Operations|Stores|Strategy|Development|[A-Z]{1,2}O)\b/;

function findLandmarks(lines: string[]): Landmarks {
  const m: Landmarks = { person: -1, tableI: -1, tableII: -1, tableIIRows: -1, explanation: -1, tablesEnd: -1 };
  let titleI = -1;
  let titleII = -1;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.length > 300) continue;
    if (m.person < 0 && label(l, LANDMARKS.reportingPerson, 0.7)) m.person = i;
    // Specks and a rule may come before the heading ('es es z "Table |- Non-Derivative').
    else if (m.tableI < 0 && /^.{0,12}Tab\w{0,3}\b/i.test(l) && findLabel(l, "Table Non-Derivative Securities", 0.6) && /non/i.test(l)) m.tableI = i;
    else if (m.tableII < 0 && /^.{0,12}Tab\w{0,3}\b/i.test(l) && findLabel(l, "Table Derivative Securities", 0.6) && !/\bnon/i.test(l)) m.tableII = i;
    // "Table II -" itself lost: the heading's own words still name it.
    else if (m.tableII < 0 && m.person >= 0 && /^\W{0,3}Derivative Securities Acq/i.test(l)) m.tableII = i;
    // A table heading too blurred to read still has its first column heading under it.
    else if (titleI < 0 && /^\W{0,3}1\W{0,2}Title of Secur/i.test(l)) titleI = i;
    else if (titleII < 0 && /^\W{0,3}1\W{0,2}Title of Deriv/i.test(l)) titleII = i;
    else if (l.length < 80 && label(l, LANDMARKS.explanation, 0.65)) {
      if (m.explanation < 0 || m.explanation < Math.max(m.tableI, m.tableII)) m.explanation = i;
      if (Math.max(m.tableI, m.tableII, titleI, titleII) >= 0) {
        m.tablesEnd = i;
        break;
      }
    } else if (m.tablesEnd < 0 && Math.max(m.tableI, m.tableII, titleI, titleII) >= 0 && (/^\W{0,4}(?:Remarks|Signature of|Reminder)/i.test(l) || FIRST_FOOTNOTE.test(l) || firstOfFootnotes(lines, i) || SIGNED_LINE.test(l))) m.tablesEnd = i;
  }
  if (m.tableI < 0 && titleI >= 0) m.tableI = titleI;
  if (m.tableI < 0) {
    // Table I's heading too blurred to find: the table starts at its first row, a security title with a
    // date, or (above Table II's heading, where nothing else is printed) with an amount.
    const before = firstOf(m.tableII, titleII, lines.length);
    const first = lines.findIndex((l, i) => i > Math.max(m.person, 5) && i < before && (TABLE_I_ROW.test(l) || (before < lines.length && TABLE_I_AMOUNT.test(l))));
    if (first > 0) {
      m.tableI = first - 1;
      if (m.tableII < 0 && m.tablesEnd < first) m.tablesEnd = lines.findIndex((l, i) => i > first && l.length < 80 && (Boolean(label(l, LANDMARKS.explanation, 0.5)) || /^\W{0,4}(?:Remarks|Signature of|Reminder)/i.test(l)));
    }
  }
  if (m.tableII < 0 && titleII > m.tableI) m.tableII = titleII;
  if (m.tableII >= 0) m.tableIIRows = m.tableII + 1;
  else if (m.tableI >= 0) {
    // A Table II row has a derivative title and at least two dates (transaction, expiration).
    for (let i = m.tableI + 1; i < firstOf(m.tablesEnd, lines.length); i++) {
      if (DERIVATIVE_TITLE.test(lines[i]) && (lines[i].match(/[0-9OlI]{1,2}\/[0-9OlI]{1,2}\/[0-9OlI]{2,4}/g)?.length ?? 0) >= 2) {
        m.tableIIRows = i;
        break;
      }
    }
  }
  return m;
}

const TITLE_WORDS = new Set(
  "stock stocks share shares per par value option options right rights to buy sell units unit restricted class common preferred series convertible warrant warrants phantom performance deferred employee incentive qualified non of the and ordinary depositary american notes note interests interest limited partnership membership award awards equity appreciation receipts receipt subordinated senior voting nonvoting non-voting exchangeable purchase call put swap total return cash settled settlement based time vested vesting market director directors plan profits beneficial trust fund held by in on for or with at no".split(" "),
);
// Words of a nature of ownership wrapped under its row ("See footnote", "By Spouse").
const NATURE_WORDS = new Set(
  "see footnote footnotes remarks spouse wife husband child children son daughter family llc lp gp llp inc corp ltd company companies ira grat custodian foundation partnership partners holdings capital management investment investments funds estate living revocable irrevocable retirement account descendants".split(" "),
);
const TABLE_I_AMOUNT = /^\W{0,3}(?:Common|[CG]lass [A-Z]|Ordinary|Series [A-Z]|Shares|Units|American Depositary)\b.{0,60}?\b[0-9]{1,3},[0-9]{3}\b/i;
const TABLE_I_ROW = /^\W{0,3}(?:Common|Class [A-Z]|Ordinary|Series [A-Z]|Shares|Units)\b.{0,40}?[0-9OlI]{1,2}\/[0-9OlI]{1,2}\/[0-9OlI]{2,4}/i;
const DERIVATIVE_TITLE = /^\W{0,3}(?:Non-?\s?qualified|Incentive|Employee|Stock Options?|Options?|Warrants?|Call|Put|Restricted Stock Units?|Performance|Convertible|Phantom)\b/i;

function readFormType(lines: string[], marks: Landmarks): { type: FormType; confidence: number } {
  const top = lines.slice(0, Math.min(lines.length, marks.person >= 0 ? marks.person + 1 : 15, 25)).join(" ");
  // Box 4's label "If Amendment, Date of Original Filed" is on every form; only a title or "Amendment No." marks one.
  const amended = /\bFORM\s*[345]\s*\/\s*A\b|(?<!If\s?)\bAMENDMENT\b(?!,?\s*Date)/i.test(top);
  const printed = /\bFORM\s*([345])\b/i.exec(top)?.[1];
  const byTitle = /INITIAL\s*STATEMENT/i.test(top) ? "3" : /ANNUAL\s*STATEMENT/i.test(top) ? "5" : /STATEMENT\s*OF\s*CHANGES/i.test(top) ? "4" : null;
  const base = printed ?? byTitle ?? "4";
  const confidence = printed && byTitle ? (printed === byTitle ? 0.98 : 0.6) : printed || byTitle ? 0.88 : 0.5;
  return { type: `${base}${amended ? "/A" : ""}` as FormType, confidence };
}

// ---------------------------------------------------------------------------
// Header boxes

interface Header {
  issuer: Filing["issuer"];
  owner: Filing["reportingOwners"][number];
  period: string | null;
  amendment: string | null;
  joint: boolean;
  aff10b5One: boolean | null;
  confidence: Confidences;
  /** Every line of box 1's neighbourhood that could be the name, for a later check against the signature. */
  nameCandidates: string[];
}

// Where the value of the left box (name, street, city) ends on a run-together line: the next box's label or value.
const RIGHT_BOXES =
  /\s(?:[0-9]\s?[.,]\s?(?:Date|[Il]f|Individual|Relationship|Issuer|Statement)\b|Date of|If Amend|Director\b|Officer \(|10 ?% ?Own|Other \(|[(']?Check all|Form filed|[0-9OlI]{1,2}\/[0-9OlI]{1,2}\/[0-9OlI]{2,4}|X\s)/i;
const LEFT_LABELS = /\(?\s?(?:Last|First|Fist|Middle|Mid\w{0,3}|Mice|Street|Str\w{0,3}|City|Cit|State|Stat|Zip|Zi)\s?\)|\((?:Last|First|Middle|City|State)\b/gi;
const CHECK_ALL = /[('{]?\s?Check all applicable\)?/i;
// Small capitals in sec.gov's rendering come out in lower case ("[ Scwo ]").
// The opening bracket may come out as a bar ("| CYPH }"); then only capitals count, so a ruled cell does not.
// "[ MSFT ]", "| KO |", or "[ MSFT (Check all applicable)" with its closing bracket lost.
const TICKER = /(?:\[\s?([A-Za-z][A-Za-z0-9.\-]{0,7})|\|\s?([A-Z][A-Z0-9.\-]{1,7}))\s?[\]}|)!1lJ]|\[\s?([A-Za-z][A-Za-z0-9.\-]{0,7})(?=\s+\(Check|\s*$)/;
// What Tesseract makes of a tick: X, a multiplication sign, or "»¢" from a bold X.
const TICK = "(?:[Xx×✓✔]|»¢)";
// Officer titles and "other" descriptions start with words an address never does.
const TITLE_START =
  /\b(?:Chief|President|Chairman|Chairwoman|Chair|CEO|CFO|COO|CTO|CAO|EVP|SVP|Executive|Senior|Sr\.|Vice|VP|General Counsel|Secretary|Treasurer|Controller|Principal|Managing|Interim|Head|Member|Former|Trustee|See Remarks|Group|Co-)\b/;
const STREET_WORDS = ["STREET", "AVENUE", "ROAD", "DRIVE", "SUITE", "BOULEVARD", "PARKWAY", "PLAZA", "COURT", "CENTER", "FLOOR", "LANE", "PLACE", "CIRCLE", "HIGHWAY", "SQUARE", "TERRACE", "NORTH", "SOUTH", "EAST", "WEST"];
// A street line ("106 EAST BABCOCK STREET"), never a name even when the street label was lost.
const STREET_LINE = /^[0-9]+[A-Z]? .*\b(?:STREET|STRE\w?|AVENUE|AVE|ROAD|RD|DRIVE|DR|SUITE|BLVD|BOULEVARD|WAY|LANE|PLAZA|FLOOR|COURT|PARKWAY|PKWY|HIGHWAY|CENTER|CIRCLE|PLACE|SQUARE)\b/i;
const TITLE_WRAP = /^[A-Z][A-Za-z&,.\-]*(?: [A-Za-z&,.\-]+){0,3}$/;
const TITLE_WRAP_STOP = /below|Director|Owner|Form|Date|Amend|Individual|Line|Person|Check|Table|Street|City/i;
const ALL_CAPS = /^[A-Z0-9][A-Z0-9 ,.&'\-\/#()]*$/;
const CORPORATE_END = /^(?:INC|INC\.|CORP|CORP\.|CORPORATION|CO|CO\.|LTD|LTD\.|LLC|L\.?L\.?C\.?|L\.?P\.?|LP|PLC|HOLDINGS|GROUP|TRUST|N\.?V\.?|S\.?A\.?|AG|FUND|PARTNERS)$/i;

function cutAtRightBox(text: string): string {
  const m = RIGHT_BOXES.exec(` ${text}`);
  return (m ? ` ${text}`.slice(0, m.index) : text).trim();
}

const cleanValue = (s: string) => singleSpace(s.replace(/[|{}_~"]/g, " ").replace(/^[\W]+|[^\w.)]+$/g, ""));

/**
 * Reads boxes 1-6 from the lines above the tables (`to`); the tick boxes and the title are looked
 * for down to `wideTo`, because Tesseract sometimes prints the right-hand boxes after Table I's heading.
 */
/** A rule read as dashes and specks ("—_——E—A—_E— esr") is mostly not letters. */
// A printed rule under a box, as Tesseract reads it ("—_————__—E—A—_E—"): never part of a name.
const RULE = /[—_~=]{2}|—\S*—/;

function mostlyLetters(v: string): boolean {
  let letters = 0;
  let other = 0;
  for (const ch of v) {
    if (/[A-Za-z]/.test(ch)) letters++;
    else if (ch !== " ") other++;
  }
  return letters >= other;
}

/**
 * EDGAR's page draws box 2's name and [TICKER] over the labels' line, which OCR garbles ("… Reporting
 * Person” E XXON MOBIL CORP XoM ] foe …"); the ticker still comes out alone on a line under it
 * ("A XOM", "JNJ", ". AMZN"). The name is what the labels' line holds before the ticker, if anything.
 */
function drawnOverLabel(zone: string[], labelIdx: number): { ticker: string; name: string } | null {
  if (labelIdx < 0) return null;
  const lone = zone
    .slice(labelIdx + 1, labelIdx + 3)
    .map((l) => /^(?:\S{1,2} ){0,2}(?:(\S.*?) \| )?([A-Z]{1,5})$/.exec(l.trim()))
    .find((m) => m && m[2] !== "X");
  if (!lone) return null;
  const ticker = lone[2];
  // "eta Platforms, Inc. | META": the name came out beside the ticker, on its own line.
  if (lone[1] && /[A-Za-z]{3}/.test(lone[1])) return { ticker, name: cleanValue(lone[1]) };
  const line = zone[labelIdx];
  const lab = findLabel(line, LANDMARKS.reportingPerson, 0.7);
  const after = lab ? line.slice(lab.end).replace(/^\W+/, "") : "";
  const at = after.split(" ").findIndex((w) => w.replace(/\W/g, "").toUpperCase() === ticker || w.includes("]"));
  const name = at > 0 ? cleanValue(after.split(" ").slice(0, at).join(" ")) : "";
  return { ticker, name: /^[A-Z][A-Za-z&.,' -]{2,}$/.test(name) ? name : "" };
}

function readHeader(lines: string[], to: number, wideTo: number, layout: LayoutForm, warnings: string[]): Header {
  const c: Confidences = {};
  const zone = lines.slice(0, to);
  const wide = lines.slice(0, Math.max(to, wideTo));
  const at = (re: RegExp) => zone.findIndex((l) => re.test(l));

  // Box 1: the name sits on the last value line above "(Last) (First) (Middle)".
  // "(Last)" blurs to "(las)", "(ast)" or "(as)".
  const lastIdx = at(/\((?:Last|First|Middle)\b|\b(?:Last|First|Fist|Middle|Mice)\)|^\W{0,2}\((?:[Ll]as|[Ll]?ast|as)\)/i);
  const labelIdx = zone.findIndex((l) => label(l, LANDMARKS.reportingPerson, 0.7));
  let nameIdx = -1;
  const isName = (i: number) => {
    const v = headerValue(zone[i]);
    // Garbled labels ("(as)" for "(Last)", "cy)") are lower-case scraps, never a name.
    return Boolean(v) && !label(zone[i], LANDMARKS.reportingPerson, 0.7) && !label(zone[i], LANDMARKS.issuer, 0.7) && /[A-Za-z]{2}/.test(v) && /[A-Z]/.test(v) && !/^\(?[a-z]{1,6}\)/.test(v) && !/^\(?[A-Za-z]{1,6}\)\W*$/.test(v) && (zone[i].match(/\(\w{0,6}\)?/g) ?? []).length < 2 && !/\b[A-Z]{2},? [0-9OlI]{5}\b/.test(v) && !STREET_LINE.test(v) && !/^C\s?[I|/l1\\]\s?[O0]\b/.test(v) && !RULE.test(v) && mostlyLetters(v);
  };
  // Tesseract may print box 1's labelled values as a block above box 1's label, with the name
  // either over "(Last)" as on the form or just under the label; the OMB box ends above them.
  let addrFrom = -1;
  let above = lastIdx - 1;
  while (above > 0 && !zone[above].trim()) above--;
  if (labelIdx >= 0 && lastIdx > 0 && lastIdx < labelIdx && (!isName(above) || /:|hours|burden|OMB/i.test(zone[above]))) {
    for (let i = labelIdx + 1; i < Math.min(zone.length, labelIdx + 4) && nameIdx < 0; i++) if (isName(i)) nameIdx = i;
    if (nameIdx >= 0) addrFrom = lastIdx;
  } else {
    // The name sits just above "(Last)", which may itself be printed well above box 1's label.
    const floor = (lastIdx >= 0 ? Math.min(lastIdx, labelIdx) : labelIdx) - 12;
    for (let i = (lastIdx >= 0 ? lastIdx : Math.min(zone.length, labelIdx + 3)) - 1; i >= 0 && i >= floor && nameIdx < 0; i--) if (isName(i)) nameIdx = i;
  }
  if (nameIdx >= 0 && labelIdx >= 0 && labelIdx < nameIdx && TICKER.test(zone[nameIdx])) {
    // Box 2's value lies between box 1's label and "(Last)"; box 1's own name is the line under its label.
    const under = zone.slice(labelIdx + 1, nameIdx).findIndex((l) => l.trim() !== "");
    const i = under >= 0 ? labelIdx + 1 + under : -1;
    if (i >= 0 && isName(i) && !TICKER.test(zone[i]) && !/[0-9]/.test(zone[i]) && !RIGHT_BOXES.test(` ${zone[i]}`)) {
      nameIdx = i;
      addrFrom = lastIdx;
    }
  }
  const nameLine = nameIdx >= 0 ? headerValue(zone[nameIdx]) : "";

  // Box 2 (box 3 on Form 3): issuer name and [TICKER].
  let issuerName = "";
  let ticker: string | null = null;
  let ownerName = nameLine;
  const tickIdx = zone.findIndex((l) => TICKER.test(l));
  c["/issuer/name"] = 0.3;
  c["/issuer/ticker"] = 0.3;
  c["/reportingOwners/0/name"] = nameLine ? 0.9 : 0.2;
  if (tickIdx >= 0) {
    const m = TICKER.exec(zone[tickIdx])!;
    const symbol = m[1] ?? m[2] ?? m[3];
    ticker = symbol.toUpperCase();
    c["/issuer/ticker"] = symbol.length <= 5 && symbol === ticker && m[1] ? 0.92 : 0.7;
    let before = zone[tickIdx].slice(0, m.index);
    const lab = /Issuer|Ticker|Trading/i.test(before) ? findLabel(before, LANDMARKS.issuer, 0.6) : null;
    if (lab) before = before.slice(lab.end);
    // EDGAR names carry a state after a slash ("INC / MA", "CORP /DE/"); the slash comes out as a bar.
    const stateSlash = /\b(INC|CORP|CO|LTD|LP|LLC|TRUST)\.? ?\| ?([A-Z]{2,3})\b(?! [A-Z]{3})/.exec(before);
    if (stateSlash) before = before.replace(stateSlash[0], `${stateSlash[1]} / ${stateSlash[2]}`);
    before = cleanValue(before.replace(LEFT_LABELS, " "));
    if (tickIdx === nameIdx || (nameIdx >= 0 && TICKER.test(zone[nameIdx]))) {
      const split = splitNameAndIssuer(before.split(" "), ticker);
      ownerName = split.owner;
      issuerName = split.issuer;
      c["/issuer/name"] = split.confidence;
      c["/reportingOwners/0/name"] = split.confidence;
      if (split.confidence < 0.8) warnings.push(`reporting person and issuer ran together as "${before}"; split as "${ownerName}" / "${issuerName}"`);
    } else {
      issuerName = before;
      c["/issuer/name"] = issuerName.length >= 3 ? (stateSlash ? 0.75 : 0.9) : 0.3;
      // Box 1's name printed again in front of the issuer's, as Tesseract runs the two boxes together.
      const words = before.split(" ");
      const own = ownerName.replace(/[.,]+$/, "").split(" ").filter(Boolean);
      if (own.length >= 2 && words.length > own.length && own.every((w, k) => editDistance(w.toLowerCase(), words[k].replace(/[.,]+$/, "").toLowerCase()) <= (w.length > 4 ? 2 : 1))) {
        issuerName = words.slice(own.length).join(" ");
        c["/issuer/name"] = Math.min(c["/issuer/name"], 0.8);
        warnings.push(`issuer read as "${issuerName}": the reporting person's name ran into it`);
      }
    }
  } else {
    // No symbol: an issuer without one prints empty brackets after its name ("Example Issuer Corp [ ]").
    const bare = zone.findIndex((l) => /\S\s?\[\s*\]/.test(l));
    const lab = zone.findIndex((l) => label(l, LANDMARKS.issuer, 0.65));
    const next = lab >= 0 ? zone.slice(lab + 1, lab + 3).map(headerValue).find((v) => /[A-Za-z]{3}/.test(v)) : undefined;
    issuerName = bare >= 0 ? cleanValue(zone[bare].slice(0, zone[bare].search(/\[\s*\]/)).replace(LEFT_LABELS, " ")) : (next ?? "");
    c["/issuer/name"] = bare >= 0 && issuerName ? 0.8 : issuerName ? 0.5 : 0.2;
    c["/issuer/ticker"] = bare >= 0 ? 0.8 : 0.3;
    const drawn = bare < 0 ? drawnOverLabel(zone, labelIdx) : null;
    if (drawn) {
      ticker = drawn.ticker;
      c["/issuer/ticker"] = 0.7;
      if (!issuerName && drawn.name) {
        issuerName = drawn.name;
        c["/issuer/name"] = 0.5;
      }
      warnings.push(`box 2 printed over its label; ticker read as "${ticker}" from the line under it${drawn.name ? `, issuer as "${drawn.name}"` : ""}`);
    }
    if (bare >= 0 && bare === nameIdx) {
      // The issuer line was taken for box 1's name: the name is the next name-like line.
      nameIdx = zone.findIndex((_, i) => i > bare && i < bare + 4 && isName(i) && !/\[/.test(zone[i]));
      ownerName = nameIdx >= 0 ? headerValue(zone[nameIdx]) : "";
      c["/reportingOwners/0/name"] = ownerName ? 0.7 : 0.2;
    }
    warnings.push(bare >= 0 ? `no ticker symbol printed; issuer read as "${issuerName}"` : `issuer ticker not found${issuerName ? `; issuer name guessed as "${issuerName}"` : ""}`);
  }
  // "Anterix inc.", "Snowflake ine.": a suffix in lower case after a capitalised name is the capital misread; "Ine." is Inc.
  const suffixCase = /^(.*[A-Z][a-z].*\s)(inc|ine|lnc|Ine|Lnc|corp|co|ltd|plc|llc)(\.?)$/.exec(issuerName);
  if (suffixCase) {
    const suffix = /^(?:ine|lnc)$/i.test(suffixCase[2]) ? "inc" : suffixCase[2];
    issuerName = `${suffixCase[1]}${suffix[0].toUpperCase()}${suffix.slice(1)}${suffixCase[3]}`;
    c["/issuer/name"] = Math.min(c["/issuer/name"], 0.8);
  }
  c["/issuer/cik"] = 0.95;
  if (!issuerName) warnings.push("issuer name not read");
  if (!ownerName) warnings.push("reporting person's name not read");

  let ownerClean = ownerName.replace(/\*+$/, "").trim();
  if (ownerClean === nameLine && /^[A-Z'\-]+ [A-Z'\-]{2,}$/.test(ownerClean) && /[A-Z] [|!]\s*$/.test(zone[nameIdx])) {
    // "SACHS BRUCE |": a middle initial I comes out as a bar, which cleaning took for a rule.
    ownerClean = `${ownerClean} I`;
    c["/reportingOwners/0/name"] = Math.min(c["/reportingOwners/0/name"], 0.7);
    warnings.push(`reporting person read as "${ownerClean}"; the bar after the name was taken for the middle initial I`);
  }
  const owner = emptyOwner(romanNumerals(ownerClean));
  // Names are filed in capitals; lower-case letters mean a stray line (an OMB box, a label) was taken.
  // Names filed in mixed case ("Zuckerberg Mark") are capitalised words, nothing else.
  const nameLike = /^(?:[A-Z][a-z'\-]+(?:[A-Z][a-z]+)?|[A-Z]\.?)(?: (?:[A-Z][a-z'\-]+(?:[A-Z][a-z]+)?|[A-Z]\.?)){1,3}$/.test(owner.name) && !/\b(?:Chief|Officer|President|Director|Counsel|Secretary|Treasurer|Vice|Owner|Reporting|Person)\b/.test(owner.name);
  if (owner.name && !ALL_CAPS.test(owner.name) && !nameLike) c["/reportingOwners/0/name"] = Math.min(c["/reportingOwners/0/name"], 0.5);
  c["/reportingOwners/0/cik"] = 0.95;

  // Box 5 (box 4 on Form 3): ticks. A lone X before the label is the tick; OCR loses unticked boxes entirely.
  const zoneText = wide.join("\n");
  const ticked = (label: string) => new RegExp(`(?:^|[\\s|(\\[])${TICK}[\\s_|—–\\-\\]]{0,4}${label}`, "m").test(zoneText);
  owner.isDirector = ticked("Director");
  owner.isTenPercentOwner = ticked("10 ?%");
  owner.isOfficer = ticked("Officer ?(?:\\(|give)");
  owner.isOther = ticked("Other ?(?:\\(|specify)");
  const anyTick = owner.isDirector || owner.isTenPercentOwner || owner.isOfficer || owner.isOther;
  const relSeen = /Director|10 ?% ?Own|Officer ?\(/i.test(zoneText);
  const flagConf = anyTick ? 0.9 : 0.5;
  for (const k of ["isDirector", "isOfficer", "isTenPercentOwner", "isOther"]) c[`/reportingOwners/0/${k}`] = flagConf;
  if (!anyTick) warnings.push(relSeen ? "no tick read in the relationship box; every relationship left unchecked" : "relationship box not found");

  // The title line sits under "Officer (give title below)"; it may share its line with the street label.
  const offIdx = wide.findIndex((l) => /Officer ?(?:\(|give)/i.test(l));
  let titleText: string | null = null;
  const searchFrom = offIdx >= 0 ? offIdx + 1 : 0;
  // Blank lines and box 5's other labels may come between: up to ten lines down.
  for (let i = searchFrom; i < Math.min(wide.length, searchFrom + (offIdx >= 0 ? 10 : 6)) && !titleText; i++) {
    const noLabels = wide[i].replace(LEFT_LABELS, " ");
    if (/Form filed|If Amend|Individual|Relationship/i.test(noLabels)) continue;
    const m = TITLE_START.exec(noLabels);
    if (!m) continue;
    // Abbreviations joined to the title word: "COB and CEO", "EVP & CFO".
    const joined = /(?:^|\s)((?:[A-Z]{2,5},? (?:and|&) )+)$/.exec(noLabels.slice(0, m.index));
    titleText = cleanValue(noLabels.slice(joined ? m.index - joined[1].length : m.index).replace(CHECK_ALL, ""));
    // "Chief Legal officer": a lower-cased title word among capitalised ones lost its capital.
    if (/^[A-Z]/.test(titleText)) titleText = titleText.replace(/(?<=[A-Z][a-z]+ )(officer|president|counsel|secretary|treasurer|controller|director)\b/g, (w) => w[0].toUpperCase() + w.slice(1));
    // A PDF text layer wraps the title box one word a line: "Chief" / "Technology" / "Officer".
    let j = i + 1;
    for (; j < Math.min(wide.length, i + 4) && TITLE_WRAP.test(wide[j]) && !TITLE_WRAP_STOP.test(wide[j]); j++) {
      titleText = `${titleText} ${wide[j]}`;
    }
    // Tesseract prints the title's second line at the end of the next line, after box 1's and box 3's values:
    // "Chief Legal" over "C/O META PLATFORMS, INC. 05/15/2026 Officer".
    if (j === i + 1 && UNFINISHED_TITLE.test(titleText)) {
      const next = wide.slice(i + 1, i + 3).find((l) => l.trim());
      const tail = next ? TITLE_TAIL.exec(next.replace(LEFT_LABELS, " ").trim()) : null;
      if (tail && TITLE_NOUN.test(tail[1])) titleText = `${titleText} ${tail[1].trim()}`;
    }
  }
  if (!anyTick) {
    // With no tick read, a missing title may be a missed one.
    c["/reportingOwners/0/officerTitle"] = 0.5;
    c["/reportingOwners/0/otherText"] = 0.5;
  }
  if (owner.isOfficer) {
    owner.officerTitle = titleText;
    // The title box wraps, and Tesseract often loses its second line: a title not ending in an office is cut.
    c["/reportingOwners/0/officerTitle"] = titleText ? (OFFICE_AT_END.test(titleText) ? 0.85 : 0.6) : 0.3;
    if (!titleText) warnings.push("officer box ticked but no title read");
  } else if (owner.isOther) {
    owner.otherText = titleText;
    c["/reportingOwners/0/otherText"] = titleText ? 0.8 : 0.3;
  } else if (titleText && /Chief|President|Officer|EVP|SVP|Vice|VP|Counsel|Secretary|Treasurer|Controller/.test(titleText)) {
    owner.isOfficer = true;
    owner.officerTitle = titleText;
    c["/reportingOwners/0/isOfficer"] = 0.7;
    c["/reportingOwners/0/officerTitle"] = 0.7;
    warnings.push(`officer title "${titleText}" read without a tick; officer box taken as ticked`);
  }

  // Address: value lines between the name and "(City) (State) (Zip)"; the last one with a ZIP is the city line.
  if (addrFrom < 0) addrFrom = nameIdx;
  const cityIdx = zone.findIndex((l, i) => i > addrFrom && /\(\s?(?:City|Clty|Gity)\s?\)|\(State\)|\(Zip\)/i.test(l));
  const addr: string[] = [];
  let spilled = false;
  let barOne = false;
  if (nameIdx >= 0) {
    for (let i = addrFrom + 1; i < (cityIdx >= 0 ? cityIdx : Math.min(zone.length, addrFrom + 7)); i++) {
      let v = headerValue(zone[i]);
      // A street number 1 read as a bar or an l: "|. META WAY".
      if (/^\W{0,2}[|lI!]\.?\s+[A-Z]{2}/.test(zone[i].trim()) && !/^[0-9]/.test(v)) {
        v = `1 ${v.replace(/^[lI!]\.?\s+/, "")}`;
        barOne = true;
      }
      if (titleText) v = v.replace(titleText, " ").trim();
      // Garbled "(First)", "(City)", "(Street)" labels come out as "rst)", "ciy)", "asp (est)": lower-case scraps, never an address.
      // So is a line of specks with no number and no capitalised word ("aa e cee a hee F F").
      const scrap = /[a-z]{2,6}[)}\]]|[({[][a-z]/.test(v) || /^(?:\W*(?:Last|First|Middle|Street|City|State|Zip)\W*)+$/i.test(v) || !/[A-Z]/.test(v) || !/[0-9]|\b[A-Z][A-Za-z]{3,}|^C\s?[Ii|/l1\\]\s?[Oo0]\b/.test(v);
      // Box 3's damaged label may follow the street on its line: the capitals before it are the street.
      const lead = scrap ? /^(?:[A-Z0-9#.,&'\-\/]+ ){2,}(?=\S*[a-z])/.exec(`${v} `)?.[0].trim() : undefined;
      if (/[A-Za-z0-9]{2}/.test(v) && !/^[0-9/ ]+$/.test(v) && !scrap) {
        // Street lines are in capitals: a trailing run with lower case or stray marks ("o1si/2022",
        // "aa e cee F F", "; y") is another box's value or rule debris; "SUITE 3 A" alone is kept.
        const tail = /^((?:[A-Z0-9#.,&'\-\/]+ ){2,}[A-Z0-9#.,&'\-\/]+)((?: (?:\S*[a-z]\S*|[^A-Za-z0-9\s]+|[A-Z]))+)$/.exec(v);
        const spill = tail && /[a-z;:]/.test(tail[2]) ? tail[1] : null;
        addr.push(spill ?? v);
        if (spill) spilled = true;
      } else if (lead && /[A-Z]{3}/.test(lead) && /[0-9]/.test(lead)) addr.push(lead);
    }
  }
  // The city line is the first with a ZIP; what follows the ZIP on it is garbled (City) (State) (Zip) labels.
  let cityLine: string | null = null;
  // A post-office box number has five digits too ("P.O. BOX 81226"): that line is the street.
  const zipAt = addr.findIndex((a) => /\b[0-9OlI]{5}(?:-[0-9]{4})?\b/.test(a) && !/^[0-9OlI]{5}\b/.test(a) && !/^P\.?\s?O\.?\s?BOX\b/i.test(a));
  // With the ZIP damaged ("CAMBRIDGE MA 0218 SI") the city line is still the one with a state code after the city.
  const CITY_STATE = /^([A-Z][A-Z .'\-]*[A-Z]) ([A-Z]{2}) [0-9OlI]{2,5}\b/;
  let partialCity: RegExpExecArray | null = null;
  if (zipAt >= 0) {
    cityLine = /^.*?\b[0-9OlI]{5}(?:-[0-9]{4})?\b/.exec(addr[zipAt])![0];
    addr.length = zipAt;
  } else {
    const at = addr.findIndex((a, k) => k > 0 && US_STATES.has(CITY_STATE.exec(a)?.[2] ?? ""));
    const abroadAt = addr.findIndex((a, k) => k > 0 && FOREIGN_POSTCODE.test(a));
    if (at >= 0) {
      partialCity = CITY_STATE.exec(addr[at]);
      addr.length = at;
    } else if (abroadAt >= 0) {
      cityLine = addr[abroadAt];
      addr.length = abroadAt;
    }
  }
  // "C/O" comes out as "CIO", "C/0" or "C|O".
  const careOf = /^C\s?[I|/l1\\]\s?[O0]\b/;
  for (let k = 0; k < addr.length; k++) addr[k] = addr[k].replace(careOf, "C/O");
  let careMoved = false;
  const careAt = addr.findIndex((a) => careOf.test(a));
  if (careAt > 0) {
    addr.unshift(...addr.splice(careAt, 1));
    careMoved = true;
  }
  if (nameIdx >= 0 && careAt < 0) {
    // Tesseract may print the c/o line after the city line or below box 1's labels; it is always the first street line.
    const issuerLab = zone.findIndex((l, i) => i > addrFrom && label(l, LANDMARKS.issuer, 0.65));
    for (let i = addrFrom + 1; i < Math.min(zone.length, addrFrom + 24, issuerLab >= 0 ? issuerLab : Infinity); i++) {
      const v = headerValue(zone[i]);
      if (careOf.test(v) && ALL_CAPS.test(v.replace(careOf, "C/O"))) {
        addr.unshift(v.replace(careOf, "C/O"));
        careMoved = true;
        break;
      }
    }
  }
  owner.street1 = addr[0] ?? null;
  owner.street2 = addr.length > 1 ? addr.slice(1).join(" ") : null;
  // A street line has a number; one without (and not a c/o line) lost it or is not the street. A word
  // one or two letters off a street word ("STREI") was misread or cut.
  // Two letters off only for long words or a shared start: "STREI" is STREET cut, "SMITH" no misspelt "SOUTH". A number may be spelt out ("ONE … PLAZA").
  const misspelt = (v: string) => v.split(/[\s,]+/).some((w) => w.length >= 4 && STREET_WORDS.some((sw) => sw !== w && editDistance(w, sw, 2) <= (w.length >= 6 || w.slice(0, 3) === sw.slice(0, 3) ? 2 : 1) && Math.abs(sw.length - w.length) <= 2 && w[0] === sw[0] && !STREET_WORDS.includes(w)));
  const streetConf = (v: string | null) => (v && ALL_CAPS.test(v) && /[A-Z]{3}/.test(v) ? ((/[0-9]/.test(v) || /^(?:C\/O\b|P\.?\s?O\.? BOX|(?:ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN)\b)/i.test(v)) && !misspelt(v) ? 0.85 : 0.7) : 0.5);
  c["/reportingOwners/0/street1"] = owner.street1 ? (addr.length > 2 ? 0.6 : streetConf(owner.street1)) : 0.4;
  // A c/o line is followed by the street: alone, the street line was lost.
  c["/reportingOwners/0/street2"] = owner.street2 ? Math.min(streetConf(owner.street2), 0.8) : owner.street1 && !/^C\/O\b/i.test(owner.street1) ? 0.85 : 0.4;
  if (careMoved || spilled || barOne) {
    c["/reportingOwners/0/street1"] = Math.min(c["/reportingOwners/0/street1"], 0.75);
    c["/reportingOwners/0/street2"] = Math.min(c["/reportingOwners/0/street2"], 0.75);
    warnings.push(careMoved ? `c/o line "${owner.street1}" found apart from the street lines and put first` : barOne ? "a bar before a street read as the street number 1" : "a street line ran into another box's value; the address needs review");
  }
  if (c["/reportingOwners/0/street1"] < 0.8) c["/reportingOwners/0/street2"] = Math.min(c["/reportingOwners/0/street2"], 0.6);
  if (cityLine) {
    const csz = readCityStateZip([cityLine]);
    owner.city = csz.city;
    owner.state = csz.state;
    owner.zip = csz.zip;
    c["/reportingOwners/0/city"] = csz.city && /^[A-Z][A-Z .'\-]{2,}$/.test(csz.city) ? csz.confidence.city : Math.min(csz.confidence.city, 0.5);
    c["/reportingOwners/0/state"] = csz.confidence.state;
    c["/reportingOwners/0/zip"] = csz.confidence.zip;
    warnings.push(...csz.notes);
  } else if (partialCity) {
    const [line, city, state] = partialCity;
    Object.assign(owner, { city, state, zip: null });
    c["/reportingOwners/0/city"] = 0.75;
    c["/reportingOwners/0/state"] = 0.75;
    c["/reportingOwners/0/zip"] = 0.3;
    warnings.push(`ZIP code of the city line "${line}" not readable`);
  } else {
    for (const k of ["city", "state", "zip"]) c[`/reportingOwners/0/${k}`] = 0.3;
    warnings.push("city, state and ZIP line not read");
  }

  // Box 3 (date of earliest transaction; Form 3: date of event; Form 5: fiscal year end) above box 4 (amendment).
  const periodLabel = layout === "3" ? /Event Requiring|Requiring Statement/i : layout === "5" ? /Fiscal Year|Year Ended/i : /Earliest|Date of Earl/i;
  const dates: (FoundDate & { line: number })[] = [];
  zone.forEach((l, i) => {
    if (/[0-9OlI]\/[0-9OlI]/.test(l)) for (const d of findDates(l)) dates.push({ ...d, line: i });
  });
  const pLab = at(periodLabel);
  const aLab = at(/If Amend|Original Filed/i);
  const pos = (line: number, col: number) => line * 10_000 + col;
  const aPos = aLab >= 0 ? pos(aLab, findLabel(zone[aLab], LANDMARKS.amendment, 0.4)?.start ?? 0) : Infinity;
  const afterP = dates.filter((d) => pLab < 0 || d.line >= pLab);
  let period = afterP.find((d) => pos(d.line, d.index) < aPos) ?? null;
  let amendment = afterP.find((d) => pos(d.line, d.index) > aPos && d !== period) ?? null;
  if (!period && amendment && afterP.length === 1 && aLab >= 0 && amendment.line !== aLab) {
    // A lone date below the amendment label but not on its line is most likely box 3 printed out of order.
    period = amendment;
    amendment = null;
  }
  c["/periodOfReport"] = period ? period.confidence : 0.3;
  c["/dateOfOriginalSubmission"] = amendment ? Math.min(amendment.confidence, 0.85) : 0.9;
  for (const d of [period, amendment]) if (d?.note) warnings.push(d.note);
  if (!period) warnings.push("date in box 3 not read");

  // Box 6: which line carries the X.
  const one = new RegExp(`(?:^|\\s)${TICK}[\\s_|—–\\-]{0,4}Form filed by One`, "m").test(zoneText);
  const more = new RegExp(`(?:^|\\s)${TICK}[\\s_|—–\\-]{0,4}Form filed by More`, "m").test(zoneText);
  c["/jointFiling"] = one !== more ? 0.93 : 0.5;
  if (one === more) warnings.push("box 6 (individual or joint filing) tick not read; taken as individual filing");

  // The 10b5-1 box (forms since 2023): Tesseract mostly drops the mark in its small box, so a box with
  // no mark seen is read as unchecked but flagged; forms without the box leave the field unknown.
  const rule10b5 = zone.findIndex((l) => /10b[5S]-?1|Check this box to indicate/i.test(l));
  // Forms 4 and 5 carry the box since the April 2023 revision; when the OCR lost its text, it is most likely unchecked.
  const revised = layout !== "3" && (period?.value ?? "") >= "2023-04-01";
  const aff10b5One = rule10b5 < 0 ? (revised ? false : null) : new RegExp(`(?:^|[\\s|(\\[])${TICK}[\\s_|—–\\-\\]]{0,4}Check this box to indicate`, "m").test(zone.join("\n"));
  c["/aff10b5One"] = aff10b5One === null ? 0.9 : aff10b5One ? 0.85 : rule10b5 < 0 ? 0.6 : 0.7;
  return {
    aff10b5One,
    issuer: { name: issuerName, ticker, cik: null },
    owner,
    period: period?.value ?? null,
    amendment: amendment?.value ?? null,
    joint: more && !one,
    confidence: c,
    // On the ticker's line box 1's name runs into box 2's issuer; only the name part is a candidate.
    nameCandidates: zone
      .map((_, i) => i)
      .filter((i) => i >= labelIdx - 12 && i <= Math.max(labelIdx, lastIdx) + 8 && isName(i))
      .map((i) => (i === tickIdx && ticker ? splitNameAndIssuer(cleanValue(zone[i].slice(0, TICKER.exec(zone[i])!.index)).split(" "), ticker).owner : headerValue(zone[i]))),
  };
}

/**
 * A narrow date column clips a date's last digit ("11/16/202"). Transactions fall within days of box 3's
 * date, so a year of three digits that begins box 3's year is that year.
 */
function completeClippedYears(lines: string[], from: number, to: number, period: string | null, warnings: string[]): void {
  if (!period) return;
  const year = period.slice(0, 4);
  const clipped = new RegExp(`\\b([0-9]{1,2}/[0-9]{1,2}/)(${year.slice(0, 3)})(?![0-9])`, "g");
  let n = 0;
  for (let i = from; i < to; i++) {
    if (!lines[i].includes(`/${year.slice(0, 3)}`)) continue;
    const fixed = lines[i].replace(clipped, `$1${year}`);
    if (fixed !== lines[i]) n++;
    lines[i] = fixed;
  }
  if (n) warnings.push(`${n} table line(s) with a date's year cut to three digits ("/${year.slice(0, 3)}"): read as ${year}, box 3's year`);
}

// A header line with the printed labels and everything right of box 1 removed.
function headerValue(line: string): string {
  let v = line;
  for (const text of [LANDMARKS.reportingPerson, LANDMARKS.issuer, LANDMARKS.relationship]) {
    const m = label(v, text, 0.6);
    if (m) v = `${v.slice(0, m.start)} ${v.slice(m.end)}`;
  }
  v = v.replace(CHECK_ALL, " ").replace(/^\W{0,3}[0-9]\s?[.,]\s?/, " ").replace(LEFT_LABELS, " ");
  return cleanValue(cutAtRightBox(v.replace(TICKER, (t) => ` ${t} `)).replace(/\[.*$/, (t) => (TICKER.test(t) ? t : "")));
}

/**
 * Splits "JANZEN HOWARD E SONUS NETWORKS INC" into owner and issuer when Tesseract ran boxes 1
 * and 2 together. Issuer names tend to start with the ticker's first letter; owner names are
 * two or three words (last, first, middle) or end in an entity suffix.
 */
function splitNameAndIssuer(words: string[], ticker: string): { owner: string; issuer: string; confidence: number } {
  let best = { k: Math.min(2, words.length - 1), score: -Infinity };
  for (let k = 1; k < words.length; k++) {
    const left = words.slice(0, k);
    const first = words[k];
    let score = 0;
    if (first[0]?.toUpperCase() === ticker[0]) score += 2;
    // "374Water Inc.": a person's name never starts with a digit, a company's may.
    if (/^[0-9]/.test(first)) score += 1.5;
    if (CORPORATE_END.test(left[left.length - 1].replace(/,$/, ""))) score += 2.5;
    // "DOE, JOHN": a comma after the surname. One after a later word is a speck of the page.
    if (k === 1 && left[0].endsWith(",")) score -= 1.5;
    if (CORPORATE_END.test(first.replace(/,$/, ""))) score -= 3;
    if (left.length >= 2 && left.length <= 3) score += 1;
    if (left.length === 3 && /^[A-Z]\.?$/.test(left[2])) score += 0.5;
    // Box 2's left rule often comes out as a quote mark glued to the issuer's first word.
    if (/^['"]\w/.test(first)) score += 3;
    if (score > best.score) best = { k, score };
  }
  if (words.length < 2) return { owner: words.join(" "), issuer: "", confidence: 0.3 };
  const issuer = words.slice(best.k).join(" ").replace(/^['"]+(?=\w)/, "");
  return { owner: words.slice(0, best.k).join(" "), issuer, confidence: best.score >= 3 ? 0.85 : 0.6 };
}

// ---------------------------------------------------------------------------
// Tables

// Column headings and instructions: never part of a row.
const HEADING = /Instr|Month|Title of|Date Exercisable|Expiration Date|Amount or|Number of|Ownership Form|Beneficially|Transaction\(s\)|Conversion or|Price of|Deemed|\(A\) or|Code\s*V|Execution|Owned Following/i;
// Column headings as a blurred scan prints them: "(MontvDayrvear)", "(inst. 8)", "Transacton(s)".
const HEADING_DAMAGED = /Mon\w{0,3}.?Day|Day.?Y\w{0,2}ear|[(\[]\s?[il1]nst\b|Transac\w{0,4}\(s\)|Owned Follow/i;
const NATURE_ONLY = /^(?:\S{1,2}\s)?(?:By|See|Held|Through|Trust|Family|Spouse|Custodian|IRA|LLC|Limited|Partnership|Fund|GRAT|Foundation)\b[^0-9]{0,40}$/;
// The page's title block and OMB box, which Tesseract may print among the rows ("hours per response: 0.5").
const PAGE_FURNITURE = /OMB (?:APPROVAL|Number)|per response|average burden|STATEMENT OF CHANGES|BENEFICIAL OWNERSHIP|Filed pursuant to Section|Washington, D\.?C|SECURITIES AND EXCHANGE COMMISSION|Print or Type/i;
// Boxes 5 and 6 of the header, which Tesseract may print in the middle of Table I.
const HEADER_BOX_TEXT = /Check all applicable|Form filed by|Officer ?\(give|Other ?\(specify|10 ?% Owner|Relationship of Reporting|Individual or Joint|^\W{0,2}X?\s?Director$/i;
const UNDERLYING_HEAD = /^(?:Common|Class(?: [A-Z])?(?: Common)?|Ordinary|Series [A-Z])$/i;
const COMPLETE_TITLE = /(?:Stock|Shares?|Units?|Warrants?|Notes?|Interests?|\)|Rights?|Options?)\.?$/i;

function hasValue(line: string): boolean {
  // A figure may carry a garbled raised marker: "355,525)", "17,128.6365@".
  return /[0-9OlI]\/[0-9OlI]{1,2}\/[0-9]/.test(line) || /(?:^|\s)\$?[0-9OlI]{1,3}(?:[,.][0-9OlI]{3})+(?:\.[0-9]+)?(?=[\s)'"”’®©°@?]|$)|(?:^|\s)\$[0-9]|(?:^|\s)[0-9]{1,7}(?:\.[0-9]+)?(?=\s|$)/.test(line);
}

// A raised marker glued to a figure or the ownership form, its number unreadable: "17,128.6365@",
// "$2,556.7346\")", "$2,564.925”", "355,525)", "D®".
const GLUED_MARKER = /(?<=[0-9])(?:[@©®°¢]\)?|["”“'’`]{1,2}\)?|'\?)(?= |$)|(?<=(?:^|\s)[^\s(]*[0-9],[0-9]{3})\)(?= |$)|(?<=(?:^|\s)[DI])[@©®°¢](?= |$)/g;

function readTable(
  lines: string[],
  from: number,
  to: number,
  table: TableKind,
  layout: LayoutForm,
  conf: Confidences,
  warnings: string[],
  ambiguous: Set<string>,
): (NonDerivativeRow | DerivativeRow)[] {
  // `guessed`: a marker of the row was damaged and read as (1).
  const groups: { start: string; before: string[]; more: string[]; guessed: boolean; head: string | null; tail: string[]; scraps: boolean }[] = [];
  // A nature of ownership wrapped over three lines prints its first words above its row ("By" /
  // "… 17,124 I Revocable" / "Trust"): held here for the row that comes next.
  let natureHead: string | null = null;
  // Title words printed above the first value line (a PDF text layer wraps cells top-down).
  let pending: string[] = [];
  // Columns 6 and 7 printed as lines of their own under the rows ("fl Trust", "' Trust").
  const natureLines: string[] = [];
  for (let i = from; i < to; i++) {
    // "(2.755", "(04/14/2028": a value behind a stray parenthesis; "'Common": a cell's left rule read as a quote mark.
    const l = tableLine(lines[i]).replace(/(?<=^| )\((?=[0-9][0-9.,/]*[0-9](?: |$))/g, "").replace(/^['‘’`]+(?=[A-Za-z])/, "");
    // A blank line only separates Tesseract's blocks; a title block stays pending for the values after it.
    if (!l) continue;
    if (HEADING.test(l) || HEADING_DAMAGED.test(l) || HEADER_BOX_TEXT.test(l) || PAGE_FURNITURE.test(l)) {
      pending = [];
      continue;
    }
    const bare = stripFootnoteMarkers(l).text;
    // Column numbers among heading scraps ("| 5 : | cane", "tad cee 6 ee ne 7 Grane") are not a row's values:
    // a line whose only figures are numbers up to 12 is heading.
    const figures = bare.match(/[0-9$][0-9.,/$]*/g) ?? [];
    if (numberedHeading(bare) || (figures.length > 0 && figures.every((f) => /^(?:[0-9]|1[0-2])[.,]?$/.test(f)))) {
      pending = [];
      continue;
    }
    // "$0.01 per share" under "Common Stock, par value" is the title going on, not a row.
    const titleTail = /^\$?[0-9][0-9.,]* [a-z]+(?: [a-z]+){0,3}$/.test(bare);
    const words = (/[A-Za-z]{2}/.test(bare) && bare.split(" ").length <= 8 && /^[A-Za-z(]/.test(bare)) || titleTail || /^(?:19|20)[0-9]{2}$/.test(bare);
    // A year alone on its line is a wrapped name's ("SMB Pacific" / "2021" / "… I Charitable"), not a row.
    const loneYear = /^(?:19|20)[0-9]{2}$/.test(bare);
    if (hasValue(bare) && !titleTail && !loneYear) {
      const odd = /\((?:a|l|i|I|@)\)|(?:^| )@(?= |$)/.exec(l);
      if (odd) warnings.push(`footnote marker read as "${odd[0].trim()}" taken as (1)`);
      // "$6280)": a price whose raised marker lost its opening parenthesis, which marker unknown;
      // "26)", "@4)": markers that lost theirs.
      const halfMarker = /(?<=^| )(\$[0-9][0-9,]*(?:\.[0-9]+)?)[0-9lI]\)(?= |$)|(?<=^| )[@a]?[0-9]{1,2}\)(?= |$)/.exec(l);
      if (halfMarker) warnings.push(`"${halfMarker[0]}" read as ${halfMarker[1] ? `the price ${halfMarker[1]} and ` : ""}a footnote marker that lost its opening parenthesis`);
      // Tesseract reads a raised "(1)" as "(a)", "(l)" or "@", and a code letter after the date in
      // lower case, sometimes behind a speck or two ("10/31/2025 : © c").
      // "$2,556.7346@", "16,188.4456©": a raised marker glued to a figure, its number unreadable.
      const unglued = l.replace(GLUED_MARKER, "");
      const gluedMarker = unglued !== l;
      const line = unglued
        .replace(/\((?:a|l|i|I|@)\)|(?<=^| )@(?= |$)/g, "(1)")
        .replace(/(?<=^| )(\$[0-9][0-9,]*(?:\.[0-9]+)?)[0-9lI]\)(?= |$)/, "$1")
        .replace(/(?<=^| )[@a]?([0-9]{1,2})\)(?= |$)/g, "($1)")
        .replace(/(\/[0-9]{2,4})(?: [^A-Za-z0-9\s]{1,2}){0,2} ([acdfgjmps])(?= )/g, (_m, d: string, c: string) => `${d} ${c.toUpperCase()}`);
      const last = groups[groups.length - 1];
      // The row itself wrapped: "... 04/29/2035 Common" / "Stock 757,576 $0 757,756 D", or each cell
      // came out as its own block: "04/30/2025" / "757,756 A $0 757,756".
      const wrapped = /^[A-Za-z]/.test(bare) || (last && !/[0-9],[0-9]{3}/.test(last.start));
      if (last && wrapped && !/[0-9OlI]\/[0-9OlI]{1,2}\//.test(bare) && unfinished(last.start, table, layout)) {
        last.start = `${last.start} ${line}`;
        last.guessed ||= Boolean(odd || halfMarker || gluedMarker);
      } else {
        // Under a wrapped nature the row's own line crosses the gap between its lines and picks up
        // descenders and markers ("… 8,239 I y Q) y"): nothing of the nature is there.
        const start = natureHead ? line.replace(/(?<= [ID])(?: (?:[A-Za-z]{1,2}|[A-Za-z0-9@]{0,2}\)|[0-9]))+$/, "") : line;
        groups.push({ start, before: groups.length ? [] : pending, more: [], guessed: Boolean(odd || halfMarker || gluedMarker), head: natureHead, tail: [], scraps: start !== line });
        natureHead = null;
      }
      pending = [];
    } else if (NATURE_HEAD.test(bare)) natureHead = natureHead ? `${natureHead} ${bare}` : bare;
    else if (groups.length && isNatureTail(groups[groups.length - 1], l)) groups[groups.length - 1].tail.push(l.replace(SPECK_BEFORE, ""));
    else if (groups.length && NATURE_ONLY.test(bare)) natureLines.push(bare);
    else if (groups.length && words && !isHeadingWords(bare)) groups[groups.length - 1].more.push(l);
    else if (words && !isHeadingWords(bare)) pending.push(l);
  }
  if (natureHead) natureLines.push(natureHead);
  const rows: (NonDerivativeRow | DerivativeRow)[] = [];
  const guessedForm: number[] = [];
  for (const g of groups) {
    const blobs = markerBlobs(g.start);
    const reading = readRow(tokenizeCells([blobs.line]), table as "nonDerivative", layout);
    const row = reading.row as NonDerivativeRow | DerivativeRow;
    const rc = reading.confidence;
    if (g.head) wrappedNature(row, rc, g, rowName(table, rows.length), warnings);
    if (blobs.found) rc.footnoteIds = Math.min(rc.footnoteIds ?? CLEAN, 0.5);
    if (g.guessed) rc.footnoteIds = Math.min(rc.footnoteIds ?? CLEAN, 0.6);
    // Rule debris and lower-case scraps ("cy Common") before the underlying title.
    if ("underlyingTitle" in row && row.underlyingTitle) {
      row.underlyingTitle = singleSpace(row.underlyingTitle.replace(/[|{}_~"]/g, " ")).replace(/^[a-z]{1,2} (?=[A-Z])/, "") || null;
      // "osi26/20z9 Class A": an expiration date too damaged to read ran into the title beside it.
      const lostDate = row.underlyingTitle && /^\S*[0-9]\S*\/\S*[0-9]\S* (?=[A-Z])/.exec(row.underlyingTitle);
      if (lostDate) {
        row.underlyingTitle = row.underlyingTitle!.slice(lostDate[0].length);
        rc.underlyingTitle = Math.min(rc.underlyingTitle ?? CLEAN, 0.75);
        if (!(row as DerivativeRow).expirationDate) rc.expirationDate = Math.min(rc.expirationDate ?? CLEAN, 0.4);
        warnings.push(`Table II row ${rows.length + 1}: "${lostDate[0].trim()}" before the underlying title taken for an unreadable date`);
      }
      // "Me Common", "( oy Common", "Q) Q) Common": specks and garbled markers read as words before the title.
      const speck = row.underlyingTitle && /^(?:\S{1,3} )+(?=(?:Common|Class|Ordinary|Series|American)\b)/.exec(row.underlyingTitle);
      if (speck) {
        row.underlyingTitle = row.underlyingTitle!.slice(speck[0].length);
        rc.underlyingTitle = Math.min(rc.underlyingTitle ?? CLEAN, 0.75);
      }
      // "o 'common": a speck and the cell's left rule before a lower-cased "Common".
      const lower = row.underlyingTitle && /^(?:[a-z]{1,2} )?['‘’]?(common|ordinary)\b(.*)$/.exec(row.underlyingTitle);
      if (lower) {
        row.underlyingTitle = `${lower[1][0].toUpperCase()}${lower[1].slice(1)}${lower[2]}`;
        rc.underlyingTitle = Math.min(rc.underlyingTitle ?? CLEAN, 0.75);
      }
    }
    // Values with nothing to their left and a figure-free row are not a row (page furniture, a stray number).
    const valueCount = [row.transactionDate, row.shares, row.sharesOwnedFollowing, row.price].filter((v) => v !== null).length;
    if (valueCount === 0 && !("underlyingShares" in row && row.underlyingShares !== null)) continue;
    if ("underlyingTitle" in row && row.underlyingTitle && /^Immediately\b/i.test(row.underlyingTitle)) {
      // The tokenizer runs "Immediately (1) Common" into one text; the first word is column 6's value.
      row.exercisableImmediately = true;
      row.underlyingTitle = row.underlyingTitle.replace(/^Immediately\s*/i, "") || null;
      rc.exercisableImmediately = 0.85;
      rc.underlyingTitle = Math.min(rc.underlyingTitle ?? CLEAN, 0.85);
    }
    if (!row.securityTitle && g.before.length) {
      row.securityTitle = g.before.map((b) => stripFootnoteMarkers(b).text).reduce(joinTitle, "");
      rc.securityTitle = 0.8;
    }
    const titleOnStart = Boolean(row.securityTitle);
    for (const extra of g.more) {
      const s = stripFootnoteMarkers(extra);
      for (const id of s.footnoteIds) if (!row.footnoteIds.includes(id)) row.footnoteIds.push(id);
      let words = s.text.replace(/[|{}_~"]/g, " ").trim();
      if ("underlyingTitle" in row && row.underlyingTitle) row.underlyingTitle = row.underlyingTitle.replace(/\s+[—–\-=~]+$/, "");
      if ("underlyingTitle" in row && row.underlyingTitle && UNDERLYING_HEAD.test(row.underlyingTitle)) {
        const tail = /(?:^|\s)((?:[A-Z] )?Common(?: Stock)?|Stock|Shares)$/.exec(words);
        // "Common Stock Remainder": the underlying title's end, then the nature's, left of it in print.
        const lead = row.natureOfOwnership ? /^((?:[A-Z] )?Common(?: Stock)?|Stock|Shares)\b\s*(.*)$/.exec(words) : null;
        if (lead && lead[2]) {
          row.underlyingTitle = `${row.underlyingTitle} ${lead[1]}`;
          row.natureOfOwnership = `${row.natureOfOwnership} ${lead[2]}`;
          rc.underlyingTitle = Math.min(rc.underlyingTitle ?? CLEAN, 0.85);
          rc.natureOfOwnership = Math.min(rc.natureOfOwnership ?? CLEAN, 0.75);
          continue;
        }
        if (tail) {
          // Both titles wrap in the same lines; which "Stock" belongs to which column is a guess.
          row.underlyingTitle = `${row.underlyingTitle} ${tail[1]}`;
          words = words.slice(0, tail.index).trim();
          rc.underlyingTitle = Math.min(rc.underlyingTitle ?? CLEAN, 0.85);
          rc.securityTitle = Math.min(rc.securityTitle ?? CLEAN, 0.75);
        }
      }
      if (!words) continue;
      if (!words.toLowerCase().split(/[^a-z]+/).some((w) => TITLE_WORDS.has(w) || NATURE_WORDS.has(w))) {
        // Specks and heading scraps under a row ("cae Pe) oe geen Te Anon"): no title goes on in them,
        // though a misread end of the title ("Sao nesters" for "$0.01 per share") or nature may be among them.
        warnings.push(`${rowName(table, rows.length)}: dropped "${words}" under the row as OCR noise`);
        rc.securityTitle = Math.min(rc.securityTitle ?? CLEAN, 0.7);
        if (row.natureOfOwnership) rc.natureOfOwnership = Math.min(rc.natureOfOwnership ?? CLEAN, 0.7);
        continue;
      }
      if (!row.securityTitle || !COMPLETE_TITLE.test(row.securityTitle) || /^[a-z(]|^(?:Stock|Option|Units?|Shares|Preferred|Convertible)\b/.test(words)) {
        row.securityTitle = joinTitle(row.securityTitle, words);
        rc.securityTitle = Math.min(rc.securityTitle ?? CLEAN, 0.85);
      } else if (row.natureOfOwnership) {
        row.natureOfOwnership = `${row.natureOfOwnership} ${words}`;
        rc.natureOfOwnership = Math.min(rc.natureOfOwnership ?? CLEAN, 0.75);
      } else {
        row.securityTitle = joinTitle(row.securityTitle, words);
        rc.securityTitle = 0.7;
      }
    }
    row.securityTitle = joinClassLetter(singleSpace(row.securityTitle.replace(/[|{}_~"]/g, " ").replace(/ [—–-] /g, " ")).replace(/^[^A-Za-z0-9(]+/, "").replace(/(?<=[a-z])\.$/, ""));
    const strange = row.securityTitle.split(" ").find((w) => /^[a-z]{3,}$/.test(w.replace(/[(),.]/g, "")) && !TITLE_WORDS.has(w.replace(/[(),.]/g, "")));
    if (strange) {
      // Titles use a small vocabulary; a lower-case word outside it is a misreading ("par value Sao nesters").
      rc.securityTitle = Math.min(rc.securityTitle ?? CLEAN, 0.7);
      warnings.push(`${rowName(table, rows.length)}: "${strange}" in the title looks misread`);
    }
    if ("underlyingTitle" in row && row.underlyingTitle) row.underlyingTitle = joinClassLetter(row.underlyingTitle.replace(/^[^A-Za-z0-9(]+/, ""));
    if ("underlyingTitle" in row && row.underlyingTitle && UNDERLYING_HEAD.test(row.underlyingTitle)) rc.underlyingTitle = Math.min(rc.underlyingTitle ?? CLEAN, 0.6);
    // A row whose values came without their title, or a derivative "titled" Common Stock, means
    // Tesseract broke the row's layout apart: none of its cells can be trusted to sit in their column.
    const broken = (g.more.length > 0 && !titleOnStart) || (table === "derivative" && /^(?:Common|Ordinary)\b/i.test(row.securityTitle));
    if (broken) {
      for (const k of Object.keys(rc)) rc[k] = Math.min(rc[k], 0.7);
      warnings.push(`${rowName(table, rows.length)}: row layout broken by OCR; every value needs review`);
    }
    if (!row.securityTitle) {
      rc.securityTitle = 0.2;
      warnings.push(`${rowName(table, rows.length)}: security title not read`);
    }
    if (row.kind === "holding" && table === "nonDerivative" && row.acquiredDisposed && !row.directOrIndirect) {
      // A holding has no (A)/(D) column value: a lone D after the amount is the ownership form.
      row.directOrIndirect = row.acquiredDisposed === "D" ? "D" : null;
      row.acquiredDisposed = null;
      rc.directOrIndirect = 0.85;
      rc.acquiredDisposed = 0.9;
    }
    const index = rows.length;
    const where = `${rowName(table, index)}`;
    if (table === "derivative") placeLoneDate(row as DerivativeRow, rc, where, warnings);
    if (flagMissingCells(row, rc, layout, where, warnings)) guessedForm.push(index);
    for (const [k, v] of Object.entries(rc)) conf[`/${table}/${index}/${k}`] = v;
    for (const k of reading.ambiguous) ambiguous.add(`/${table}/${index}/${k}`);
    warnings.push(...reading.warnings.map((w) => `${rowName(table, index)}: ${w}`));
    rows.push(row);
  }
  // Indirect holdings come last on a form, so the stray natures go to the last rows whose ownership form was lost.
  const takers = natureLines.length ? guessedForm.filter((k) => !rows[k].natureOfOwnership).slice(-natureLines.length) : [];
  takers.forEach((k, j) => {
    const text = natureLines[natureLines.length - takers.length + j].replace(/^\S{1,2}\s(?=[A-Z])/, "");
    rows[k].natureOfOwnership = text;
    rows[k].directOrIndirect = "I";
    for (const f of ["natureOfOwnership", "directOrIndirect"]) conf[`/${table}/${k}/${f}`] = 0.6;
    warnings.push(`${rowName(table, k)}: nature of ownership "${text}" found on a line of its own below the rows`);
  });
  return rows;
}

// The first line of a nature of ownership wrapped above its row: "By", "See", "By Famil", "By 401(k".
const NATURE_HEAD = /^(?:By|See|Held|Through|Owned)\b(?: \S+){0,3}$/;
// A wrapped nature's last line under its row: a word or two, perhaps with its markers ("Trust!", "Child", "(2)(3)").
const NATURE_TAIL = /^(?:[A-Z][A-Za-z.&'-]*|of|and|the|\(k\)|\([0-9]{1,2}\))(?: (?:[A-Z][A-Za-z.&'-]*|of|and|the|\([0-9]{1,2}\)))?[!?\\'",.:;]{0,2}(?:\([0-9]{1,2}\))*$/;

const TITLE_GOES_ON = /^(?:Stock|Shares?|Units?|Options?|Common|Class|Preferred)\b/;
// A speck or the cell's rule before a wrapped line's first word: "( Trust", ". Family".
const SPECK_BEFORE = /^[^A-Za-z0-9\s]{1,2} (?=[A-Za-z(])/;

/** The line right under a row with a wrapped nature, or the one after it, is the nature's tail. */
function isNatureTail(g: { head: string | null; tail: string[]; more: string[] }, line: string): boolean {
  if (!g.head || g.more.length || g.tail.length >= 2) return false;
  const l = line.replace(SPECK_BEFORE, "");
  return NATURE_TAIL.test(l) && !TITLE_GOES_ON.test(l);
}

/**
 * Joins a nature of ownership printed over three lines: its head above the row, what the row's
 * line holds of it, and its tail, the first line under the row. Markers in the tail are the row's.
 */
function wrappedNature(row: NonDerivativeRow | DerivativeRow, rc: Confidences, g: { head: string | null; tail: string[]; scraps: boolean }, where: string, warnings: string[]): void {
  const head = g.head!.split(" ");
  const middle = (row.natureOfOwnership ?? "").split(" ").filter((w) => /[A-Za-z]{3}|^[0-9]+\(k\)?$/.test(w));
  // "By 401(k" over "401(k)": the row's line repeats the head's clipped last word.
  const last = head[head.length - 1];
  if (middle.length && last.length >= 2 && middle[0].startsWith(last) && middle[0] !== last) head.pop();
  let tail = "";
  if (g.tail.length) {
    const marked = stripFootnoteMarkers(g.tail.join(" "));
    for (const id of marked.footnoteIds) if (!row.footnoteIds.includes(id)) row.footnoteIds.push(id);
    tail = marked.text.replace(/[!?\\'",.:;]+$/, "");
  }
  // "By 401(k Plan": the bracket's close fell in the gap between the lines.
  const nature = singleSpace([...head, ...middle, tail].join(" ")).replace(/\(k(?!\))/g, "(k)");
  if (!nature || nature === row.natureOfOwnership) return;
  // Every word whole ("Famil" is not: the row's line took its last letter) and a line under the row
  // (without one the nature may go on in another column's line) make a reading to trust.
  const damaged = g.tail.length === 0 || !nature.split(" ").every((w) => /^(?:[A-Z]{2,}|[0-9]+\(k\))$/.test(w) || (/^[A-Za-z]{2,}$/.test(w) && isWord(w)));
  warnings.push(`${where}: nature of ownership wrapped over the lines around the row, read as "${nature}"`);
  row.natureOfOwnership = nature;
  // The one-word-fragment doubt the row reader raised is answered by the join.
  rc.natureOfOwnership = damaged ? 0.7 : 0.8;
  if (!row.directOrIndirect) {
    row.directOrIndirect = "I";
    rc.directOrIndirect = Math.min(rc.directOrIndirect ?? 1, 0.75);
  }
}

/**
 * Columns 6 of Table II hold two dates; with one of them given only by a marker that OCR lost,
 * the row reader takes the lone date for the first column. Options are exercisable within a few
 * years and expire about ten years out, so a date years after the transaction is the expiration.
 */
function placeLoneDate(row: DerivativeRow, rc: Confidences, where: string, warnings: string[]): void {
  if (!row.exerciseDate || row.expirationDate) return;
  const years = row.transactionDate ? (Date.parse(row.exerciseDate) - Date.parse(row.transactionDate)) / 31_557_600_000 : Infinity;
  if (years >= 4) {
    row.expirationDate = row.exerciseDate;
    row.exerciseDate = null;
    warnings.push(`${where}: one date in column 6; ${row.expirationDate} taken as the expiration date`);
  } else warnings.push(`${where}: one date in column 6; taken as the date exercisable`);
  rc.exerciseDate = Math.min(rc.exerciseDate ?? CLEAN, 0.6);
  rc.expirationDate = Math.min(rc.expirationDate ?? CLEAN, 0.6);
}

// Cells every transaction (or holding) row fills on a real form; empty, they were most likely lost.
const TRANSACTION_CELLS = ["transactionDate", "transactionCode", "shares", "acquiredDisposed", "price", "sharesOwnedFollowing", "directOrIndirect"] as const;
const DERIVATIVE_CELLS = ["underlyingTitle", "underlyingShares", "expirationDate"] as const;

/**
 * A null where the form always has a value is a cell OCR lost, not an empty cell: it is flagged.
 * A row missing several such cells was read out of its columns, so its other values are flagged too.
 */
function flagMissingCells(row: NonDerivativeRow | DerivativeRow, rc: Confidences, layout: LayoutForm, where: string, warnings: string[]): boolean {
  const derivative = "underlyingTitle" in row;
  const wanted: string[] = row.kind === "transaction" && layout !== "3" ? [...TRANSACTION_CELLS] : [derivative ? "directOrIndirect" : "sharesOwnedFollowing", "directOrIndirect"];
  if (derivative) wanted.push(...DERIVATIVE_CELLS.filter((k) => k !== "expirationDate" || !row.exercisableImmediately));
  if (row.directOrIndirect !== "D" && !row.natureOfOwnership) wanted.push("natureOfOwnership");
  if (row.natureOfOwnership && !/[A-Z]/.test(row.natureOfOwnership) && !/[a-z]{4}/.test(row.natureOfOwnership)) {
    // "sos ji ue": rule debris and specks in the last column, not a nature of ownership.
    warnings.push(`${where}: dropped "${row.natureOfOwnership}" in the nature column as OCR noise`);
    row.natureOfOwnership = null;
    rc.natureOfOwnership = 0.6;
    if (rc.directOrIndirect !== undefined && rc.directOrIndirect < 0.9) {
      row.directOrIndirect = null;
      if (!wanted.includes("directOrIndirect")) wanted.push("directOrIndirect");
    }
  }
  // A speck after the nature: "By CZI Holdings, LLC z".
  if (row.natureOfOwnership && / [a-z]$/.test(row.natureOfOwnership)) {
    row.natureOfOwnership = row.natureOfOwnership.slice(0, -2);
    rc.natureOfOwnership = Math.min(rc.natureOfOwnership ?? CLEAN, 0.7);
  }
  const r = row as unknown as Record<string, unknown>;
  const missing = wanted.filter((k) => r[k] === null);
  if (row.directOrIndirect === "D" && row.natureOfOwnership && (rc.directOrIndirect ?? CLEAN) < 0.8) {
    // A "D" read from a lookalike ("0") beside a nature of ownership was the I of an indirect holding.
    row.directOrIndirect = "I";
    rc.directOrIndirect = 0.6;
    warnings.push(`${where}: ownership form read as D beside a nature of ownership; taken as I`);
  }
  if (row.natureOfOwnership) {
    // A stray rule or tick before the nature ("\\ Trust", "f Trust"), or the column-6 "I" itself
    // misread and run into it ("oi Trust", "iD Trust", "I Limited Partnership").
    const lead = /^(?:(?:[^A-Za-z0-9(\s]+|[a-z]{1,2}|[a-z][A-Z]|[Il1|]\)?)\s+){1,2}(?=[A-Z])/.exec(row.natureOfOwnership);
    if (lead) {
      row.natureOfOwnership = row.natureOfOwnership.slice(lead[0].length);
      rc.natureOfOwnership = Math.min(rc.natureOfOwnership ?? CLEAN, 0.7);
      if (!row.directOrIndirect) {
        row.directOrIndirect = "I";
        rc.directOrIndirect = 0.7;
      }
    }
  }
  // Markers after the title that OCR turned into "oo)", "()2)" or "2)(3N6)": the digits left are a guess at the ids.
  const words = row.securityTitle.split(" ");
  let cut = words.length;
  while (cut > 1 && words[cut - 1].includes(")") && !/[A-Za-z]{2}/.test(words[cut - 1])) cut--;
  if (cut < words.length && words[cut - 1].endsWith(")")) {
    for (const id of words.slice(cut).join(" ").match(/[0-9]{1,2}/g) ?? []) if (!row.footnoteIds.includes(id)) row.footnoteIds.push(id);
    row.securityTitle = words.slice(0, cut).join(" ");
    rc.securityTitle = Math.min(rc.securityTitle ?? CLEAN, 0.75);
    rc.footnoteIds = Math.min(rc.footnoteIds ?? CLEAN, 0.5);
  }
  // "Class Common Stock": the class letter was lost.
  for (const k of ["securityTitle", "underlyingTitle"]) {
    if (/^(?:Class|Series) (?:Common|Stock|Preferred)/.test(String(r[k] ?? ""))) rc[k] = Math.min(rc[k] ?? CLEAN, 0.5);
  }
  // A title holding a date, a digit-letter mix ("ox0r2025") or a lone lower-case scrap took in cells it should not have.
  if (/[0-9OlI]{1,2}\/[0-9OlI]{1,2}\/|[a-z]\/[0-9]|\b(?=\w*[0-9])(?=\w*[a-z])\w{4,}\b| [a-z]{1,2}$/.test(row.securityTitle)) {
    for (const k of Object.keys(row)) rc[k] = Math.min(rc[k] ?? CLEAN, 0.6);
    warnings.push(`${where}: the title "${row.securityTitle}" holds pieces of other cells; the row needs review`);
  }
  for (const k of missing) rc[k] = Math.min(rc[k] ?? CLEAN, 0.5);
  if (derivative && !row.exerciseDate && !row.expirationDate && !row.exercisableImmediately && !row.footnoteIds.length) {
    // Column 6 is never blank on a filed form: with no date in it, the markers that stood for them were lost.
    rc.footnoteIds = Math.min(rc.footnoteIds ?? CLEAN, 0.6);
    warnings.push(`${where}: no date and no footnote marker in column 6; markers were probably lost`);
  }
  let guessed = false;
  if (!row.directOrIndirect && missing.includes("directOrIndirect")) {
    // The lost ownership form is almost always I when a nature of ownership is printed and D when
    // none is: a flagged guess the reviewer confirms is less work than an empty cell.
    row.directOrIndirect = row.natureOfOwnership ? "I" : "D";
    rc.directOrIndirect = 0.5;
    warnings.push(`${where}: ownership form not read; taken as ${row.directOrIndirect} ${row.natureOfOwnership ? "from the nature of ownership" : "as no nature of ownership is given"}`);
    guessed = true;
  }
  if (missing.length >= 3) {
    for (const k of Object.keys(row)) rc[k] = Math.min(rc[k] ?? CLEAN, 0.7);
    warnings.push(`${where}: ${missing.join(", ")} not read; the row's other values need review too`);
  }
  return guessed;
}

/**
 * Cell rules come out as "|", "[" or "]" glued to values ("[5,000", "|D |"), and a code with its
 * raised marker as "Ga)": rules go, the marker becomes "(1)".
 */
function tableLine(line: string): string {
  if (!/[|[\]{}]|[A-Z][al]\)/.test(line)) return line;
  return singleSpace(line.replace(/[|[\]{}]/g, " ").replace(/(^| )([A-Z])\(?[al]\)(?= |$)/g, "$1$2 (1)"));
}

// Words of the tables' column headings; a line made only of them is heading, not a wrapped title.
const HEADING_WORDS = new Set("date exercisable expiration title amount or number of shares code v a d price instr and security securities derivative conversion exercise transaction month day year".split(" "));

function isHeadingWords(text: string): boolean {
  return text.toLowerCase().split(/[^a-z]+/).every((w) => !w || HEADING_WORDS.has(w));
}

/**
 * The column headings' numbers with their damaged words ("3 Tarsasionbue 3A Deaned 4 Tesacion 7 TWeanan
 * 10 Oveeate"): three or more column numbers in order, each before a word, and no date, are not a row.
 */
function numberedHeading(line: string): boolean {
  if (/[0-9OlI]\/[0-9OlI]{1,2}\//.test(line)) return false;
  const nums = [...line.matchAll(/(?:^|\s)(1[0-2]|[1-9])[A-Z]?[.,]?\s(?=[A-Z][A-Za-z]{3})/g)].map((m) => Number(m[1]));
  return nums.length >= 3 && nums.every((n, i) => i === 0 || n >= nums[i - 1]) && nums[nums.length - 1] > nums[0];
}

// A row that has not reached its last columns (owned after, D/I) continues on the next value line.
function unfinished(start: string, table: TableKind, layout: LayoutForm): boolean {
  if (layout === "3") return false;
  const row = readRow(tokenizeCells([start]), table as "nonDerivative", layout).row;
  return row.kind === "transaction" && row.sharesOwnedFollowing === null && row.directOrIndirect === null;
}

// "Class ACommon Stock", "ClassA Common Stock": the class letter loses a space; "Class 8" is a B, "Glass B" a Class B.
const joinClassLetter = (title: string) => title.replace(/\bGlass(?= [A-Z] | Common)/g, "Class").replace(/\b(Class|Series)[.,] ?/g, "$1 ").replace(/\b(Class|Series) ?([A-Z]) ?(?=Common|Preferred|Ordinary|Stock)/g, "$1 $2 ").replace(/\b(Class|Series) 8 (?=Common|Preferred|Ordinary|Stock)/g, "$1 B ");

/**
 * Markers printed together blur into blobs ("(5)2)(3N6)", "((2)@X4)"): their digits are the ids,
 * as separate markers, so that the blob still parts the two titles it sits between. A class "8"
 * is a B (and "Glass" a Class), mended before the 8 is taken for a number.
 */
function markerBlobs(line: string): { line: string; found: boolean } {
  let found = false;
  const out = line.replace(/(?<=^|\s)[(0-9@®©?NX\\)]{4,}(?=\s|$)|(?<=^|\s)\(?[A-Za-z]{0,3}[@®©][^\s]*\)(?=\s|$)/g, (blob) => {
    if (/[@®©]/.test(blob) && !/[0-9]/.test(blob)) {
      // "@y@vaye)": markers too blurred for any digit; one unknown marker stands in, flagged.
      found = true;
      return "(1)";
    }
    if ((blob.match(/[()]/g) ?? []).length < 2 || !/[0-9]/.test(blob) || /^\([0-9]{1,2}\)$/.test(blob) || /^(?:\([0-9]{1,2}\))+$/.test(blob)) return blob;
    found = true;
    return (blob.match(/[0-9]/g) ?? []).map((d) => `(${d})`).join("");
  });
  return { line: out.replace(/\bGlass(?= [A-Z8] | Common)/g, "Class").replace(/\b(Class|Series) 8 (?=Common|Preferred|Ordinary|Stock)/g, "$1 B "), found };
}

// Titles wrap inside narrow columns: "Non-" + "qualified" joins without a space.
function joinTitle(head: string, tail: string): string {
  if (!head) return tail;
  return head.endsWith("-") ? `${head}${tail}` : `${head} ${tail}`;
}

/**
 * Consecutive sales of one class chain: owned-after of one row minus the next row's amount is
 * the next row's owned-after. When OCR lost a row's amount (or code), the chain gives it back.
 * Returns the pointers it filled with their (low) confidences.
 */
function fillFromOwnedChain(filing: Filing): Map<string, number> {
  const inferred = new Map<string, number>();
  const rows = filing.nonDerivative;
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i];
    const prev = rows[i - 1];
    if (r.kind !== "transaction" || prev.kind !== "transaction") continue;
    if (prev.securityTitle !== r.securityTitle || prev.directOrIndirect !== r.directOrIndirect) continue;
    if (r.shares === null && r.sharesOwnedFollowing !== null && prev.sharesOwnedFollowing !== null && r.acquiredDisposed) {
      const diff = r.acquiredDisposed === "D" ? prev.sharesOwnedFollowing - r.sharesOwnedFollowing : r.sharesOwnedFollowing - prev.sharesOwnedFollowing;
      if (diff > 0) {
        r.shares = Math.round(diff * 10_000) / 10_000;
        inferred.set(`/nonDerivative/${i}/shares`, 0.75);
        filing.warnings.push(`Table I row ${i + 1}: amount not read; ${r.shares} worked out from the amounts owned after rows ${i} and ${i + 1}`);
      }
    }
    if (r.transactionCode === null && prev.transactionCode && prev.acquiredDisposed === r.acquiredDisposed && prev.transactionDate && r.transactionDate) {
      r.transactionCode = prev.transactionCode;
      inferred.set(`/nonDerivative/${i}/transactionCode`, 0.55);
      filing.warnings.push(`Table I row ${i + 1}: code not read; guessed ${r.transactionCode} like the row above`);
    }
  }
  return inferred;
}

/**
 * An exercise or conversion is reported twice: the derivative given up in Table II and the
 * shares received in Table I, same code, same count, same day. A Table I row that lost its
 * title or date takes them from its Table II twin (flagged: the pairing is inferred).
 */
function fillFromExercise(filing: Filing): void {
  filing.nonDerivative.forEach((r, i) => {
    if ((r.securityTitle && r.transactionDate) || !r.transactionCode || !"MXCO".includes(r.transactionCode) || r.shares === null) return;
    const twin = filing.derivative.find((d) => d.transactionCode === r.transactionCode && (d.shares === r.shares || d.underlyingShares === r.shares));
    if (!twin) return;
    const p = `/nonDerivative/${i}`;
    if (!r.securityTitle && twin.underlyingTitle) {
      r.securityTitle = twin.underlyingTitle;
      filing.fieldConfidence[`${p}/securityTitle`] = 0.6;
      filing.warnings.push(`Table I row ${i + 1}: title not read; taken as ${twin.underlyingTitle}, the security its Table II exercise delivers`);
    }
    if (!r.transactionDate && twin.transactionDate) {
      r.transactionDate = twin.transactionDate;
      filing.fieldConfidence[`${p}/transactionDate`] = 0.6;
      filing.warnings.push(`Table I row ${i + 1}: date not read; taken as ${twin.transactionDate}, the date of its Table II exercise`);
    }
  });
}

/**
 * A share price of $10,000 or more is all but unknown; a whole number that large in the price
 * column is a price whose decimal point OCR lost ("$152655" for $152.655).
 */
function flagOutlyingPrices(filing: Filing): void {
  for (const table of ["nonDerivative", "derivative"] as const) {
    filing[table].forEach((r, i) => {
      if (r.price === null) return;
      if (r.transactionCode && "GW".includes(r.transactionCode) && r.price !== 0) {
        // A gift or a bequest has no price; "$0" with its $ read as a 3, 5 or 8 gives 30, 50, 80.
        const p = `/${table}/${i}/price`;
        const dollarZero = [30, 50, 80].includes(r.price);
        filing.warnings.push(`${rowName(table, i)}: price ${r.price} on a code ${r.transactionCode} row, which has none${dollarZero ? "; read as $0" : ""}`);
        if (dollarZero) r.price = 0;
        filing.fieldConfidence[p] = Math.min(filing.fieldConfidence[p] ?? 1, dollarZero ? 0.7 : 0.6);
        return;
      }
      const range = priceRange(filing, r.footnoteIds);
      if (range) {
        const p = `/${table}/${i}/price`;
        const inRange = (v: number) => v >= range[0] && v <= range[1];
        if (inRange(r.price)) {
          // Prices are given to four decimals at most; digits past them are a raised marker run into
          // the figure ("$2,579.3767(14)" read as 2579.376709), and the range cannot tell which are which.
          const decimals = String(r.price).split(".")[1] ?? "";
          if (decimals.length > 4) {
            const cut = Number(String(r.price).slice(0, String(r.price).indexOf(".") + 5));
            filing.warnings.push(`${rowName(table, i)}: price ${r.price} has more decimals than a price carries; read as ${cut}, the rest taken for a footnote marker`);
            r.price = cut;
            filing.fieldConfidence[p] = Math.min(filing.fieldConfidence[p] ?? 1, 0.7);
          } else if ((filing.fieldConfidence[p] ?? 1) >= 0.5) filing.fieldConfidence[p] = Math.max(filing.fieldConfidence[p] ?? 0, 0.95);
          return;
        }
        // A weighted average lies inside the range its footnote gives: a lost decimal point
        // ("$152655") or a "$" read as a digit ("5151.814") is undone by the reading that fits.
        const text = String(r.price);
        const fixes = [1, 2, 3, 4].map((k) => r.price! / 10 ** k).concat(/^[58]/.test(text) ? [Number(text.slice(1))] : []);
        const fix = fixes.find(inRange);
        filing.fieldConfidence[p] = fix !== undefined ? 0.75 : Math.min(filing.fieldConfidence[p] ?? 1, 0.6);
        filing.warnings.push(`${rowName(table, i)}: price ${r.price} lies outside the footnote's range $${range[0]} to $${range[1]}${fix !== undefined ? `; read as ${fix}` : ""}`);
        if (fix !== undefined) r.price = Math.round(fix * 10_000) / 10_000;
        return;
      }
      if (r.price < 10_000 || !Number.isInteger(r.price)) return;
      filing.fieldConfidence[`/${table}/${i}/price`] = Math.min(filing.fieldConfidence[`/${table}/${i}/price`] ?? 1, 0.5);
      // Sales of one day trade close together: the decimal point goes where the price meets the others.
      const others = filing[table].map((o) => o.price).filter((v): v is number => v !== null && v > 0 && v < 10_000).sort((a, b) => a - b);
      const median = others[Math.floor(others.length / 2)];
      const fix = median === undefined ? undefined : [1, 2, 3, 4].map((k) => r.price! / 10 ** k).find((v) => Math.abs(v - median) <= median * 0.1);
      filing.warnings.push(`${rowName(table, i)}: price ${r.price} is implausible for one share; decimal point probably lost${fix !== undefined ? `; read as ${fix} like the other rows' prices` : ""}`);
      if (fix !== undefined) r.price = Math.round(fix * 10_000) / 10_000;
    });
  }
}

/** Fund and trust names carry Roman numerals ("Fund II", "Partners III") that OCR reads as "Il", "lI", "1I". */
const romanNumerals = (name: string) => name.replace(/(?<=[A-Za-z] )(?=[Il1]*[l1])[Il1]{2,3}(?= [A-Z]|,|$)/g, (m) => "I".repeat(m.length));

/** The price range a weighted-average footnote of the row states ("from $150.300 to $151.295"). */
function priceRange(filing: Filing, ids: string[]): [number, number] | null {
  for (const f of filing.footnotes) {
    if (!ids.includes(f.id)) continue;
    const m = /\$\s?([0-9][0-9,.]*[0-9])\s?(?:to|-|–|and|through)\s?\$\s?([0-9][0-9,.]*[0-9])/.exec(f.text);
    if (!m) continue;
    // Either end may have its decimal point read as a comma ("$152,300 to $153.090").
    const readings = (t: string) => [Number(t.replace(/,/g, "")), Number(t.replace(/,(?=[0-9]+$)/, ".").replace(/,/g, ""))];
    for (const lo of readings(m[1])) for (const hi of readings(m[2])) if (lo > 0 && hi >= lo && hi < lo * 2) return [lo, hi];
  }
  return null;
}

/**
 * Markers printed together lose their parentheses ("(2)(4)" read as "(24)"): an id no footnote
 * carries whose digits are all footnote ids is those ids.
 */
function splitRunTogetherIds(filing: Filing): void {
  const known = new Set(filing.footnotes.map((f) => f.id));
  if (!known.size) return;
  for (const table of ["nonDerivative", "derivative"] as const) {
    filing[table].forEach((r, i) => {
      if (r.footnoteIds.every((id) => known.has(id))) return;
      const ids: string[] = [];
      for (const id of r.footnoteIds) {
        const parts = !known.has(id) && id.length > 1 && [...id].every((d) => known.has(d)) ? [...id] : [id];
        for (const part of parts) if (!ids.includes(part)) ids.push(part);
      }
      if (ids.join() === r.footnoteIds.join()) return;
      filing.warnings.push(`${rowName(table, i)}: footnote markers ${r.footnoteIds.join(", ")} read as ${ids.join(", ")}`);
      r.footnoteIds = ids;
      filing.fieldConfidence[`/${table}/${i}/footnoteIds`] = Math.min(filing.fieldConfidence[`/${table}/${i}/footnoteIds`] ?? 1, 0.7);
    });
  }
  // One marker that names no footnote and one footnote that no row cites: the marker was misread ("(1)" as "(4)").
  const rows = [...filing.nonDerivative.map((r, i) => ({ r, p: `/nonDerivative/${i}` })), ...filing.derivative.map((r, i) => ({ r, p: `/derivative/${i}` }))];
  const unknown = rows.flatMap(({ r, p }) => r.footnoteIds.filter((id) => !known.has(id)).map((id) => ({ r, p, id })));
  const cited = new Set(rows.flatMap(({ r }) => r.footnoteIds));
  const uncited = [...known].filter((id) => !cited.has(id));
  if (unknown.length === 1 && uncited.length === 1) {
    const { r, p, id } = unknown[0];
    r.footnoteIds = r.footnoteIds.map((x) => (x === id ? uncited[0] : x));
    filing.fieldConfidence[`${p}/footnoteIds`] = Math.min(filing.fieldConfidence[`${p}/footnoteIds`] ?? 1, 0.7);
    filing.warnings.push(`marker (${id}) names no footnote; read as (${uncited[0]}), the one footnote no row cites`);
  }
}

/**
 * When the signature block came out label first ("** Signature of Reporting Person" then the
 * date on its own line), readTrailer sees no date; the date is the lone date just under the label.
 */
function recoverSignatureDate(lines: string[], trailer: ReturnType<typeof readTrailer>): void {
  const sig = trailer.signatures[0];
  if (!sig || sig.date) return;
  const dateAsRemark = trailer.remarks ? /^([0-9OlI]{1,2}\/[0-9OlI]{1,2}\/[0-9OlI]{2,4})(?: Date)?$/.exec(trailer.remarks) : null;
  const moved = dateAsRemark ? findDates(dateAsRemark[1])[0] : undefined;
  if (moved) {
    sig.date = moved.value;
    trailer.confidence["/signatures/0/date"] = Math.min(moved.confidence, 0.85);
    trailer.remarks = null;
    return;
  }
  const at = lines.findIndex((l) => l.length < 80 && label(l, LANDMARKS.signature, 0.7));
  // Nearest lone date to the label, above or below it.
  const order = [1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6, 7, -7, 8, -8, 9, -9, 10, -10].map((k) => at + k).filter((i) => at >= 0 && i >= 0 && i < lines.length);
  for (const i of order) {
    const d = findDates(lines[i]);
    if (d.length === 1 && lines[i].replace(/\bDate\b/i, "").trim().length <= d[0].end - d[0].index + 2) {
      sig.date = d[0].value;
      trailer.confidence["/signatures/0/date"] = Math.min(d[0].confidence, 0.85);
      if (trailer.remarks && trailer.remarks.includes(lines[i].trim())) trailer.remarks = singleSpace(trailer.remarks.replace(lines[i].trim(), "").replace(/ Date$/, "")) || null;
      return;
    }
  }
}

/** "from $152.00 to $153.090": the two ends of a price range are printed to as many decimals. */
function unevenRange(text: string): boolean {
  const m = /\$\s?[0-9][0-9,]*\.([0-9]+)\s(?:to|and|through)\s\$\s?[0-9][0-9,]*\.([0-9]+)/.exec(text);
  return Boolean(m && m[1].length !== m[2].length);
}

// Past three lines of the page a footnote often loses one to the OCR, which no dictionary can see.
const LONG_FOOTNOTE = 300;

/**
 * Footnotes are numbered 1, 2, 3...: from the first number out of step, a footnote was lost or
 * misread and the ones after it sit at the wrong place. A footnote that stops mid-sentence,
 * carries rule debris or a word no dictionary holds, runs long or prints a range unevenly was cut,
 * mixed with another column or misread somewhere. A signature line with digits or debris ran into
 * the date or the rule.
 */
function checkTrailer(filing: Filing): void {
  const conf = filing.fieldConfidence;
  const first = filing.footnotes[0];
  const lone = filing.footnotes.length === 1 || filing.footnotes[1]?.id === "2";
  if (first && /^[0-9]$/.test(first.id) && first.id !== "1" && lone && !filing.footnotes.some((f) => f.id === "1")) {
    // Numbering starts at 1; a blurred "1." is read as "4.", "5." or "7.".
    filing.warnings.push(`first footnote numbered (${first.id}); read as (1)`);
    first.id = "1";
    conf["/footnotes/0/id"] = Math.min(conf["/footnotes/0/id"] ?? 1, 0.7);
  }
  const gap = filing.footnotes.findIndex((f, i) => f.id !== String(i + 1));
  filing.footnotes.forEach((f, i) => {
    // A decimal point read as a comma in a price: "$66,8350" (four digits after it), or one end
    // of a range written unlike the other ("$152,300 to $153.090", "$368.360 to 368.360"); "Rule 10bS-1" is Rule 10b5-1,
    // "Class 8" Class B, "ffb/o" f/b/o; a footnote ends with a period, never a comma.
    const repaired = f.text
      .replace(/\$\s?([0-9]+),([0-9]{4,})\b/g, "$$$1.$2")
      .replace(/\$\s?([0-9]{1,3}),([0-9]{3})(\s?(?:to|and|-|–)\s?\$\s?[0-9]+\.[0-9]{2,4}\b)/g, "$$$1.$2$3")
      .replace(/(\$\s?[0-9]+\.[0-9]{2,4}\s?(?:to|and|-|–)\s?)\$\s?([0-9]{1,3}),([0-9]{3})\b/g, "$1$$$2.$3")
      .replace(/\b(Rule )?10b[Ss]-1\b/g, "$110b5-1")
      .replace(/\bRule 10[6b][5S]-1\b/g, "Rule 10b5-1")
      .replace(/\b(Class|Series) 8 (?=Common|Preferred|Ordinary|Stock)/g, "$1 B ")
      .replace(/\bf{1,2}\/?b\/o\b/g, "f/b/o")
      // "from $368.360 to 368.360": a range prints both its ends with a dollar sign.
      .replace(/(\$\s?[0-9][0-9,]*\.[0-9]{2,4}\s(?:to|and|through)\s)(?=[0-9][0-9,]*\.[0-9]{2,4}\b)/g, "$1$$")
      .replace(/(\b(?:from|between)\s)(?=[0-9][0-9,]*\.[0-9]{2,4}\s(?:to|and|through)\s\$)/g, "$1$$")
      .replace(/,$/, ".");
    if (repaired !== f.text) {
      f.text = repaired;
      conf[`/footnotes/${i}/text`] = Math.min(conf[`/footnotes/${i}/text`] ?? 1, 0.75);
      filing.warnings.push(`footnote (${f.id}): misread characters repaired ("${f.text.slice(0, 30)}...")`);
    }
    // A misread word is the evidence a footnote needs review; a long one may have lost a line.
    const doubtful = (gap >= 0 && i >= gap) || !finished(f.text) || /[{}|\\~@]/.test(f.text) || misreadWords(f.text).length > 0 || f.text.length > LONG_FOOTNOTE || unevenRange(f.text);
    if (!doubtful) return;
    conf[`/footnotes/${i}/text`] = Math.min(conf[`/footnotes/${i}/text`] ?? 1, 0.6);
    if (gap >= 0 && i >= gap) conf[`/footnotes/${i}/id`] = Math.min(conf[`/footnotes/${i}/id`] ?? 1, 0.5);
  });
  if (gap >= 0) filing.warnings.push(`footnote numbers out of step from (${filing.footnotes[gap].id}); footnotes from there need review`);
  filing.signatures.forEach((s, i) => {
    // "/s/" comes out as "Js/", "{si", "'s/", "Is/", "Is!", "'sd".
    s.name = s.name.replace(/^[\\/J{|(\['!Il]?[sS][/il1|L!d]\s?(?=[A-Z])/, (m) => (m === "/s/" ? m : "/s/ ")).replace(/[,;]$/, "").replace(/-in-Fac\b/, "-in-Fact");
    // A date too damaged to be read as one ("32/1412022") stays glued to the name.
    const glued = / \S*[0-9]\S*\/\S*[0-9]\S*$/.exec(s.name);
    if (glued) {
      s.name = s.name.slice(0, glued.index);
      conf[`/signatures/${i}/date`] = Math.min(conf[`/signatures/${i}/date`] ?? 1, 0.3);
      conf[`/signatures/${i}/name`] = Math.min(conf[`/signatures/${i}/name`] ?? 1, 0.75);
      filing.warnings.push(`signature line ended in "${glued[0].trim()}", a date too damaged to read`);
    }
    if (/[0-9{}|\\~@€©®°£§]|[a-z][.,][a-z]/.test(s.name)) conf[`/signatures/${i}/name`] = Math.min(conf[`/signatures/${i}/name`] ?? 1, 0.6);
  });
}

const NOT_NAME_WORDS = new Set("attorney fact for the and power behalf himself herself itself each other reporting person persons hereunder its general partner manager authorized signatory".split(" "));
const nameWords = (text: string) => text.toLowerCase().split(/[^a-z]+/).filter((w) => w.length >= 3 && !NOT_NAME_WORDS.has(w));

/**
 * With its label lost, the signature line ("{s/Travis Shrout.Attomey.in-Fact 03/11/2022 Date") is
 * read as the remarks: a remark ending in a date, signed "/s/" or by an attorney-in-fact, is it.
 */
function signatureFromRemarks(filing: Filing): void {
  if (filing.signatures.length || !filing.remarks) return;
  const m = /^(.*?)\s*([0-9OlI]{1,2}\/[0-9OlI]{1,2}\/[0-9OlI]{2,4})(?:\s+Date)?$/.exec(filing.remarks);
  if (!m || m[1].length > 120 || !(/^\W?[sS][/il1|L!d]/.test(m[1]) || /in.Fact|Attorney/i.test(m[1]))) return;
  const date = findDates(m[2])[0];
  const name = m[1].replace(/\.(?=Att)/, ", ").replace(/\.in-/, "-in-").trim();
  filing.signatures = [{ name, date: date?.value ?? null }];
  filing.fieldConfidence["/signatures/0/name"] = 0.6;
  filing.fieldConfidence["/signatures/0/date"] = date ? Math.min(date.confidence, 0.7) : 0.3;
  filing.remarks = null;
  filing.fieldConfidence["/remarks"] = 0.7;
  filing.warnings.push(`signature "${name}" found where the remarks are; its label was lost`);
}

/**
 * The signature usually names the reporting person ("/s/ X, attorney-in-fact for Mark Zuckerberg").
 * A box-1 name the signature bears out is confirmed; one that shares no word with a signature
 * that names someone else, when another line near box 1 does, was the wrong line.
 */
function checkOwnerAgainstSignature(filing: Filing, candidates: string[]): void {
  const owner = filing.reportingOwners[0];
  const signed = new Set(filing.signatures.flatMap((s) => nameWords(s.name)));
  if (!owner || !signed.size) return;
  const overlap = (name: string) => nameWords(name).filter((w) => signed.has(w)).length;
  const own = nameWords(owner.name);
  if (own.length >= 2 && overlap(owner.name) === own.length) {
    // Borne out word for word; a doubt raised for another reason (a word lost) stays.
    const c = filing.fieldConfidence["/reportingOwners/0/name"] ?? 1;
    if (c >= 0.8) filing.fieldConfidence["/reportingOwners/0/name"] = Math.max(c, 0.95);
    return;
  }
  if (overlap(owner.name) > 0) return;
  const best = candidates.filter((c) => c !== owner.name && overlap(c) >= Math.min(2, nameWords(c).length) && overlap(c) > 0).sort((a, b) => overlap(b) - overlap(a))[0];
  if (!best) return;
  filing.warnings.push(`reporting person read as "${owner.name}", which the signature does not name; "${best}", which it does, taken instead`);
  owner.name = best;
  filing.fieldConfidence["/reportingOwners/0/name"] = 0.75;
}

/**
 * EDGAR's page prints box 1's name, often clipped, on the line of box 2's issuer, so Tesseract
 * reads "McEvoy Ashle PROCTER & GAMBLE Co" or ". J COCA COLA CO". Leading words that are an owner's
 * or signer's name word, a clipped piece of one, its initial, or specks are cut; the cut is flagged.
 */
/** And the other way: box 2's name drawn over box 1's line ("Taneja Vaibhav Tesla, Inc. | ]") ends the owner's name. */
function cutIssuerFromOwners(filing: Filing): void {
  const issuer = filing.issuer.name.replace(/^(?:[^A-Za-z\s]{1,2}\s)+/, "").trim();
  if (issuer.split(" ").length < 2) return;
  filing.reportingOwners.forEach((o, k) => {
    const at = o.name.lastIndexOf(issuer);
    if (at <= 0 || !/\s$/.test(o.name.slice(0, at))) return;
    const name = o.name.slice(0, at).trim();
    if (name.split(" ").length < 2) return;
    filing.warnings.push(`reporting person read as "${name}": the issuer's name "${issuer}" after it is box 2's, printed over box 1`);
    o.name = name;
    const p = `/reportingOwners/${k}/name`;
    filing.fieldConfidence[p] = Math.min(filing.fieldConfidence[p] ?? 1, 0.8);
  });
}

const ENTITY_WORDS = new Set("inc corp corporation company ltd llc plc trust fund funds holdings group capital partners bank america american international global management investments".split(" "));

function trimOwnerFromIssuer(filing: Filing): void {
  cutIssuerFromOwners(filing);
  // Words a company's name shares with its holders' ("Bank", "Capital") say nothing of whose name it is.
  const known = [...filing.reportingOwners.map((o) => o.name), ...filing.signatures.map((s) => s.name)].flatMap(nameWords).filter((w) => !ENTITY_WORDS.has(w));
  const initials = new Set(
    [...filing.reportingOwners.map((o) => o.name), ...filing.signatures.map((s) => s.name)]
      .flatMap((n) => n.toLowerCase().split(/[^a-z]+/))
      .filter((w) => w && !NOT_NAME_WORDS.has(w))
      .map((w) => w[0]),
  );
  const words = filing.issuer.name.split(" ");
  const isNameWord = (w: string) => {
    const lw = w.toLowerCase().replace(/[^a-z]/g, "");
    if (lw.length < 3) return false;
    return known.some((k) => k === lw || (k.length >= 4 && (k.startsWith(lw) || k.endsWith(lw))) || (lw.length >= 5 && editDistance(k, lw, 2) <= (lw.length >= 7 ? 2 : 1)));
  };
  let cut = 0;
  let initialsOnly = true;
  for (;;) {
    const w = words[cut];
    if (cut >= words.length - 1) break;
    if (isNameWord(w)) initialsOnly = false;
    // An initial ("J", "Y.") or a clipped short word ("No" for "Ng") of a name; a speck ("7", ".").
    else if (!((/^[a-z]{1,2}\.?$/i.test(w) && initials.has(w[0].toLowerCase()) && words[cut + 1].length > 1) || (/^[^A-Za-z]{1,2}$/.test(w) && /^(?:[A-Za-z]|[^A-Za-z]{1,2}$)/.test(words[cut + 1])))) break;
    cut++;
  }
  if (!cut) return;
  const rest = words.slice(cut).join(" ");
  if (!/[A-Za-z]{2}/.test(rest)) return;
  filing.warnings.push(`issuer read as "${rest}": "${words.slice(0, cut).join(" ")}" before it is box 1's name or specks printed on its line`);
  filing.issuer.name = rest;
  filing.fieldConfidence["/issuer/name"] = Math.min(filing.fieldConfidence["/issuer/name"] ?? 1, initialsOnly ? 0.7 : 0.8);
}

/**
 * The person signing is usually a reporting person, whose name box 1 gives too: a signature word
 * one or two letters off an owner's name word is that word misread, one that stops at a prefix of
 * it was cut at the line's end. Attorneys-in-fact sign with a fixed phrase, checked the same way.
 */
function checkSignatureNames(filing: Filing): void {
  const known = [...filing.reportingOwners.flatMap((o) => o.name.split(/[\s,]+/)), "Attorney"].filter((w) => /^[A-Za-z'\-]{4,}$/.test(w));
  filing.signatures.forEach((sig, i) => {
    const p = `/signatures/${i}/name`;
    let doubt = false;
    const parts = sig.name.replace(/,(?=[A-Z])/g, ", ").split(" ");
    const fixed = parts.map((part, k) => {
      const m = /^([^A-Za-z]*)([A-Za-z']+)(.*)$/.exec(part);
      if (!m || m[2].length < 3) return part;
      const w = m[2];
      const lw = w.toLowerCase();
      if (known.some((o) => o.toLowerCase() === lw)) return part;
      const near = w.length >= 5 ? known.find((o) => Math.abs(o.length - w.length) <= 1 && editDistance(o.toLowerCase(), lw, 2) <= (w.length >= 7 ? 2 : 1)) : undefined;
      if (near) {
        doubt = true;
        const cased = w === w.toUpperCase() ? near.toUpperCase() : w[0] === w[0].toUpperCase() ? near[0].toUpperCase() + near.slice(1).toLowerCase() : near.toLowerCase();
        return `${m[1]}${cased}${m[3]}`;
      }
      const whole = k === parts.length - 1 && !m[3] ? known.find((o) => o.length > w.length + 1 && o.toLowerCase().startsWith(lw)) : undefined;
      if (whole) {
        doubt = true;
        return `${m[1]}${w}${w === w.toUpperCase() ? whole.slice(w.length).toUpperCase() : whole.slice(w.length).toLowerCase()}`;
      }
      return part;
    });
    const name = fixed.join(" ");
    if (name !== sig.name) filing.warnings.push(`signature "${sig.name}" read as "${name}" after the reporting persons' names`);
    sig.name = name;
    if (doubt) filing.fieldConfidence[p] = Math.min(filing.fieldConfidence[p] ?? 1, 0.75);
  });
}

// Instructions printed under the remarks that Tesseract can run into them, and the joint filer sheet.
const REMARKS_NOISE =
  /(?:^|\s)\W?(?:Joint Filer Information\b.*$|\*?\s?If ?the form is f\w{1,3}ed by more than one[^.]*\.?|for each class of securities beneficially owned[^.]*\.?|\**\s?Intentional misstatements[^.]*\.?|'?Note: File three copies[^.]*\.?|If space is insufficient[^.]*\.?|Persons who respond to the collection[^.]*\.?)/gi;

// The tail of the "Criminal Violations" line: "S.C. 1001 and 15 U.S.C. 78tf(a)."
const USC_TAIL = /\s*(?:[0-9]{2}\s)?(?:U\.?\s?)?S\.\s?C\.?,?\s?1001\b.*?(?:\(a\)\W*|$)/g;
// An instruction sentence too damaged for REMARKS_NOISE still keeps a few of its words.
const INSTRUCTION_SENTENCE = /by more than one|Instruction 4|U\.?S\.?C?\.? ?(?:1001|78)|Criminal V|three copies|valid OMB/i;

function cleanRemarks(remarks: string | null): string | null {
  if (!remarks) return remarks;
  const kept = remarks.replace(REMARKS_NOISE, " ").replace(USC_TAIL, " ").split(/(?<=[.)])\s+(?=\S)/).filter((sentence) => !INSTRUCTION_SENTENCE.test(sentence));
  return singleSpace(kept.join(" ")) || null;
}

// Remarks that read like a footnote's body or the form's instructions are lines Tesseract moved.
// A signature that lost its label reads as a remark: "{s/Travis Shrout.Attomey.in-Fact 03/11/2022 Date".
const REMARKS_DOUBT = /^\W?[sS][/il1|L!]\s?[A-Z]|in-Fact\b|\bDate$|^(?:[0-9]{1,2}\s?[.,]|[a-z(])|Reporting Person|U\.?S\.?C|Instruction|misstatement|copies of|Federal|weighted|ranging from|undertakes|footnote/i;

/**
 * Paper joint filings name the other reporting persons on an attached "Joint Filer Information"
 * sheet: "Name:", "Address:" (street, city, state and ZIP separated by commas), "Relationship:".
 * When box 6 says joint and no such sheet was read, the missing owners' place is flagged.
 */
function readJointFilers(lines: string[], filing: Filing): void {
  const conf = filing.fieldConfidence;
  const start = lines.findIndex((l) => /Joint Filer Info/i.test(l));
  if (start >= 0) {
    let owner: Filing["reportingOwners"][number] | null = null;
    let related = false;
    const addOwner = (name: string) => {
      const added = emptyOwner(romanNumerals(name));
      related = false;
      filing.reportingOwners.push(added);
      const at = `/reportingOwners/${filing.reportingOwners.length - 1}`;
      // A lower-case word in a name ("Onis venment i Master Fund") is a misreading.
      conf[`${at}/name`] = /^[A-Za-z0-9][A-Za-z0-9 ,.&'\-]+$/.test(name) && !/(?:^| )[a-z]/.test(name) ? 0.85 : name ? 0.5 : 0.2;
      conf[`${at}/cik`] = 0.95;
      for (const k of ["street1", "street2", "city", "state", "zip", "officerTitle", "otherText"]) conf[`${at}/${k}`] = 0.7;
      for (const k of ["isDirector", "isOfficer", "isTenPercentOwner", "isOther"]) conf[`${at}/${k}`] = 0.85;
      return added;
    };
    for (const l of lines.slice(start + 1, start + 60)) {
      // The colon may be lost ("Name Oasis Investments ...").
      const m = /^\W{0,2}(Name|Address|Relationship)(?:\s?[:;.]\s?|\s)(.*)$/i.exec(l.trim());
      if (!m) continue;
      const key = m[1].toLowerCase();
      const value = m[2].trim();
      if (key === "relationship" && (!owner || related)) {
        // A second relationship with no name between them: that person's "Name:" line was lost.
        owner = addOwner("");
        filing.warnings.push("joint filer information: a person's name line was lost");
      }
      if (key === "name") {
        owner = addOwner(value);
      } else if (owner && key === "address") {
        const parts = value.split(",").map((p) => p.trim()).filter(Boolean);
        const csz = parts.length && (/[0-9OlI]{5}/.test(parts[parts.length - 1]) || FOREIGN_POSTCODE.test(parts[parts.length - 1])) ? readCityStateZip([parts.slice(-2).join(" ")]) : null;
        const streets = csz ? parts.slice(0, -2) : parts;
        owner.street1 = streets[0] ?? null;
        owner.street2 = streets.length > 1 ? streets.slice(1).join(", ") : null;
        if (csz) Object.assign(owner, { city: csz.city, state: csz.state, zip: csz.zip });
      } else if (owner && key === "relationship") {
        related = true;
        owner.isDirector = /Director/i.test(value);
        owner.isTenPercentOwner = /10 ?%/.test(value);
        const officer = /Officer\s?\(([^)]*)\)?/i.exec(value);
        const other = /Other\s?\(([^)]*)\)?/i.exec(value);
        owner.isOfficer = Boolean(officer);
        owner.officerTitle = officer?.[1].trim() || null;
        owner.isOther = Boolean(other);
        owner.otherText = other?.[1].trim() || null;
      }
    }
  }
  const first = filing.reportingOwners[0];
  const twin = filing.reportingOwners.slice(1).find((o) => o.street1 && first.street1 && o.city && editDistance(o.street1, first.street1, 3) <= 2);
  if (twin && !first.city && !first.zip) {
    // Joint filers often share an address: the sheet's clean copy stands in for box 1's lost city line.
    Object.assign(first, { city: twin.city, state: twin.state, zip: twin.zip });
    for (const k of ["city", "state", "zip"]) conf[`/reportingOwners/0/${k}`] = 0.7;
    // What box 1 held below the street was then the damaged city line, not a second street line.
    if (first.street2 && !twin.street2) {
      first.street2 = null;
      conf["/reportingOwners/0/street2"] = 0.6;
    }
    filing.warnings.push(`city line of box 1 not read; taken from joint filer ${twin.name}, who has the same street`);
  }
  if (filing.jointFiling && filing.reportingOwners.length === 1) {
    for (const k of Object.keys(filing.reportingOwners[0])) conf[`/reportingOwners/1/${k}`] = 0.2;
    filing.warnings.push("box 6 says the form is filed by more than one reporting person, but only one was read");
  }
}


/**
 * A weighted-average price's footnote gives the range of the prices averaged ("at prices ranging
 * from $2,556.14 to $2,557.13"): a row whose price lies in the range of a footnote no row cites
 * lost its marker to the OCR and cites it. The link is inferred, so the row's markers stay flagged.
 */
function linkPriceRanges(filing: Filing): void {
  const cited = new Set([...filing.nonDerivative, ...filing.derivative].flatMap((r) => r.footnoteIds));
  const ranges = filing.footnotes.flatMap((f) => {
    const range = cited.has(f.id) ? null : priceRange(filing, [f.id]);
    return range ? [{ id: f.id, lo: range[0], hi: range[1] }] : [];
  });
  if (!ranges.length) return;
  let linked = false;
  for (const table of ["nonDerivative", "derivative"] as const) {
    filing[table].forEach((r, i) => {
      if (r.price === null) return;
      const hits = ranges.filter((g) => r.price! >= g.lo && r.price! <= g.hi);
      if (hits.length !== 1 || r.footnoteIds.includes(hits[0].id)) return;
      r.footnoteIds.push(hits[0].id);
      const p = `/${table}/${i}/footnoteIds`;
      filing.fieldConfidence[p] = Math.min(filing.fieldConfidence[p] ?? 1, 0.7);
      filing.warnings.push(`${rowName(table, i)}: price ${r.price} lies in the range footnote (${hits[0].id}) gives; its marker, lost, taken as cited`);
      linked = true;
    });
  }
  if (linked) flagEveryRowsMarkers(filing);
}

/** Markers lost on a page may be lost on any of its rows, linked to a footnote or not. */
function flagEveryRowsMarkers(filing: Filing, to = 0.7): void {
  for (const table of ["nonDerivative", "derivative"] as const)
    filing[table].forEach((_, i) => (filing.fieldConfidence[`/${table}/${i}/footnoteIds`] = Math.min(filing.fieldConfidence[`/${table}/${i}/footnoteIds`] ?? 1, to)));
}

// Words naming who holds indirect shares; a nature of ownership and its footnote share them. "Plan" is
// not one: footnotes name incentive and trading plans as often as holding ones.
const HOLDER_WORDS = ["spouse", "wife", "husband", "trust", "401(k)", "ira", "llc", "partnership", "family", "child", "children", "son", "daughter", "foundation", "grat", "custodian", "estate"];
const holderWords = (text: string) => {
  const words = new Set(text.toLowerCase().split(/[^a-z0-9()]+/));
  return HOLDER_WORDS.filter((w) => words.has(w) || (w === "401(k)" && /401\s?\(?k\)?/i.test(text)));
};

/**
 * A nature of ownership ("By Spouse Trust") usually carries the marker of the footnote saying who
 * holds the shares ("… held by his spouse's trust …"). With the marker lost, the one footnote no
 * row cites that names the same holders is taken as cited, flagged.
 */
function linkHolderFootnotes(filing: Filing): void {
  const cited = new Set([...filing.nonDerivative, ...filing.derivative].flatMap((r) => r.footnoteIds));
  const open = filing.footnotes.filter((f) => !cited.has(f.id)).map((f) => ({ id: f.id, words: holderWords(f.text) }));
  if (!open.length) return;
  let linked = false;
  for (const table of ["nonDerivative", "derivative"] as const) {
    filing[table].forEach((r, i) => {
      if (!r.natureOfOwnership || r.directOrIndirect !== "I") return;
      const words = holderWords(r.natureOfOwnership);
      if (!words.length) return;
      // The footnote naming the most of the row's holder words, if it alone does.
      const scored = open.map((f) => ({ id: f.id, n: words.filter((w) => f.words.includes(w)).length })).filter((f) => f.n > 0).sort((a, b) => b.n - a.n);
      if (!scored.length || (scored[1] && scored[1].n === scored[0].n) || r.footnoteIds.includes(scored[0].id)) return;
      r.footnoteIds.push(scored[0].id);
      const p = `/${table}/${i}/footnoteIds`;
      filing.fieldConfidence[p] = Math.min(filing.fieldConfidence[p] ?? 1, 0.7);
      filing.warnings.push(`${rowName(table, i)}: nature "${r.natureOfOwnership}" matches footnote (${scored[0].id}), which no row cites; its marker, lost, taken as cited`);
      linked = true;
    });
  }
  if (linked) flagEveryRowsMarkers(filing);
}

/**
 * Rows cite footnotes the trailer did not yield, or no signature was read: the review screen
 * must show those places as unsure, so the pointers where they would sit get a low confidence.
 */
function flagMissingTrailer(filing: Filing, rowLike: number): void {
  const have = new Set(filing.footnotes.map((f) => f.id));
  const cited = new Set<string>();
  for (const r of [...filing.nonDerivative, ...filing.derivative]) for (const id of r.footnoteIds) cited.add(id);
  const missing = [...cited].filter((id) => !have.has(id)).sort((a, b) => Number(a) - Number(b));
  missing.forEach((id, k) => {
    const at = filing.footnotes.length + k;
    filing.fieldConfidence[`/footnotes/${at}/id`] = 0.2;
    filing.fieldConfidence[`/footnotes/${at}/text`] = 0.2;
    filing.warnings.push(`footnote (${id}) is cited in the tables but its text was not read`);
  });
  // Footnotes no row cites, or a Form 4/5 with both tables empty: Tesseract dropped rows
  // (it does with heavily ruled tables). The rows cannot be rebuilt; their place is flagged.
  const uncited = filing.footnotes.some((f) => !cited.has(f.id));
  const blank = filing.derivative.filter((r) => !r.exerciseDate && !r.expirationDate && !r.exercisableImmediately && !r.footnoteIds.length);
  if (uncited && blank.length === 1) {
    // The one Table II row whose column-6 markers were lost most likely cited the footnotes no row cites.
    const i = filing.derivative.indexOf(blank[0]);
    blank[0].footnoteIds = filing.footnotes.filter((f) => !cited.has(f.id)).map((f) => f.id);
    filing.warnings.push(`Table II row ${i + 1}: markers lost; footnotes ${blank[0].footnoteIds.join(", ")}, which no row cites, taken as its`);
  }
  // Some row lost its marker; which one is unknown, so every row's markers need a look.
  if (uncited) flagEveryRowsMarkers(filing, 0.6);
  const nothing = filing.nonDerivative.length === 0 && filing.derivative.length === 0 && !filing.formType.startsWith("3");
  if (uncited || nothing) {
    for (const [table, fields] of [["nonDerivative", ND_FIELDS], ["derivative", D_FIELDS]] as const) {
      const rows = filing[table];
      // About one lost row per uncited footnote; at least one. A table with rows may have lost
      // some after them too: where the lost rows would sit is flagged in either table.
      const lost = Math.min(10, Math.max(1, rowLike, filing.footnotes.filter((f) => !cited.has(f.id)).length));
      if (rows.length === 0 || nothing) filing.fieldConfidence[`/${table}`] = 0.3;
      for (let k = 0; k < lost; k++) for (const f of fields) filing.fieldConfidence[`/${table}/${rows.length + k}/${f}`] = 0.2;
    }
    filing.warnings.push(nothing ? "no table row was read; rows were probably lost by OCR" : "some footnotes are cited by no row; a table row was probably lost by OCR");
  }
  if (filing.signatures.length === 0) {
    filing.fieldConfidence["/signatures/0/name"] = 0.2;
    filing.fieldConfidence["/signatures/0/date"] = 0.2;
  }
}

const ND_FIELDS = ["kind", "securityTitle", "transactionDate", "deemedExecutionDate", "transactionCode", "equitySwap", "shares", "acquiredDisposed", "price", "sharesOwnedFollowing", "directOrIndirect", "natureOfOwnership", "footnoteIds"];
const D_FIELDS = [...ND_FIELDS, "conversionOrExercisePrice", "exerciseDate", "exercisableImmediately", "expirationDate", "underlyingTitle", "underlyingShares"];

const FOOTNOTE_NUMBER = /^\W{0,2}([0-9lLIO]{1,3})([.,)]?)\)? (?=\S)/;

/**
 * The footnote number starting a line, read knowing which number comes next: Tesseract writes
 * "11." as "LL.", "13." as "413.", drops the period ("1 Includes") or reads it as a comma.
 */
function footnoteStart(line: string, next: number, seen: (id: string) => boolean): { id: string; length: number } | null {
  const m = FOOTNOTE_NUMBER.exec(line);
  if (!m) return null;
  const digits = m[1].replace(/[lLI]/g, "1").replace(/O/g, "0");
  const want = String(next);
  // "1L The ...": the period came out as an L.
  if (!m[2] && /^[0-9]+[lL]$/.test(m[1]) && m[1].slice(0, -1) === want && /^[A-Z]/.test(line.slice(m[0].length))) return { id: want, length: m[0].length };
  if (digits === want || (digits.length > want.length && digits.endsWith(want) && m[2])) {
    return m[2] || /^[A-Z]/.test(line.slice(m[0].length)) ? { id: want, length: m[0].length } : null;
  }
  // Columns of footnotes come out of order ("4." before "2."): any number not seen yet starts one.
  return /^[0-9]{1,2}$/.test(m[1]) && m[2] && !seen(m[1]) ? { id: m[1], length: m[0].length } : null;
}
const NOT_FOOTNOTE = /^(?:\*|Reminder|Remarks|Note:|Persons who|Date$|\/s\/|\W?[s5][/|il1]\s?[A-Z]|[0-9OlI]{1,2}\/[0-9OlI]{1,2}\/)/i;
// Right-hand halves of the form's instruction lines, which Tesseract prints as lines of their own.
const INSTRUCTION_TAIL = /beneficially owned directly or indirectly|Instruction 4 ?\(b|U\.?S\.?C\.?|manually signed|space is insuf|for procedure|required to respond|valid OMB|Criminal Violations/i;

/**
 * Tesseract splits a footnote block into columns of lines and prints them out of order:
 * "2. ... were sold" / "3. ... were sold" come after the lines that finish them. Rebuilds the
 * footnotes: a lower-case line continues the nearest unfinished footnote above it, else waits for
 * the first unfinished one. Replaces readTrailer's footnotes when it finds as many, and takes the
 * stray lines it used out of the remarks.
 */
function regroupFootnotes(lines: string[], trailer: ReturnType<typeof readTrailer>): void {
  const notes: { id: string; text: string; lines: number }[] = [];
  const used: string[] = [];
  const orphans: string[] = [];
  // Sentences between footnotes k and m whose numbers were lost or printed apart ("6." alone):
  // when there are exactly m - k - 1 of them, they are footnotes k+1 .. m-1 in order.
  let loose: string[] = [];
  // Whole sentences after the last numbered footnote whose numbers were lost (". The option ...")
  // or took their first letters with them ("he option ..."): footnotes in order, ids guessed. A
  // lower-case one may instead finish a footnote printed later, out of order: decided at the end.
  let trail: { text: string; line: string; lower: boolean }[] = [];
  const guessed = new Set<string>();
  let started = false;
  let remarks = false;
  for (const raw of lines) {
    const l = raw.trim();
    if (!l) continue;
    if (label(l, LANDMARKS.explanation, 0.65)) {
      started = true;
      continue;
    }
    if (/^\W{0,4}remarks?\W{0,3}(?::|$)/i.test(l)) remarks = true;
    if (!started || NOT_FOOTNOTE.test(l) || INSTRUCTION_TAIL.test(l) || (l.length < 80 && label(l, LANDMARKS.signature, 0.7))) continue;
    const k = Number(notes[notes.length - 1]?.id ?? 0);
    // A number lost or misread as a speck (". The option", "a the price") after a finished footnote starts the next one.
    const lostNumber = notes.length && finished(notes[notes.length - 1].text) && l.length > 30 ? /^(?:[.,]|[a-z]{1,2}|[^\w\s]{1,2})\s+(?=[A-Z]|the\b)/.exec(l) : null;
    let m = footnoteStart(l, k + 1, (id) => notes.some((n) => n.id === id));
    if (!m && lostNumber && !remarks) {
      m = { id: String(k + 1), length: lostNumber[0].length };
      guessed.add(m.id);
    }
    if (m) {
      if (loose.length && loose.length === Number(m.id) - k - 1) loose.forEach((text, j) => notes.push({ id: String(k + 1 + j), text, lines: 1 }));
      orphans.push(...trail.filter((t) => t.lower).map((t) => t.line));
      loose = [];
      trail = [];
      const text = l.slice(m.length);
      notes.push({ id: m.id, text: guessed.has(m.id) ? text.replace(/^the\b/, "The") : text, lines: 1 });
      used.push(l);
    } else if (!remarks && notes.length && notes.every((n) => finished(n.text)) && l.length > 30 && finished(l) && /^[a-z]/.test(l)) {
      trail.push({ text: l, line: l, lower: true });
    } else if (/^[A-Z]/.test(l) && l.length > 30 && finished(l) && (!notes.length || finished(notes[notes.length - 1].text))) loose.push(l);
    else if (/^[a-z$(0-9]|^[;:,.'](?=[a-z])/.test(l) || (/^[A-Z]/.test(l) && notes.length && !finished(notes[notes.length - 1].text))) {
      const last = notes[notes.length - 1];
      if (last && !finished(last.text)) {
        last.text = `${last.text} ${l}`;
        used.push(l);
        last.lines++;
      } else orphans.push(l);
    }
  }
  const open = notes.some((n) => !finished(n.text));
  if (open) orphans.push(...trail.filter((t) => t.lower).map((t) => t.line));
  const tail = trail.filter((t) => !open || !t.lower);
  if (tail.length && notes.length) {
    const k = Number(notes[notes.length - 1].id);
    tail.forEach((t, j) => {
      notes.push({ id: String(k + 1 + j), text: t.text, lines: 1 });
      guessed.add(String(k + 1 + j));
      used.push(t.line);
    });
  }
  if (notes.length < trailer.footnotes.length || notes.length === 0) return;
  const byId = [...notes].sort((a, b) => Number(a.id) - Number(b.id));
  for (const n of byId) {
    while (!finished(n.text) && orphans.length) {
      const line = orphans.shift()!;
      n.text = `${n.text} ${line}`;
      if (trailer.remarks?.includes(line)) trailer.remarks = singleSpace(trailer.remarks.replace(line, "")) || null;
      trailer.confidence[`/footnotes/${byId.indexOf(n)}/text`] = 0.75;
    }
  }
  const left = orphans.filter((o) => o.length > 30 && !INSTRUCTION_TAIL.test(o));
  if (left.length) {
    // A continuation line no unfinished footnote took belongs inside one that looks whole: the
    // footnotes pieced together from several lines are the ones it may have been cut out of.
    const joined = byId.filter((n) => n.lines > 1);
    for (const n of joined.length ? joined : byId) {
      const k = byId.indexOf(n);
      trailer.confidence[`/footnotes/${k}/text`] = Math.min(trailer.confidence[`/footnotes/${k}/text`] ?? 1, 0.6);
    }
    trailer.warnings.push(`footnote text "${left[0].slice(0, 40)}..." belongs to no footnote; the footnotes need review`);
  }
  const changed = byId.some((n, i) => trailer.footnotes[i]?.id !== n.id || trailer.footnotes[i]?.text !== singleSpace(n.text));
  if (!changed) return;
  trailer.footnotes = byId.map((n) => ({ id: n.id, text: singleSpace(n.text) }));
  // readTrailer may have kept lines it could not number as remarks; now they are footnote text.
  for (const l of used) if (trailer.remarks?.includes(l)) trailer.remarks = singleSpace(trailer.remarks.replace(l, "")) || null;
  byId.forEach((n, i) => {
    trailer.confidence[`/footnotes/${i}/id`] = guessed.has(n.id) ? 0.6 : 0.9;
    trailer.confidence[`/footnotes/${i}/text`] = Math.min(trailer.confidence[`/footnotes/${i}/text`] ?? 0.85, finished(n.text) && !guessed.has(n.id) ? 0.85 : 0.6);
  });
  trailer.warnings.push("footnote lines came out of order; footnotes rebuilt from their numbers and unfinished sentences");
}

const finished = (text: string) => /[.;:)"]$/.test(text.trim());
