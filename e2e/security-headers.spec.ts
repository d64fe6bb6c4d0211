import { test, expect, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const seed = readFileSync(join(__dirname, "..", "lib", "parse", "fixtures", "markdown", "seed-000.md"));
// Each test uploads its own copy (a unique trailing line), so parallel tests never share a filing.
const ownCopy = (tag: string) => ({ name: `${tag}.txt`, mimeType: "text/plain", buffer: Buffer.concat([seed, Buffer.from(`\n\n<!-- ${tag} -->\n`)]) });

/** Collects what the browser reports of a blocked script, style or frame, and any uncaught error. */
function watchPolicy(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

async function uploadOwn(page: Page, tag: string): Promise<string> {
  await page.goto("/upload");
  await page.getByLabel(/drop filings here/i).setInputFiles(ownCopy(tag));
  await page.getByRole("button", { name: "Upload" }).click();
  const results = page.getByRole("list", { name: "Upload results" });
  await expect(results.getByText("stored")).toBeVisible();
  await results.getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("SONUS NETWORKS INC");
  return page.url();
}

function expectSecurityHeaders(headers: Record<string, string>, url: string) {
  const csp = headers["content-security-policy"] ?? "";
  const directive = (name: string) => csp.split(";").map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? "";
  expect(directive("script-src"), url).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(directive("script-src"), url).not.toContain("unsafe-inline");
  expect(directive("script-src"), url).not.toContain("unsafe-eval");
  expect(directive("frame-ancestors"), url).toBe("frame-ancestors 'none'");
  expect(directive("object-src"), url).toBe("object-src 'none'");
  expect(headers["x-content-type-options"], url).toBe("nosniff");
  expect(headers["x-frame-options"], url).toBe("DENY");
  expect(headers["referrer-policy"], url).toBe("same-origin");
}

test("every page and API route sends the policy, with a nonce of its own that the page's scripts carry", async ({ page, request }) => {
  const filingUrl = new URL(await uploadOwn(page, `headers-${Date.now()}-${test.info().workerIndex}`)).pathname;
  const insiderUrl = await page.getByRole("link", { name: "JANZEN HOWARD E" }).getAttribute("href");
  expect(insiderUrl).toMatch(/^\/insiders\/\d+$/);
  await page.goto("/issuers?q=SONUS");
  const issuerUrl = await page.getByRole("link", { name: /SONUS NETWORKS/ }).first().getAttribute("href");
  expect(issuerUrl).toMatch(/^\/issuers\/\d+$/);

  const pages = ["/", "/filings", "/insiders", "/issuers", "/grants", "/upload", "/search?q=janzen", filingUrl, insiderUrl!, issuerUrl!, "/no-such-page"];
  const api = ["/api/filings", "/api/grants?format=csv", `/api/insiders/${insiderUrl!.split("/").pop()}/holdings`, "/api/insiders/999999/holdings"];
  const nonces = new Set<string>();
  for (const url of [...pages, ...api]) {
    const res = await request.get(url);
    expect(res.status(), url).toBeLessThan(url.includes("no-such") || url.includes("999999") ? 500 : 400);
    expectSecurityHeaders(res.headers(), url);
    const nonce = /'nonce-([^']+)'/.exec(res.headers()["content-security-policy"])![1];
    nonces.add(nonce);
    if (pages.includes(url)) {
      const scripts = [...(await res.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length, url).toBeGreaterThan(0);
      for (const s of scripts) expect(s, url).toContain(`nonce="${nonce}"`);
    }
  }
  expect(nonces.size).toBe(pages.length + api.length);
});

test("the pages work under the policy: upload, browse, and the review screen's keyboard, edits, history and schedule editor", async ({ page }) => {
  const problems = watchPolicy(page);
  const tag = `csp-${Date.now()}-${test.info().workerIndex}`;
  await uploadOwn(page, tag);

  await page.getByLabel("Your name, to sign your corrections").fill("Csp Analyst");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Reviewing as Csp Analyst")).toBeVisible();
  const first = await page.locator("[data-uncertain]").first().getAttribute("data-pointer");
  await page.keyboard.press("j");
  await expect(page.locator(`[data-pointer="${first}"]`)).toBeFocused();

  const grant = page.getByRole("row", { name: "Table II row 1", exact: true });
  // A cell's buttons show while the pointer is over it.
  await page.locator('[data-pointer="/derivative/0/shares"]').hover();
  await grant.getByRole("button", { name: "Edit Amount", exact: true }).click();
  const amount = grant.getByRole("textbox", { name: "Amount", exact: true });
  await amount.fill("45,000");
  await amount.press("Enter");
  await expect(grant.locator('[data-pointer="/derivative/0/shares"] [data-shown]')).toHaveText("45,000");
  const history = page.getByRole("region", { name: "History" });
  await history.getByRole("button", { name: /^Revert change #\d+ to Amount$/ }).click();
  await expect(grant.locator('[data-pointer="/derivative/0/shares"] [data-shown]')).toHaveText("40,000");

  const vesting = page.getByRole("region", { name: "Vesting of Table II row 1" });
  await vesting.getByRole("button", { name: "Edit schedule" }).click();
  await vesting.getByRole("spinbutton", { name: "Installments" }).fill("12");
  await expect(vesting.getByRole("table", { name: "Tranches of Table II row 1 (not saved)" })).toBeVisible();

  await page.getByRole("link", { name: "JANZEN HOWARD E" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("JANZEN");
  for (const path of ["/filings", "/insiders", "/grants", "/issuers"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  await page.getByRole("link", { name: /SONUS NETWORKS/ }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("SONUS NETWORKS");
  // A client-side navigation runs the router's scripts too.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Upload" }).click();
  await expect(page.getByLabel(/drop filings here/i)).toBeVisible();

  expect(problems).toEqual([]);
});

test("markup that slipped into a page cannot run a script: the browser refuses it and the watch sees it", async ({ page }) => {
  const problems = watchPolicy(page);
  // The server's own response and headers, with a script an attacker might have got into the HTML.
  await page.route("**/upload", async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace("<body", "<script>window.__ran = true</script><body");
    await route.fulfill({ response, body });
  });
  await page.goto("/upload");
  await expect(page.getByLabel(/drop filings here/i)).toBeVisible();
  await expect.poll(() => problems.join("\n")).toMatch(/inline script violates .*Content Security Policy directive .script-src/);
  expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
});

test("an upload batch larger than the proxy's default buffer arrives whole", async ({ page }) => {
  const tag = `big-${Date.now()}-${test.info().workerIndex}`;
  const pad = Buffer.alloc(6 * 1024 * 1024, " ");
  await page.goto("/upload");
  await page.getByLabel(/drop filings here/i).setInputFiles([0, 1].map((i) => ({ ...ownCopy(`${tag}-${i}`), buffer: Buffer.concat([ownCopy(`${tag}-${i}`).buffer, pad]) })));
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByText("2 stored, 0 duplicate, 0 rejected.")).toBeVisible({ timeout: 30_000 });
});
