import { describe, it, expect } from "vitest";
import { cleanFileName, MAX_FILE_NAME_LENGTH } from "./file-name";

describe("cleanFileName", () => {
  it("drops control characters and bidi overrides, and keeps every other letter", () => {
    expect(cleanFileName("form\r\n4\u0000.txt")).toBe("form4.txt");
    expect(cleanFileName("\u0007bell\u001b[31m\u007f\u0085.txt")).toBe("bell[31m.txt");
    expect(cleanFileName("invoice\u202Etxt.exe")).toBe("invoicetxt.exe");
    expect(cleanFileName("Müller ‏שלום\u0301 form 4.txt")).toBe("Müller ‏שלום\u0301 form 4.txt");
    expect(cleanFileName(" \t ")).toBe("");
  });

  it("cuts a name longer than file systems allow", () => {
    expect(cleanFileName("a".repeat(1000))).toHaveLength(MAX_FILE_NAME_LENGTH);
  });
});
