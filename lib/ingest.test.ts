import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ingestFile } from "./ingest";
import { MAX_FILE_BYTES } from "./parse";
import { createTestDb } from "./db/test-db";
import { getFilingDetail } from "./db/filings";

const seedPath = join(__dirname, "parse", "fixtures", "markdown", "seed-000.md");
const db = createTestDb();
afterAll(() => db.$disconnect());

describe("ingestFile against a real SQLite database", () => {
  let filingId = 0;
  beforeAll(async () => {
    const r = await ingestFile("seed.txt", new Uint8Array(readFileSync(seedPath)), db);
    expect(r.status).toBe("stored");
    if (r.status !== "rejected") filingId = r.filingId;
  });

  it("stores the filing with its rows, footnotes, signature and the parser's output", async () => {
    const f = await getFilingDetail(filingId, db);
    expect(f?.issuer.name).toBe("SONUS NETWORKS INC");
    expect(f?.owners[0].nameAsFiled).toBe("JANZEN HOWARD E");
    expect(f?.derivative).toHaveLength(1);
    expect(f?.derivative[0].shares).toBe(40000);
    expect(f?.footnotes[0].marker).toBe("1");
    expect(f?.signatures[0].date).toBe("2007-12-18");
    expect(JSON.parse(f!.parsedJson).issuer.ticker).toBe("SONS");
    expect(f?.rawText).toContain("JANZEN HOWARD E");
  });

  it("recognises the same bytes as a duplicate", async () => {
    const r = await ingestFile("again.txt", new Uint8Array(readFileSync(seedPath)), db);
    expect(r).toMatchObject({ status: "duplicate", filingId });
  });

  it("rejects bad input with the reason and stores nothing", async () => {
    const before = await db.filing.count();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(await ingestFile("a.png", png, db)).toMatchObject({ status: "rejected", reason: expect.stringMatching(/PNG image/) });
    expect(await ingestFile("e.txt", new Uint8Array(), db)).toMatchObject({ status: "rejected", reason: "the file is empty" });
    const junk = new TextEncoder().encode("hello\nworld\n");
    expect(await ingestFile("j.txt", junk, db)).toMatchObject({ status: "rejected", reason: expect.stringMatching(/Form 3, 4 or 5/) });
    const huge = new Uint8Array(11 * 1024 * 1024).fill(0x41);
    expect(await ingestFile("big.txt", huge, db)).toMatchObject({ status: "rejected", reason: expect.stringMatching(/limit is 10 MB/) });
    expect(await db.filing.count()).toBe(before);
    expect(await db.issuer.count()).toBe(1);
  });

  it("says how far over the limit a file is in words that read true, down to one byte over", async () => {
    const over = async (size: number) => {
      const r = await ingestFile("big.txt", new Uint8Array(size).fill(0x41), db);
      return r.status === "rejected" ? r.reason : r.status;
    };
    expect(await over(MAX_FILE_BYTES + 1)).toBe("the file is 10,485,761 bytes; the limit is 10,485,760 bytes (10 MB) per file");
    expect(await over(MAX_FILE_BYTES + 40_000)).toBe("the file is 10,525,760 bytes; the limit is 10,485,760 bytes (10 MB) per file");
    expect(await over(MAX_FILE_BYTES + 60_000)).toBe("the file is 10.1 MB; the limit is 10 MB per file");
    expect(await over(MAX_FILE_BYTES)).not.toMatch(/limit/);
  });
});
