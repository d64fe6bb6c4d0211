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
  findDates,
  findLabel,
  readCityStateZip,
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
import { ParseError, emptyFiling, emptyOwner, type DerivativeRow, type Filing, type FormType, type NonDerivativeRow } from "./types";

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
  const header = readHeader(lines, headerEnd, firstOf(marks.tablesEnd, lines.length), layout, filing.warnings);
  filing.issuer = header.issuer;
  filing.reportingOwners = [header.owner];
  filing.periodOfReport = header.period;
  filing.dateOfOriginalSubmission = header.amendment;
  filing.jointFiling = header.joint;
  Object.assign(conf, header.confidence);

  let formType = form.type;
  conf["/formType"] = form.confidence;
  if (header.amendment && !formType.endsWith("/A")) {
    formType = `${formType}/A` as FormType;
    conf["/formType"] = 0.8;
    filing.warnings.push("box 'If Amendment' carries a date, so the form is read as an amendment");
  }
  filing.formType = formType;

  const tableIEnd = firstOf(marks.tableII, marks.tablesEnd, lines.length);
  const tableIIEnd = firstOf(marks.tablesEnd, lines.length);
  if (marks.tableI >= 0) {
    filing.nonDerivative = readTable(lines, marks.tableI + 1, tableIEnd, "nonDerivative", layout, conf, filing.warnings) as NonDerivativeRow[];
  } else filing.warnings.push("Table I not found");
  if (marks.tableII >= 0) {
    filing.derivative = readTable(lines, marks.tableII + 1, tableIIEnd, "derivative", layout, conf, filing.warnings) as DerivativeRow[];
  } else filing.warnings.push("Table II not found");
  // Values worked out from other values: the cross-checks below would confirm them by the same arithmetic.
  const inferred = fillFromOwnedChain(filing);

  // Tesseract sometimes prints the footnote block first, above the header; read it where it is.
  const early = marks.explanation >= 0 && marks.explanation < firstOf(marks.person, marks.tableI, marks.tableII, lines.length);
  const afterTables = firstOf(marks.tablesEnd, lines.length);
  const trailerLines = early
    ? [...lines.slice(marks.explanation, firstOf(marks.person, marks.tableI, marks.tableII)), ...lines.slice(afterTables)]
    : lines.slice(afterTables);
  const trailer = readTrailer(trailerLines);
  recoverSignatureDate(trailerLines, trailer);
  regroupFootnotes(trailerLines, trailer);
  filing.footnotes = trailer.footnotes;
  filing.remarks = trailer.remarks;
  filing.signatures = trailer.signatures;
  Object.assign(conf, trailer.confidence);
  filing.warnings.push(...trailer.warnings);

  if (!filing.periodOfReport) {
    const dates = [...filing.nonDerivative, ...filing.derivative].map((r) => r.transactionDate).filter((d): d is string => Boolean(d));
    if (dates.length && layout !== "5") {
      filing.periodOfReport = dates.reduce((a, b) => (a < b ? a : b));
      inferred.set("/periodOfReport", 0.7);
      filing.warnings.push(`date of earliest transaction not read; taken as the earliest row date ${filing.periodOfReport}`);
    }
  }
  flagMissingTrailer(filing);
  crossCheck(filing);
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
  return v;
}

interface Landmarks {
  person: number;
  tableI: number;
  tableII: number;
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
  [LANDMARKS.explanation]: /Expla/i,
  [LANDMARKS.signature]: /Signat/i,
};

function label(line: string, text: string, threshold: number) {
  return KEYWORD[text].test(line) ? findLabel(line, text, threshold) : null;
}

function findLandmarks(lines: string[]): Landmarks {
  const m: Landmarks = { person: -1, tableI: -1, tableII: -1, explanation: -1, tablesEnd: -1 };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.length > 300) continue;
    if (m.person < 0 && label(l, LANDMARKS.reportingPerson, 0.7)) m.person = i;
    else if (m.tableI < 0 && /^\W{0,3}Tab\w{0,3}\b/i.test(l) && findLabel(l, "Table Non-Derivative Securities", 0.6) && /non/i.test(l)) m.tableI = i;
    else if (m.tableII < 0 && /^\W{0,3}Tab\w{0,3}\b/i.test(l) && findLabel(l, "Table Derivative Securities", 0.6) && !/\bnon/i.test(l)) m.tableII = i;
    else if (l.length < 80 && label(l, LANDMARKS.explanation, 0.65)) {
      if (m.explanation < 0 || m.explanation < Math.max(m.tableI, m.tableII)) m.explanation = i;
      if (Math.max(m.tableI, m.tableII) >= 0) {
        m.tablesEnd = i;
        break;
      }
    } else if (m.tablesEnd < 0 && Math.max(m.tableI, m.tableII) >= 0 && /^\W{0,4}(?:Remarks|Signature of|Reminder)/i.test(l)) m.tablesEnd = i;
  }
  return m;
}

function readFormType(lines: string[], marks: Landmarks): { type: FormType; confidence: number } {
  const top = lines.slice(0, Math.min(lines.length, marks.person >= 0 ? marks.person + 1 : 15, 25)).join(" ");
  const amended = /\bAMENDMENT\b|\bFORM\s*[345]\s*\/\s*A\b/i.test(top);
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
  confidence: Confidences;
}

// Where the value of the left box (name, street, city) ends on a run-together line: the next box's label or value.
const RIGHT_BOXES =
  /\s(?:[0-9]\s?[.,]\s?(?:Date|[Il]f|Individual|Relationship|Issuer|Statement)\b|Date of|If Amend|Director\b|Officer \(|10 ?% ?Own|Other \(|[(']?Check all|Form filed|[0-9OlI]{1,2}\/[0-9OlI]{1,2}\/[0-9OlI]{2,4}|X\s)/i;
const LEFT_LABELS = /\(?\s?(?:Last|First|Fist|Middle|Mid\w{0,3}|Mice|Street|Str\w{0,3}|City|Cit|State|Stat|Zip|Zi)\s?\)|\((?:Last|First|Middle|City|State)\b/gi;
const CHECK_ALL = /[('{]?\s?Check all applicable\)?/i;
// Small capitals in sec.gov's rendering come out in lower case ("[ Scwo ]").
const TICKER = /\[\s?([A-Za-z][A-Za-z0-9.\-]{0,7})\s?[\]}|)!1lJ]/;
// What Tesseract makes of a tick: X, a multiplication sign, or "»¢" from a bold X.
const TICK = "(?:[Xx×✓✔]|»¢)";
// Officer titles and "other" descriptions start with words an address never does.
const TITLE_START =
  /\b(?:Chief|President|Chairman|Chairwoman|Chair|CEO|CFO|COO|CTO|CAO|EVP|SVP|Executive|Senior|Sr\.|Vice|VP|General Counsel|Secretary|Treasurer|Controller|Principal|Managing|Interim|Head|Member|Former|Trustee|See Remarks|Group|Co-)\b/;
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
function readHeader(lines: string[], to: number, wideTo: number, layout: LayoutForm, warnings: string[]): Header {
  const c: Confidences = {};
  const zone = lines.slice(0, to);
  const wide = lines.slice(0, Math.max(to, wideTo));
  const at = (re: RegExp) => zone.findIndex((l) => re.test(l));

  // Box 1: the name sits on the last value line above "(Last) (First) (Middle)".
  const lastIdx = at(/\((?:Last|First|Middle)\b|\b(?:Last|First|Fist|Middle|Mice)\)/i);
  const labelIdx = zone.findIndex((l) => label(l, LANDMARKS.reportingPerson, 0.7));
  let nameIdx = -1;
  for (let i = (lastIdx >= 0 ? lastIdx : Math.min(zone.length, labelIdx + 3)) - 1; i >= 0 && i >= labelIdx - 12; i--) {
    const v = headerValue(zone[i]);
    if (v && !label(zone[i], LANDMARKS.reportingPerson, 0.7) && !label(zone[i], LANDMARKS.issuer, 0.7) && /[A-Za-z]{2}/.test(v)) {
      nameIdx = i;
      break;
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
    ticker = m[1].toUpperCase();
    c["/issuer/ticker"] = m[1].length <= 5 && m[1] === ticker ? 0.92 : 0.7;
    let before = zone[tickIdx].slice(0, m.index);
    const lab = /Issuer|Ticker|Trading/i.test(before) ? findLabel(before, LANDMARKS.issuer, 0.6) : null;
    if (lab) before = before.slice(lab.end);
    before = cleanValue(before.replace(LEFT_LABELS, " "));
    if (tickIdx === nameIdx) {
      const split = splitNameAndIssuer(before.split(" "), ticker);
      ownerName = split.owner;
      issuerName = split.issuer;
      c["/issuer/name"] = split.confidence;
      c["/reportingOwners/0/name"] = split.confidence;
      if (split.confidence < 0.8) warnings.push(`reporting person and issuer ran together as "${before}"; split as "${ownerName}" / "${issuerName}"`);
    } else {
      issuerName = before;
      c["/issuer/name"] = issuerName.length >= 3 ? 0.9 : 0.3;
    }
  } else {
    const lab = zone.findIndex((l) => label(l, LANDMARKS.issuer, 0.65));
    const next = lab >= 0 ? zone.slice(lab + 1, lab + 3).map(headerValue).find((v) => /[A-Za-z]{3}/.test(v)) : undefined;
    issuerName = next ?? "";
    c["/issuer/name"] = issuerName ? 0.5 : 0.2;
    warnings.push(`issuer ticker not found${issuerName ? `; issuer name guessed as "${issuerName}"` : ""}`);
  }
  c["/issuer/cik"] = 0.95;
  if (!issuerName) warnings.push("issuer name not read");
  if (!ownerName) warnings.push("reporting person's name not read");

  const owner = emptyOwner(ownerName.replace(/\*+$/, "").trim());
  // Names are filed in capitals; lower-case letters mean a stray line (an OMB box, a label) was taken.
  if (owner.name && !ALL_CAPS.test(owner.name)) c["/reportingOwners/0/name"] = Math.min(c["/reportingOwners/0/name"], 0.5);
  c["/reportingOwners/0/cik"] = 0.95;

  // Box 5 (box 4 on Form 3): ticks. A lone X before the label is the tick; OCR loses unticked boxes entirely.
  const zoneText = wide.join("\n");
  const ticked = (label: string) => new RegExp(`(?:^|[\\s|(\\[])${TICK}[\\s_|—–\\-\\]]{0,4}${label}`, "m").test(zoneText);
  owner.isDirector = ticked("Director");
  owner.isTenPercentOwner = ticked("10 ?%");
  owner.isOfficer = ticked("Officer ?\\(");
  owner.isOther = ticked("Other ?\\(");
  const anyTick = owner.isDirector || owner.isTenPercentOwner || owner.isOfficer || owner.isOther;
  const relSeen = /Director|10 ?% ?Own|Officer ?\(/i.test(zoneText);
  const flagConf = anyTick ? 0.9 : 0.5;
  for (const k of ["isDirector", "isOfficer", "isTenPercentOwner", "isOther"]) c[`/reportingOwners/0/${k}`] = flagConf;
  if (!anyTick) warnings.push(relSeen ? "no tick read in the relationship box; every relationship left unchecked" : "relationship box not found");

  // The title line sits under "Officer (give title below)"; it may share its line with the street label.
  const offIdx = wide.findIndex((l) => /Officer ?\(/i.test(l));
  let titleText: string | null = null;
  const searchFrom = offIdx >= 0 ? offIdx + 1 : 0;
  for (let i = searchFrom; i < Math.min(wide.length, searchFrom + 6) && !titleText; i++) {
    const noLabels = wide[i].replace(LEFT_LABELS, " ");
    if (/Form filed|If Amend|Individual|Relationship/i.test(noLabels)) continue;
    const m = TITLE_START.exec(noLabels);
    if (!m) continue;
    titleText = cleanValue(noLabels.slice(m.index).replace(CHECK_ALL, ""));
    // A PDF text layer wraps the title box one word a line: "Chief" / "Technology" / "Officer".
    for (let j = i + 1; j < Math.min(wide.length, i + 4) && TITLE_WRAP.test(wide[j]) && !TITLE_WRAP_STOP.test(wide[j]); j++) {
      titleText = `${titleText} ${wide[j]}`;
    }
  }
  if (!anyTick) {
    // With no tick read, a missing title may be a missed one.
    c["/reportingOwners/0/officerTitle"] = 0.5;
    c["/reportingOwners/0/otherText"] = 0.5;
  }
  if (owner.isOfficer) {
    owner.officerTitle = titleText;
    c["/reportingOwners/0/officerTitle"] = titleText ? 0.85 : 0.3;
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
  const cityIdx = zone.findIndex((l, i) => i > nameIdx && /\(\s?(?:City|Clty|Gity)\s?\)|\(State\)|\(Zip\)/i.test(l));
  const addr: string[] = [];
  if (nameIdx >= 0) {
    for (let i = nameIdx + 1; i < (cityIdx >= 0 ? cityIdx : Math.min(zone.length, nameIdx + 7)); i++) {
      let v = headerValue(zone[i]);
      if (titleText) v = v.replace(titleText, " ").trim();
      if (/[A-Za-z0-9]{2}/.test(v) && !/^[0-9/ ]+$/.test(v)) addr.push(v);
    }
  }
  // The city line is the first with a ZIP; what follows the ZIP on it is garbled (City) (State) (Zip) labels.
  let cityLine: string | null = null;
  const zipAt = addr.findIndex((a) => /\b[0-9OlI]{5}(?:-[0-9]{4})?\b/.test(a) && !/^[0-9OlI]{5}\b/.test(a));
  if (zipAt >= 0) {
    cityLine = /^.*?\b[0-9OlI]{5}(?:-[0-9]{4})?\b/.exec(addr[zipAt])![0];
    addr.length = zipAt;
  }
  owner.street1 = addr[0] ?? null;
  owner.street2 = addr.length > 1 ? addr.slice(1).join(" ") : null;
  const streetConf = (v: string | null) => (v && ALL_CAPS.test(v) && /[A-Z]{3}/.test(v) ? 0.85 : 0.5);
  c["/reportingOwners/0/street1"] = owner.street1 ? (addr.length > 2 ? 0.6 : streetConf(owner.street1)) : 0.4;
  c["/reportingOwners/0/street2"] = owner.street2 ? Math.min(streetConf(owner.street2), 0.8) : owner.street1 ? 0.85 : 0.4;
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

  c["/aff10b5One"] = 0.9;
  return {
    issuer: { name: issuerName, ticker, cik: null },
    owner,
    period: period?.value ?? null,
    amendment: amendment?.value ?? null,
    joint: more && !one,
    confidence: c,
  };
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
    if (CORPORATE_END.test(left[left.length - 1].replace(/,$/, ""))) score += 2.5;
    if (left[left.length - 1].endsWith(",")) score -= 1.5;
    if (CORPORATE_END.test(first.replace(/,$/, ""))) score -= 3;
    if (left.length >= 2 && left.length <= 3) score += 1;
    if (left.length === 3 && /^[A-Z]\.?$/.test(left[2])) score += 0.5;
    if (score > best.score) best = { k, score };
  }
  if (words.length < 2) return { owner: words.join(" "), issuer: "", confidence: 0.3 };
  return { owner: words.slice(0, best.k).join(" "), issuer: words.slice(best.k).join(" "), confidence: best.score >= 3 ? 0.85 : 0.6 };
}

// ---------------------------------------------------------------------------
// Tables

// Column headings and instructions: never part of a row.
const HEADING = /Instr|Month|Title of|Date Exercisable|Expiration Date|Amount or|Number of|Ownership Form|Beneficially|Transaction\(s\)|Conversion or|Price of|Deemed|\(A\) or|Code\s*V|Execution|Owned Following/i;
const UNDERLYING_HEAD = /^(?:Common|Class [A-Z] Common|Ordinary|Class [A-Z]|Series [A-Z])$/i;
const COMPLETE_TITLE = /(?:Stock|Shares|Units?|Warrants?|Notes?|Interests?|\)|Rights?|Options?)$/i;

function hasValue(line: string): boolean {
  return /[0-9OlI]\/[0-9OlI]{1,2}\/[0-9]/.test(line) || /(?:^|\s)\$?[0-9OlI]{1,3}(?:,[0-9OlI]{3})+(?:\.[0-9]+)?(?=\s|$)|(?:^|\s)\$[0-9]|(?:^|\s)[0-9]{1,7}(?:\.[0-9]+)?(?=\s|$)/.test(line);
}

function readTable(
  lines: string[],
  from: number,
  to: number,
  table: TableKind,
  layout: LayoutForm,
  conf: Confidences,
  warnings: string[],
): (NonDerivativeRow | DerivativeRow)[] {
  const groups: { start: string; before: string[]; more: string[] }[] = [];
  // Title words printed above the first value line (a PDF text layer wraps cells top-down).
  let pending: string[] = [];
  for (let i = from; i < to; i++) {
    const l = tableLine(lines[i]);
    if (!l || HEADING.test(l)) {
      pending = [];
      continue;
    }
    const bare = stripFootnoteMarkers(l).text;
    const words = /[A-Za-z]{2}/.test(bare) && bare.split(" ").length <= 8 && /^[A-Za-z(]/.test(bare);
    if (hasValue(bare)) {
      if (/\((?:a|l|i|I)\)/.test(l)) warnings.push(`footnote marker read as "${/\((?:a|l|i|I)\)/.exec(l)![0]}" taken as (1)`);
      // Tesseract reads a raised "(1)" as "(a)" or "(l)".
      const line = l.replace(/\((?:a|l|i|I)\)/g, "(1)");
      const last = groups[groups.length - 1];
      if (last && /^[A-Za-z]/.test(bare) && !/[0-9OlI]\/[0-9OlI]{1,2}\//.test(bare) && unfinished(last.start, table, layout)) {
        // The row itself wrapped: "... 04/29/2035 Common" / "Stock 757,576 $0 757,756 D".
        last.start = `${last.start} ${line}`;
      } else {
        groups.push({ start: line, before: groups.length ? [] : pending, more: [] });
      }
      pending = [];
    } else if (groups.length && words) groups[groups.length - 1].more.push(l);
    else if (words && !isHeadingWords(bare)) pending.push(l);
  }
  const rows: (NonDerivativeRow | DerivativeRow)[] = [];
  for (const g of groups) {
    const reading = readRow(tokenizeCells([g.start]), table as "nonDerivative", layout);
    const row = reading.row as NonDerivativeRow | DerivativeRow;
    const rc = reading.confidence;
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
      if ("underlyingTitle" in row && row.underlyingTitle && UNDERLYING_HEAD.test(row.underlyingTitle)) {
        const tail = /\s?(Stock|Shares)$/i.exec(words);
        if (tail) {
          // Both titles wrap in the same lines; which "Stock" belongs to which column is a guess.
          row.underlyingTitle = `${row.underlyingTitle} ${tail[1]}`;
          words = words.slice(0, tail.index).trim();
          rc.underlyingTitle = Math.min(rc.underlyingTitle ?? CLEAN, 0.85);
          rc.securityTitle = Math.min(rc.securityTitle ?? CLEAN, 0.75);
        }
      }
      if (!words) continue;
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
    row.securityTitle = singleSpace(row.securityTitle.replace(/[|{}_~"]/g, " "));
    if ("underlyingTitle" in row && row.underlyingTitle && UNDERLYING_HEAD.test(row.underlyingTitle)) rc.underlyingTitle = Math.min(rc.underlyingTitle ?? CLEAN, 0.6);
    // A row whose values came without their title, or a derivative "titled" Common Stock, means
    // Tesseract broke the row's layout apart: none of its cells can be trusted to sit in their column.
    const broken = (g.more.length > 0 && !titleOnStart) || (table === "derivative" && /^(?:Common|Ordinary)\b/i.test(row.securityTitle));
    if (broken) {
      for (const k of Object.keys(rc)) rc[k] = Math.min(rc[k], 0.7);
      warnings.push(`${table === "derivative" ? "Table II" : "Table I"} row ${rows.length + 1}: row layout broken by OCR; every value needs review`);
    }
    if (!row.securityTitle) {
      rc.securityTitle = 0.2;
      warnings.push(`${table === "derivative" ? "Table II" : "Table I"} row ${rows.length + 1}: security title not read`);
    }
    if (row.kind === "holding" && table === "nonDerivative" && row.acquiredDisposed && !row.directOrIndirect) {
      // A holding has no (A)/(D) column value: a lone D after the amount is the ownership form.
      row.directOrIndirect = row.acquiredDisposed === "D" ? "D" : null;
      row.acquiredDisposed = null;
      rc.directOrIndirect = 0.85;
      rc.acquiredDisposed = 0.9;
    }
    const index = rows.length;
    for (const [k, v] of Object.entries(rc)) conf[`/${table}/${index}/${k}`] = v;
    warnings.push(...reading.warnings.map((w) => `${table === "derivative" ? "Table II" : "Table I"} row ${index + 1}: ${w}`));
    rows.push(row);
  }
  return rows;
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

// A row that has not reached its last columns (owned after, D/I) continues on the next value line.
function unfinished(start: string, table: TableKind, layout: LayoutForm): boolean {
  if (layout === "3") return false;
  const row = readRow(tokenizeCells([start]), table as "nonDerivative", layout).row;
  return row.kind === "transaction" && row.sharesOwnedFollowing === null && row.directOrIndirect === null;
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
  const order = [1, -1, 2, -2, 3, -3, 4, -4, 5, -5].map((k) => at + k).filter((i) => at >= 0 && i >= 0 && i < lines.length);
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

/**
 * Rows cite footnotes the trailer did not yield, or no signature was read: the review screen
 * must show those places as unsure, so the pointers where they would sit get a low confidence.
 */
function flagMissingTrailer(filing: Filing): void {
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
  const nothing = filing.nonDerivative.length === 0 && filing.derivative.length === 0 && !filing.formType.startsWith("3");
  if (uncited || nothing) {
    for (const [table, fields] of [["nonDerivative", ND_FIELDS], ["derivative", D_FIELDS]] as const) {
      const rows = filing[table];
      if (rows.length > 0 && !nothing) continue;
      filing.fieldConfidence[`/${table}`] = 0.3;
      // About one lost row per uncited footnote; at least one.
      const lost = Math.min(10, Math.max(1, filing.footnotes.filter((f) => !cited.has(f.id)).length));
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

const FOOTNOTE_LINE = /^\(?([0-9]{1,2})[.)]\)? (?=\S)/;
const NOT_FOOTNOTE = /^(?:\*|Reminder|Remarks|Note:|Persons who|Date$|\/s\/|[0-9OlI]{1,2}\/[0-9OlI]{1,2}\/)/i;

/**
 * Tesseract splits a footnote block into columns of lines and prints them out of order:
 * "2. ... were sold" / "3. ... were sold" come after the lines that finish them. Rebuilds the
 * footnotes: a lower-case line continues the nearest unfinished footnote above it, else waits for
 * the first unfinished one. Replaces readTrailer's footnotes when it finds as many, and takes the
 * stray lines it used out of the remarks.
 */
function regroupFootnotes(lines: string[], trailer: ReturnType<typeof readTrailer>): void {
  const notes: { id: string; text: string; lines: number }[] = [];
  const orphans: string[] = [];
  let started = false;
  for (const raw of lines) {
    const l = raw.trim();
    if (!l) continue;
    if (label(l, LANDMARKS.explanation, 0.65)) {
      started = true;
      continue;
    }
    if (!started || NOT_FOOTNOTE.test(l) || (l.length < 80 && label(l, LANDMARKS.signature, 0.7))) continue;
    const m = FOOTNOTE_LINE.exec(l);
    if (m && !notes.some((n) => n.id === m[1])) notes.push({ id: m[1], text: l.slice(m[0].length), lines: 1 });
    else if (/^[a-z$(0-9]/.test(l)) {
      const last = notes[notes.length - 1];
      if (last && !finished(last.text)) {
        last.text = `${last.text} ${l}`;
        last.lines++;
      } else orphans.push(l);
    }
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
  const changed = byId.some((n, i) => trailer.footnotes[i]?.id !== n.id || trailer.footnotes[i]?.text !== singleSpace(n.text));
  if (!changed) return;
  trailer.footnotes = byId.map((n) => ({ id: n.id, text: singleSpace(n.text) }));
  byId.forEach((n, i) => {
    trailer.confidence[`/footnotes/${i}/id`] = 0.9;
    trailer.confidence[`/footnotes/${i}/text`] = Math.min(trailer.confidence[`/footnotes/${i}/text`] ?? 0.85, finished(n.text) ? 0.85 : 0.6);
  });
  trailer.warnings.push("footnote lines came out of order; footnotes rebuilt from their numbers and unfinished sentences");
}

const finished = (text: string) => /[.;:)"]$/.test(text.trim());
