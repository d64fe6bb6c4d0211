import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const seeds = join(__dirname, "..", "..", "shared", "seeds");
const SEED = "000_4bc4c834bfe9b734.txt";

test("focusing a field marks where its value is in the source", async ({ page }) => {
  // A unique trailing line, so this test never shares a filing with another.
  const tag = `highlight-${Date.now()}-${test.info().workerIndex}`;
  const buffer = Buffer.concat([readFileSync(join(seeds, SEED)), Buffer.from(`\n\n<!-- ${tag} -->\n`)]);
  await page.goto("/upload");
  await page.getByLabel(/drop filings here/i).setInputFiles({ name: `${tag}-${SEED}`, mimeType: "text/plain", buffer });
  await page.getByRole("button", { name: "Upload" }).click();
  const results = page.getByRole("list", { name: "Upload results" });
  await expect(results.getByText("stored")).toBeVisible();
  await results.getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("SONUS NETWORKS INC");

  const source = page.getByRole("region", { name: "Source" });
  await expect(source.locator("mark")).toHaveCount(0);
  await page.locator('[data-pointer="/derivative/0/shares"]').focus();
  await expect(source.locator("mark").first()).toHaveText("40,000");
  await expect(source.locator("mark").first()).toBeInViewport();

  // The grant date is also box 3's date in the header: the row's own is the one marked strongest.
  await page.locator('[data-pointer="/derivative/0/transactionDate"]').focus();
  await expect(source.locator("mark")).toHaveText(["12/17/2007", "12/17/2007"]);
  await expect(source.locator("mark").nth(1)).toHaveAttribute("data-best", "");
  await expect(source.locator("mark").nth(1)).toBeInViewport();

  // A one-letter code is marked as its row's cell only, not as every "a" or the form's "(A) or (D)".
  await page.locator('[data-pointer="/derivative/0/transactionCode"]').focus();
  await expect(source.locator("mark")).toHaveText(["A"]);
  await expect(source.locator("mark")).toHaveAttribute("data-best", "");
  await page.screenshot({ path: "test-results/source-highlight.png" });
});
