import { addMonths, compareIso, expandYear, isLastDayOfMonth, makeIso, monthsToNextQuarterEnd, parseIso } from "./dates";
import { buildTranches, type ExplicitTranche, type VestingCliff, type VestingInstallments, type VestingModel } from "./model";

export interface VestingContext {
  grantDate: string | null;
  totalShares: number | null;
  exerciseDate?: string | null;
  expirationDate?: string | null;
}

// ---------------------------------------------------------------------------
// Normalisation: OCR noise and wording variants are folded away first so the
// readers below match one canonical spelling. Dates become `#YYYY-MM-DD#`,
// number words become digits, "percent" becomes "%".

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const ORDINALS: Record<string, string> = {
  first: "1st", second: "2nd", third: "3rd", fourth: "4th", fifth: "5th", sixth: "6th", seventh: "7th",
  eighth: "8th", ninth: "9th", tenth: "10th", eleventh: "11th", twelfth: "12th",
};
const UNIT_ORDINALS: Record<string, number> = {
  third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
  thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19,
};
const TENS_ORDINALS: Record<string, number> = { twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60 };
// Every denominator a vesting fraction uses: "thirds", "one-sixteenth", "one forty-eighth", "1/36th".
const DENOMINATORS: Record<string, number> = { half: 2, halves: 2, quarter: 4, quarters: 4 };
for (const [w, n] of Object.entries({ ...UNIT_ORDINALS, ...TENS_ORDINALS })) DENOMINATORS[w] = DENOMINATORS[`${w}s`] = n;
for (const tens of ["twenty", "thirty", "forty", "fifty"])
  for (const [w, n] of Object.entries(UNIT_ORDINALS)) {
    if (n > 9) continue;
    DENOMINATORS[`${tens}-${w}`] = DENOMINATORS[`${tens}-${w}s`] = DENOMINATORS[`${tens} ${w}`] = DENOMINATORS[`${tens} ${w}s`] = TENS[tens] + n;
  }
DENOMINATORS["twenty-first"] = 21;

const MONTH_NAME = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/;

const UNIT_RE = Object.keys(UNITS).sort((a, b) => b.length - a.length).join("|");
const TENS_RE = Object.keys(TENS).join("|");
const FRACTION_WORD_RE = new RegExp(`\\b(${UNIT_RE})[\\s-]?(${Object.keys(DENOMINATORS).sort((a, b) => b.length - a.length).join("|")})\\b`, "g");
const NUMBER_WORD_RE = new RegExp(`\\b(?:(${TENS_RE})(?:(?:\\s*-\\s*|\\s)?(${UNIT_RE}))?|(${UNIT_RE}))\\b`, "g");
const ORDINAL_RE = new RegExp(`\\b(${Object.keys(ORDINALS).join("|")})\\b`, "g");

// Words that matter here, for re-joining words split by a line break ("install ments").
const VOCAB = new Set(
  (
    "installment installments increment increments anniversary anniversaries commencement quarterly monthly " +
    "annually annual exercisable thereafter remaining following vesting vested vests performance percent equal " +
    "equally ratably immediately balance remainder beginning commencing subsequent successive consecutive " +
    "restricted options option shares units exercisability achievement tranches"
  ).split(" "),
);
const VOCAB_PREFIXES = new Set(Array.from(VOCAB, (w) => Array.from({ length: w.length - 1 }, (_, i) => w.slice(0, i + 1))).flat());
// Real words a fragment may be, so "vest on" is not glued into something else.
const STANDALONE = new Set(
  "a an in on of the and to as is at or by for each year years month months day vest share unit be it its all".split(" "),
);
// Words OCR spells with 1 or | for l ("month1y", "1ast").
const L_WORDS = new Set(
  "last monthly annually equally fully ratably quarterly installment installments all shall will following balance calendar exercisable until initial schedule".split(
    " ",
  ),
);

const GLUED =
  /\b(equal|annual|monthly|quarterly|the|of|each|in|first|second|third|fourth|fifth|successive|consecutive|and|on|one|two|three|four|five|six|twelve|sixteen|thirty|forty|eight)(installments?|increments?|anniversar(?:y|ies)|monthly|quarterly|annual(?:ly)?|thereafter|months|years)\b/g;

function fixToken(tok: string): string {
  if (/\d/.test(tok) && /^[\dlIoO|/.,%-]+(?:st|nd|rd|th)?$/.test(tok) && !/^[a-z]+$/i.test(tok)) {
    const m = /^(.*?)(st|nd|rd|th)?$/.exec(tok)!;
    return m[1].replace(/[lI|]/g, "1").replace(/[oO]/g, "0") + (m[2] ?? "");
  }
  if (/[1|]/.test(tok) && /[a-z]/i.test(tok)) {
    const lower = tok.toLowerCase();
    const core = /^([a-z1|]+)(.*)$/.exec(lower);
    if (core) {
      const fixed = core[1].replace(/[1|]/g, "l");
      if (L_WORDS.has(fixed)) return fixed + core[2];
    }
  }
  return /^[lI]st\W*$/.test(tok) ? "1st" + tok.slice(3) : tok;
}

function joinBrokenWords(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i];
    const bm = i + 1 < tokens.length && VOCAB_PREFIXES.has(a) ? /^([a-z]+)(.*)$/.exec(tokens[i + 1]) : null;
    if (bm && VOCAB.has(a + bm[1]) && !VOCAB.has(bm[1]) && !STANDALONE.has(bm[1])) {
      out.push(a + bm[1] + bm[2]);
      i++;
    } else out.push(a);
  }
  return out;
}

function isoFrom(y: number, m: number, d: number): string | null {
  return makeIso(expandYear(y), m, d);
}

function ordinal(n: number): string {
  const tail = n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${tail}`;
}

function numberWord(tens?: string, unit?: string, alone?: string): string {
  if (alone) return String(UNITS[alone]);
  return String(TENS[tens!] + (unit ? UNITS[unit] : 0));
}

// Each pass is guarded by a cheap test: a replace costs even when nothing matches.
function pass(s: string, when: boolean, re: RegExp, to: string | ((...m: string[]) => string)): string {
  if (!when) return s;
  return typeof to === "string" ? s.replace(re, to) : s.replace(re, to);
}

function dateToken(m: string, iso: string | null): string {
  return iso ? `#${iso}#` : m;
}

export function normalizeVestingText(text: string): string {
  let s = text;
  s = pass(s, s.includes("<"), /<[^>]*>/g, " ");
  s = pass(s, /[*_`]/.test(s), /[*_`]/g, " ");
  s = pass(s, /[\u2010-\u2019]/.test(s), /[\u2010-\u2015]/g, "-").replace(/[\u2018\u2019]/g, "'");
  s = pass(s, s.includes("\n"), /(\w)-\s*\n\s*(\w)/g, "$1$2");
  s = s.replace(/\s+/g, " ").trim();
  s = joinBrokenWords(s.split(" ").map((tok) => fixToken(tok).toLowerCase())).join(" ");
  // The opposite slip, words run together ("annualinstallments", "36months").
  s = s.replace(GLUED, "$1 $2").replace(/\b(\d+)(months?|years?|quarters?|installments?)\b/g, "$1 $2");
  s = pass(s, s.includes("/"), /(\d)\s*\/\s*(\d)/g, "$1/$2");
  // Dates before numbers so their digits are not read as amounts.
  if (/\d/.test(s)) {
    s = pass(s, s.includes("-"), /\b(\d{4})-(\d{2})-(\d{2})\b/g, (m, y, mo, d) => dateToken(m, makeIso(+y, +mo, +d)));
    s = pass(s, /\d[/.-]\d/.test(s), /(?<![\d#/-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?![\d/#])/g, (m, mo, d, y) =>
      dateToken(m, isoFrom(+y, +mo, +d)),
    );
    if (MONTH_NAME.test(s)) {
      s = s
        .replace(/\b(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.? ?(\d{1,2})(?:st|nd|rd|th)? of (?:each of )?(?:the years |each year )?(\d{4})\b/g, (m, mo, d, y) =>
          dateToken(m, makeIso(+y, MONTHS[mo], +d)),
        )
        .replace(/\b(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.? ?(\d{1,2})(?:st|nd|rd|th)?(?: ?, ?| )(\d{4})\b/g, (m, mo, d, y) =>
          dateToken(m, makeIso(+y, MONTHS[mo], +d)),
        )
        .replace(/\b(\d{1,2})(?:st|nd|rd|th)? (?:day of )?(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?,? (\d{4})\b/g, (m, d, mo, y) =>
          dateToken(m, makeIso(+y, MONTHS[mo], +d)),
        );
    }
  }
  // "March 1, 2025, 2026 and 2027" and "March 1 of each of 2025, 2026 and 2027": one date per year.
  // A number that is not a later year ("on March 1, 2025, 1500 shares") is left alone.
  s = pass(s, /# ?,? (?:and )?\d{4}\b/.test(s), /#(\d{4})(-\d{2}-\d{2})#((?:,? (?:and |& )?\d{4}\b)+)(?! ?(?:shares?|rsus?|options?|units?|restricted)\b)/g, (m, y, md, more) => {
    const years = Array.from(more.matchAll(/\d{4}/g), (x: RegExpMatchArray) => +x[0]);
    const rising = years.every((v, i) => v > (i ? years[i - 1] : +y) && v <= +y + 30);
    return rising ? [`#${y}${md}#`, ...years.map((v) => `#${v}${md}#`)].join(", ") : m;
  });
  s = s
    .replace(FRACTION_WORD_RE, (_m, u, den) => `${UNITS[u]}/${DENOMINATORS[den]}`)
    .replace(NUMBER_WORD_RE, (_m, tens, unit, alone) => numberWord(tens, unit, alone))
    .replace(ORDINAL_RE, (_m, w) => ORDINALS[w]);
  s = pass(s, /\d\/\d+(?:st|nd|rd|th)/.test(s), /\b(\d+)\/(\d+)(?:st|nd|rd|th)\b/g, "$1/$2");
  s = pass(s, s.includes("cent"), /\bper ?cent(?:age)?\b/g, "%");
  s = pass(s, s.includes(" %"), /(\d)\s+%/g, "$1%");
  // "33 1/3%"
  s = pass(s, /\d \d\/\d%/.test(s), /\b(\d+) (\d)\/(\d)%/g, (_m, w, n, d) => `${+w + +n / +d}%`);
  if (s.includes("anniversar")) {
    s = s.replace(/\b[l1i] st anniversar/g, "1st anniversar").replace(/\b(\d+(?:st|nd|rd|th)) (?:annual|yearly) anniversar/g, "$1 anniversar").replace(/\b(\d+)[- ]year anniversary/g, (_m, n) => `${ordinal(+n)} anniversary`);
  }
  // OCR reads a thousands comma as a point ("2.600 shares"); shares are not counted to the thousandth.
  s = pass(s, /\d\.\d{3} /.test(s), /\b(\d{1,3})\.(\d{3})(?= (?:shares?|rsus?|units?|options?|restricted|performance)\b)/g, "$1$2");
  // Twice: one pass drops every other separator of "1,000,000".
  s = pass(s, /\d,\d{3}/.test(s), /(\d),(\d{3})(?!\d)/g, "$1$2");
  s = pass(s, /\d,\d{3}/.test(s), /(\d),(\d{3})(?!\d)/g, "$1$2");
  // "thirty-six (36)" reads "36 (36)" by now.
  s = pass(s, s.includes(" ("), /(?<!\S)(\S+) \(\1\)/g, "$1");
  s = pass(s, /\ban? (?:\d+[- ]?)?(?:year|month)/.test(s), /\ba (\d+)[- ]?(year|month)/g, "$1 $2");
  s = pass(s, /\ban? (?:year|month)\b/.test(s), /\ban? (year|month)\b/g, "1 $1");
  return s;
}

// ---------------------------------------------------------------------------
// Readers over the normalised text.

const D = "#(\\d{4}-\\d{2}-\\d{2})#";
const DATE_LIST = `${D}(?:(?:,? and |, |,? & )${D})*`;
const DATE_G = /#(\d{4}-\d{2}-\d{2})#/g;
const AMOUNT = "(\\d+(?:\\.\\d+)?%|\\d+/\\d+|\\d+ shares)";
const REF = "(?:the )?(?:original )?(?:date of (?:the )?grant|grant date|grant|vesting commencement date|vesting start date|commencement date|date of (?:the |this )?award|award date|date of issuance|issuance date)";
// "1/24th of the shares subject to the option granted on March 3, 2020 became vested on ...": the grant's date is not the part's.
const NOT_GRANTED = "(?<!(?:granted|awarded|issued|dated) )";
const CLIFF_ON_DATE = new RegExp(`${AMOUNT}(?:[^.;#%]|(?:granted|awarded) on #[\\d-]+#){0,80}?\\b${NOT_GRANTED}(?:on|as of|at) ${D}`);
const CLIFF_ANNIV = new RegExp(`${AMOUNT}[^.;#%]{0,80}?\\b(\\d+)(?:st|nd|rd|th) anniversary`);
// "25% ... vest immediately and the remaining ... quarterly": the immediate part is a cliff at the start.
const CLIFF_AT_GRANT = new RegExp(`${AMOUNT}[^.;#%]{0,60}?(?:\\b(?:on|upon|at|as of) (?:the )?(?:date of (?:the )?grant|grant date|grant)\\b|\\bimmediately\\b)`);
const CLIFF_DURATION_FROM = new RegExp(`${AMOUNT}[^.;#%]{0,80}?\\b(\\d+) (years?|months?) (?:from|after|following|of)`);
const CLIFF_AFTER_DURATION = new RegExp(`${AMOUNT}[^.;#%]{0,80}?\\b(?:after|following|upon|at the end of) (?:the )?(?:1st )?(\\d+) (years?|months?)\\b`);
const PER_INSTALLMENT = new RegExp(`${AMOUNT}[^.;#]{0,80}?(?:monthly|quarterly|annually|yearly|semi-?annually|(?:each|every|per) (?:full )?(?:calendar )?(?:month|quarter|year)|(?:each|every) anniversary|anniversaries)`);
const START_ON_DATE = new RegExp(
  `\\b(?:beginning|commencing|starting|1st (?:(?:installment|tranche|increment|portion) )?(?:vesting|vests|to vest|will vest|shall vest|becoming exercisable|becomes exercisable)(?: date)?)(?: on| with| as of)? ${D}`,
);
const START_RELATIVE = new RegExp(`\\b(?:beginning|commencing|starting)(?: on| with)? (?:the )?(?:(\\d+)(?:st|nd|rd|th) anniversary of|(\\d+) (years?|months?|quarters?) (?:after|from|following)) ${REF}`);
// "on each of the first three anniversaries of February 1, 2023": a dated anchor, not the grant date.
const ANNIV_OF_DATE = new RegExp(`\\b(?:(\\d+)(?:st|nd|rd|th) )?anniversar(y|ies) of ${D}`);
const START_FOLLOWING = new RegExp(`\\b(?:following|after|from) ${D}`);
const STATED_END = new RegExp(`(?:fully vested|fully exercisable|100% vested|vested in full|exercisable in full|through|ending on|until)[^.;#]{0,30}?${D}`);
const ANNIV_AMOUNTS = new RegExp(`${AMOUNT}[^.;#%]{0,40}?\\bon the (\\d+)(?:st|nd|rd|th) anniversary`, "g");
// "22,159 RSUs subject to the award vested on ... and 22,159 RSUs are scheduled to vest on ...": the verb's tense is kept (group 2).
const SHARES_ON_DATES = new RegExp(
  `(?<![\\d/.,])\\b(\\d+(?:\\.\\d+)?) (?:shares? |options? |rsus? |units? |restricted stock units? )?(?:(?:of |subject to |under |the |this |such |these |restricted |stock |units? |rsus? |shares? |options? )){0,6}(?:(?:will |shall |each |(?:are |is )?(?:scheduled|expected) to )?(vest|vests|vested|become exercisable|becomes exercisable|became exercisable|exercisable) (?:on )?|on )(?:each of )?(${DATE_LIST})`,
  "g",
);
const AMOUNTS_ON_DATES = new RegExp(`${AMOUNT}[^.;#%]{0,60}?\\b${NOT_GRANTED}on (?:each of )?(${DATE_LIST})`, "g");
const SETTLEMENT = /\b(?:withh[eo]ld|withholding|tax (?:liability|obligations?)|settlement of|settled|issued upon|delivered upon|acquired upon|received upon|in connection with the vesting)\b/;
// "granted on March 3, 2020", "the date of grant of May 6, 2019", "Grant Date 03/02/2017", "the January 7, 2016 grant date".
const GRANTED_ON = new RegExp(
  `\\b(?:(?:was |were )?(?:granted|awarded)(?: to the reporting person)?(?: on)? |(?:date of grant|grant date)(?: of|:|,)? \\(?)${D}|${D} (?:grant date|date of grant)\\b`,
);
const VEST_ON_DATES = new RegExp(`(?:vest|vests|vested|vesting|exercisable|exercisability|lapse|lapses)[^.;#]{0,60}?\\b(?:on|as of) (?:each of )?(${DATE_LIST})`);
const SINGLE_DURATION = new RegExp(`(?:vest|vests|vested|vesting|exercisable|lapse|lapses)[^.;#]{0,40}?\\b(\\d+) (years?|months?) (?:from|after|following|of) ${REF}`);
const SINGLE_ANNIV = new RegExp(`(?:vest|vests|vested|vesting|exercisable|lapse|lapses)[^.;#]{0,40}?\\b(\\d+)(?:st|nd|rd|th) (anniversary)(?: of ${REF}| of ${D}|(?=[.,;]|$))`);
const SINGLE_ANNIV_BEFORE = new RegExp(`\\b(\\d+)(?:st|nd|rd|th) (anniversary) of ${REF}[^.;#]{0,40}?(?:vest|vests|vested|exercisable)`);
const EARLIER_RELATIVE = new RegExp(`(\\d+)(?:st|nd|rd|th) anniversary of ${REF}|(\\d+) (years?|months?) (?:from|after|following) ${REF}`);
const VCD_AFTER = new RegExp(`(?:vesting commencement|vesting start|vesting base) date[,:]? (?:\\(|(?:which|that) (?:is|was) |of |is |was |being )?(?:the )?${D}`);
const VCD_BEFORE = new RegExp(`${D},? (?:\\(?the )?"?(?:vesting commencement|vesting start) date`);

const COUNTED =
  /\b(\d+) (?:(?:substantially|approximately|equal|successive|consecutive|separate|additional) )*(?:(monthly|quarterly|annual|yearly|semi-?annual) )?(?:equal )?(?:installments?|increments?|tranches?|portions?)\b/;
const DURATION = /\b(?:over|for|during|within) (?:a period of |an? |the (?:following|next|subsequent|ensuing|succeeding|remaining) |the )?(\d+)[- ](years?|months?|quarters?)/;
const DURATION_PERIOD = /\b(\d+)[- ](years?|months?|quarters?)(?: vesting)? period\b/;

const VEST_WORD = /vest|exercisab|installment|anniversar|cliff|ratabl|tranche|increment|lapse/;
const SCHEDULE_HINT = /#\d|anniversar|month|year|quarter|installment|increment|\d%|\d\/\d|ratabl|immediate|fully|in full/;
const PERFORMANCE =
  /performance[- ](?:goals?|conditions?|criteria|metrics?|targets?|measures?|objectives?|period|based|vesting|shares|stock units?|share units?|units|awards?|restricted)|achievement of|attainment of|total (?:share|stock)holder return|\btsr\b|\bpsus?\b|maximum (?:number|amount|payout|level)|amount reported (?:is|represents) the maximum|reported amount (?:is|represents) the maximum|market[- ]based|stock price (?:hurdles?|targets?|goals?)|price hurdles?|to the extent earned|if earned|earned based on|milestones?/;

const EARNED_AND_VESTED = new RegExp(
  `^(?!.*\\b(?:portion|part|some|will|shall|remaining|remainder)\\b)(?=.*\\b(?:determination|determined|certification|certified)\\b).*\\b(?:vested|became vested) (?:in full )?on ${D}`,
);

const INTERVAL_WORDS: [RegExp, number][] = [
  [/\bsemi-?annual(?:ly)?\b|\bevery 6 months\b|\bhalf-?yearly\b/, 6],
  [/\bmonthly\b|\b(?:each|every|per) (?:full )?(?:calendar )?month\b|\bmonth-?end\b/, 1],
  [/\bquarterly\b|\b(?:each|every|per) (?:calendar |fiscal )?quarter\b|\bevery 3 months\b/, 3],
  [/\bannual(?:ly)?\b|\byearly\b|\b(?:each|every|per) year\b|\banniversar(?:y|ies)\b/, 12],
];

function intervalIn(s: string): number | null {
  let best: number | null = null;
  let at = Infinity;
  for (const [re, months] of INTERVAL_WORDS) {
    const m = re.exec(s);
    if (m && m.index < at) {
      at = m.index;
      best = months;
    }
  }
  return best;
}

function unitMonths(unit: string): number {
  return unit.startsWith("year") ? 12 : unit.startsWith("quarter") ? 3 : 1;
}

type Amount = { fraction?: number; shares?: number };

function parseAmount(a: string): Amount {
  if (a.endsWith("%")) return { fraction: parseFloat(a) / 100 };
  if (a.endsWith("shares")) return { shares: parseInt(a, 10) };
  const [n, d] = a.split("/").map(Number);
  return { fraction: d ? n / d : 0 };
}

function datesIn(s: string): string[] {
  return Array.from(s.matchAll(DATE_G), (m) => m[1]);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

interface CliffHit {
  cliff: VestingCliff;
  /** Where the cliff wording ends, the installments being read after it; 0 for a bare "one-year cliff". */
  end: number;
}

// A first tranche followed by installments ("25% ... on 12/29/05 and then ... monthly").
function findCliff(t: string): CliffHit | null {
  const hits: CliffHit[] = [];
  const onDate = CLIFF_ON_DATE.exec(t);
  if (onDate) hits.push({ cliff: { ...parseAmount(onDate[1]), date: onDate[2] }, end: onDate.index + onDate[0].length });
  const anniv = CLIFF_ANNIV.exec(t);
  if (anniv) hits.push({ cliff: { ...parseAmount(anniv[1]), months: 12 * +anniv[2] }, end: anniv.index + anniv[0].length });
  // "1/3 on the date of grant and 1/3 on each of the first two anniversaries": a cliff at the start.
  const atGrant = CLIFF_AT_GRANT.exec(t);
  if (atGrant) hits.push({ cliff: { ...parseAmount(atGrant[1]), months: 0 }, end: atGrant.index + atGrant[0].length });
  const after = CLIFF_DURATION_FROM.exec(t);
  if (after) hits.push({ cliff: { ...parseAmount(after[1]), months: +after[2] * unitMonths(after[3]) }, end: after.index + after[0].length });
  const afterN = CLIFF_AFTER_DURATION.exec(t);
  if (afterN) hits.push({ cliff: { ...parseAmount(afterN[1]), months: +afterN[2] * unitMonths(afterN[3]) }, end: afterN.index + afterN[0].length });
  const plain = /\b(\d+)[- ](year|month)s?[- ]cliff\b|\bcliff (?:of|period of) (\d+) (years?|months?)\b/.exec(t);
  if (plain) {
    const months = plain[1] ? +plain[1] * unitMonths(plain[2]) : +plain[3] * unitMonths(plain[4]);
    hits.push({ cliff: { months }, end: 0 });
  }
  if (hits.length === 0) return null;
  hits.sort((a, b) => (a.end === 0 ? 1 : b.end === 0 ? -1 : a.end - b.end));
  return hits[0];
}

interface InstallmentHit {
  count: number | null;
  intervalMonths: number;
  perFraction?: number;
  durationMonths?: number;
  /** The duration counts from the cliff ("over the following 36 months"), not from the start. */
  durationAfterCliff?: boolean;
  /** "as to 2,000 shares on each anniversary": the amount of one installment, to check the row's total against. */
  sharesEach?: number;
}

function findInstallments(s: string): InstallmentHit | null {
  const hit = findInstallmentRhythm(s);
  const per = PER_INSTALLMENT.exec(s);
  if (hit && per && per[1].endsWith(" shares")) hit.sharesEach = parseFloat(per[1]);
  return hit;
}

function findInstallmentRhythm(s: string): InstallmentHit | null {
  const interval = intervalIn(s);
  const counted = COUNTED.exec(s);
  if (counted && +counted[1] > 1) {
    const iv = counted[2] ? (intervalIn(counted[2]) ?? 12) : (interval ?? 12);
    return { count: +counted[1], intervalMonths: iv };
  }
  const duration = DURATION.exec(s) ?? DURATION_PERIOD.exec(s);
  const per = PER_INSTALLMENT.exec(s);
  const perGap = per ? per[0].slice(per[1].length) : "";
  const perFraction =
    per && !per[1].endsWith("shares") && !/\b(?:remain|remainder|balance|then|from|after|following)\b/.test(perGap) ? parseAmount(per[1]).fraction! : 1;
  const anniversaries = /\b(?:each of )?the (?:1st )?(\d+) (?:annual )?anniversaries\b/.exec(s) ?? /\b(\d+) (?:annual )?anniversaries\b/.exec(s);
  const ordinalList = /((?:\d+(?:st|nd|rd|th),? )+(?:and )?\d+(?:st|nd|rd|th)) anniversaries/.exec(s);
  const afterCliff = !!duration && /following|next|subsequent|ensuing|succeeding|remaining/.test(duration[0]);
  if (duration && interval) {
    return { count: null, intervalMonths: interval, durationMonths: +duration[1] * unitMonths(duration[2]), durationAfterCliff: afterCliff };
  }
  // "1/36th of the remaining shares each month": a share of what the cliff left, so 36 installments.
  if (per && !per[1].endsWith("shares") && /^ of the (?:remaining|remainder|balance)\b/.test(perGap)) {
    const f = parseAmount(per[1]).fraction!;
    if (f > 0 && f < 1) return { count: Math.round(1 / f), intervalMonths: intervalIn(per[0]) ?? interval ?? 12 };
  }
  if (per && perFraction > 0 && perFraction < 1) {
    return { count: null, intervalMonths: intervalIn(per[0]) ?? interval ?? 12, perFraction };
  }
  if (anniversaries) return { count: +anniversaries[1], intervalMonths: 12 };
  if (ordinalList) return { count: ordinalList[1].split(/,? (?:and )?/).length, intervalMonths: 12 };
  if (duration && /ratabl|equal/.test(s)) {
    return { count: null, intervalMonths: 12, durationMonths: +duration[1] * unitMonths(duration[2]), durationAfterCliff: afterCliff };
  }
  // Only the rhythm: the count may still come from a stated end date.
  return interval ? { count: null, intervalMonths: interval } : null;
}

function hasCount(h: InstallmentHit | null): h is InstallmentHit {
  return !!h && (h.count !== null || h.durationMonths !== undefined || h.perFraction !== undefined);
}

function resolveAnchor(s: string, commencement: string | null): { startDate?: string; firstOffsetMonths?: number } {
  const on = START_ON_DATE.exec(s);
  if (on) return /period,? $/.test(s.slice(Math.max(0, on.index - 12), on.index)) ? { startDate: on[1] } : { startDate: on[1], firstOffsetMonths: 0 };
  const anniv = ANNIV_OF_DATE.exec(s);
  if (anniv) return { startDate: anniv[3], firstOffsetMonths: anniv[2] === "y" && anniv[1] ? 12 * +anniv[1] : 12 };
  const rel = START_RELATIVE.exec(s);
  if (rel && commencement) {
    const months = rel[1] ? 12 * +rel[1] : +rel[2] * unitMonths(rel[3]);
    return { startDate: commencement, firstOffsetMonths: months };
  }
  const following = START_FOLLOWING.exec(s);
  if (following) return { startDate: following[1] };
  return {};
}

function statedEnd(s: string): string | undefined {
  const m = STATED_END.exec(s);
  return m ? m[1] : undefined;
}

function monthsBetween(a: string, b: string): number {
  const x = parseIso(a)!;
  const y = parseIso(b)!;
  return (y.y - x.y) * 12 + (y.m - x.m);
}

function cliffAnchor(cliff: VestingCliff | undefined, commencement: string | null): string | null {
  return cliff?.date ?? (cliff?.months !== undefined && commencement ? addMonths(commencement, cliff.months) : commencement);
}

function readInstallments(t: string, base: VestingModel): VestingModel | null {
  const commencement = base.commencementDate;
  const cliffHit = findCliff(t);
  const laterText = cliffHit && cliffHit.end > 0 ? t.slice(cliffHit.end) : t;
  // "... and 1/3 on each of the first two anniversaries" goes on with the rest as plainly as "the remainder".
  const remainderWords = /\b(?:remain|remaining|remainder|balance|rest|thereafter|then|additional)\b/.test(laterText) || /^,?\s*and (?:as to )?(?:\d+(?:\.\d+)?%|\d+\/\d+) /.test(laterText.trimStart());
  const cliff = cliffHit && (cliffHit.end === 0 || remainderWords) ? cliffHit.cliff : undefined;
  // The period may be named before the cliff ("over four years, with 25% after one year and the rest monthly").
  let inst = findInstallments(laterText);
  if (!hasCount(inst) && laterText !== t) inst = findInstallments(t) ?? inst;
  if (!inst) return null;
  if (cliff && cliff.fraction !== undefined && cliff.fraction >= 1) return null;

  let count = inst.count;
  if (count === null && inst.durationMonths !== undefined) {
    let months = inst.durationMonths;
    // "25% after one year, the rest monthly over four years": the four years count from the start.
    const cliffMonths = cliff?.months;
    const frac = cliff?.fraction;
    if (!inst.durationAfterCliff && cliffMonths !== undefined && frac !== undefined && cliffMonths < months) {
      if (Math.abs(1 - frac - (months - cliffMonths) / months) < 0.02) months -= cliffMonths;
    }
    count = Math.round(months / inst.intervalMonths);
  }
  if (count === null && inst.perFraction) {
    const left = cliff?.fraction !== undefined ? 1 - cliff.fraction : 1;
    count = Math.round(left / inst.perFraction);
  }

  const installments: VestingInstallments = { count: 0, intervalMonths: inst.intervalMonths, ...resolveAnchor(laterText, commencement) };
  // "commencing on June 30" means quarter ends, not the 30th of every later month.
  const start = installments.startDate ? parseIso(installments.startDate) : null;
  if (start && start.d >= 30 && isLastDayOfMonth(installments.startDate!)) installments.lastDayOfMonth = true;
  if (/last (?:business )?day of (?:each|every|the) (?:calendar )?month/.test(t)) installments.lastDayOfMonth = true;
  const quarterEnds = /last (?:business )?day of (?:each|every|the) (?:(calendar) |(fiscal) )?quarter/.exec(t);
  if (quarterEnds) {
    installments.lastDayOfMonth = true;
    const anchor = installments.startDate ?? cliffAnchor(cliff, commencement);
    // Calendar quarters end in March, June, September and December; the first is the next of them after the anchor.
    if (installments.firstOffsetMonths === undefined && anchor) installments.firstOffsetMonths = monthsToNextQuarterEnd(anchor);
    if (!quarterEnds[1]) base.notes.push("installments fall on calendar quarter ends; check the issuer's fiscal quarters");
  }
  if (/business day/.test(t)) base.notes.push("the text names business days; dates are calendar dates");
  const end = statedEnd(laterText);
  if (end) {
    installments.endDate = end;
    const anchor = installments.startDate ?? cliffAnchor(cliff, commencement);
    if (anchor && compareIso(end, anchor) > 0) {
      const span = (monthsBetween(anchor, end) - (installments.firstOffsetMonths ?? inst.intervalMonths)) / inst.intervalMonths + 1;
      if (count === null && Number.isInteger(span)) count = span;
      else if (span !== count) base.notes.push(`stated end ${end} does not match ${count} installments`);
    }
  }
  if (!count || count < 1 || count > 600) return null;
  if (inst.sharesEach && base.totalShares && Math.abs(inst.sharesEach * count - base.totalShares) > 1) {
    const n = (x: number) => x.toLocaleString("en-US");
    base.notes.push(`the footnote vests ${n(inst.sharesEach)} shares ${count} times (${n(inst.sharesEach * count)} in all) where the row reports ${n(base.totalShares)}`);
  }
  installments.count = count;
  const model: VestingModel = { ...base, kind: "installments", installments };
  if (cliff) model.cliff = cliff;
  return model;
}

// "25%, 25%, 17%, 17% and 16% on the first five anniversaries".
function readUnevenAnniversaries(t: string, base: VestingModel): VestingModel | null {
  const m = /((?:\d+(?:\.\d+)?%,? (?:and )?){1,}\d+(?:\.\d+)?%)[^.;#%]{0,80}?anniversar/.exec(t);
  if (!m) return null;
  const pcts = m[1].match(/\d+(?:\.\d+)?(?=%)/g)!.map(Number);
  if (pcts.length < 2) return null;
  return { ...base, kind: "installments", installments: { count: pcts.length, intervalMonths: 12, fractions: pcts } };
}

// "25% on the first anniversary, 25% on the second anniversary and 50% on the third anniversary".
function readAnniversaryAmounts(t: string, base: VestingModel): VestingModel | null {
  const c = base.commencementDate;
  if (!c) return null;
  const tranches: ExplicitTranche[] = [];
  let sum = 0;
  for (const m of t.matchAll(ANNIV_AMOUNTS)) {
    const a = parseAmount(m[1]);
    if (a.fraction === undefined) return null;
    sum += a.fraction;
    tranches.push({ date: addMonths(c, 12 * +m[2]), fraction: a.fraction });
  }
  if (tranches.length < 2 || Math.abs(sum - 1) > 0.011) return null;
  return { ...base, kind: "explicit", explicitTranches: tranches };
}

// "16,900 on each of 7/28/22, 7/28/23 and 7/28/24 and 16,901 on 7/28/25".
function readExplicitShares(t: string, base: VestingModel): VestingModel | null {
  const tranches: ExplicitTranche[] = [];
  const past: boolean[] = [];
  let verbs = 0;
  for (const m of t.matchAll(SHARES_ON_DATES)) {
    if (m[2]) verbs++;
    for (const d of datesIn(m[3])) {
      tranches.push({ date: d, shares: +m[1] });
      past.push(m[2] === "vested" || m[2] === "became exercisable");
    }
  }
  if (tranches.length === 0) return null;
  const total = (list: ExplicitTranche[]) => list.reduce((a, x) => a + (x.shares ?? 0), 0);
  // Without a verb, "16,900 on each of ..." is a schedule only when it is the row's amount: "received 1,000 RSUs on March 1" is an event.
  if (verbs === 0 && base.totalShares != null && Math.abs(total(tranches) - base.totalShares) > 1e-6) return null;
  // A holding's footnote often tells the award's history: what already vested is not in the row's amount.
  const ahead = tranches.filter((_, i) => !past[i]);
  if (base.totalShares != null && ahead.length && ahead.length < tranches.length && Math.abs(total(ahead) - base.totalShares) < 1e-6) {
    tranches.splice(0, tranches.length, ...ahead);
  }
  const sum = total(tranches);
  // "29,048 shares vested on July 23, 2019. The remaining shares vest monthly ...": a first part, the rest read as installments.
  if (base.totalShares != null && sum < base.totalShares && /\b(?:remaining|remainder|balance|thereafter)\b/.test(t)) return null;
  const model: VestingModel = { ...base, kind: "explicit", explicitTranches: tranches };
  if (model.totalShares == null) model.totalShares = sum;
  else if (Math.abs(sum - model.totalShares) > 1e-6) model.notes.push(`listed tranches add to ${sum}, not ${model.totalShares}; shares spread pro rata`);
  return model;
}

// "50% on 3/1/24 and the remaining 50% on 3/1/25"; "100% of the shares vest on 6/1/26".
function readExplicitAmounts(t: string, base: VestingModel): VestingModel | null {
  let tranches: ExplicitTranche[] = [];
  const past: boolean[] = [];
  for (const m of t.matchAll(AMOUNTS_ON_DATES)) {
    const a = parseAmount(m[1]);
    for (const d of datesIn(m[2])) {
      tranches.push({ date: d, ...a });
      past.push(/\b(?:vested|became (?:vested|exercisable))\b/.test(m[0]));
    }
  }
  if (tranches.length === 0) return null;
  const fractions = tranches.map((x) => x.fraction);
  const sum = (list: ExplicitTranche[]) => list.reduce((a, x) => a + (x.fraction ?? 0), 0);
  // "50% on 2/11/22, 75% on 2/11/23 and 100% on 2/11/24": what has vested by each date, not each part.
  if (fractions.every((f, i) => f !== undefined && (i === 0 || f > fractions[i - 1]!)) && Math.abs(fractions[fractions.length - 1]! - 1) < 0.011 && tranches.length > 1) {
    tranches = tranches.map((x, i) => ({ date: x.date, fraction: x.fraction! - (i ? fractions[i - 1]! : 0) }));
  }
  if (tranches.every((x) => x.fraction !== undefined) && Math.abs(sum(tranches) - 1) > 0.011) return null;
  // A holding reported after some parts vested holds only the parts still to come.
  const ahead = tranches.filter((_, i) => !past[i]);
  if (ahead.length && ahead.length < tranches.length && past.every((p, i) => !p || !base.commencementDate || compareIso(tranches[i].date, base.commencementDate) < 0)) {
    const left = sum(ahead);
    tranches = ahead.map((x) => (x.fraction !== undefined && left > 0 ? { date: x.date, fraction: x.fraction / left } : x));
  }
  return { ...base, kind: "explicit", explicitTranches: tranches };
}

// A list of dates beats a count of installments: "in four equal installments on each of March 15, 2025, ...".
function readDateList(t: string, base: VestingModel): VestingModel | null {
  const m = VEST_ON_DATES.exec(t);
  return m && datesIn(m[1]).length >= 2 ? readExplicitDates(t, base) : null;
}

// "vest on 3/1/24, 3/1/25 and 3/1/26": equal parts.
function readExplicitDates(t: string, base: VestingModel): VestingModel | null {
  const m = VEST_ON_DATES.exec(t);
  if (!m) return null;
  // Shares withheld or delivered "in connection with the vesting of RSUs on March 1": an event, not a schedule.
  if (SETTLEMENT.test(t.slice(Math.max(0, m.index - 80), m.index + m[0].length))) return null;
  // "A portion of the RSUs became vested on March 1, 2024": a part, of no stated size.
  const sentence = t.slice(t.lastIndexOf(".", m.index) + 1, m.index);
  if (/\b(?:portion|part|some|certain|number) of\b/.test(sentence)) return null;
  return { ...base, kind: "explicit", explicitTranches: datesIn(m[1]).map((date) => ({ date })) };
}

// "vest 3 years from the grant date"; "vests in full on the third anniversary of the grant date".
function readSingleRelative(t: string, base: VestingModel): VestingModel | null {
  const c = base.commencementDate;
  const m = SINGLE_DURATION.exec(t) ?? SINGLE_ANNIV.exec(t) ?? SINGLE_ANNIV_BEFORE.exec(t);
  if (!m) return null;
  // A part ("25% ... on the first anniversary") says nothing about the rest.
  const sentence = t.slice(t.lastIndexOf(".", m.index) + 1, m.index + m[0].length);
  if (/\d%|\d\/\d/.test(sentence) && !/\b100%/.test(sentence)) return null;
  // "the first anniversary of February 1, 2023" counts from that date, not from the grant.
  const from = m[3] ?? c;
  if (!from) {
    base.notes.push("relative to the grant date, which is unknown");
    return { ...base, kind: "unknown" };
  }
  const months = m[2] === "anniversary" ? 12 * +m[1] : +m[1] * unitMonths(m[2]);
  return { ...base, kind: "explicit", explicitTranches: [{ date: addMonths(from, months) }] };
}

// "vests on the earlier of the next annual meeting or August 6, 2025": the date is kept, the event noted.
function readEarlierOf(t: string, original: string, base: VestingModel): VestingModel | null {
  const m = /earlier (?:to occur )?of ([^.;]*)/.exec(t);
  if (!m) return null;
  const clause = m[1];
  const dated = datesIn(clause);
  let date: string | undefined = dated[0];
  if (!date && base.commencementDate) {
    const rel = EARLIER_RELATIVE.exec(clause);
    if (rel) date = addMonths(base.commencementDate, rel[1] ? 12 * +rel[1] : +rel[2] * unitMonths(rel[3]));
  }
  if (!date) return null;
  const event = clause
    .replace(DATE_G, "")
    .replace(/\(\w+\)|\b(?:and|or)\b/g, " ")
    .replace(/\s+/g, " ")
    .replace(/^[\s,]+|[\s,]+$/g, "");
  base.notes.push(`vests earlier on: ${event || oneLine(original)}`);
  return { ...base, kind: "explicit", explicitTranches: [{ date }], condition: oneLine(original) };
}

const IMMEDIATE = /fully vested|immediately (?:vested|exercisable|vest)|exercisable immediately|vest(?:s|ed)? (?:in full |100% |fully |immediately )?(?:on|upon|at|as of) (?:the )?(?:date of )?grant|exercisable in full|100% vested|\b100%|not subject to (?:any )?vesting/;
// Vested at once is a schedule only with its date: the grant's ("on the date of grant"), or one printed.
// "The options are fully vested" alone describes options that vested some time before.
const AT_GRANT = /\b(?:on|upon|at|as of|from) (?:the )?(?:date of (?:the )?grant|grant date|grant|time of (?:the )?grant|issuance|date of issuance)\b|\bwhen granted\b/;

// Cheap first look on the raw text, spaces dropped so split words still match: most footnotes are not about vesting.
const RAW_GATE = /vest|exercis|lapse|installment|anniversar|cliff|ratabl|tranche|increment|perform|achiev|attain|tsr|psu|maximum|milestone|earned|\d(?:on|oneachof)\d/;

/**
 * Reads a footnote's vesting wording into a model; null when the text is not about vesting
 * (price ranges, indirect ownership, trading plans). Wording that is about vesting but
 * cannot be dated comes back as kind "unknown" (or "performance") with no invented dates.
 */

export function readVestingText(text: string, ctx: VestingContext): VestingModel | null {
  const lower = text.toLowerCase();
  if (!RAW_GATE.test(lower) && !RAW_GATE.test(lower.replace(/\s+/g, ""))) return null;
  const t = withRowDates(normalizeVestingText(text), ctx);
  const performance = PERFORMANCE.test(t);
  if (!performance && !VEST_WORD.test(t) && !/fully vested|immediately exercisable|\d on (?:each of )?#/.test(t)) return null;
  // The award's own grant date, when the footnote names it, beats the row's (a holding reported years later).
  const granted = GRANTED_ON.exec(t);
  const vcd = VCD_AFTER.exec(t)?.[1] ?? VCD_BEFORE.exec(t)?.[1] ?? (granted ? (granted[1] ?? granted[2]) : undefined);
  const commencementDate = vcd ?? ctx.grantDate;
  const base = (): VestingModel => ({ kind: "unknown", commencementDate, totalShares: ctx.totalShares, notes: [] });

  // An award whose performance was already certified and that vested on a stated day has its one date.
  const earned = performance && EARNED_AND_VESTED.exec(t);
  if (earned) return checkAgainstRow({ ...base(), kind: "explicit", explicitTranches: [{ date: earned[1] }], condition: oneLine(text) }, ctx);
  if (performance) return { ...base(), kind: "performance", condition: oneLine(text) };

  const model =
    readExplicitShares(t, base()) ??
    readUnevenAnniversaries(t, base()) ??
    readAnniversaryAmounts(t, base()) ??
    readDateList(t, base()) ??
    readInstallments(t, base()) ??
    readEarlierOf(t, text, base()) ??
    readExplicitAmounts(t, base()) ??
    readExplicitDates(t, base()) ??
    readSingleRelative(t, base());
  if (model) return checkAgainstRow(model, ctx);
  if (IMMEDIATE.test(t)) return AT_GRANT.test(t) ? { ...base(), kind: "immediate" } : null;
  if (!SCHEDULE_HINT.test(t)) return null;
  const unknown = base();
  unknown.notes.push("vesting wording not understood");
  unknown.condition = oneLine(text);
  return unknown;
}

// "the Exercisable Date set forth above", "the date indicated in this column": the row's own date exercisable.
const EXERCISE_DATE_REF =
  /\bthe (?:date exercisable|exercisable date|date first exercisable)(?: (?:set forth|shown|indicated|listed|reported)(?: above| in (?:this|the) (?:column|table)| in column \d+)?)?|\bthe date (?:set forth|shown|indicated|listed|reported) (?:above|in (?:this|the) (?:column|table)|in column \d+)/g;

function withRowDates(t: string, ctx: VestingContext): string {
  const ex = ctx.exerciseDate && parseIso(ctx.exerciseDate) ? ctx.exerciseDate : null;
  if (!ex || !/exercisable date|date exercisable|date first exercisable|date (?:set forth|shown|indicated|listed|reported)/.test(t)) return t;
  return t.replace(EXERCISE_DATE_REF, `#${ex}#`);
}

// Disagreements with the row's own dates are worth an analyst's look, not a silent fix.
function checkAgainstRow(model: VestingModel, ctx: VestingContext): VestingModel {
  const tranches = buildTranches(model);
  if (tranches.length === 0) return model;
  const first = tranches[0].date;
  const last = tranches[tranches.length - 1].date;
  if (ctx.exerciseDate && parseIso(ctx.exerciseDate) && ctx.exerciseDate !== first) {
    model.notes.push(`first tranche ${first} differs from the date exercisable ${ctx.exerciseDate}`);
  }
  if (ctx.expirationDate && parseIso(ctx.expirationDate) && compareIso(last, ctx.expirationDate) > 0) {
    model.notes.push(`last tranche ${last} falls after the expiration date ${ctx.expirationDate}`);
  }
  return model;
}
