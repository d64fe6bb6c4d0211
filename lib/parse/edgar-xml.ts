import { ParseError, type Filing } from "./types";

export function parseEdgarXml(_text: string): Filing {
  throw new ParseError("this format is not read yet");
}
