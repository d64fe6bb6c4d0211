import { test, expect, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const seeds = join(__dirname, "..", "..", "shared", "seeds");
const SEED = "000_4bc4c834bfe9b734.txt";

// Each test uploads its own copy (a unique trailing line), so parallel tests never share a filing.
async function openOwnFiling(page: Page, tag: string): Promise<string> {
  const buffer = Buffer.concat([readFileSync(join(seeds, SEED)), Buffer.from(`\n\n<!-- ${tag} -->\n`)]);
  await page.goto("/upload");
  await page.getByLabel(/drop filings here/i).setInputFiles({ name: `${tag}-${SEED}`, mimeType: "text/plain", buffer });
  await page.getByRole("button", { name: "Upload" }).click();
  const results = page.getByRole("list", { name: "Upload results" });
  await expect(results.getByText("stored")).toBeVisible();
  await results.getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("SONUS NETWORKS INC");
  return page.url();
}

async function sayWho(page: Page, name: string) {
  await page.getByLabel("Your name, to sign your corrections").fill(name);
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText(`Reviewing as ${name}`)).toBeVisible();
}

const field = (page: Page, pointer: string) => page.locator(`[data-pointer="${pointer}"]`);
// Row fields are cells of the table's grid; the value they show, without their buttons.
const value = (page: Page, pointer: string) => field(page, pointer).locator("[data-shown]");
const row = (page: Page, name: string) => page.getByRole("row", { name, exact: true });

async function uncertainLeft(page: Page): Promise<number> {
  const text = await page.getByRole("status").filter({ hasText: /uncertain field/ }).textContent();
  return Number(/(\d+) uncertain/.exec(text ?? "")?.[1]);
}

// A cell's buttons show while the pointer is over it, as for a mouse user.
async function edit(page: Page, pointer: string, label: string, entry: string) {
  const cell = field(page, pointer);
  await cell.hover();
  await cell.getByRole("button", { name: `Edit ${label}`, exact: true }).click();
  const control = cell.getByRole("textbox", { name: label, exact: true });
  await control.fill(entry);
  await control.press("Enter");
}

test("an analyst walks the uncertain fields by keyboard, corrects a date and an amount, reverts one and marks the filing reviewed", async ({ page }) => {
  await openOwnFiling(page, `walk-${Date.now()}-${test.info().workerIndex}`);
  await sayWho(page, "Ana Analyst");
  const before = await uncertainLeft(page);
  expect(before).toBeGreaterThan(2);

  await expect(field(page, "/reportingOwners/0/street2")).toContainText("reporting owner address: illegible line");
  const uncertain = page.locator("[data-uncertain]");
  const first = await uncertain.nth(0).getAttribute("data-pointer");
  const second = await uncertain.nth(1).getAttribute("data-pointer");
  const third = await uncertain.nth(2).getAttribute("data-pointer");

  await page.keyboard.press("j");
  await expect(field(page, first!)).toBeFocused();
  await page.keyboard.press("a");
  await expect(page.getByRole("status").filter({ hasText: `${before - 1} uncertain` })).toBeVisible();
  await expect(field(page, first!)).not.toHaveAttribute("data-uncertain");

  await page.keyboard.press("j");
  await expect(field(page, second!)).toBeFocused();
  await page.keyboard.press("j");
  await expect(field(page, third!)).toBeFocused();
  await page.keyboard.press("k");
  await expect(field(page, second!)).toBeFocused();
  // Edit with the keyboard, then think better of it.
  const street2 = field(page, "/reportingOwners/0/street2");
  await street2.getByRole("button", { name: "Accept Street (line 2)" }).focus();
  await page.keyboard.press("e");
  await expect(street2.getByRole("textbox", { name: "Street (line 2)", exact: true })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(street2).toBeFocused();

  await edit(page, "/derivative/0/transactionDate", "Transaction date", "2007-12-18");
  await expect(value(page, "/derivative/0/transactionDate")).toHaveText("18 Dec 2007");
  await edit(page, "/derivative/0/shares", "Amount", "45,000");
  await expect(value(page, "/derivative/0/shares")).toHaveText("45,000");

  const history = page.getByRole("region", { name: "History" });
  await expect(history.getByRole("listitem")).toHaveCount(3);
  await history.getByRole("button", { name: /^Revert change #\d+ to Amount$/ }).click();
  await expect(value(page, "/derivative/0/shares")).toHaveText("40,000");
  await expect(history.getByRole("listitem").first()).toContainText("Ana Analyst reverted Amount");
  await expect(value(page, "/derivative/0/transactionDate")).toHaveText("18 Dec 2007");

  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Mark reviewed" }).click();
  await expect(page.getByRole("button", { name: "Reopen for review" })).toBeVisible();
  await page.reload();
  await expect(value(page, "/derivative/0/shares")).toHaveText("40,000");
  await expect(value(page, "/derivative/0/transactionDate")).toHaveText("18 Dec 2007");
  await expect(page.getByText("reviewed", { exact: true })).toBeVisible();
});

test("a bad value is refused at the field and nothing is saved", async ({ page }) => {
  await openOwnFiling(page, `bad-${Date.now()}-${test.info().workerIndex}`);
  await sayWho(page, "Ben Analyst");
  await edit(page, "/derivative/0/shares", "Amount", "-5");
  const control = row(page, "Table II row 1").getByRole("textbox", { name: "Amount", exact: true });
  await expect(page.getByRole("alert").filter({ hasText: "Must be zero or more." })).toBeVisible();
  await expect(control).toHaveAttribute("aria-invalid", "true");
  await expect(control).toHaveAccessibleDescription(/Must be zero or more/);
  await page.reload();
  await expect(value(page, "/derivative/0/shares")).toHaveText("40,000");
  await expect(page.getByRole("region", { name: "History" })).toContainText("No changes yet.");
});

test("two analysts change the same field: the second is told of the conflict and shown the first one's value", async ({ browser }) => {
  const ana = await (await browser.newContext()).newPage();
  const url = await openOwnFiling(ana, `conflict-${Date.now()}-${test.info().workerIndex}`);
  await sayWho(ana, "Ana Analyst");
  const ben = await (await browser.newContext()).newPage();
  await ben.goto(url);
  await sayWho(ben, "Ben Analyst");

  await edit(ana, "/derivative/0/shares", "Amount", "41000");
  await expect(value(ana, "/derivative/0/shares")).toHaveText("41,000");

  await edit(ben, "/derivative/0/shares", "Amount", "42000");
  const alert = ben.getByRole("alert").filter({ hasText: "Ana Analyst changed Amount meanwhile" });
  await expect(alert).toContainText("Their value: 41000");
  await ben.reload();
  await expect(value(ben, "/derivative/0/shares")).toHaveText("41,000");
  await ana.context().close();
  await ben.context().close();
});

test("a row is added to Table I, filled in, and removed again, each step in the history", async ({ page }) => {
  await openOwnFiling(page, `rows-${Date.now()}-${test.info().workerIndex}`);
  await sayWho(page, "Cy Analyst");
  await page.getByRole("button", { name: "Add a row to Table I", exact: true }).click();
  const added = row(page, "Table I row 1");
  await expect(added).toBeVisible();
  await edit(page, "/nonDerivative/0/securityTitle", "Title of security", "Common Stock");
  await expect(value(page, "/nonDerivative/0/securityTitle")).toHaveText("Common Stock");
  await field(page, "/nonDerivative/0/transactionCode").hover();
  await added.getByRole("button", { name: "Edit Code", exact: true }).click();
  const code = added.getByRole("combobox", { name: "Code", exact: true });
  await expect(code.getByRole("option", { name: "S — Open market or private sale" })).toBeAttached();
  await code.selectOption("S");
  await code.press("Enter");
  await expect(value(page, "/nonDerivative/0/transactionCode")).toHaveText("S");

  page.once("dialog", (d) => d.accept());
  await added.getByRole("button", { name: "Remove Table I row 1", exact: true }).click();
  await expect(row(page, "Table I row 1")).toHaveCount(0);
  const history = page.getByRole("region", { name: "History" });
  await expect(history.getByRole("listitem").first()).toContainText("Cy Analyst removed row");
  await expect(history.getByRole("listitem")).toHaveCount(4);

  // The removal was a mistake: reverting it brings the row back with what was filled in.
  await history.getByRole("listitem").first().getByRole("button", { name: /^Revert change #\d+/ }).click();
  await expect(row(page, "Table I row 1")).toBeVisible();
  await expect(value(page, "/nonDerivative/0/transactionCode")).toHaveText("S");
  await expect(history.getByRole("listitem").first()).toContainText("Cy Analyst added row");
  await expect(history.getByRole("listitem").first()).toContainText(/undoes change #\d+/);
});
