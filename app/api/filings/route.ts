import { findFilings } from "@/lib/db/filing-search";
import { exportResponse } from "@/lib/api/export";
import { ZFilingFilters, firstValues } from "@/lib/validation/filters";

export const dynamic = "force-dynamic";

type Row = Awaited<ReturnType<typeof findFilings>>["rows"][number];

function flatten(f: Row) {
  return {
    id: f.id,
    formType: f.formType,
    issuer: f.issuer.name,
    ticker: f.issuer.ticker,
    reportingPersons: f.owners.map((o) => o.nameAsFiled).join("; "),
    periodOfReport: f.periodOfReport,
    status: f.status,
    uncertainFields: f.uncertainCount,
    sourceFormat: f.sourceFormat,
    fileName: f.fileName,
    uploadedAt: f.createdAt.toISOString(),
  };
}

export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const filters = ZFilingFilters.parse(firstValues(params));
  return exportResponse({ params, fileName: "filings", flatten, fetchPage: (page, pageSize) => findFilings({ ...filters, page, pageSize }) });
}
