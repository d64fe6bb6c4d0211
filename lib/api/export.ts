import "server-only";
import Papa from "papaparse";
import { MAX_PAGE_SIZE, type Page } from "../db/paging";
import { ZPaging, firstValues } from "../validation/filters";

/** Most rows one CSV export writes; a larger export is cut here and says so in a header. */
export const MAX_EXPORT_ROWS = 50_000;

/**
 * A cell a spreadsheet would read as a formula (OWASP's CSV injection list: =, +, -, @, tab, CR),
 * unless it is a plain number: "-12.5" stays a number, "-2+3" or "=HYPERLINK(...)" does not.
 * Papa prefixes such a cell with a single quote and quotes it, so it opens as text.
 */
export const FORMULA_START = /^(?!-?\d+(?:\.\d+)?$)[=+\-@\t\r]/;

export type Flat = Record<string, string | number | boolean | null>;

/**
 * A list as JSON (one page, with paging figures) or as CSV (every matching row, fetched page
 * by page, unless the URL names a page). Both come from the same query and filters.
 */
export async function exportResponse<T>({
  params,
  fetchPage,
  flatten,
  fileName,
}: {
  params: URLSearchParams;
  fetchPage: (page: number, pageSize: number) => Promise<Page<T>>;
  flatten: (row: T) => Flat;
  fileName: string;
}): Promise<Response> {
  const requestedPage = params.has("page");
  const { page: pageNumber, pageSize } = ZPaging.parse(firstValues(params));
  if (params.get("format") !== "csv") {
    const page = await fetchPage(pageNumber, pageSize);
    return Response.json({ page: page.page, pageSize: page.pageSize, pageCount: page.pageCount, total: page.total, rows: page.rows.map(flatten) });
  }
  const rows: Flat[] = [];
  let total = 0;
  if (requestedPage) {
    const page = await fetchPage(pageNumber, pageSize);
    rows.push(...page.rows.map(flatten));
    total = page.total;
  } else {
    for (let n = 1; rows.length < MAX_EXPORT_ROWS; n++) {
      const page = await fetchPage(n, MAX_PAGE_SIZE);
      rows.push(...page.rows.map(flatten));
      total = page.total;
      if (n >= page.pageCount) break;
    }
  }
  const csv = Papa.unparse(rows.length ? rows : [], { header: true, newline: "\r\n", escapeFormulae: FORMULA_START });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}.csv"`,
      "X-Total-Count": String(total),
      ...(total > rows.length && !requestedPage ? { "X-Truncated": `first ${rows.length} of ${total} rows` } : {}),
    },
  });
}
