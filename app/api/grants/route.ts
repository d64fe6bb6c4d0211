import { findGrants, type GrantRow } from "@/lib/db/grants";
import { exportResponse } from "@/lib/api/export";
import { ZGrantFilters, firstValues } from "@/lib/validation/filters";

export const dynamic = "force-dynamic";

function flatten(g: GrantRow) {
  return {
    id: g.id,
    issuer: g.issuer.name,
    ticker: g.issuer.ticker,
    insiders: g.owners.map((o) => o.name).join("; "),
    securityTitle: g.securityTitle,
    transactionCode: g.transactionCode,
    transactionDate: g.transactionDate,
    acquiredDisposed: g.acquiredDisposed,
    shares: g.shares,
    exercisePrice: g.exercisePrice,
    exerciseDate: g.exerciseDate,
    exercisableImmediately: g.exercisableImmediately,
    expirationDate: g.expirationDate,
    underlyingTitle: g.underlyingTitle,
    underlyingShares: g.underlyingShares,
    sharesOwnedFollowing: g.sharesOwnedFollowing,
    directOrIndirect: g.directOrIndirect,
    vestedToday: g.vesting?.vested ?? null,
    unvestedToday: g.vesting?.unvested ?? null,
    nextVestingDate: g.vesting?.nextDate ?? null,
    filingId: g.filing.id,
    formType: g.filing.formType,
    filingStatus: g.filing.status,
  };
}

export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const filters = ZGrantFilters.parse(firstValues(params));
  return exportResponse({ params, fileName: "grants", flatten, fetchPage: (page, pageSize) => findGrants({ ...filters, page, pageSize }) });
}
