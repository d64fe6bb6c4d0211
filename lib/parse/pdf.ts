import { ParseError } from "./types";

export async function extractPdfText(_bytes: Uint8Array): Promise<string> {
  throw new ParseError("PDF is not read yet");
}
