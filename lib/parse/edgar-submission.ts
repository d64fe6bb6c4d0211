import { parseEdgarXml } from "./edgar-xml";
import { ParseError, type Filing } from "./types";

// Filer software that qualifies every element writes <edgar:ownershipDocument>; the document is the same.
const OPEN = /<((?:[\w.-]+:)?ownershipDocument)[\s>]/;

/**
 * Parses an EDGAR submission text file (`<SEC-DOCUMENT>` with one `<DOCUMENT>` per file) by reading its
 * ownership XML. The SGML wrapper is not XML, so the payload is cut out by its delimiters and then parsed as XML.
 */
export function parseEdgarSubmission(text: string): Filing {
  const open = OPEN.exec(text);
  if (!open) throw new ParseError("the submission holds no ownership XML document (no <ownershipDocument>)");
  const close = `</${open[1]}>`;
  const end = text.indexOf(close, open.index);
  if (end === -1) throw new ParseError(`the submission's ownership XML is truncated (no ${close})`);
  return parseEdgarXml(text.slice(open.index, end + close.length));
}
