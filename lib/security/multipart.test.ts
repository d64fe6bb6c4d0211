import { describe, it, expect } from "vitest";
import { malformedFilePart, multipartBoundary } from "./multipart";

const boundary = "----WebKitFormBoundaryAbC123";
const part = (headers: string, content: string) => `--${boundary}\r\n${headers}\r\n\r\n${content}\r\n`;
const file = (name: string, content = "FORM 4\r\n--not a boundary\r\n") => part(`Content-Disposition: form-data; name="1_files"; filename="${name}"\r\nContent-Type: text/plain`, content);
const body = (...parts: string[]) => Buffer.from(`${parts.join("")}--${boundary}--\r\n`, "utf8");

describe("malformedFilePart", () => {
  it("passes a body whose headers are well formed, whatever the files hold", () => {
    const form = body(part('Content-Disposition: form-data; name="1_$ACTION_REF_1"', ""), file("a.txt", "\u0000\u0007\r\n\r\nbinary"), file("Müller form 4.txt"));
    expect(malformedFilePart(form, boundary)).toBeNull();
  });

  it("names the file whose name holds a raw CR, LF, NUL or other control character", () => {
    for (const bad of ["a\r\nb.txt", "a\nb.txt", "a\rb.txt", "nul\u0000.txt", "esc\u001b[31m.txt", "del\u007f.txt"]) {
      expect(malformedFilePart(body(part('Content-Disposition: form-data; name="0"', "x"), file("good.txt"), file(bad)), boundary)).toEqual({ file: 2, nameStart: expect.stringMatching(/^(a|nul|esc|del)/) });
    }
  });

  it("reads a body that opens with CRLF before its first delimiter, and a body with no parts", () => {
    expect(malformedFilePart(Buffer.concat([Buffer.from("\r\n"), body(file("x\u0000.txt"))]), boundary)).toMatchObject({ file: 1, nameStart: "x.txt" });
    expect(malformedFilePart(Buffer.concat([Buffer.from("\r\n"), body(file("x.txt"))]), boundary)).toBeNull();
    expect(malformedFilePart(body(), boundary)).toBeNull();
  });
});

describe("multipartBoundary", () => {
  it("reads the boundary of a form upload, quoted or not, and nothing else", () => {
    expect(multipartBoundary(`multipart/form-data; boundary=${boundary}`)).toBe(boundary);
    expect(multipartBoundary('multipart/form-data; charset=utf-8; boundary="a b"')).toBe("a b");
    expect(multipartBoundary("text/plain;charset=UTF-8")).toBeNull();
    expect(multipartBoundary(null)).toBeNull();
  });
});
