import { test, expect, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";

// The two real OCR'd seeds of ../shared/seeds, copied into the parser's fixtures so the tests stand alone.
const seedFiles: Record<string, string> = {
  "000_4bc4c834bfe9b734.txt": "seed-000.md",
  "003_22b100d200fc2d89.txt": "seed-003.md",
};
const seedDir = join(__dirname, "..", "lib", "parse", "fixtures", "markdown");
const seed = (name: string) => ({ name, mimeType: "text/plain", buffer: readFileSync(join(seedDir, seedFiles[name])) });
// Each test gets its own bytes (a unique trailing line) so parallel tests never see each other's uploads as duplicates.
const variant = (name: string, tag: string) => {
  const s = seed(name);
  return { ...s, name: `${tag}-${name}`, buffer: Buffer.concat([s.buffer, Buffer.from(`\n\n<!-- ${tag} -->\n`)]) };
};

async function upload(page: Page, files: Parameters<Page["setInputFiles"]>[1]) {
  await page.goto("/upload");
  await page.getByLabel(/drop filings here/i).setInputFiles(files);
  await page.getByRole("button", { name: "Upload" }).click();
  return page.getByRole("list", { name: "Upload results" });
}

test("uploading both seeds stores them and the filing page shows what the form says", async ({ page }) => {
  const tag = `seeds-${Date.now()}`;
  const results = await upload(page, [variant("000_4bc4c834bfe9b734.txt", tag), variant("003_22b100d200fc2d89.txt", tag)]);
  await expect(results.getByRole("listitem")).toHaveCount(2);
  await expect(results.getByText("stored")).toHaveCount(2);

  await results.getByRole("listitem").filter({ hasText: "000_4bc4" }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("SONUS NETWORKS INC");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("[SONS]");
  await expect(page.getByRole("link", { name: "JANZEN HOWARD E" })).toBeVisible();

  const header = page.getByRole("region", { name: "Header" });
  await expect(header.getByText("17 Dec 2007")).toBeVisible();
  const grant = page.getByRole("row", { name: "Table II row 1", exact: true });
  await expect(grant).toContainText("Stock Option (right to buy)");
  await expect(grant.locator('[data-pointer="/derivative/0/conversionOrExercisePrice"] [data-shown]')).toHaveText("$6.1");
  await expect(grant.locator('[data-pointer="/derivative/0/shares"] [data-shown]')).toHaveText("40,000");
  await expect(grant.locator('[data-pointer="/derivative/0/transactionDate"] [data-shown]')).toHaveText("17 Dec 2007");
  await expect(grant.locator('[data-pointer="/derivative/0/expirationDate"] [data-shown]')).toHaveText("17 Dec 2017");
  await expect(grant.locator('[data-pointer="/derivative/0/price"] [data-shown]')).toHaveText("$0");
  await expect(page.getByRole("region", { name: "Explanation of responses" })).toContainText(
    "vests as to 25% of the shares one year from grant date",
  );
  await expect(page.getByRole("region", { name: /Source/ })).toContainText("JANZEN HOWARD E");

  // The second seed, through the list of filings.
  await page.getByRole("link", { name: "Filings" }).click();
  await page.getByRole("row").filter({ hasText: `${tag}-003_22b1` }).getByRole("link").first().click();
  await expect(page.getByRole("link", { name: "SEVERINO PAUL J" })).toBeVisible();
  const option = page.getByRole("row", { name: "Table II row 1", exact: true });
  await expect(option.locator('[data-pointer="/derivative/0/conversionOrExercisePrice"] [data-shown]')).toHaveText("$5.52");
  await expect(option.locator('[data-pointer="/derivative/0/shares"] [data-shown]')).toHaveText("10,000");
  await expect(option.locator('[data-pointer="/derivative/0/exerciseDate"] [data-shown]')).toHaveText("29 Dec 2005");
  await expect(option.locator('[data-pointer="/derivative/0/expirationDate"] [data-shown]')).toHaveText("29 Dec 2014");
});

test("the same file uploaded twice is recognised as a duplicate", async ({ page }) => {
  const file = variant("000_4bc4c834bfe9b734.txt", `dup-${Date.now()}`);
  const first = await upload(page, [file]);
  await expect(first.getByText("stored")).toBeVisible();
  const again = await upload(page, [file]);
  await expect(again.getByText("duplicate")).toBeVisible();
  await again.getByRole("link", { name: /already stored as filing/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("SONUS NETWORKS INC");
});

test("bad files are rejected with the reason and nothing is stored", async ({ page }) => {
  const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
  const results = await upload(page, [
    { name: "scan.png", mimeType: "image/png", buffer: png },
    { name: "empty.txt", mimeType: "text/plain", buffer: Buffer.alloc(0) },
    { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("Shopping list\nmilk\neggs\nbread\n") },
  ]);
  await expect(results.getByRole("listitem")).toHaveCount(3);
  await expect(results.getByRole("listitem").filter({ hasText: "scan.png" })).toContainText(/rejected.*PNG image/);
  await expect(results.getByRole("listitem").filter({ hasText: "empty.txt" })).toContainText(/rejected.*empty/);
  await expect(results.getByRole("listitem").filter({ hasText: "notes.txt" })).toContainText(/rejected.*does not look like a Form 3, 4 or 5/);
  await page.goto("/filings");
  // Parallel tests may add filings meanwhile; none of them is named like these files.
  await expect(page.getByRole("heading", { name: "Filings" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: /scan\.png|empty\.txt|notes\.txt/ })).toHaveCount(0);
});
