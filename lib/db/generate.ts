/**
 * Realistic synthetic filings for tests and benchmarks: issuers with tickers, insiders
 * with roles, option and RSU grants vesting over four years, sales in price tranches,
 * exercises, holdings, OCR name variants and amendments. Deterministic for a given seed.
 */
import { createHash } from "node:crypto";
import {
  emptyFiling,
  emptyOwner,
  type DerivativeRow,
  type Filing,
  type FormType,
  type NonDerivativeRow,
  type SourceFormat,
  type Tranche,
  type VestingSchedule,
} from "../parse/types";
import { addMonths, addDays, daysBetween } from "../vesting/dates";

export interface GeneratedFiling {
  filing: Filing;
  fileName: string;
  rawText: string;
  /** About two thirds of generated filings are marked as already reviewed. */
  status: "needs_review" | "reviewed";
}

export interface GenerateOptions {
  count: number;
  seed?: number;
  /** Makes names, tickers, CIKs and hashes unique to one test, so parallel tests never share records. */
  tag?: string;
  /** Transaction dates run from here ... */
  from?: string;
  /** ... to here (YYYY-MM-DD). */
  to?: string;
  /** Issuers to spread filings over; by default one per 200 filings, at least 2. */
  issuers?: number;
  /** Source formats to draw from; OCR formats bring CIK-less records and name variants. */
  formats?: SourceFormat[];
}

// mulberry32: small, fast and good enough to make varied data repeatable.
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof rng>;

const FIRST = ["HOWARD", "PAUL", "MARIA", "JENNIFER", "DAVID", "SUSAN", "ROBERT", "LINDA", "MICHAEL", "KAREN", "JAMES", "PATRICIA", "THOMAS", "ELIZABETH", "RICHARD", "BARBARA", "ANIL", "MEI", "OLUWASEUN", "SOFIA", "HIROSHI", "INGRID", "RAJESH", "CLAIRE"];
const LAST = ["JANZEN", "SEVERINO", "OKAFOR", "LINDQVIST", "MORRISON", "CHEN", "PATEL", "GARCIA", "WALSH", "NAKAMURA", "BERGSTROM", "DUBOIS", "KOWALSKI", "FITZGERALD", "ABERNATHY", "REYES", "HOLLOWAY", "SANTOS", "WEBER", "MCALLISTER", "OSTROWSKI", "HARTLEY", "IVERSEN", "DELACROIX"];
const MIDDLE = ["A", "B", "C", "D", "E", "J", "K", "L", "M", "R", "S", "T", "W"];
const WORD1 = ["Sonus", "Apex", "Northwind", "Bluefin", "Cedar", "Helix", "Quantum", "Granite", "Meridian", "Lumen", "Vertex", "Harbor", "Summit", "Orion", "Cobalt", "Tidewater", "Redwood", "Arcadia", "Beacon", "Sterling"];
const WORD2 = ["Networks", "Therapeutics", "Energy", "Systems", "Bancorp", "Semiconductor", "Holdings", "Pharmaceuticals", "Software", "Industries", "Logistics", "Materials", "Biosciences", "Financial", "Robotics"];
const SUFFIX = ["INC", "CORP", "INC.", "CO", "LTD", "HOLDINGS INC"];
const TITLES = ["Chief Executive Officer", "Chief Financial Officer", "Chief Operating Officer", "General Counsel", "Chief Technology Officer", "SVP, Sales", "VP, Engineering", "Chief Accounting Officer"];
const FORMATS: SourceFormat[] = ["edgar-xml", "edgar-xml", "edgar-xml", "edgar-html", "edgar-submission", "ocr-text", "ocr-markdown", "pdf-text"];

/** 25% after one year, then the rest in 12 equal quarterly instalments: the commonest option schedule. */
export function fourYearTranches(grantDate: string, total: number): Tranche[] {
  const cliff = Math.floor(total / 4);
  const quarterly = Math.floor((total - cliff) / 12);
  const tranches: Tranche[] = [{ date: addMonths(grantDate, 12), shares: cliff }];
  for (let q = 1; q <= 12; q++) tranches.push({ date: addMonths(grantDate, 12 + 3 * q), shares: quarterly });
  tranches[tranches.length - 1].shares += total - cliff - quarterly * 12;
  return tranches;
}

/** Four equal annual instalments, the usual RSU schedule. */
export function annualTranches(grantDate: string, total: number): Tranche[] {
  const each = Math.floor(total / 4);
  const tranches = [1, 2, 3, 4].map((y) => ({ date: addMonths(grantDate, 12 * y), shares: each }));
  tranches[3].shares += total - each * 4;
  return tranches;
}

interface Insider {
  name: string;
  cik: string;
  issuer: number;
  role: Pick<Filing["reportingOwners"][number], "isDirector" | "isOfficer" | "officerTitle" | "isTenPercentOwner">;
  direct: number;
  indirect: number;
  /** Option grants still held: needed for exercises. */
  options: { title: string; price: number; expiration: string; grantDate: string; remaining: number }[];
  filed: boolean;
  city: string;
}

interface IssuerSeed {
  name: string;
  ticker: string;
  cik: string;
  price: number;
}

function tagHash(tag: string, what: string): string {
  return createHash("sha256").update(`${tag}\0${what}`).digest("hex");
}

function cikFrom(tag: string, what: string): string {
  return String(parseInt(tagHash(tag, what).slice(0, 12), 16) % 10_000_000_000).padStart(10, "0");
}

/** "JANZEN HOWARD E" as an OCR pass might read it: case, punctuation, spacing. */
function ocrVariant(name: string, r: Rng): string {
  const title = name
    .toLowerCase()
    .split(" ")
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(" ");
  return r.pick([`${title}.`, title, name.replace(" ", ", "), `${name}.`]);
}

function round2(n: number) {
  return Math.round(n * 100) / 100;
}

/** Yields `count` filings in date order. */
export function* generateFilings(opts: GenerateOptions): Generator<GeneratedFiling> {
  const { count, seed = 1, tag = "", from = "2015-01-02", to = "2026-06-30", formats = FORMATS } = opts;
  const r = rng(seed ^ parseInt(tagHash(tag, "seed").slice(0, 8), 16));
  const suffix = tag ? ` ${tag.toUpperCase()}` : "";

  const issuerCount = opts.issuers ?? Math.max(2, Math.round(count / 200));
  const issuers: IssuerSeed[] = [];
  for (let i = 0; i < issuerCount; i++) {
    const letters = tagHash(tag, `ticker${i}`).replace(/[^a-f]/g, "").toUpperCase();
    issuers.push({
      name: `${r.pick(WORD1)} ${r.pick(WORD2)}${suffix} ${r.pick(SUFFIX)}`.toUpperCase(),
      ticker: (letters + "XYZW").slice(0, r.int(3, 4)),
      cik: cikFrom(tag, `issuer${i}`),
      price: round2(r.int(300, 15000) / 100),
    });
  }
  const insiders: Insider[] = [];
  for (const [i] of issuers.entries()) {
    const n = r.int(4, 8);
    for (let k = 0; k < n; k++) {
      const officer = k < 3 || r.chance(0.4);
      insiders.push({
        name: `${r.pick(LAST)}${suffix} ${r.pick(FIRST)} ${r.pick(MIDDLE)}`,
        cik: cikFrom(tag, `owner${i}.${k}`),
        issuer: i,
        role: {
          isOfficer: officer,
          officerTitle: officer ? TITLES[k % TITLES.length] : null,
          isDirector: !officer || k === 0,
          isTenPercentOwner: !officer && r.chance(0.1),
        },
        direct: 0,
        indirect: 0,
        options: [],
        filed: false,
        city: r.pick(["Westford", "Boston", "Austin", "San Jose", "Chicago", "New York", "Seattle", "Denver"]),
      });
    }
  }

  const span = Math.max(1, daysBetween(from, to));
  const history: Filing[] = [];

  for (let n = 0; n < count; n++) {
    const date = addDays(from, Math.floor((span * n) / count));
    const format = r.pick(formats);
    const ocr = format === "ocr-text" || format === "ocr-markdown" || format === "pdf-text";
    const sha256 = tagHash(tag, `${seed}:${n}`);
    const status = r.chance(0.65) ? "reviewed" : "needs_review";

    // An amendment restates an earlier filing with one figure corrected.
    if (history.length > 10 && r.chance(0.03)) {
      const original = history[r.int(Math.max(0, history.length - 50), history.length - 1)];
      const f: Filing = structuredClone(original);
      f.formType = `${original.formType.replace("/A", "")}/A` as FormType;
      f.dateOfOriginalSubmission = original.periodOfReport;
      f.remarks = "This amendment corrects the number of shares owned following the reported transaction.";
      const row = f.nonDerivative.find((x) => x.sharesOwnedFollowing !== null);
      if (row?.sharesOwnedFollowing) row.sharesOwnedFollowing += 100;
      f.source = { format, sha256 };
      f.fieldConfidence = {};
      yield { filing: f, fileName: `${sha256.slice(0, 12)}-amendment.xml`, rawText: describe(f), status };
      continue;
    }

    const who = r.pick(insiders);
    const issuer = issuers[who.issuer];
    issuer.price = Math.max(1, round2(issuer.price * (1 + (r.next() - 0.48) * 0.08)));
    const f = emptyFiling(format);
    f.issuer = { name: issuer.name, ticker: issuer.ticker, cik: ocr ? null : issuer.cik };
    // OCR reads no CIK and may read the name differently: the same person then arrives as a second record.
    const name = ocr && r.chance(0.3) ? ocrVariant(who.name, r) : who.name;
    f.reportingOwners = [
      { ...emptyOwner(name), ...who.role, cik: ocr ? null : who.cik, street1: `${r.int(1, 999)} Main Street`, city: who.city, state: "MA", zip: "01886" },
    ];
    f.periodOfReport = date;
    f.signatures = [{ name: who.name, date }];
    f.source = { format, sha256 };

    if (!who.filed) {
      who.filed = true;
      f.formType = "3";
      who.direct = r.int(1, 400) * 250;
      who.indirect = r.chance(0.3) ? r.int(1, 100) * 1000 : 0;
      f.nonDerivative.push(holding("Common Stock", who.direct, "D", null));
      if (who.indirect) f.nonDerivative.push(holding("Common Stock", who.indirect, "I", "By Family Trust"));
      if (r.chance(0.5)) {
        const grantDate = addMonths(date, -r.int(6, 30));
        const price = round2(issuer.price * (0.6 + r.next() * 0.5));
        const shares = r.int(2, 40) * 1000;
        who.options.push({ title: "Stock Option (right to buy)", price, expiration: addMonths(grantDate, 120), grantDate, remaining: shares });
        f.derivative.push(option("holding", null, shares, price, grantDate, shares, null));
        addVesting(f, 0, grantDate, shares, fourYearTranches(grantDate, shares), "1");
      }
    } else {
      f.formType = r.chance(0.04) ? "5" : "4";
      const kind = r.next();
      if (kind < 0.33) {
        const shares = r.int(1, 60) * 1000;
        const price = issuer.price;
        who.options.push({ title: "Stock Option (right to buy)", price, expiration: addMonths(date, 120), grantDate: date, remaining: shares });
        f.derivative.push(option("transaction", "A", shares, price, date, shares, null));
        addVesting(f, 0, date, shares, fourYearTranches(date, shares), "1");
      } else if (kind < 0.53) {
        const units = r.int(1, 30) * 500;
        f.derivative.push({
          ...option("transaction", "A", units, null, date, units, null),
          securityTitle: "Restricted Stock Units",
          exerciseDate: null,
          expirationDate: null,
          underlyingShares: units,
        });
        addVesting(f, 0, date, units, annualTranches(date, units), "1", "Each restricted stock unit represents a contingent right to receive one share of common stock. The units vest in four equal annual installments beginning on the first anniversary of the grant date.");
      } else if (kind < 0.83 && who.direct > 4000) {
        // A sale executed in several lots is reported as one row per price.
        f.aff10b5One = r.chance(0.6);
        const lots = r.int(2, 5);
        let left = Math.floor(who.direct * (0.05 + r.next() * 0.2));
        for (let k = 0; k < lots && left > 0; k++) {
          const shares = k === lots - 1 ? left : Math.min(left, r.int(1, 20) * 100);
          left -= shares;
          who.direct -= shares;
          f.nonDerivative.push(txn("S", "D", shares, round2(issuer.price + (r.next() - 0.5) * 0.8), date, who.direct, ["1"]));
        }
        f.footnotes.push({ id: "1", text: "The price reported is a weighted average price. These shares were sold in multiple transactions at prices ranging from the lowest to the highest price shown, inclusive." });
      } else if (kind < 0.93 && who.options.some((o) => o.remaining > 0 && o.grantDate < addMonths(date, -12))) {
        const o = who.options.find((x) => x.remaining > 0 && x.grantDate < addMonths(date, -12))!;
        const shares = Math.min(o.remaining, r.int(1, 10) * 1000);
        o.remaining -= shares;
        who.direct += shares;
        f.nonDerivative.push(txn("M", "A", shares, o.price, date, who.direct, []));
        f.derivative.push({ ...option("transaction", "M", shares, o.price, o.grantDate, o.remaining, null), transactionDate: date, acquiredDisposed: "D", expirationDate: o.expiration });
      } else {
        const shares = r.int(1, 50) * 100;
        who.direct += shares;
        f.nonDerivative.push(txn("P", "A", shares, issuer.price, date, who.direct, []));
        if (who.indirect) f.nonDerivative.push(holding("Common Stock", who.indirect, "I", "By Family Trust"));
      }
    }
    if (ocr) {
      for (const p of ["/reportingOwners/0/name", "/periodOfReport", "/nonDerivative/0/shares", "/derivative/0/conversionOrExercisePrice"]) {
        if (r.chance(0.25)) f.fieldConfidence[p] = round2(0.4 + r.next() * 0.39);
      }
    }
    history.push(f);
    if (history.length > 200) history.shift();
    yield { filing: f, fileName: `${sha256.slice(0, 12)}.${format === "edgar-xml" ? "xml" : format === "edgar-html" ? "html" : "txt"}`, rawText: describe(f), status };
  }
}

function holding(title: string, shares: number, d: "D" | "I", nature: string | null): NonDerivativeRow {
  return {
    kind: "holding",
    securityTitle: title,
    transactionDate: null,
    deemedExecutionDate: null,
    transactionCode: null,
    equitySwap: false,
    shares: null,
    acquiredDisposed: null,
    price: null,
    sharesOwnedFollowing: shares,
    directOrIndirect: d,
    natureOfOwnership: nature,
    footnoteIds: [],
  };
}

function txn(code: string, ad: "A" | "D", shares: number, price: number, date: string, following: number, footnoteIds: string[]): NonDerivativeRow {
  return {
    kind: "transaction",
    securityTitle: "Common Stock",
    transactionDate: date,
    deemedExecutionDate: null,
    transactionCode: code,
    equitySwap: false,
    shares,
    acquiredDisposed: ad,
    price,
    sharesOwnedFollowing: following,
    directOrIndirect: "D",
    natureOfOwnership: null,
    footnoteIds,
  };
}

function option(kind: "transaction" | "holding", code: string | null, shares: number, price: number | null, grantDate: string, following: number, nature: string | null): DerivativeRow {
  return {
    kind,
    securityTitle: "Stock Option (right to buy)",
    conversionOrExercisePrice: price,
    transactionDate: kind === "transaction" ? grantDate : null,
    deemedExecutionDate: null,
    transactionCode: code,
    equitySwap: false,
    shares: kind === "transaction" ? shares : null,
    acquiredDisposed: kind === "transaction" ? "A" : null,
    exerciseDate: null,
    exercisableImmediately: false,
    expirationDate: addMonths(grantDate, 120),
    underlyingTitle: "Common Stock",
    underlyingShares: shares,
    price: kind === "transaction" ? 0 : null,
    sharesOwnedFollowing: following,
    directOrIndirect: "D",
    natureOfOwnership: nature,
    footnoteIds: ["1"],
  };
}

function addVesting(f: Filing, index: number, grantDate: string, total: number, tranches: Tranche[], footnoteId: string, text?: string) {
  f.footnotes.push({
    id: footnoteId,
    text: text ?? "The option vests as to 25% of the shares one year from grant date and as to the remaining shares in 12 equal quarterly installments thereafter.",
  });
  const schedule: VestingSchedule = { row: { table: "derivative", index }, totalShares: total, commencementDate: grantDate, sourceFootnoteIds: [footnoteId], tranches };
  f.vesting.push(schedule);
}

/** A short plain-text rendering, standing in for the uploaded source. */
function describe(f: Filing): string {
  const o = f.reportingOwners[0];
  const lines = [`FORM ${f.formType}`, `1. Name and Address of Reporting Person: ${o?.name ?? ""}`, `2. Issuer Name and Ticker or Trading Symbol: ${f.issuer.name} [${f.issuer.ticker ?? ""}]`, `3. Date of Earliest Transaction: ${f.periodOfReport ?? ""}`];
  for (const r of f.nonDerivative) lines.push(`Table I: ${r.securityTitle} | ${r.transactionDate ?? ""} | ${r.transactionCode ?? ""} | ${r.shares ?? ""} | ${r.acquiredDisposed ?? ""} | ${r.price ?? ""} | ${r.sharesOwnedFollowing ?? ""} | ${r.directOrIndirect ?? ""}`);
  for (const r of f.derivative) lines.push(`Table II: ${r.securityTitle} | ${r.conversionOrExercisePrice ?? ""} | ${r.transactionDate ?? ""} | ${r.transactionCode ?? ""} | ${r.shares ?? ""} | ${r.expirationDate ?? ""}`);
  for (const n of f.footnotes) lines.push(`(${n.id}) ${n.text}`);
  return lines.join("\n");
}
