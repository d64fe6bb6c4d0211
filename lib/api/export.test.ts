import { describe, it, expect } from "vitest";
import Papa from "papaparse";
import { exportResponse, type Flat } from "./export";
import { pageOf } from "../db/paging";
import { ZGrantFilters, ZFilingFilters, firstValues, toQuery, csvHref } from "../validation/filters";

const rows = Array.from({ length: 1234 }, (_, i) => ({ id: i + 1, name: i === 0 ? 'JANZEN, "HOWARD" E' : `P${i + 1}` }));
const fetchPage = async (page: number, pageSize: number) => {
  const { skip, take, ...paging } = pageOf({ page, pageSize, total: rows.length });
  return { ...paging, total: rows.length, rows: rows.slice(skip, skip + take) };
};
const call = (qs: string) => exportResponse({ params: new URLSearchParams(qs), fetchPage, flatten: (r) => r, fileName: "people" });

describe("exportResponse", () => {
  it("answers one page as JSON with the paging figures", async () => {
    const body = await (await call("page=3&pageSize=100")).json();
    expect(body).toMatchObject({ page: 3, pageSize: 100, pageCount: 13, total: 1234 });
    expect(body.rows[0]).toEqual({ id: 201, name: "P201" });
  });

  it("answers every matching row as a CSV attachment, quoting what needs quoting", async () => {
    const res = await call("format=csv");
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="people.csv"');
    expect(res.headers.get("X-Total-Count")).toBe("1234");
    const parsed = Papa.parse<Record<string, string>>(await res.text(), { header: true, skipEmptyLines: true });
    expect(parsed.data).toHaveLength(1234);
    expect(parsed.data[0]).toEqual({ id: "1", name: 'JANZEN, "HOWARD" E' });
  });

  it("answers one page as CSV when a page is named", async () => {
    const parsed = Papa.parse((await (await call("format=csv&page=2&pageSize=10")).text()), { header: true, skipEmptyLines: true });
    expect(parsed.data).toHaveLength(10);
  });
});

describe("paging bounds", () => {
  const asked: Array<[number, number]> = [];
  const recording = (page: number, pageSize: number) => {
    asked.push([page, pageSize]);
    return fetchPage(page, pageSize);
  };
  const ask = async (qs: string) => {
    asked.length = 0;
    await exportResponse({ params: new URLSearchParams(qs), fetchPage: recording, flatten: (r) => r, fileName: "people" });
    return asked;
  };

  it("never asks the database for more than 500 rows a page, nor for a page that is not a whole number from 1", async () => {
    expect(await ask("pageSize=100000")).toEqual([[1, 500]]);
    expect(await ask("pageSize=1e400&page=1e400")).toEqual([[1, 50]]);
    expect(await ask("pageSize=-5&page=-3")).toEqual([[1, 50]]);
    expect(await ask("pageSize=2.5&page=abc")).toEqual([[1, 50]]);
    expect(await ask("format=csv&page=2&pageSize=9999")).toEqual([[2, 500]]);
    expect((await ask("format=csv&pageSize=9999")).every(([, size]) => size === 500)).toBe(true);
  });
});

describe("CSV formula injection", () => {
  const hostile = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1:A2)", "\tx", "\rx", "-", "=1"];
  const exportOf = async (values: Flat[]) => {
    const res = await exportResponse({ params: new URLSearchParams("format=csv"), fetchPage: async () => ({ rows: values, total: values.length, page: 1, pageSize: 500, pageCount: 1 }), flatten: (r) => r, fileName: "x" });
    return res.text();
  };

  it("opens every cell that starts like a formula as text: a leading single quote, quoted", async () => {
    const csv = await exportOf(hostile.map((name) => ({ name })));
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.data.map((r) => r.name)).toEqual(hostile.map((h) => `'${h}`));
    expect(csv.split("\r\n")[1]).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
  });

  it("leaves negative numbers numbers, whether the row holds a number or its text", async () => {
    const csv = await exportOf([{ shares: -1500, price: -12.5, text: "-12.5", whole: "-7", name: "Janzen" }]);
    expect(csv.split("\r\n")[1]).toBe("-1500,-12.5,-12.5,-7,Janzen");
  });
});

describe("grant filters in the URL", () => {
  it("drops what does not parse and round-trips what does", () => {
    const f = ZGrantFilters.parse(firstValues({ code: "a", priceMin: "abc", from: "2024-13", to: "2024-12-31", sort: "bogus", page: ["2", "9"], issuer: "" }));
    expect(f).toMatchObject({ code: "A", to: "2024-12-31", sort: "transactionDate", dir: "desc", page: 2, pageSize: 50 });
    expect(f.priceMin).toBeUndefined();
    expect(f.from).toBeUndefined();
    expect(f.issuer).toBeUndefined();
    expect(toQuery({ code: f.code, to: f.to, page: f.page, pageSize: f.pageSize })).toBe("?code=A&to=2024-12-31&page=2");
    expect(csvHref("/api/grants", "")).toBe("/api/grants?format=csv");
  });

  it("drops filters out of bounds: dates that are not dates, huge prices, ids past safe integers, long text", () => {
    const f = ZGrantFilters.parse(
      firstValues({ from: "2024-02-30", to: "9999-99-99", priceMin: "1e300", priceMax: "Infinity", issuerId: "1e20", ownerId: "9007199254740993", insider: "x".repeat(201), security: "Stock", pageSize: "501" }),
    );
    expect(f).toMatchObject({ security: "Stock", pageSize: 500 });
    for (const k of ["from", "to", "priceMin", "priceMax", "issuerId", "ownerId", "insider"] as const) expect(f[k], k).toBeUndefined();
    expect(ZFilingFilters.parse(firstValues({ from: "2024-02-29", to: "2023-02-29", issuer: " " }))).toMatchObject({ from: "2024-02-29", to: undefined, issuer: undefined });
    expect(csvHref("/api/grants", "?code=A")).toBe("/api/grants?code=A&format=csv");
  });
});
