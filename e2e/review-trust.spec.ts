import { test, expect, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { TYPING_GAP_MS } from "../lib/review/key-gate";

const seeds = join(__dirname, "..", "..", "shared", "seeds");

// Each test uploads its own copy (a unique trailing line), so parallel tests never share a filing.
async function openOwnFiling(page: Page, seed: string, tag: string): Promise<number> {
  const buffer = Buffer.concat([readFileSync(join(seeds, seed)), Buffer.from(`\n\n<!-- ${tag} -->\n`)]);
  await page.goto("/upload");
  await page.getByLabel(/drop filings here/i).setInputFiles({ name: `${tag}-${seed}`, mimeType: "text/plain", buffer });
  await page.getByRole("button", { name: "Upload" }).click();
  const results = page.getByRole("list", { name: "Upload results" });
  await expect(results.getByText("stored")).toBeVisible();
  await results.getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("SONUS NETWORKS INC");
  return Number(/\/filings\/(\d+)/.exec(page.url())![1]);
}

async function sayWho(page: Page, name: string) {
  await page.getByLabel("Your name, to sign your corrections").fill(name);
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText(`Reviewing as ${name}`)).toBeVisible();
}

const tag = (name: string) => `${name}-${Date.now()}-${test.info().workerIndex}`;
const field = (page: Page, pointer: string) => page.locator(`[data-pointer="${pointer}"]`);
const counter = (page: Page) => page.getByRole("status").filter({ hasText: /uncertain field/ });
const history = (page: Page) => page.getByRole("region", { name: "History" });

async function uncertainLeft(page: Page): Promise<number> {
  const text = (await counter(page).textContent()) ?? "";
  return /^No uncertain/.test(text) ? 0 : Number(/(\d+) uncertain/.exec(text)?.[1]);
}

const expectLeft = (page: Page, n: number) => expect(counter(page)).toHaveText(n === 0 ? "No uncertain fields left" : `${n} uncertain field${n === 1 ? "" : "s"} left`);

async function apiCount(page: Page, id: number): Promise<number> {
  const res = await page.request.get("/api/filings?insider=SEVERINO&pageSize=500");
  const body = (await res.json()) as { rows: { id: number; uncertainFields: number }[] };
  return body.rows.find((r) => r.id === id)!.uncertainFields;
}

test("the counter reaches zero on an OCR'd filing by accepting and correcting every marked field with the keyboard alone", async ({ page }) => {
  const id = await openOwnFiling(page, "003_22b100d200fc2d89.txt", tag("zero"));
  await sayWho(page, "Kay Analyst");
  const start = await uncertainLeft(page);
  expect(start).toBeGreaterThan(5);
  // The counter, the fields marked on the page and the JSON API agree.
  await expect(page.locator("[data-uncertain]")).toHaveCount(start);
  expect(await apiCount(page, id)).toBe(start);

  const corrections: Record<string, string> = {
    "/issuer/cik": "0001105472",
    "/reportingOwners/0/cik": "0001202873",
    "/reportingOwners/0/city": "CHELMSFORD",
  };
  const corrected: string[] = [];
  for (let left = start; left > 0; left--) {
    await page.keyboard.press("j");
    const focused = page.locator("[data-uncertain]:focus");
    await expect(focused).toHaveCount(1);
    const pointer = (await focused.getAttribute("data-pointer"))!;
    const entry = corrections[pointer];
    if (entry) {
      await page.keyboard.press("e");
      const control = field(page, pointer).locator("input[name=value]:not([type=hidden])");
      await expect(control).toBeFocused();
      await page.keyboard.press("ControlOrMeta+A");
      await page.keyboard.type(entry);
      await page.keyboard.press("Enter");
      corrected.push(pointer);
    } else {
      await page.keyboard.press("a");
    }
    await expectLeft(page, left - 1);
  }
  expect(corrected.sort()).toEqual(Object.keys(corrections).sort());
  await expect(page.locator("[data-uncertain]")).toHaveCount(0);
  await expect(field(page, "/reportingOwners/0/city").locator("dd")).toHaveText("CHELMSFORD");
  await expect(field(page, "/issuer/cik").locator("dd")).toHaveText("0001105472");
  await expect(history(page).getByRole("listitem")).toHaveCount(start);
  await expect(history(page)).toContainText("Kay Analyst changed Issuer CIK");
  expect(await apiCount(page, id)).toBe(0);
});

test("typing letters with no editor open changes nothing", async ({ page }) => {
  await openOwnFiling(page, "000_4bc4c834bfe9b734.txt", tag("typing"));
  await sayWho(page, "Lee Analyst");
  const before = await uncertainLeft(page);
  const cik = field(page, "/reportingOwners/0/cik");
  await cik.locator("dt").click();
  await expect(cik).toBeFocused();
  // What happened before: n moved on, a accepted a field nobody looked at, k moved back.
  await page.keyboard.type("not-a-cik");
  await page.keyboard.type("jak");
  await expect(cik).toBeFocused();
  // The quiet spell after which a letter counts as pressed alone: the feature's own interval, not a guess at a delay.
  await page.waitForTimeout(TYPING_GAP_MS + 100);
  await expect(history(page)).toContainText("No changes yet.");
  await expectLeft(page, before);
  await expect(cik).toBeFocused();
  // A key pressed alone still works, and acts on the field that has focus: after it, the history holds that one accept and nothing else.
  await page.keyboard.press("a");
  await expectLeft(page, before - 1);
  await expect(history(page).getByRole("listitem")).toHaveCount(1);
  await expect(history(page).getByRole("listitem")).toContainText("Lee Analyst accepted CIK");
});

test("an accept is reverted from the history, named by its label, and the field waits for review again", async ({ page }) => {
  await openOwnFiling(page, "000_4bc4c834bfe9b734.txt", tag("revert-accept"));
  await sayWho(page, "May Analyst");
  const before = await uncertainLeft(page);
  const issuerCik = field(page, "/issuer/cik");
  await issuerCik.locator("dt").click();
  await page.keyboard.press("a");
  await expectLeft(page, before - 1);
  await expect(issuerCik).not.toHaveAttribute("data-uncertain");
  const entry = history(page).getByRole("listitem").first();
  await expect(entry).toContainText("May Analyst accepted Issuer CIK");
  await expect(history(page)).not.toContainText("/issuer/cik");
  await entry.getByRole("button", { name: /^Revert change #\d+ to Issuer CIK$/ }).click();
  await expectLeft(page, before);
  await expect(issuerCik).toHaveAttribute("data-uncertain", "true");
  await expect(history(page).getByRole("listitem").first()).toContainText("May Analyst reopened for review Issuer CIK");
  await expect(history(page).getByRole("listitem").first()).toContainText(/undoes change #\d+/);
});

test("a CIK is corrected, and one not of ten digits is refused at the field", async ({ page }) => {
  await openOwnFiling(page, "000_4bc4c834bfe9b734.txt", tag("cik"));
  await sayWho(page, "Ned Analyst");
  const owner = field(page, "/reportingOwners/0/cik");
  await owner.getByRole("button", { name: "Edit CIK", exact: true }).click();
  const control = owner.getByRole("textbox", { name: "CIK", exact: true });
  await control.fill("1105472");
  await control.press("Enter");
  await expect(owner.getByRole("alert")).toContainText("ten digits");
  await expect(control).toHaveAttribute("aria-invalid", "true");
  await control.fill("0001227654");
  await control.press("Enter");
  await expect(owner.locator("dd")).toHaveText("0001227654");
  await expect(owner).not.toHaveAttribute("data-uncertain");
  await expect(history(page).getByRole("listitem").first()).toContainText("Ned Analyst changed CIK: — → 0001227654");
});

test("Mark reviewed with fields open asks first, naming how many, and the filing records who, when and how many", async ({ page }) => {
  await openOwnFiling(page, "000_4bc4c834bfe9b734.txt", tag("mark"));
  await sayWho(page, "Ola Analyst");
  const open = await uncertainLeft(page);
  expect(open).toBeGreaterThan(0);
  const asked: string[] = [];
  page.once("dialog", (d) => {
    asked.push(d.message());
    return d.dismiss();
  });
  await page.getByRole("button", { name: "Mark reviewed" }).click();
  await expect.poll(() => asked).toEqual([`${open} uncertain fields are still open. Mark the filing reviewed anyway?`]);
  await expect(page.getByRole("button", { name: "Mark reviewed" })).toBeVisible();
  await expect(history(page)).toContainText("No changes yet.");

  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Mark reviewed" }).click();
  await expect(page.getByRole("button", { name: "Reopen for review" })).toBeVisible();
  await page.reload();
  await expect(page.getByText(`Marked reviewed by Ola Analyst`)).toContainText(`with ${open} uncertain fields open`);
});

test("every uncertain field of a section is accepted at once, each its own history entry", async ({ page }) => {
  await openOwnFiling(page, "000_4bc4c834bfe9b734.txt", tag("bulk"));
  await sayWho(page, "Pia Analyst");
  const before = await uncertainLeft(page);
  const header = page.getByRole("region", { name: "Header" });
  const inHeader = await header.locator("[data-uncertain]").count();
  expect(inHeader).toBeGreaterThan(1);
  page.once("dialog", (d) => d.accept());
  await header.getByRole("button", { name: "Accept all uncertain fields of the header" }).click();
  await expectLeft(page, before - inHeader);
  await expect(header.locator("[data-uncertain]")).toHaveCount(0);
  await expect(history(page).getByRole("listitem")).toHaveCount(inHeader);
  await expect(history(page).getByRole("listitem").filter({ hasText: "Pia Analyst accepted" })).toHaveCount(inHeader);
});

test("a table the parser doubts it read in full is shown, counted with the rest, and accepted", async ({ page }) => {
  // An OCR'd filing whose reader scored a Table II row it never produced.
  const file = join(__dirname, "..", "lib", "parse", "fixtures", "corpus", "tuning", "0001179110-07-016964.clean.txt");
  const buffer = Buffer.concat([readFileSync(file), Buffer.from(`\n\n${tag("whole-table")}\n`)]);
  await page.goto("/upload");
  await page.getByLabel(/drop filings here/i).setInputFiles({ name: "gen-probe.txt", mimeType: "text/plain", buffer });
  await page.getByRole("button", { name: "Upload" }).click();
  await page.getByRole("list", { name: "Upload results" }).getByRole("link").first().click();
  await sayWho(page, "Quin Analyst");
  const before = await uncertainLeft(page);
  await expect(page.locator("[data-uncertain]")).toHaveCount(before);
  const table = field(page, "/derivative");
  await expect(table).toContainText("Table II rows");
  await expect(table).toContainText("1 row read");
  await table.getByRole("button", { name: "Accept Table II rows" }).click();
  await expectLeft(page, before - 1);
  await expect(table).toHaveCount(0);
  await expect(history(page).getByRole("listitem").first()).toContainText("Quin Analyst accepted Table II rows");
});
