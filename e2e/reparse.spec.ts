import { test, expect, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const seeds = join(__dirname, "..", "..", "shared", "seeds");
const SEED = "000_4bc4c834bfe9b734.txt";
// The database scripts/e2e-server.mjs serves from.
const DB_FILE = join(__dirname, "..", "data", "e2e", "e2e.db");

async function openOwnFiling(page: Page, tag: string): Promise<number> {
  const buffer = Buffer.concat([readFileSync(join(seeds, SEED)), Buffer.from(`\n\n<!-- ${tag} -->\n`)]);
  await page.goto("/upload");
  await page.getByLabel(/drop filings here/i).setInputFiles({ name: `${tag}-${SEED}`, mimeType: "text/plain", buffer });
  await page.getByRole("button", { name: "Upload" }).click();
  const results = page.getByRole("list", { name: "Upload results" });
  await expect(results.getByText("stored")).toBeVisible();
  await results.getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("SONUS NETWORKS INC");
  return Number(/\/filings\/(\d+)/.exec(page.url())![1]);
}

test("re-parsing after a parser change keeps the analyst's correction, updates an untouched field and lists the disagreement", async ({ page }) => {
  const filingId = await openOwnFiling(page, `reparse-${Date.now()}-${test.info().workerIndex}`);
  await page.getByLabel("Your name, to sign your corrections").fill("Ana Analyst");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Reviewing as Ana Analyst")).toBeVisible();

  const row = page.getByRole("row", { name: "Table II row 1", exact: true });
  // A cell's buttons show while the pointer is over it.
  await page.locator('[data-pointer="/derivative/0/shares"]').hover();
  await row.getByRole("button", { name: "Edit Amount", exact: true }).click();
  await row.getByRole("textbox", { name: "Amount", exact: true }).fill("45,000");
  await row.getByRole("textbox", { name: "Amount", exact: true }).press("Enter");
  await expect(page.locator('[data-pointer="/derivative/0/shares"] [data-shown]')).toContainText("45,000");

  // What an improved parser would do: the same source now reads a different expiration date.
  const db = new Database(DB_FILE);
  const { rawText } = db.prepare("SELECT rawText FROM Filing WHERE id = ?").get(filingId) as { rawText: string };
  db.prepare("UPDATE Filing SET rawText = ? WHERE id = ?").run(rawText.replace("| 12/17/2017 |", "| 12/17/2018 |"), filingId);
  db.close();

  await page.getByRole("button", { name: "Re-parse with the current parser" }).click();
  const result = page.getByRole("status").filter({ hasText: "updated from the new parse" });
  await expect(result).toContainText("1 field updated");
  const disagreement = result.getByRole("row", { name: /Table II row 1: Amount/ });
  await expect(disagreement).toContainText("45,000");
  await expect(disagreement).toContainText("40,000");
  await expect(page.locator('[data-pointer="/derivative/0/shares"] [data-shown]')).toContainText("45,000");
  await expect(page.locator('[data-pointer="/derivative/0/expirationDate"] [data-shown]')).toContainText("2018");
  await expect(page.getByRole("region", { name: "History" })).toContainText("re-parsed");
});
