import { extractText, getDocumentProxy } from "unpdf";
import { ParseError } from "./types";

/** A Form 4 PDF has a page or two; reading one should take well under a second. */
const PDF_TIMEOUT_MS = 10_000;

async function readTextLayer(bytes: Uint8Array): Promise<string> {
  // pdf.js takes ownership of (detaches) the buffer it is given, so it gets a copy and the caller keeps theirs.
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  try {
    const { text } = await extractText(pdf, { mergePages: true });
    return text;
  } finally {
    await pdf.destroy();
  }
}

/** The text layer of a PDF, pages joined; the OCR-text parser reads it from there. */
export async function extractPdfText(bytes: Uint8Array): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ParseError(`the PDF could not be read within ${PDF_TIMEOUT_MS / 1000} seconds`)), PDF_TIMEOUT_MS);
  });
  let text: string;
  try {
    text = await Promise.race([readTextLayer(bytes), timeout]);
  } catch (err) {
    if (err instanceof ParseError) throw err;
    throw new ParseError(`the PDF cannot be read (${(err as Error).message ?? String(err)})`);
  } finally {
    clearTimeout(timer);
  }
  if (!text.trim()) throw new ParseError("the PDF has no text layer (a scanned image); image OCR is not supported yet");
  return text;
}
