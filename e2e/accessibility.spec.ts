import { test, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const seeds = join(__dirname, "..", "..", "shared", "seeds");

/** Serious and critical violations only, each as "rule: how many nodes", so a failure names what broke. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target.join(" ")})`);
}

test("the upload page, the review screen of an OCR'd filing and the lists have no serious or critical accessibility violations", async ({ page }) => {
  const tag = `axe-${Date.now()}-${test.info().workerIndex}`;
  const buffer = Buffer.concat([readFileSync(join(seeds, "003_22b100d200fc2d89.txt")), Buffer.from(`\n\n<!-- ${tag} -->\n`)]);
  await page.goto("/upload");
  expect(await seriousViolations(page), "upload page").toEqual([]);
  await page.getByLabel(/drop filings here/i).setInputFiles({ name: `${tag}.md`, mimeType: "text/plain", buffer });
  await page.getByRole("button", { name: "Upload" }).click();
  const results = page.getByRole("list", { name: "Upload results" });
  await expect(results.getByText("stored")).toBeVisible();
  expect(await seriousViolations(page), "upload results").toEqual([]);
  await results.getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("SONUS NETWORKS INC");
  expect(await seriousViolations(page), "review screen").toEqual([]);
  // The lists now hold at least this filing, so their tables are checked with rows in them.
  for (const path of ["/filings", "/insiders", "/issuers", "/grants", `/search?q=SONUS`]) {
    await page.goto(path);
    expect(await seriousViolations(page), path).toEqual([]);
  }
});
