// The contract's command line, run as the external scorer runs it.
import { describe, it, expect } from "vitest";
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";

const root = join(__dirname, "..");
const seed = join(root, "lib", "parse", "fixtures", "markdown", "seed-000.md");
const schemaPath = join(root, "..", "shared", "contract", "filing.schema.json");
const tsx = join(root, "node_modules", ".bin", "tsx");

function parseCli(...files: string[]) {
  return spawnSync(tsx, [join(root, "scripts", "parse.ts"), ...files], { cwd: root, encoding: "utf8" });
}

describe("npm run parse", () => {
  it("prints one canonical filing that validates against the contract's schema", () => {
    const r = parseCli(seed);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    const filing = JSON.parse(r.stdout);
    const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    expect(validate(filing), JSON.stringify(validate.errors)).toBe(true);
    expect(filing.issuer).toMatchObject({ name: "SONUS NETWORKS INC", ticker: "SONS" });
    expect(filing.derivative[0]).toMatchObject({ shares: 40000, conversionOrExercisePrice: 6.1, expirationDate: "2017-12-17" });
    expect(filing.source.format).toBe("ocr-markdown");
  });

  it("prints an array for several files and names each unreadable file on one stderr line with exit code 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "parse-cli-"));
    const junk = join(dir, "recipe.txt");
    writeFileSync(junk, "Pancakes\nflour, milk, eggs\n");
    const r = parseCli(seed, junk, seed);
    expect(r.status).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(Array.isArray(out)).toBe(true);
    expect(out).toHaveLength(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/recipe\.txt: .*Form 3, 4 or 5/);
  });

  it("ends a truncated ownership XML, other XML and an XML with unknown elements as the contract says", () => {
    const dir = mkdtempSync(join(tmpdir(), "parse-cli-"));
    const real = readFileSync(join(root, "lib", "parse", "fixtures", "xml", "more", "form4-cisco-10b5-1-weighted-sales.xml"), "utf8");
    const truncated = join(dir, "truncated.xml");
    writeFileSync(truncated, real.slice(0, real.indexOf("<transactionShares>") + 12));
    const form25 = join(dir, "form25.xml");
    writeFileSync(form25, `<?xml version="1.0"?>\n<notificationOfRemoval><schemaVersion>X0203</schemaVersion></notificationOfRemoval>\n`);
    const extended = join(dir, "extended.xml");
    writeFileSync(extended, real.replace("<issuer>", "<issuer><issuerLei>549300</issuerLei>").replace("<remarks></remarks>", "<remarks></remarks><futureBlock><item a=\"1\">x</item></futureBlock>"));
    const r = parseCli(truncated, form25, extended);
    expect(r.status).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out).toHaveLength(1);
    expect(out[0].nonDerivative).toHaveLength(3);
    expect(r.stderr.trim().split("\n")).toEqual([
      `${truncated}: the XML is malformed: it ends before </ownershipDocument> (the file looks truncated)`,
      `${form25}: it is not an EDGAR ownership document (the root element is <notificationOfRemoval>)`,
    ]);
  });

  it("detects the format from content, not from the file name", () => {
    const dir = mkdtempSync(join(tmpdir(), "parse-cli-"));
    const misnamed = join(dir, "filing.xml");
    writeFileSync(misnamed, readFileSync(seed));
    const r = parseCli(misnamed);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).source.format).toBe("ocr-markdown");
  });

  it("prints all of a large output through a real pipe, as `npm run --silent parse -- … | jq` reads it", () => {
    const dir = join(root, "lib", "parse", "fixtures", "xml", "more");
    const files = readdirSync(dir).filter((f) => f.endsWith(".xml")).map((f) => join(dir, f));
    const args = Array.from({ length: 10 }, () => files).flat();
    const r = spawnSync("bash", ["-o", "pipefail", "-c", 'npm run --silent parse -- "$@" | cat', "parse", ...args], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(1024 * 1024);
    const out = JSON.parse(r.stdout);
    expect(out).toHaveLength(args.length);
    expect(out.at(-1).issuer.name).toBe(JSON.parse(parseCli(args.at(-1)!).stdout).issuer.name);
  });
});
