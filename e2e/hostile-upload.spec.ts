import { test, expect, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";

const seed = readFileSync(join(__dirname, "..", "lib", "parse", "fixtures", "markdown", "seed-000.md"));
// Each test uploads its own bytes (a unique trailing line), so parallel tests never see each other's uploads as duplicates.
let copies = 0;
const file = (name: string, tag: string) => ({ name, mimeType: "text/plain", buffer: Buffer.concat([seed, Buffer.from(`\n\n<!-- ${tag} ${++copies} -->\n`)]) });

async function upload(page: Page, files: Parameters<Page["setInputFiles"]>[1]) {
  await page.goto("/upload");
  await page.getByLabel(/drop filings here/i).setInputFiles(files);
  await page.getByRole("button", { name: "Upload" }).click();
  return page.getByRole("list", { name: "Upload results" });
}

test("file names with NUL, ESC, DEL or a bidi override are stored without them, each file on its own", async ({ page }) => {
  const tag = `ctl-${Date.now()}-${test.info().workerIndex}`;
  const posts: number[] = [];
  page.on("response", (r) => r.request().method() === "POST" && posts.push(r.status()));
  const results = await upload(page, [file(`${tag}-nul\u0000.txt`, tag), file(`${tag}-esc\u001b[31m-del\u007f.txt`, tag), file(`${tag}-\u202Etxt.exe`, tag)]);
  await expect(page.getByText("3 stored, 0 duplicate, 0 rejected.")).toBeVisible();
  await expect(results.getByRole("listitem")).toHaveText([new RegExp(`^${tag}-nul\\.txt`), new RegExp(`^${tag}-esc\\[31m-del\\.txt`), new RegExp(`^${tag}-txt\\.exe`)]);
  expect(posts.every((s) => s < 500)).toBe(true);

  const csv = await (await page.request.get(`/api/filings?format=csv`)).text();
  const names = Papa.parse<{ fileName: string }>(csv, { header: true, skipEmptyLines: true }).data.map((r) => r.fileName).filter((n) => n.startsWith(tag));
  expect(names.sort()).toEqual([`${tag}-esc[31m-del.txt`, `${tag}-nul.txt`, `${tag}-txt.exe`]);
});

test("a form sent with a raw CR, LF or NUL in a file name is refused with a clear message, not HTTP 500", async ({ page }) => {
  const tag = `raw-${Date.now()}-${test.info().workerIndex}`;
  // The action's id from a real upload through the page; the forged form need only reach the parser.
  const sent = page.waitForRequest((r) => r.method() === "POST" && r.url().endsWith("/upload"));
  await upload(page, file(`${tag}.txt`, tag));
  const action = (await (await sent).allHeaders())["next-action"];
  await expect(page.getByText("1 stored")).toBeVisible();
  const boundary = "----formBoundary7MA4YWxkTrZu0gW";
  const form = (name: string) =>
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="1_files"; filename="${tag}-${name}.txt"\r\nContent-Type: text/plain\r\n\r\n${seed.toString("latin1")}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="0"\r\n\r\n[{"results":[],"message":null},"$K1"]\r\n--${boundary}--\r\n`,
      "latin1",
    );
  for (const bad of ["a\r\nb", "a\u0000b", "a\rb"]) {
    const res = await page.request.post("/upload", {
      headers: { "next-action": action, "content-type": `multipart/form-data; boundary=${boundary}`, accept: "text/x-component" },
      data: form(bad),
    });
    expect(res.status(), JSON.stringify(bad)).toBe(400);
    expect(await res.text()).toMatch(new RegExp(`^The name of file 1 \\(starting "${tag}-a.*"\\) holds a control character such as CR, LF or NUL; nothing was stored`));
  }
});

test("an upload request over the server's limit is refused as too large, not HTTP 500", async ({ page }) => {
  const sent = page.waitForRequest((r) => r.method() === "POST" && r.url().endsWith("/upload"));
  await upload(page, { name: "empty.txt", mimeType: "text/plain", buffer: Buffer.from("") });
  const action = (await (await sent).allHeaders())["next-action"];
  const boundary = "----formBoundaryHuge";
  const form = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="1_files"; filename="huge.txt"\r\nContent-Type: text/plain\r\n\r\n`),
    Buffer.alloc(65 * 1024 * 1024, "A"),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await page.request.post("/upload", { headers: { "next-action": action, "content-type": `multipart/form-data; boundary=${boundary}` }, data: form, timeout: 60_000 });
  expect(res.status()).toBe(413);
  expect(await res.text()).toBe("This upload is 65.0 MB; send at most 64 MB at a time. Nothing was stored.");
});

test("the upload refuses more than 200 files on the server, and stores none of them", async ({ page }) => {
  const tag = `many-${Date.now()}-${test.info().workerIndex}`;
  await upload(page, Array.from({ length: 201 }, (_, i) => ({ name: `${tag}-${i}.txt`, mimeType: "text/plain", buffer: Buffer.from(`${tag} ${i}`) })));
  await expect(page.getByText("Upload at most 200 files at a time.")).toBeVisible();
  const csv = await (await page.request.get(`/api/filings?format=csv`)).text();
  expect(csv).not.toContain(tag);
});

test("a CSV export opens a file name that starts like a formula as text, and keeps numbers numbers", async ({ page }) => {
  const tag = `csv-${Date.now()}-${test.info().workerIndex}`;
  // Browsers cut a name at "/" and escape quotes, so the formula is one a name can carry.
  const name = `=1+2+cmd ${tag}.txt`;
  await upload(page, file(name, tag));
  await expect(page.getByText("1 stored")).toBeVisible();
  const res = await page.request.get(`/api/filings?format=csv`);
  expect(res.headers()["content-disposition"]).toBe('attachment; filename="filings.csv"');
  const line = (await res.text()).split("\r\n").find((l) => l.includes(tag))!;
  expect(line).toContain(`,"'=1+2+cmd ${tag}.txt",`);
  const row = Papa.parse<Record<string, string>>(`${(await (await page.request.get(`/api/filings?format=csv`)).text()).split("\r\n")[0]}\r\n${line}`, { header: true }).data[0];
  expect(row.fileName).toBe(`'${name}`);
  expect(row.uncertainFields).toMatch(/^\d+$/);
});

test("the JSON API answers at most 500 rows a page and ignores filters out of bounds", async ({ request }) => {
  for (const path of ["/api/filings", "/api/grants"]) {
    const body = await (await request.get(`${path}?pageSize=100000&page=-4&from=2024-02-30&issuer=${"x".repeat(5000)}`)).json();
    expect(body, path).toMatchObject({ page: 1, pageSize: 500 });
  }
  // Parallel journeys upload while this runs, so both totals are read together until they agree.
  await expect
    .poll(async () => {
      const [all, unbounded] = await Promise.all(
        ["/api/filings?pageSize=500", "/api/filings?pageSize=100000&from=2024-02-30"].map(async (u) => (await (await request.get(u)).json()).total),
      );
      return unbounded - all;
    })
    .toBe(0);
});
