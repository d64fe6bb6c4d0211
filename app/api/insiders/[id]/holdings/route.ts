import { findHoldings, getInsider, type HoldingRow } from "@/lib/db/insiders";
import { exportResponse } from "@/lib/api/export";
import { pageOf } from "@/lib/db/paging";

export const dynamic = "force-dynamic";

function flatten(h: HoldingRow) {
  return {
    issuer: h.issuerName,
    ticker: h.ticker,
    table: h.table,
    securityTitle: h.securityTitle,
    directOrIndirect: h.directOrIndirect,
    natureOfOwnership: h.natureOfOwnership,
    exercisePrice: h.exercisePrice,
    expirationDate: h.expirationDate,
    sharesOwned: h.shares,
    filingId: h.filingId,
    formType: h.formType,
    periodOfReport: h.periodOfReport,
  };
}

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const raw = (await params).id;
  const insider = /^\d{1,9}$/.test(raw) ? await getInsider({ id: Number(raw) }) : null;
  if (!insider) return Response.json({ error: "No insider with this id." }, { status: 404 });
  // A merged-away record answers for the person it was merged into, as its page does.
  const ownerId = insider.mergedIntoId ?? insider.id;
  // One person's holdings are a few dozen rows: read once, paged here.
  const holdings = await findHoldings({ ownerId });
  return exportResponse({
    params: new URL(request.url).searchParams,
    fileName: `holdings-${ownerId}`,
    flatten,
    fetchPage: async (page, pageSize) => {
      const { skip, take, ...paging } = pageOf({ page, pageSize, total: holdings.length });
      return { ...paging, total: holdings.length, rows: holdings.slice(skip, skip + take) };
    },
  });
}
