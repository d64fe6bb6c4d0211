// Renders an ownership XML document the way EDGAR's xslF345X0x stylesheets print it on sec.gov.
// The corpus pipeline starts from this page, as the outside evaluation starts from EDGAR's own
// renderings; `edgar-render.test.ts` holds it to the four sec.gov renderings in the fixtures.
import { XMLParser } from "fast-xml-parser";

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  trimValues: true,
  isArray: (name) =>
    [
      "reportingOwner",
      "nonDerivativeTransaction",
      "nonDerivativeHolding",
      "derivativeTransaction",
      "derivativeHolding",
      "footnote",
      "footnoteId",
      "ownerSignature",
    ].includes(name),
});

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function text(n: unknown): string {
  if (n == null) return "";
  if (typeof n === "string" || typeof n === "number") return String(n);
  if (typeof n === "object" && "#text" in (n as Node)) return String((n as Node)["#text"]);
  return "";
}

function child(n: unknown, ...path: string[]): unknown {
  let cur = n;
  for (const p of path) cur = cur && typeof cur === "object" ? (cur as Node)[p] : undefined;
  return cur;
}

/** `<x><value>…</value><footnoteId id="F1"/></x>` → value and the ids of the footnotes on it. */
function field(n: unknown): { value: string; notes: string[] } {
  const notes = ((child(n, "footnoteId") as Node[] | undefined) ?? []).map((f) => String(f["@id"] ?? ""));
  const v = child(n, "value");
  return { value: v === undefined ? (typeof n === "string" ? n : "") : text(v), notes };
}

const flag = (v: unknown) => ["1", "true"].includes(text(v).trim().toLowerCase());

function date(v: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v.trim());
  return m ? `${m[2]}/${m[3]}/${m[1]}` : v;
}

function number(v: string): string {
  const s = v.trim();
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(s);
  if (!m) return s;
  // format-number drops trailing zeros: 134018.0 prints as 134,018.
  const frac = (m[3] ?? "").replace(/\.?0+$/, "");
  return m[1] + m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ",") + frac;
}

function sups(ids: string[], notes: Map<string, number>): string {
  return ids
    .map((id) => notes.get(id))
    .filter((n) => n !== undefined)
    .map((n) => `<span class="FootnoteData"><sup>(${n})</sup></span>`)
    .join("");
}

type Cell = { html: string; align?: "left" | "center" };

function dataCell(
  f: { value: string; notes: string[] },
  notes: Map<string, number>,
  cls: string,
  kind: "text" | "date" | "number" | "price" = "text",
  align: "left" | "center" = "center",
): Cell {
  const v = f.value.trim();
  const shown = kind === "date" ? date(v) : kind === "number" || kind === "price" ? number(v) : v;
  const marks = sups(f.notes, notes);
  if (!shown && !marks) return { html: "", align };
  const dollar = kind === "price" && shown ? `<span class="${cls === "SmallFormData" ? "SmallFormText" : "FormText"}">$</span>` : "";
  const body = shown ? `${dollar}<span class="${cls}">${esc(shown)}</span>` : marks ? `<span class="${cls}">\n            </span>` : "";
  return { html: marks ? `\n${body}${marks}\n` : body, align };
}

function row(cells: Cell[]): string {
  return `<tr>\n${cells.map((c) => `<td align="${c.align ?? "center"}">${c.html}</td>`).join("\n")}\n</tr>`;
}

function checkbox(on: boolean): string {
  return `<td><table width="100%" border="1" cellpadding="0" cellspacing="0"><tr><td>${on ? "X" : "  "}</td></tr></table></td>`;
}

const X = `<span class="FormData">X</span>`;

function nameBox(owner: Node): string {
  const id = child(owner, "reportingOwnerId");
  const addr = child(owner, "reportingOwnerAddress");
  const cik = text(child(id, "rptOwnerCik"));
  const name = text(child(id, "rptOwnerName"));
  const street = [text(child(addr, "rptOwnerStreet1")), text(child(addr, "rptOwnerStreet2"))].filter((s) => s.trim());
  const state = text(child(addr, "rptOwnerState"));
  const city = text(child(addr, "rptOwnerCity"));
  const zip = text(child(addr, "rptOwnerZipCode"));
  return `<span class="MedSmallFormText">1. Name and Address of Reporting Person<sup>*</sup></span><table border="0" width="100%"><tr><td><a href="/cgi-bin/browse-edgar?action=getcompany&amp;CIK=${esc(cik)}">${esc(name)}</a></td></tr></table>
<hr width="98%">
<table border="0" width="100%"><tr>
<td width="33%" class="MedSmallFormText">(Last)</td>
<td width="33%" class="MedSmallFormText">(First)</td>
<td width="33%" class="MedSmallFormText">(Middle)</td>
</tr></table>
<table border="0" width="100%">
${street.map((s) => `<tr><td><span class="FormData">${esc(s)}</span></td></tr>`).join("\n")}
</table>
<hr width="98%">
<span class="MedSmallFormText">(Street)</span><table border="0" width="100%"><tr>
<td width="33%"><span class="FormData">${esc(city)}</span></td>
<td width="33%"><span class="FormData">${esc(state)}</span></td>
<td width="33%"><span class="FormData">${esc(zip)}</span></td>
</tr></table>
<hr width="98%">
<table border="0" width="100%"><tr>
<td width="33%" class="MedSmallFormText">(City)</td>
<td width="33%" class="MedSmallFormText">(State)</td>
<td width="33%" class="MedSmallFormText">(Zip)</td>
</tr></table>`;
}

function relationshipBox(owner: Node, number: string): string {
  const rel = child(owner, "reportingOwnerRelationship");
  const mark = (k: string) => (flag(child(rel, k)) ? X : "");
  return `<span class="MedSmallFormText">${number}. Relationship of Reporting Person(s) to Issuer
      </span><br><span class="MedSmallFormText">(Check all applicable)</span><table border="0" width="100%">
<tr>
<td width="15%" align="center">${mark("isDirector")}</td>
<td width="35%" class="MedSmallFormText">Director</td>
<td width="15%" align="center">${mark("isTenPercentOwner")}</td>
<td width="35%" class="MedSmallFormText">10% Owner</td>
</tr>
<tr>
<td align="center">${mark("isOfficer")}</td>
<td class="MedSmallFormText">Officer (give title below)</td>
<td align="center">${mark("isOther")}</td>
<td class="MedSmallFormText">Other (specify below)</td>
</tr>
<tr>
<td width="15%" align="center"></td>
<td width="35%" align="left" style="color: blue">${esc(text(child(rel, "officerTitle")))}</td>
<td width="15%" align="center"></td>
<td width="35%" align="left" style="color: blue">${esc(text(child(rel, "otherText")))}</td>
</tr>
</table>`;
}

function issuerBox(doc: Node, n: string): string {
  const issuer = child(doc, "issuer");
  return `<span class="MedSmallFormText">${n}. Issuer Name <b>and</b> Ticker or Trading Symbol
      </span><br><a href="/cgi-bin/browse-edgar?action=getcompany&amp;CIK=${esc(text(child(issuer, "issuerCik")))}">${esc(text(child(issuer, "issuerName")))}</a>
     [ <span class="FormData">${esc(text(child(issuer, "issuerTradingSymbol")))}</span> ]
   </td>`;
}

function dateBox(n: string, label: string, value: string): string {
  return `<span class="MedSmallFormText">${n}. ${label}
         (Month/Day/Year)</span><br>${value ? `<span class="FormData">${esc(date(value))}</span>` : ""}
</td>`;
}

function jointBox(owners: number): string {
  return `<span class="MedSmallFormText">6. Individual or Joint/Group Filing (Check Applicable Line)
      </span><table border="0" width="100%">
<tr>
<td width="15%" align="center">${owners === 1 ? X : ""}</td>
<td width="85%" class="MedSmallFormText">Form filed by One Reporting Person</td>
</tr>
<tr>
<td width="15%" align="center">${owners > 1 ? X : ""}</td>
<td width="85%" class="MedSmallFormText">Form filed by More than One Reporting Person</td>
</tr>
</table>
</td>`;
}

const TITLES: Record<string, string> = {
  "3": "INITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES",
  "4": "STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP",
  "5": "ANNUAL STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP",
};

function head(form: string, doc: Node): string {
  const base = form.replace("/A", "");
  const checks: string[] = [];
  if (base !== "3") {
    checks.push(
      `<tr valign="middle">\n${checkbox(flag(child(doc, "notSubjectToSection16")))}\n<td class="SmallFormText">Check this box if no longer subject to Section 16. Form 4 or Form 5 obligations may continue. \n         <i>See</i>\n\n         Instruction 1(b).</td>\n</tr>`,
    );
  }
  if (base === "5") {
    checks.push(`<tr valign="middle">\n${checkbox(flag(child(doc, "form3HoldingsReported")))}\n<td class="SmallFormText">Form 3 Holdings Reported.</td>\n</tr>`);
    checks.push(`<tr valign="middle">\n${checkbox(flag(child(doc, "form4TransactionsReported")))}\n<td class="SmallFormText">Form 4 Transactions Reported.</td>\n</tr>`);
  }
  if (base === "4" && child(doc, "aff10b5One") !== undefined) {
    checks.push(
      `<tr valign="middle">\n${checkbox(flag(child(doc, "aff10b5One")))}\n<td class="SmallFormText">Check this box to indicate that a transaction was made pursuant to a contract, instruction or written plan for the purchase or sale of equity securities of the issuer that is intended to satisfy the affirmative defense conditions of Rule 10b5-1(c). See Instruction 10. </td>\n</tr>`,
    );
  }
  const span = checks.length + 1;
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>SEC FORM 
            ${esc(form)}</title>
<style type="text/css">${STYLE}</style>
</head>
<body>SEC Form ${esc(form)}
   <table width="100%" border="0" cellspacing="0" cellpadding="4">
<tr>
<td width="20%" colspan="2" valign="top" align="center" class="FormName">FORM ${esc(base)}</td>
<td rowspan="${span}" width="60%" valign="middle" align="center">
<span class="FormTitle">UNITED STATES SECURITIES AND EXCHANGE COMMISSION</span><br><span class="MedSmallFormText">Washington, D.C. 20549</span><br><br><span class="FormTitle">${TITLES[base] ?? TITLES["4"]}</span><br><br><span class="MedSmallFormText">Filed pursuant to Section 16(a) of the Securities Exchange Act of 1934</span><br><span class="MedSmallFormText">or Section 30(h) of the Investment Company Act of 1940</span>
</td>
<td rowspan="${span}" width="20%" valign="top" align="center"><table width="100%" border="1" summary="OMB Approval Status Box">
<tr><td class="FormTextC">OMB APPROVAL</td></tr>
<tr><td><table width="100%" border="0" summary="OMB Interior Box">
<tr>
<td class="SmallFormText" colspan="3">OMB Number:</td>
<td class="SmallFormTextR">3235-0${base === "3" ? "104" : base === "4" ? "287" : "362"}</td>
</tr>
<tr><td class="SmallFormText" colspan="4">Estimated average burden</td></tr>
<tr>
<td class="SmallFormText" colspan="3">hours per response:</td>
<td class="SmallFormTextR">${base === "5" ? "1.0" : "0.5"}</td>
</tr>
</table></td></tr>
</table></td>
</tr>
${checks.join("\n")}
</table>
`;
}

function boxes(form: string, doc: Node, owners: Node[]): string {
  const base = form.replace("/A", "");
  const first = owners[0] ?? {};
  const original = text(child(doc, "dateOfOriginalSubmission"));
  const period = text(child(doc, "periodOfReport"));
  if (base === "3") {
    return `<table width="100%" border="1" cellspacing="0" cellpadding="4">
<tr>
<td rowspan="3" width="30%" valign="top">
${nameBox(first)}
</td>
<td rowspan="3" width="15%" valign="top">
${dateBox("2", "Date of Event Requiring Statement", period)}
<td valign="top" colspan="2">
${issuerBox(doc, "3")}
</tr>
<tr>
<td rowspan="2" width="30%" valign="top">
${relationshipBox(first, "4")}
</td>
<td valign="top">
${dateBox("5", "If Amendment, Date of Original Filed", original)}
</tr>
<tr><td valign="top">
${jointBox(owners.length)}</tr>
</table>
`;
  }
  const third = base === "5" ? "Statement for Issuer's Fiscal Year Ended" : "Date of Earliest Transaction";
  return `<table width="100%" border="1" cellspacing="0" cellpadding="4">
<tr>
<td rowspan="3" width="35%" valign="top">
${nameBox(first)}
</td>
<td width="35%" valign="top">
${issuerBox(doc, "2")}
<td rowspan="2" valign="top">
${relationshipBox(first, "5")}
</td>
</tr>
<tr><td valign="top">
${dateBox("3", third, period)}</tr>
<tr>
<td valign="top">
${dateBox("4", "If Amendment, Date of Original Filed", original)}
<td valign="top">
${jointBox(owners.length)}
</tr>
</table>
`;
}

function tableHead(cols: number, title: string, header: string): string {
  return `<table width="100%" border="1" cellspacing="0" cellpadding="4">
<thead>
<tr><th width="100%" valign="top" colspan="${cols}" align="center" class="FormTextC">${title}</th></tr>
${header}
</thead>
`;
}

const th = (w: string, text: string, attrs = 'rowspan="2"', cls = "SmallFormText") =>
  `<th width="${w}" valign="top" ${attrs} align="left" class="${cls}">${text}</th>`;
const sub = (w: string, text: string, cls = "SmallFormText") => `<th width="${w}" align="center" class="${cls}">${text}</th>`;

function ownership(r: unknown, notes: Map<string, number>, cls: string): Cell[] {
  const nature = child(r, "ownershipNature");
  return [
    dataCell(field(child(nature, "directOrIndirectOwnership")), notes, cls),
    dataCell(field(child(nature, "natureOfOwnership")), notes, cls, "text", "left"),
  ];
}

function after(r: unknown, notes: Map<string, number>, cls: string): Cell {
  const post = child(r, "postTransactionAmounts");
  const shares = child(post, "sharesOwnedFollowingTransaction");
  if (shares !== undefined) return dataCell(field(shares), notes, cls, "number");
  return dataCell(field(child(post, "valueOwnedFollowingTransaction")), notes, cls, "price");
}

function codeCell(r: unknown, notes: Map<string, number>, cls: string): Cell {
  const coding = child(r, "transactionCoding");
  return dataCell({ value: text(child(coding, "transactionCode")), notes: field(coding).notes }, notes, cls);
}

function amountCells(r: unknown, notes: Map<string, number>, cls: string): { shares: Cell; ad: string; price: Cell } {
  const amounts = child(r, "transactionAmounts");
  const sharesNode = child(amounts, "transactionShares") ?? child(amounts, "transactionTotalValue");
  return {
    shares: dataCell(field(sharesNode), notes, cls, child(amounts, "transactionShares") ? "number" : "price"),
    ad: field(child(amounts, "transactionAcquiredDisposedCode")).value,
    price: dataCell(field(child(amounts, "transactionPricePerShare")), notes, cls, "price"),
  };
}

const empty: Cell = { html: "" };

function tableI(form: string, doc: Node, notes: Map<string, number>): string {
  const base = form.replace("/A", "");
  const t = child(doc, "nonDerivativeTable");
  const txs = (child(t, "nonDerivativeTransaction") as Node[] | undefined) ?? [];
  const holds = (child(t, "nonDerivativeHolding") as Node[] | undefined) ?? [];
  const C = "FormData";
  if (base === "3") {
    const rows = [...txs, ...holds].map((r) => {
      const post = child(r, "postTransactionAmounts");
      return row([
        dataCell(field(child(r, "securityTitle")), notes, C, "text", "left"),
        dataCell(field(child(post, "sharesOwnedFollowingTransaction") ?? child(post, "valueOwnedFollowingTransaction")), notes, C, "number"),
        ...ownership(r, notes, C),
      ]);
    });
    const header = `<tr>
${th("44%", "1. Title of Security (Instr. \n      4)\n   ", "", "MedSmallFormText")}
${th("19%", "2. \n      Amount of Securities Beneficially Owned (Instr. \n      4)\n   ", "", "MedSmallFormText")}
${th("11%", "3. Ownership Form: Direct (D) or Indirect (I) (Instr. \n      5)\n   ", "", "MedSmallFormText")}
${th("26%", "4. Nature of Indirect Beneficial Ownership (Instr. \n      5)\n   ", "", "MedSmallFormText")}
</tr>`;
    return tableHead(4, "<b>Table I - Non-Derivative Securities Beneficially Owned</b>", header) + (rows.length ? `<tbody>\n${rows.join("\n")}\n</tbody>\n` : "") + "</table>\n";
  }
  const five = base === "5";
  const rows = [
    ...txs.map((r) => {
      const a = amountCells(r, notes, C);
      return row([
        dataCell(field(child(r, "securityTitle")), notes, C, "text", "left"),
        dataCell(field(child(r, "transactionDate")), notes, C, "date"),
        dataCell(field(child(r, "deemedExecutionDate")), notes, C, "date"),
        codeCell(r, notes, five ? C : "SmallFormData"),
        ...(five ? [] : [empty]),
        a.shares,
        a.ad ? { html: `<span class="${C}">${esc(a.ad)}</span>` } : empty,
        a.price,
        after(r, notes, C),
        ...ownership(r, notes, C),
      ]);
    }),
    ...holds.map((r) =>
      row([
        dataCell(field(child(r, "securityTitle")), notes, C, "text", "left"),
        ...Array.from({ length: five ? 6 : 7 }, () => empty),
        after(r, notes, C),
        ...ownership(r, notes, C),
      ]),
    ),
  ];
  const header = `<tr>
${th(five ? "28%" : "36%", "1. Title of Security (Instr. \n      3)\n   ", 'rowspan="2"', five ? "SmallFormText" : "MedSmallFormText")}
${th("6%", "2. Transaction Date\n      (Month/Day/Year)")}
${th("5%", "2A. Deemed Execution Date, if any\n      (Month/Day/Year)")}
${th("7%", "3. Transaction Code (Instr. \n      8)\n   ", five ? 'rowspan="2"' : 'colspan="2"')}
${th("19%", "4. Securities Acquired (A) or Disposed Of (D) (Instr. \n      3, 4 and 5)\n   ", 'colspan="3"')}
${th("11%", `5. \n      Amount of Securities Beneficially Owned ${five ? "at end of Issuer's Fiscal Year" : "Following Reported Transaction(s)"} (Instr. \n      3 and 4)\n   `)}
${th("9%", "6. Ownership Form: Direct (D) or Indirect (I) (Instr. \n      4)\n   ")}
${th("8%", "7. Nature of Indirect Beneficial Ownership (Instr. \n      4)\n   ")}
</tr>
<tr>
${five ? "" : `${sub("4%", "Code")}\n${sub("3%", "V")}\n`}${sub("8%", "Amount")}
${sub("5%", "(A) or (D)")}
${sub("6%", "Price")}
</tr>`;
  return (
    tableHead(five ? 16 : 11, "<b>Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned</b>", header) +
    (rows.length ? `<tbody>\n${rows.join("\n")}\n</tbody>\n` : "") +
    "</table>\n"
  );
}

function tableII(form: string, doc: Node, notes: Map<string, number>): string {
  const base = form.replace("/A", "");
  const t = child(doc, "derivativeTable");
  const txs = (child(t, "derivativeTransaction") as Node[] | undefined) ?? [];
  const holds = (child(t, "derivativeHolding") as Node[] | undefined) ?? [];
  const C = "SmallFormData";
  const underlying = (r: unknown): Cell[] => {
    const u = child(r, "underlyingSecurity");
    const shares = child(u, "underlyingSecurityShares");
    return [
      dataCell(field(child(u, "underlyingSecurityTitle")), notes, "FormData"),
      dataCell(field(shares ?? child(u, "underlyingSecurityValue")), notes, "FormData", shares !== undefined ? "number" : "price"),
    ];
  };
  const dates = (r: unknown): Cell[] => [
    dataCell(field(child(r, "exerciseDate")), notes, C, "date"),
    dataCell(field(child(r, "expirationDate")), notes, C, "date"),
  ];
  const sub2 = (w: string, s: string, cls = "SmallFormText") => `<th width="${w}" valign="bottom" align="center" class="${cls}">${s}</th>`;
  if (base === "3") {
    const rows = [...txs, ...holds].map((r) =>
      row([
        dataCell(field(child(r, "securityTitle")), notes, "FormData", "text", "left"),
        ...dates(r),
        ...underlying(r),
        dataCell(field(child(r, "conversionOrExercisePrice")), notes, "FormData", "price"),
        ...ownership(r, notes, "FormData"),
      ]),
    );
    const M = "MedSmallFormText";
    const header = `<tr>
${th("35%", "1. Title of Derivative Security (Instr. \n      4)\n   ", 'rowspan="2"', M)}
${th("9%", "2. Date Exercisable and Expiration Date\n      (Month/Day/Year)", 'colspan="2"', M)}
${th("26%", "3. Title and Amount of Securities Underlying Derivative Security (Instr. \n      4)\n   ", 'colspan="2"', M)}
${th("7%", "4. Conversion or Exercise Price of Derivative Security\n   ", 'rowspan="2"', M)}
${th("8%", "5. Ownership Form: Direct (D) or Indirect (I) (Instr. \n      5)\n   ", 'rowspan="2"', M)}
${th("15%", "6. Nature of Indirect Beneficial Ownership (Instr. \n      5)\n   ", 'rowspan="2"', M)}
</tr>
<tr>
${sub2("4%", "Date Exercisable", M)}
${sub2("5%", "Expiration Date", M)}
${sub2("20%", "Title", M)}
${sub2("6%", "Amount or Number of Shares", M)}
</tr>`;
    return (
      tableHead(8, "\n<b>Table II - Derivative Securities Beneficially Owned</b><br><b>(e.g., puts, calls, warrants, options, convertible securities)</b>\n", header) +
      (rows.length ? `<tbody>\n${rows.join("\n")}\n</tbody>\n` : "") +
      "</table>\n"
    );
  }
  const five = base === "5";
  const rows = [
    ...txs.map((r) => {
      const a = amountCells(r, notes, C);
      return row([
        dataCell(field(child(r, "securityTitle")), notes, C, "text", "left"),
        dataCell(field(child(r, "conversionOrExercisePrice")), notes, C, "price"),
        dataCell(field(child(r, "transactionDate")), notes, C, "date"),
        dataCell(field(child(r, "deemedExecutionDate")), notes, C, "date"),
        codeCell(r, notes, C),
        ...(five ? [] : [empty]),
        a.ad === "D" ? empty : a.shares,
        a.ad === "D" ? a.shares : empty,
        ...dates(r),
        ...underlying(r),
        a.price,
        after(r, notes, C),
        ...ownership(r, notes, C),
      ]);
    }),
    ...holds.map((r) =>
      row([
        dataCell(field(child(r, "securityTitle")), notes, C, "text", "left"),
        dataCell(field(child(r, "conversionOrExercisePrice")), notes, C, "price"),
        ...Array.from({ length: five ? 5 : 6 }, () => empty),
        ...dates(r),
        ...underlying(r),
        empty,
        after(r, notes, C),
        ...ownership(r, notes, C),
      ]),
    ),
  ];
  const header = `<tr>
${th("13%", "1. Title of Derivative Security (Instr. \n      3)\n   ")}
${th("5%", "2. Conversion or Exercise Price of Derivative Security\n   ")}
${th("5%", "3. Transaction Date\n      (Month/Day/Year)")}
${th("5%", "3A. Deemed Execution Date, if any\n      (Month/Day/Year)")}
${th("9%", "4. Transaction Code (Instr. \n      8)\n   ", five ? 'rowspan="2"' : 'colspan="2"')}
${th("10%", "5. \n      Number of Derivative Securities Acquired (A) or Disposed of (D) (Instr. \n      3, 4 and 5)\n   ", 'colspan="2"')}
${th("9%", "6. Date Exercisable and Expiration Date \n      (Month/Day/Year)", 'colspan="2"')}
${th("17%", "7. Title and Amount of Securities Underlying Derivative Security (Instr. \n      3 and 4)\n   ", 'colspan="2"')}
${th("6%", "8. Price of Derivative Security (Instr. \n      5)\n   ")}
${th("6%", `9. \n      Number of derivative Securities Beneficially Owned Following Reported Transaction(s) (Instr. \n      4)\n   `)}
${th("6%", "10. Ownership Form: Direct (D) or Indirect (I) (Instr. \n      4)\n   ")}
${th("7%", "11. Nature of Indirect Beneficial Ownership (Instr. \n      4)\n   ")}
</tr>
<tr>
${five ? "" : `${sub2("4%", "Code")}\n${sub2("4%", "V")}\n`}${sub2("5%", "(A)")}
${sub2("5%", "(D)")}
${sub2("5%", "Date Exercisable")}
${sub2("4%", "Expiration Date")}
${sub2("10%", "Title")}
${sub2("7%", "Amount or Number of Shares")}
</tr>`;
  return (
    tableHead(
      five ? 15 : 16,
      "\n<b>Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned</b><br><b>(e.g., puts, calls, warrants, options, convertible securities)</b>\n",
      header,
    ) +
    (rows.length ? `<tbody>\n${rows.join("\n")}\n</tbody>\n` : "") +
    "</table>\n"
  );
}

/** EDGAR prints every reporting person after the first below Table II, each with its own relationship box. */
function otherOwners(owners: Node[], form: string): string {
  if (owners.length < 2) return "";
  return owners
    .slice(1)
    .map(
      (o) => `<table width="100%" border="1" cellspacing="0" cellpadding="4"><tr>
<td width="35%" valign="top">
${nameBox(o)}
</td>
<td valign="top">
${relationshipBox(o, form.startsWith("3") ? "4" : "5")}
</td>
</tr></table>
`,
    )
    .join("");
}

function explanation(doc: Node, notes: Map<string, number>): string {
  const footnotes = (child(doc, "footnotes", "footnote") as Node[] | undefined) ?? [];
  const remarks = text(child(doc, "remarks")).trim();
  const lines = footnotes.map((f) => `<tr><td class="FootnoteData">${notes.get(String(f["@id"]))}. ${esc(text(f).trim())}</td></tr>`);
  const rem = child(doc, "remarks") !== undefined ? `\n<tr><td class="FormText"><b>Remarks:</b></td></tr>\n<tr><td class="FootnoteData">${esc(remarks)}</td></tr>` : "";
  return `<table border="0" width="100%">
<tr><td class="MedSmallFormText"><b>Explanation of Responses:</b></td></tr>
${lines.join("\n")}${rem}
</table>
`;
}

function signatures(doc: Node, form: string): string {
  const sigs = (child(doc, "ownerSignature") as Node[] | undefined) ?? [];
  const rows = sigs.map(
    (s) =>
      `<tr>\n<td width="60%"></td>\n<td width="20%"><u><span class="FormData">${esc(text(child(s, "signatureName")))}</span></u></td>\n<td width="20%"><u><span class="FormData">${esc(date(text(child(s, "signatureDate"))))}</span></u></td>\n</tr>`,
  );
  return `<table width="100%" border="0">
${rows.join("\n")}
<tr>
<td></td>
<td class="MedSmallFormText">** Signature of Reporting Person</td>
<td class="MedSmallFormText">Date</td>
</tr>
<tr><td colspan="3" class="MedSmallFormText">Reminder: Report on a separate line for each class of securities beneficially owned directly or indirectly.</td></tr>
<tr><td colspan="3" class="MedSmallFormText">* If the form is filed by more than one reporting person, 
                  <i>see</i>

                  Instruction 
                  ${form.startsWith("3") ? "5" : "4"}

                  (b)(v).</td></tr>
<tr><td colspan="3" class="MedSmallFormText">** Intentional misstatements or omissions of facts constitute Federal Criminal Violations 
                  <i>See</i>

                  18 U.S.C. 1001 and 15 U.S.C. 78ff(a).</td></tr>
<tr><td colspan="3" class="MedSmallFormText">Note: File three copies of this Form, one of which must be manually signed. If space is insufficient, 
                  <i>see</i>

                  Instruction 6 for procedure.</td></tr>
<tr><td colspan="3" class="MedSmallFormText"><b>Persons who respond to the collection of information contained in this form are not required to respond unless the form displays a currently valid OMB Number.</b></td></tr>
</table>
</body>
</html>
`;
}

export function renderEdgarHtml(xml: string): string {
  const root = parser.parse(xml) as Node;
  const doc = child(root, "ownershipDocument") as Node | undefined;
  if (!doc) throw new Error("not an ownershipDocument");
  const form = text(child(doc, "documentType")).trim();
  const owners = (child(doc, "reportingOwner") as Node[] | undefined) ?? [];
  const footnotes = (child(doc, "footnotes", "footnote") as Node[] | undefined) ?? [];
  // EDGAR numbers the footnotes in the order they are listed, whatever their ids say.
  const notes = new Map(footnotes.map((f, i) => [String(f["@id"]), i + 1]));
  return (
    head(form, doc) +
    boxes(form, doc, owners) +
    tableI(form, doc, notes) +
    tableII(form, doc, notes) +
    otherOwners(owners, form) +
    explanation(doc, notes) +
    signatures(doc, form)
  );
}

const STYLE = `
              .FormData {color: blue; background-color: white; font-size: small; font-family: Times, serif;}
              .FormDataC {color: blue; background-color: white; font-size: small; font-family: Times, serif; text-align: center;}
              .FormDataR {color: blue; background-color: white; font-size: small; font-family: Times, serif; text-align: right;}
              .SmallFormData {color: blue; background-color: white; font-size: x-small; font-family: Times, serif;}
              .FootnoteData {color: green; background-color: white; font-size: x-small; font-family: Times, serif;}
              .FormNumText {font-size: small; font-weight: bold; font-family: arial, helvetica, sans-serif;}
              .FormAttention {font-size: medium; font-weight: bold; font-family: helvetica;}
              .FormText {font-size: small; font-weight: normal; font-family: arial, helvetica, sans-serif; text-align: left;}
              .FormTextR {font-size: small; font-weight: normal; font-family: arial, helvetica, sans-serif; text-align: right;}
              .FormTextC {font-size: small; font-weight: normal; font-family: arial, helvetica, sans-serif; text-align: center;}
              .FormEMText {font-size: medium; font-style: italic; font-weight: normal; font-family: arial, helvetica, sans-serif;}
              .FormULText {font-size: medium; text-decoration: underline; font-weight: normal; font-family: arial, helvetica, sans-serif;}
              .SmallFormText {font-size: xx-small; font-family: arial, helvetica, sans-serif; text-align: left;}
              .SmallFormTextR {font-size: xx-small; font-family: arial, helvetica, sans-serif; text-align: right;}
              .SmallFormTextC {font-size: xx-small; font-family: arial, helvetica, sans-serif; text-align: center;}
              .MedSmallFormText {font-size: x-small; font-family: arial, helvetica, sans-serif; text-align: left;}
              .FormTitle {font-size: medium; font-family: arial, helvetica, sans-serif; font-weight: bold;}
              .FormTitle1 {font-size: small; font-family: arial, helvetica, sans-serif; font-weight: bold; border-top: black thick solid;}
              .FormTitle2 {font-size: small; font-family: arial, helvetica, sans-serif; font-weight: bold;}
              .FormTitle3 {font-size: small; font-family: arial, helvetica, sans-serif; font-weight: bold; padding-top: 2em; padding-bottom: 1em;}
              .SectionTitle {font-size: small; text-align: left; font-family: arial, helvetica, sans-serif; 
              		font-weight: bold; border-top: gray thin solid; border-bottom: gray thin solid;}
              .FormName {font-size: large; font-family: arial, helvetica, sans-serif; font-weight: bold;}
              .CheckBox {text-align: center; width: 5px; cell-spacing: 0; padding: 0 3 0 3; border-width: thin; border-style: solid;  border-color: black:}
              body {background: white;}
      `;
