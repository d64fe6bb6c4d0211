import { test, expect, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const seeds = join(__dirname, "..", "..", "shared", "seeds");
// Form 4 with one option grant: 25% after a year, then 36 monthly installments (37 tranches).
const SEED = "000_4bc4c834bfe9b734.txt";

// Each test uploads its own copy (a unique trailing line), so parallel tests never share a filing.
async function openOwnFiling(page: Page, tag: string) {
  const buffer = Buffer.concat([readFileSync(join(seeds, SEED)), Buffer.from(`\n\n<!-- ${tag} -->\n`)]);
  await page.goto("/upload");
  await page.getByLabel(/drop filings here/i).setInputFiles({ name: `${tag}-${SEED}`, mimeType: "text/plain", buffer });
  await page.getByRole("button", { name: "Upload" }).click();
  const results = page.getByRole("list", { name: "Upload results" });
  await expect(results.getByText("stored")).toBeVisible();
  await results.getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("SONUS NETWORKS INC");
}

async function sayWho(page: Page, name: string) {
  await page.getByLabel("Your name, to sign your corrections").fill(name);
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText(`Reviewing as ${name}`)).toBeVisible();
}

test("an analyst reads a grant's timeline, changes the installment count, sees the tranches before saving, saves and reverts it", async ({ page }) => {
  await openOwnFiling(page, `timeline-${Date.now()}-${test.info().workerIndex}`);
  await sayWho(page, "Ana Analyst");
  const grant = page.getByRole("region", { name: "Vesting of Table II row 1" });
  await expect(grant.getByRole("img")).toHaveAccessibleName(/40,000 shares in 37 tranches.*expired on 17 Dec 2017, with 40,000 vested by then.*cliff on 17 Dec 2008/);
  await expect(grant.getByRole("complementary", { name: "Footnotes of this grant" })).toContainText("vests as to 25% of the shares one year from grant date");
  const rows = grant.getByRole("table", { name: /Tranches of Table II row 1/ }).getByRole("row");
  await expect(rows).toHaveCount(38);

  await grant.getByRole("button", { name: "Edit schedule" }).click();
  const installments = grant.getByRole("spinbutton", { name: "Installments" });
  await expect(installments).toHaveValue("36");
  await installments.fill("12");
  // Rebuilt in the browser: nothing has been saved yet.
  await expect(grant.getByRole("table", { name: "Tranches of Table II row 1 (not saved)" }).getByRole("row")).toHaveCount(14);
  await expect(grant.getByText("13 tranches of 40,000 shares; not saved yet.")).toBeVisible();
  await expect(page.getByRole("region", { name: "History" })).toContainText("No changes yet.");

  await grant.getByRole("button", { name: "Save schedule" }).click();
  await expect(grant.getByRole("heading", { name: "Vesting (entered by an analyst)" })).toBeVisible();
  await expect(rows).toHaveCount(14);
  await expect(grant.getByRole("img")).toHaveAccessibleName(/40,000 shares in 13 tranches from 17 Dec 2008 to 17 Dec 2009/);
  const history = page.getByRole("region", { name: "History" });
  const entry = history.getByRole("listitem").first();
  await expect(entry).toContainText("Ana Analyst changed Vesting schedule (Table II row 1)");
  await expect(entry).toContainText("40,000 shares in 37 tranches, 17 Dec 2008 to 17 Dec 2011 (read from the footnotes)");
  await expect(entry).toContainText("40,000 shares in 13 tranches, 17 Dec 2008 to 17 Dec 2009 (entered by hand)");

  await history.getByRole("button", { name: /^Revert change #\d+ to Vesting schedule \(Table II row 1\)$/ }).click();
  await expect(grant.getByRole("heading", { name: "Vesting (read from the footnotes)" })).toBeVisible();
  await expect(rows).toHaveCount(38);
});

test("a tranche is edited, added and deleted one by one, and a schedule that does not add up cannot be saved", async ({ page }) => {
  await openOwnFiling(page, `tranches-${Date.now()}-${test.info().workerIndex}`);
  await sayWho(page, "Ben Analyst");
  const grant = page.getByRole("region", { name: "Vesting of Table II row 1" });
  await grant.getByRole("button", { name: "Edit schedule" }).click();
  await grant.getByRole("radio", { name: "Tranche by tranche" }).check();
  await expect(grant.getByRole("spinbutton", { name: "Tranche 1 shares" })).toHaveValue("10000");
  await grant.getByRole("button", { name: "Delete tranche 37" }).click();
  await expect(grant.getByText("36 tranches of 39,155 shares; not saved yet.")).toBeVisible();
  await grant.getByRole("button", { name: "Add tranche" }).click();
  await expect(grant.getByText("Shares must be a number.")).toBeVisible();
  await expect(grant.getByRole("button", { name: "Save schedule" })).toBeDisabled();
  await grant.getByRole("spinbutton", { name: "Tranche 37 shares" }).fill("845");
  await grant.getByLabel("Tranche 37 date").fill("2012-06-30");
  await expect(grant.getByText("37 tranches of 40,000 shares; not saved yet.")).toBeVisible();
  await grant.getByRole("button", { name: "Save schedule" }).click();
  await expect(grant.getByRole("img")).toHaveAccessibleName(/40,000 shares in 37 tranches from 17 Dec 2008 to 30 Jun 2012/);
});

test("a grant without a schedule gets one entered by hand", async ({ page }) => {
  await openOwnFiling(page, `by-hand-${Date.now()}-${test.info().workerIndex}`);
  await sayWho(page, "Cy Analyst");
  await page.getByRole("button", { name: "Add a row to Table II", exact: true }).click();
  const grant = page.getByRole("region", { name: "Vesting of Table II row 2" });
  await expect(grant).toContainText("No schedule could be read for this grant.");
  await grant.getByRole("button", { name: "Enter schedule by hand" }).click();
  await expect(grant.getByRole("button", { name: "Save schedule" })).toBeDisabled();
  await grant.getByLabel("Vesting commencement").fill("2024-01-15");
  await grant.getByRole("spinbutton", { name: "Total shares" }).fill("4000");
  await expect(grant.getByText("4 tranches of 4,000 shares; not saved yet.")).toBeVisible();
  await grant.getByRole("button", { name: "Save schedule" }).click();
  await expect(grant.getByRole("heading", { name: "Vesting (entered by an analyst)" })).toBeVisible();
  await expect(grant.getByRole("img")).toHaveAccessibleName(/4,000 shares in 4 tranches from 15 Jan 2025 to 15 Jan 2028/);
  await expect(page.getByRole("region", { name: "History" }).getByRole("listitem").first()).toContainText("no schedule → 4,000 shares in 4 tranches");
});

test("an option past its expiration shows as expired on the grant, in the insider's holdings and grants", async ({ page }) => {
  await openOwnFiling(page, `expired-${Date.now()}-${test.info().workerIndex}`);
  const grant = page.getByRole("region", { name: "Vesting of Table II row 1" });
  await expect(grant.getByRole("figure")).toContainText("Expired on 17 Dec 2017: 40,000 of 40,000 had vested; none can be exercised now");

  await page.getByRole("link", { name: "JANZEN HOWARD E" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("JANZEN HOWARD E");
  const holdings = page.getByRole("region", { name: "Holdings" });
  await expect(holdings).toContainText(/\d+ expired option lines? (?:is|are) left out\./);
  await expect(holdings.getByRole("row").filter({ hasText: "Stock Option" })).toHaveCount(0);
  // Other tests add this person's grants as this one runs: compare the totals, not a fixed figure.
  const vestingTotal = async () => {
    const chart = page.getByRole("region", { name: "Vesting across all grants" }).getByRole("img");
    if ((await chart.count()) === 0) return 0;
    return Number(/Vesting of ([\d,]+) shares/.exec((await chart.getAttribute("aria-label")) ?? "")![1].replace(/,/g, ""));
  };
  const withoutExpired = await vestingTotal();
  await holdings.getByRole("link", { name: "Show expired options" }).click();
  await expect(page).toHaveURL(/expired=1/);
  expect((await vestingTotal()) - withoutExpired).toBeGreaterThanOrEqual(40000);
  const option = holdings.getByRole("row").filter({ hasText: "Stock Option" }).filter({ hasText: "40,000" }).first();
  await expect(option).toContainText("Expired");
  await holdings.getByRole("link", { name: "Hide expired options" }).click();
  await expect(holdings.getByRole("row").filter({ hasText: "Stock Option" })).toHaveCount(0);

  const grants = page.getByRole("region", { name: "Option and stock grants" });
  await expect(grants.getByRole("row").filter({ hasText: "Stock Option" }).first()).toContainText("Expired");
});

test("restricted stock units granted in Table I show their schedule beside the row, read-only", async ({ page }) => {
  const file = join(__dirname, "..", "lib", "parse", "fixtures", "xml", "form4-374water-x0508.xml");
  const tag = `table-one-${Date.now()}-${test.info().workerIndex}`;
  // A comment keeps this upload's bytes its own, so it is stored as a new filing.
  const buffer = Buffer.concat([readFileSync(file), Buffer.from(`\n<!-- ${tag} -->\n`)]);
  await page.goto("/upload");
  await page.getByLabel(/drop filings here/i).setInputFiles({ name: `${tag}.xml`, mimeType: "application/xml", buffer });
  await page.getByRole("button", { name: "Upload" }).click();
  const results = page.getByRole("list", { name: "Upload results" });
  await expect(results.getByText("stored")).toBeVisible();
  await results.getByRole("link").first().click();
  const rsus = page.getByRole("region", { name: "Vesting of Table I row 1" });
  await expect(rsus.getByRole("img")).toHaveAccessibleName(/757,756 shares in 37 tranches from 31 Mar 2026 to 31 Mar 2029/);
  await expect(rsus.getByRole("table", { name: "Tranches of Table I row 1" }).getByRole("row")).toHaveCount(38);
  await sayWho(page, "Di Analyst");
  await expect(page.getByRole("region", { name: "Vesting of Table II row 1" }).getByRole("button", { name: "Edit schedule" })).toBeVisible();
  await expect(rsus.getByRole("button", { name: /schedule/ })).toHaveCount(0);
});
