import { ParseError, type Filing } from "./types";

export function parseEdgarSubmission(_text: string): Filing {
  throw new ParseError("this format is not read yet");
}
