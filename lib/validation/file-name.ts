// Control characters (C0, DEL, C1) and the bidi embeddings, overrides and isolates, which can make
// a name show as something else ("invoice\u202Etxt.exe").
const UNSHOWABLE = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu;

/** Longest stored file name; longer ones are cut, as most file systems would have refused them. */
export const MAX_FILE_NAME_LENGTH = 255;

/** An uploaded file's name as it is shown and stored: no characters that are not shown as themselves. */
export function cleanFileName(name: string): string {
  return name.replace(UNSHOWABLE, "").trim().slice(0, MAX_FILE_NAME_LENGTH);
}
