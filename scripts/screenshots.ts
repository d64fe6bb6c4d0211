// Takes the README's screenshots against a running server: `npx tsx scripts/screenshots.ts http://127.0.0.1:3000`.
// Uploads the two seed fixtures first (a duplicate upload is harmless).
import { chromium } from "@playwright/test";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const out = join(__dirname, "..", "docs");
const fixtures = join(__dirname, "..", "lib", "parse", "fixtures", "markdown");

async function main() {
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({
    executablePath: existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${base}/upload`);
  await page.getByLabel(/drop filings here/i).setInputFiles([join(fixtures, "seed-000.md"), join(fixtures, "seed-003.md")]);
  await page.getByRole("button", { name: "Upload" }).click();
  const results = page.getByRole("list", { name: "Upload results" });
  await results.waitFor();
  await page.screenshot({ path: join(out, "upload.png") });
  await results.getByRole("link").first().click();
  await page.waitForURL(/\/filings\/\d+$/);
  await page.getByRole("heading", { level: 1 }).waitFor();
  await page.screenshot({ path: join(out, "filing-page.png") });
  await page.goto(base);
  await page.screenshot({ path: join(out, "home.png") });
  for (const extra of process.argv.slice(3)) {
    await page.goto(`${base}${extra}`);
    await page.screenshot({ path: join(out, `page-${extra.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "root"}.png`) });
  }
  await browser.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
