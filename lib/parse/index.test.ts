// The entry point's guards: hostile or non-filing input ends in a clear ParseError, never a hang or crash.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it, expect } from "vitest";
import { parseFiling, detectFormat, flagVesting, ParseError } from "./index";

const enc = (s: string) => new TextEncoder().encode(s);
const reason = async (bytes: Uint8Array) => {
  try {
    await parseFiling(bytes);
  } catch (err) {
    expect(err).toBeInstanceOf(ParseError);
    return (err as Error).message;
  }
  throw new Error("expected a rejection");
};

describe("parseFiling guards", () => {
  it("rejects an empty file", async () => {
    expect(await reason(new Uint8Array())).toBe("the file is empty");
  });

  it("rejects a 50 MB file by its size before reading it", { timeout: 5000 }, async () => {
    expect(await reason(new Uint8Array(50 * 1024 * 1024).fill(0x20))).toMatch(/50\.0 MB; the limit is 10 MB/);
  });

  it("rejects images and binary data by their content", async () => {
    expect(await reason(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]))).toMatch(/JPEG image/);
    const binary = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(await reason(binary)).toMatch(/binary data/);
  });

  it("rejects a text of 100,000 lines quickly", { timeout: 5000 }, async () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => `| Table II - Derivative Securities | row ${i} |`).join("\n");
    expect(await reason(enc(lines))).toMatch(/more than 20,000 lines/);
  });

  it("rejects text that is not an ownership filing", async () => {
    expect(await reason(enc("Dear team,\nthe quarterly numbers are attached.\n"))).toMatch(/does not look like a Form 3, 4 or 5/);
  });

  it("rejects XML with entity declarations (no entity expansion)", { timeout: 5000 }, async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><ownershipDocument><issuer><issuerName>&lol2;</issuerName></issuer></ownershipDocument>`;
    await expect(parseFiling(enc(bomb))).rejects.toBeInstanceOf(ParseError);
  });

  it("rejects a truncated XML document with a reason", async () => {
    const truncated = `<?xml version="1.0"?><ownershipDocument><schemaVersion>X0306</schemaVersion><documentType>4</documentType><issuer><issuerCik>0001`;
    await expect(parseFiling(enc(truncated))).rejects.toBeInstanceOf(ParseError);
  });
});

describe("XML that is not an ownership document", () => {
  it("is refused with its root element named, not read as OCR text", async () => {
    const form25 = `<?xml version="1.0"?>\n<notificationOfRemoval><schemaVersion>X0203</schemaVersion><issuer><entityName>Issuer Name Inc</entityName></issuer><reportingPerson>x</reportingPerson></notificationOfRemoval>`;
    expect(detectFormat(form25)).toBe("edgar-xml");
    expect(await reason(enc(form25))).toBe("it is not an EDGAR ownership document (the root element is <notificationOfRemoval>)");
  });
});

describe("decodeText", () => {
  it("reads a Latin-1 file (an accented name) instead of turning its letters into replacement characters", async () => {
    const head = `<?xml version="1.0" encoding="ISO-8859-1"?><ownershipDocument><documentType>4</documentType><issuer><issuerCik>1</issuerCik><issuerName>Soci`;
    const tail = ` X</issuerName></issuer><reportingOwner><reportingOwnerId><rptOwnerName>A</rptOwnerName></reportingOwnerId></reportingOwner></ownershipDocument>`;
    const latin1 = Uint8Array.from([...enc(head), 0xe9, ...enc("t"), 0xe9, ...enc(tail)]);
    expect((await parseFiling(latin1)).issuer.name).toBe("Soci\u00e9t\u00e9 X");
    expect((await parseFiling(enc(`${head}\u00e9t\u00e9${tail}`))).issuer.name).toBe("Soci\u00e9t\u00e9 X");
  });
});

describe("the same real filing in other encodings and line ends", () => {
  it("reads the same with CRLF line ends, a byte-order mark, or as UTF-16", async () => {
    const xml = readFileSync(new URL("./fixtures/xml/more/form4-lvs-joint-other-gifts.xml", import.meta.url), "utf8");
    const plain = await parseFiling(enc(xml));
    const utf16 = (text: string, bigEndian: boolean) => {
      const out = new Uint8Array(2 + text.length * 2);
      out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        out.set(bigEndian ? [c >> 8, c & 0xff] : [c & 0xff, c >> 8], 2 + i * 2);
      }
      return out;
    };
    for (const bytes of [enc(xml.replace(/\n/g, "\r\n")), enc(`\uFEFF${xml}`), utf16(xml, false), utf16(xml.replace(/\n/g, "\r\n"), true)]) {
      const filing = await parseFiling(bytes);
      expect({ ...filing, source: null }).toEqual({ ...plain, source: null });
    }
  });
});

describe("detectFormat", () => {
  it("tells formats apart by content", () => {
    expect(detectFormat(`<?xml version="1.0"?>\n<ownershipDocument>`)).toBe("edgar-xml");
    expect(detectFormat(`<SEC-DOCUMENT>0001.txt\n<DOCUMENT>\n<XML>\n<ownershipDocument>`)).toBe("edgar-submission");
    expect(detectFormat(`<html><body><table><tr><td>FORM 4</td></tr></table></body></html>`)).toBe("edgar-html");
    expect(detectFormat(`FORM 4\n| a | b |\n|--|--|\n| c | d |\n`)).toBe("ocr-markdown");
    expect(detectFormat(`FORM 4\nName and Address of Reporting Person\n`)).toBe("ocr-text");
  });
});

describe("XML with a DOCTYPE", () => {
  it("is routed to the XML parser and refused for its DOCTYPE, not mistaken for OCR text", async () => {
    const doc = `<?xml version="1.0"?><!DOCTYPE ownershipDocument SYSTEM "file:///etc/passwd"><ownershipDocument/>`;
    expect(detectFormat(doc)).toBe("edgar-xml");
    await expect(parseFiling(enc(doc))).rejects.toThrow(/DOCTYPE|entit/i);
  });
});

describe("vesting confidence", () => {
  const seed = readFileSync(join(__dirname, "..", "..", "..", "shared", "seeds", "000_4bc4c834bfe9b734.txt"), "utf8");

  it("holds a schedule as sure as the row it was computed from", async () => {
    const f = await parseFiling(enc(seed));
    expect(f.vesting).toHaveLength(1);
    expect(f.fieldConfidence["/vesting/0/tranches/0/shares"] ?? 1).toBeGreaterThanOrEqual(0.8);
    // The grant's date read unsure: every tranche computed from it is flagged with it.
    f.fieldConfidence["/derivative/0/transactionDate"] = 0.7;
    flagVesting(f, f.vesting, new Set());
    expect(f.fieldConfidence["/vesting/0/tranches/0/shares"]).toBe(0.7);
    expect(f.fieldConfidence["/vesting/0/tranches/35/date"]).toBe(0.7);
  });

  it("notes a schedule whose footnote is read but whose grant row is not, without flagging fields that do not exist", async () => {
    // The option row's figures are lost in the degraded photograph; its footnote reads "25% … vest on
    // August 15, 2008, and the remaining shares vest in equal monthly installments over the following three years."
    const text = readFileSync(join(__dirname, "fixtures", "corpus", "tuning", "0001179110-07-016964.light.txt"));
    const f = await parseFiling(new Uint8Array(text), { fileName: "scan.txt" });
    expect(f.vesting).toHaveLength(0);
    expect(Object.keys(f.fieldConfidence).filter((p) => p.startsWith("/vesting/"))).toEqual([]);
    expect(f.warnings.join(" ")).toMatch(/footnote \(1\) states a vesting schedule/);
  });

  it("flags a schedule taken from a footnote the row does not visibly cite", async () => {
    const f = await parseFiling(enc(seed));
    flagVesting(f, f.vesting, new Set([0]));
    expect(f.fieldConfidence["/vesting/0/totalShares"]).toBeLessThan(0.8);
  });
});

describe("what one filing may hold", () => {
  const xml = readFileSync(join(__dirname, "fixtures", "xml", "form4-374water-x0508.xml"), "utf8");

  it("refuses an ownership XML with more footnotes than a filing has, naming the count", async () => {
    const many = Array.from({ length: 1_500 }, (_, i) => `<footnote id="F${i + 2}">Note ${i}.</footnote>`).join("");
    expect(await reason(enc(xml.replace("</footnotes>", `${many}</footnotes>`)))).toBe("the filing has 1,501 footnotes; a Form 3, 4 or 5 has at most 1,000");
  });

  it("still reads a filing with many footnotes under the bound", async () => {
    const some = Array.from({ length: 200 }, (_, i) => `<footnote id="F${i + 2}">Note ${i}.</footnote>`).join("");
    expect((await parseFiling(enc(xml.replace("</footnotes>", `${some}</footnotes>`)))).footnotes).toHaveLength(201);
  });

  it("refuses a PDF of more pages than a filing has before reading their text", async () => {
    expect(await reason(blankPdf(60))).toBe("the PDF has 60 pages; a Form 3, 4 or 5 has at most 50");
  });
});

/** A PDF of blank pages, written out by hand with a correct cross-reference table. */
function blankPdf(pages: number): Uint8Array {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${Array.from({ length: pages }, (_, i) => `${i + 3} 0 R`).join(" ")}] /Count ${pages} >>`,
    ...Array.from({ length: pages }, () => "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"),
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return enc(out);
}
