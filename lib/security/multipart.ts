/**
 * Finds the first file in a multipart/form-data body whose part headers the form parser would
 * refuse (Next answers such a body with HTTP 500, before any of our code runs). A part header line
 * must be "Name: value" with no control character but tab; a raw CR or LF in a quoted file name
 * breaks its line in two, and NUL, ESC or DEL are control characters.
 */
export function malformedFilePart(body: Uint8Array, boundary: string): { file: number; nameStart: string } | null {
  const buf = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  let files = 0;
  // The first delimiter may open the body without the CRLF before it.
  const opensBody = buf.subarray(0, delimiter.length - 2).equals(delimiter.subarray(2));
  let at = opensBody ? 0 : buf.indexOf(delimiter);
  let after = opensBody ? delimiter.length - 2 : at + delimiter.length;
  while (at !== -1 && buf[after] !== 0x2d) {
    const start = after + 2;
    const end = buf.indexOf("\r\n\r\n", start);
    if (end === -1) return null;
    const lines = buf.subarray(start, end).toString("latin1").split("\r\n");
    const isFile = lines.some((l) => /filename=/i.test(l));
    if (isFile) files++;
    if (isFile && !lines.every((l) => HEADER_LINE.test(l))) {
      const quoted = /filename="([^"]*)/i.exec(lines.join("\n"))?.[1] ?? "";
      return { file: files, nameStart: Buffer.from(quoted, "latin1").toString("utf8").replace(/[\p{Cc}]/gu, "").slice(0, 60) };
    }
    at = buf.indexOf(delimiter, end + 4);
    after = at + delimiter.length;
  }
  return null;
}

const HEADER_LINE = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+:[^\x00-\x08\x0a-\x1f\x7f]*$/;

/** The boundary a multipart/form-data Content-Type names, or null for any other body. */
export function multipartBoundary(contentType: string | null): string | null {
  if (!contentType || !/^multipart\/form-data\b/i.test(contentType)) return null;
  const m = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2]) : null;
}
