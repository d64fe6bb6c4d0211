/**
 * A second, deliberately separate reading of an ownership document, for tests only: it walks the XML as an ordered
 * element tree (fast-xml-parser's preserveOrder mode, not the object form edgar-xml.ts reads) and states, field by
 * field, what the contract asks for. Comparing the two catches a parser that agrees with its own snapshots but not
 * with the document.
 */
import { XMLParser } from "fast-xml-parser";

interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

type Ordered = Record<string, unknown>;

function build(nodes: Ordered[]): El[] {
  const out: El[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((k) => k !== ":@");
    if (!name || name === "#text" || name.startsWith("?")) continue;
    const kids = (node[name] as Ordered[]) ?? [];
    const attrs = (node[":@"] as Record<string, string>) ?? {};
    out.push({
      name: name.replace(/^[\w-]+:/, ""),
      attrs: Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k.replace(/^@_/, ""), String(v)])),
      children: build(kids),
      text: kids.map((k) => ("#text" in k ? String(k["#text"]) : "")).join(""),
    });
  }
  return out;
}

const child = (el: El | undefined, name: string) => el?.children.find((c) => c.name === name);
const children = (el: El | undefined, name: string) => el?.children.filter((c) => c.name === name) ?? [];
const squash = (s: string | undefined) => {
  const t = (s ?? "").replace(/\s+/g, " ").trim();
  return t === "" ? null : t;
};
const leaf = (el: El | undefined, name: string) => squash(child(el, name)?.text);
const value = (el: El | undefined) => squash(child(el, "value")?.text);
const num = (s: string | null) => (s === null ? null : Number(s.replace(/[,$\s]/g, "")));
const day = (s: string | null) => (s === null ? null : s.slice(0, 10));
const yes = (s: string | null) => s === "1" || s?.toLowerCase() === "true";
const cik = (s: string | null) => (s !== null && /^\d{1,10}$/.test(s) ? s.padStart(10, "0") : s);

function footnoteIdsUnder(el: El, into: string[]): string[] {
  for (const c of el.children) {
    if (c.name === "footnoteId") {
      const id = (c.attrs.id ?? "").trim().replace(/^F/i, "");
      if (id && !into.includes(id)) into.push(id);
    } else footnoteIdsUnder(c, into);
  }
  return into;
}

function row(el: El, derivative: boolean) {
  const coding = child(el, "transactionCoding");
  const amounts = child(el, "transactionAmounts");
  const post = child(el, "postTransactionAmounts");
  const nature = child(el, "ownershipNature");
  const underlying = child(el, "underlyingSecurity");
  const common = {
    kind: el.name.endsWith("Holding") || (el.name.endsWith("Security") && !child(el, "transactionDate") && !coding) ? "holding" : "transaction",
    securityTitle: value(child(el, "securityTitle")) ?? "",
    transactionDate: day(value(child(el, "transactionDate"))),
    deemedExecutionDate: day(value(child(el, "deemedExecutionDate"))),
    transactionCode: leaf(coding, "transactionCode"),
    equitySwap: yes(leaf(coding, "equitySwapInvolved")),
    shares: num(value(child(amounts, "transactionShares")) ?? value(child(amounts, "transactionTotalValue"))),
    acquiredDisposed: value(child(amounts, "transactionAcquiredDisposedCode")),
    price: num(value(child(amounts, "transactionPricePerShare")) ?? value(child(amounts, "transactionValue"))),
    sharesOwnedFollowing: num(value(child(post, "sharesOwnedFollowingTransaction")) ?? value(child(post, "valueOwnedFollowingTransaction"))),
    directOrIndirect: value(child(nature, "directOrIndirectOwnership")),
    natureOfOwnership: value(child(nature, "natureOfOwnership")),
    footnoteIds: footnoteIdsUnder(el, []),
  };
  if (!derivative) return common;
  return {
    ...common,
    conversionOrExercisePrice: num(value(child(el, "conversionOrExercisePrice"))),
    exerciseDate: day(value(child(el, "exerciseDate"))),
    expirationDate: day(value(child(el, "expirationDate"))),
    underlyingTitle: value(child(underlying, "underlyingSecurityTitle")),
    underlyingShares: num(value(child(underlying, "underlyingSecurityShares")) ?? value(child(underlying, "underlyingSecurityValue"))),
  };
}

const reader = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: true,
  ignoreDeclaration: true,
});

/** The contract's fields as an independent reading of the XML gives them. */
export function readOwnershipIndependently(xml: string, headerFormType: string | null = null) {
  const doc = build(reader.parse(xml.replace(/^\uFEFF/, "")) as Ordered[]).find((e) => e.name === "ownershipDocument");
  if (!doc) throw new Error("no ownershipDocument");
  const issuer = child(doc, "issuer");
  const documentType = leaf(doc, "documentType") ?? headerFormType ?? "4";
  const original = day(leaf(doc, "dateOfOriginalSubmission"));
  const owners = children(doc, "reportingOwner").map((o) => {
    const id = child(o, "reportingOwnerId");
    const address = child(o, "reportingOwnerAddress");
    const rel = child(o, "reportingOwnerRelationship");
    return {
      name: leaf(id, "rptOwnerName") ?? "",
      cik: cik(leaf(id, "rptOwnerCik")),
      street1: leaf(address, "rptOwnerStreet1"),
      street2: leaf(address, "rptOwnerStreet2"),
      city: leaf(address, "rptOwnerCity"),
      state: leaf(address, "rptOwnerState"),
      zip: leaf(address, "rptOwnerZipCode"),
      isDirector: yes(leaf(rel, "isDirector")),
      isOfficer: yes(leaf(rel, "isOfficer")),
      officerTitle: leaf(rel, "officerTitle"),
      isTenPercentOwner: yes(leaf(rel, "isTenPercentOwner")),
      isOther: yes(leaf(rel, "isOther")),
      otherText: leaf(rel, "otherText"),
    };
  });
  const rows = (table: string, derivative: boolean) =>
    [...(child(doc, table)?.children ?? []), ...children(doc, table.replace("Table", "Security"))].map((r) => row(r, derivative));
  const aff = leaf(doc, "aff10b5One");
  return {
    formType: /\/A$/i.test(documentType) || original ? `${documentType.replace(/\s*\/?\s*A$/i, "")}/A` : documentType,
    issuer: { name: leaf(issuer, "issuerName") ?? "", ticker: leaf(issuer, "issuerTradingSymbol"), cik: cik(leaf(issuer, "issuerCik")) },
    reportingOwners: owners,
    periodOfReport: day(leaf(doc, "periodOfReport")),
    dateOfOriginalSubmission: original,
    jointFiling: owners.length > 1,
    aff10b5One: aff === null ? null : yes(aff),
    nonDerivative: rows("nonDerivativeTable", false),
    derivative: rows("derivativeTable", true),
    footnotes: children(child(doc, "footnotes"), "footnote").map((f) => ({ id: (f.attrs.id ?? "").replace(/^F/i, ""), text: squash(f.text) ?? "" })),
    remarks: leaf(doc, "remarks"),
    signatures: children(doc, "ownerSignature").map((s) => ({ name: leaf(s, "signatureName") ?? "", date: day(leaf(s, "signatureDate")) })),
  };
}
