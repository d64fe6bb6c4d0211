import { parseEdgarXml } from "./edgar-xml";
import { ParseError, type Filing } from "./types";

const OPEN = "<ownershipDocument";
const CLOSE = "</ownershipDocument>";

/**
 * Parses an EDGAR submission text file (`<SEC-DOCUMENT>` with one `<DOCUMENT>` per file) by reading its
 * ownership XML. The SGML wrapper is not XML, so the payload is cut out by its delimiters and then parsed as XML.
 */
export function parseEdgarSubmission(text: string): Filing {
  let start = text.indexOf(OPEN);
  // "<ownershipDocumentX" would be another element; only the exact name followed by ">" or whitespace counts.
  while (start !== -1 && !/[\s>]/.test(text.charAt(start + OPEN.length))) start = text.indexOf(OPEN, start + 1);
  if (start === -1) throw new ParseError("the submission holds no ownership XML document (no <ownershipDocument>)");
  const end = text.indexOf(CLOSE, start);
  if (end === -1) throw new ParseError("the submission's ownership XML is truncated (no </ownershipDocument>)");
  return parseEdgarXml(text.slice(start, end + CLOSE.length));
}
