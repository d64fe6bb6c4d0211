import { parseEdgarXml, type DocumentContext } from "./edgar-xml";
import { ParseError, type Filing } from "./types";

// Filer software that qualifies every element writes <edgar:ownershipDocument>; the document is the same.
const OPEN = /<((?:[\w.-]+:)?ownershipDocument)[\s>]/;

/** The header lines that stand in for what schemas X0101 and X0201 left out of the XML (documentType, periodOfReport). */
function headerContext(text: string, start: number): DocumentContext {
  const before = text.slice(0, start);
  const type = /CONFORMED SUBMISSION TYPE:[ \t]*(\S+)/.exec(before)?.[1] ?? /<TYPE>[ \t]*([^\s<]+)/.exec(before)?.[1];
  const period = /CONFORMED PERIOD OF REPORT:[ \t]*(\d{4})(\d{2})(\d{2})/.exec(before);
  return { formType: type ?? null, periodOfReport: period ? `${period[1]}-${period[2]}-${period[3]}` : null };
}

/**
 * The XML is cut out from its root element on, so a DOCTYPE before the root would be cut away unseen by the XML
 * reader's own refusal, and the references to its entities (`&lol9;`) would reach the filing as text. So the
 * submission is held to the same rule first: no DOCTYPE in the document that holds the ownership XML, and no
 * entity declaration anywhere (the other documents, HTML exhibits with their ordinary DOCTYPEs, never declare one).
 */
function refuseDeclarations(text: string, root: number): void {
  // EDGAR writes its tags in capitals; a lower-case one only widens the part searched.
  const documentStart = Math.max(0, text.lastIndexOf("<DOCUMENT>", root));
  if (/<!\s*ENTITY/i.test(text) || /<!\s*DOCTYPE/i.test(text.slice(documentStart, root))) {
    throw new ParseError("the submission declares a DOCTYPE or entities, which EDGAR ownership documents never do; refused for safety");
  }
}

/**
 * Parses an EDGAR submission text file (`<SEC-DOCUMENT>` with one `<DOCUMENT>` per file) by reading its
 * ownership XML. The SGML wrapper is not XML, so the payload is cut out by its delimiters and then parsed as XML.
 */
export function parseEdgarSubmission(text: string): Filing {
  const open = OPEN.exec(text);
  if (!open) throw new ParseError("the submission holds no ownership XML document (no <ownershipDocument>)");
  refuseDeclarations(text, open.index);
  const close = `</${open[1]}>`;
  const end = text.indexOf(close, open.index);
  if (end === -1) throw new ParseError(`the submission's ownership XML is truncated (no ${close})`);
  return parseEdgarXml(text.slice(open.index, end + close.length), headerContext(text, open.index));
}
