import { test as base, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { generateFilings, type GeneratedFiling } from "../lib/db/generate";
import { bulkInsertFilings } from "../lib/db/bulk-insert";

// The database scripts/e2e-server.mjs serves. Each test writes its own filings into it, with
// names, tickers and CIKs made unique by a tag, so parallel tests never see each other's rows.
const dbFile = join(__dirname, "..", "data", "e2e", "e2e.db");

const test = base.extend<{ data: { tag: string; filings: GeneratedFiling[] } }>({
  // eslint-disable-next-line no-empty-pattern
  data: async ({}, use, testInfo) => {
    const tag = `t${testInfo.workerIndex}${Date.now().toString(36)}`;
    // EDGAR formats only: every record has its CIK, so each person and issuer is one record with one spelling.
    const filings = [...generateFilings({ count: 40, seed: 5, tag, issuers: 2, formats: ["edgar-xml", "edgar-html"] })];
    bulkInsertFilings({ file: dbFile, filings });
    await use({ tag, filings });
  },
});

const grantOf = (filings: GeneratedFiling[]) => filings.find((g) => g.filing.derivative.some((d) => d.transactionCode === "A"))!.filing;

test("browse from an issuer to an insider, to a grant, to its filing", async ({ page, data }) => {
  const f = grantOf(data.filings);
  const owner = f.reportingOwners[0].name;
  await page.goto("/issuers");
  await page.getByRole("searchbox", { name: /name, ticker or cik/i }).fill(f.issuer.ticker!);
  await page.getByRole("searchbox", { name: /name, ticker or cik/i }).press("Enter");
  await page.getByRole("link", { name: f.issuer.name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(f.issuer.name);

  const insiders = page.getByRole("region", { name: "Insiders" });
  await insiders.getByRole("link", { name: owner, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(owner);
  await expect(page.getByRole("region", { name: "Holdings" }).getByRole("table").first()).toBeVisible();

  const grants = page.getByRole("region", { name: "Option and stock grants" });
  const grantRow = grants.getByRole("row").filter({ hasText: f.derivative[0].securityTitle }).first();
  await expect(grantRow).toBeVisible();
  await grantRow.getByRole("link", { name: /^Filing #\d+/ }).click();
  await expect(page).toHaveURL(/\/filings\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(f.issuer.name);
  await expect(page.getByRole("link", { name: owner })).toBeVisible();
});

test("filter grants, then export exactly the filtered rows as CSV", async ({ page, data }) => {
  await page.goto("/grants");
  const filters = page.getByRole("search", { name: "Filter grants" });
  await filters.getByLabel("Issuer or ticker").fill(data.tag);
  await filters.getByLabel("Transaction code").fill("A");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`issuer=${data.tag}.*code=A|code=A.*issuer=${data.tag}`));

  const expected = data.filings.flatMap((g) => g.filing.derivative.filter((d) => d.transactionCode === "A")).length;
  await expect(page.getByText(new RegExp(`of ${expected}$`))).toBeVisible();
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(expected + 1);

  // Sorting is done on the server and keeps the filters; names sort A to Z first.
  await page.getByRole("columnheader", { name: "Insider" }).getByRole("link").click();
  await expect(page.getByRole("columnheader", { name: /Insider/ })).toHaveAttribute("aria-sort", "ascending");
  const insiders = (await page.getByRole("table").getByRole("row").locator("td:nth-child(2)").allInnerTexts()).map((t) => t.split(";")[0].trim().toLowerCase());
  expect(insiders).toHaveLength(expected);
  expect(insiders).toEqual([...insiders].sort());
  await page.getByRole("link", { name: "Exercise price" }).click();
  await expect(page.getByRole("columnheader", { name: /Exercise price/ })).toHaveAttribute("aria-sort", "descending");
  await expect(page).toHaveURL(/code=A/);

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe("grants.csv");
  const csv = Papa.parse<Record<string, string>>(readFileSync(await download.path(), "utf8"), { header: true, skipEmptyLines: true });
  expect(csv.data).toHaveLength(expected);
  for (const r of csv.data) {
    expect(r.transactionCode).toBe("A");
    expect(r.issuer).toContain(data.tag.toUpperCase());
  }
  const prices = csv.data.map((r) => Number(r.exercisePrice)).filter((p) => !Number.isNaN(p) && p > 0);
  expect(prices).toEqual([...prices].sort((a, b) => b - a));
});

test("filter filings by issuer, reporting person and date, then export them", async ({ page, data }) => {
  const person = data.filings[0].filing.reportingOwners[0].name;
  const mine = data.filings.filter((g) => g.filing.reportingOwners.some((o) => o.name === person));
  const periods = mine.map((g) => g.filing.periodOfReport!).sort();
  const [from, to] = [periods[0], periods[periods.length - 1]];
  await page.goto("/filings");
  const filters = page.getByRole("search", { name: "Filter filings" });
  await filters.getByLabel("Issuer or ticker").fill(data.tag);
  await filters.getByLabel("Reporting person (any spelling)").fill(person.toLowerCase());
  await filters.getByLabel("Earliest transaction from").fill(from);
  await filters.getByLabel("Earliest transaction to").fill(to);
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/insider=/);
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(mine.length + 1);

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = Papa.parse<Record<string, string>>(readFileSync(await (await downloadPromise).path(), "utf8"), { header: true, skipEmptyLines: true });
  expect(csv.data).toHaveLength(mine.length);
  for (const r of csv.data) {
    expect(r.reportingPersons).toContain(person);
    expect(r.periodOfReport >= from && r.periodOfReport <= to).toBe(true);
  }
});

test("an insider is found by a misspelt name", async ({ page, data }) => {
  const name = data.filings[0].filing.reportingOwners[0].name.replace(/\.$/, "");
  const [surname, tagWord, first] = name.split(" ");
  // One letter dropped from the surname, two swapped in the first name, and no capitals.
  const misspelt = `${surname.slice(0, 2)}${surname.slice(3)} ${tagWord} ${first[1]}${first[0]}${first.slice(2)}`.toLowerCase();
  await page.goto("/insiders");
  const search = page.getByRole("searchbox", { name: /name/i });
  await search.fill(misspelt);
  await search.press("Enter");
  await expect(page).toHaveURL(/\/insiders\?q=/);
  await expect(page.getByRole("link", { name: new RegExp(`^${name.toUpperCase()}`) }).first()).toBeVisible();
});

test("two spellings of one person are merged by hand", async ({ page, data }) => {
  const original = data.filings.find((g) => g.filing.formType === "4")!;
  const name = original.filing.reportingOwners[0].name;
  // OCR misread a letter of the surname and found no CIK: a second record for the same person.
  const garbled = `${name.slice(0, 2)}${name[2] === "Q" ? "O" : "Q"}${name.slice(3)}`;
  const copy = structuredClone(original);
  copy.filing.reportingOwners[0] = { ...copy.filing.reportingOwners[0], name: garbled, cik: null };
  copy.filing.source = { format: "ocr-text", sha256: `${original.filing.source.sha256!.slice(0, 60)}beef` };
  bulkInsertFilings({ file: dbFile, filings: [copy] });

  await page.goto(`/insiders?q=${encodeURIComponent(name)}`);
  await page.getByRole("link", { name, exact: true }).click();
  await page.getByText(`Merge another spelling into ${name}`).click();
  await page.getByRole("radio", { name: new RegExp(garbled) }).check();
  await page.getByLabel("Your name (for the audit trail)").fill(`e2e ${data.tag}`);
  await page.getByRole("button", { name: "Merge into this person" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Merged" })).toContainText(`Merged ${garbled} into this person`);
  await expect(page.getByText(`Also filed as: ${garbled}`)).toBeVisible();

  // The merged-away spelling now leads to the person it was merged into.
  await page.goto(`/insiders?q=${encodeURIComponent(garbled)}`);
  await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: garbled, exact: true })).toHaveCount(0);

  // The merge was wrong after all: separate the spelling again from the person's page.
  await page.getByRole("link", { name, exact: true }).click();
  await page.getByText(`Undo a merge into ${name}`).click();
  await page.getByRole("radio", { name: garbled }).check();
  await page.getByRole("group", { name: /spelling to separate/i }).locator("..").getByLabel("Your name (for the audit trail)").fill(`e2e ${data.tag}`);
  await page.getByRole("button", { name: "Separate from this person" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Separated" })).toContainText(`Separated ${garbled}`);
  await expect(page.getByText(`Also filed as: ${garbled}`)).toHaveCount(0);
  await page.goto(`/insiders?q=${encodeURIComponent(garbled)}`);
  await expect(page.getByRole("link", { name: garbled, exact: true })).toBeVisible();
});

test("the header search finds insiders, issuers and filings", async ({ page, data }) => {
  const f = grantOf(data.filings);
  await page.goto("/");
  const search = page.getByRole("searchbox", { name: "Search insiders, issuers and filings" });
  await search.fill(f.issuer.ticker!);
  await search.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByRole("region", { name: /Issuers/ }).getByRole("link", { name: f.issuer.name })).toBeVisible();
  await expect(page.getByRole("region", { name: "Filings" }).getByRole("link").first()).toBeVisible();

  const owner = f.reportingOwners[0].name;
  await search.fill(owner.toLowerCase());
  await search.press("Enter");
  await page.getByRole("region", { name: /Insiders/ }).getByRole("link", { name: owner, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(owner);
});
