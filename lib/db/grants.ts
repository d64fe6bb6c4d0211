import "server-only";
import { prisma as defaultPrisma, type PrismaClient } from "./client";
import type { Prisma } from "../generated/prisma/client";
import { nameKey } from "../names";
import { pageOf, type Page } from "./paging";
import { personRecordIds } from "./insiders";
import type { TGrantFilters } from "../validation/filters";

type Db = PrismaClient;

/** Today as a civil date (UTC): vesting tranches dated today count as vested. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Issuer and insider filters become a list of filing ids when it is short: SQLite then reads
 * the few matching rows through the DerivativeRow(filingId) index instead of joining every
 * row to its filing (seconds at 100,000 filings). Broad filters keep the join.
 */
async function filingFilter(f: Partial<TGrantFilters>, db: Db): Promise<Prisma.DerivativeRowWhereInput | null> {
  const issuerIds: number[][] = [];
  if (f.issuerId) issuerIds.push([f.issuerId]);
  if (f.issuer) {
    const issuers = await db.issuer.findMany({ where: { OR: [{ name: { contains: f.issuer } }, { ticker: f.issuer.toUpperCase() }] }, select: { id: true }, take: MAX_IDS });
    issuerIds.push(issuers.map((i) => i.id));
  }
  const ownerIds: number[][] = [];
  if (f.ownerId) ownerIds.push(await personRecordIds({ ownerId: f.ownerId }, db));
  if (f.insider) {
    const key = nameKey(f.insider);
    const owners = key ? await db.reportingOwner.findMany({ where: { nameKey: { contains: key } }, select: { id: true }, take: MAX_IDS }) : [];
    ownerIds.push(owners.map((o) => o.id));
  }
  if (issuerIds.length === 0 && ownerIds.length === 0) return null;
  // Each set is read through an index (Filing.issuerId, FilingOwner.ownerId), then intersected here.
  const sets: number[][] = [];
  for (const ids of issuerIds) {
    sets.push((await db.filing.findMany({ where: { issuerId: { in: ids } }, select: { id: true }, take: MAX_IDS + 1 })).map((r) => r.id));
  }
  for (const ids of ownerIds) {
    sets.push((await db.filingOwner.findMany({ where: { ownerId: { in: ids } }, select: { filingId: true }, take: MAX_IDS + 1 })).map((r) => r.filingId));
  }
  if (sets.some((ids) => ids.length > MAX_IDS)) {
    const filing: Prisma.FilingWhereInput[] = [
      ...issuerIds.map((ids) => ({ issuerId: { in: ids } })),
      ...ownerIds.map((ids) => ({ owners: { some: { ownerId: { in: ids } } } })),
    ];
    return { filing: { AND: filing } };
  }
  const [first, ...rest] = sets;
  return { filingId: { in: first.filter((id) => rest.every((ids) => ids.includes(id))) } };
}

/** Prisma binds at most 999 parameters per SQLite query. */
const MAX_IDS = 900;

async function grantWhere(f: Partial<TGrantFilters>, db: Db): Promise<Prisma.DerivativeRowWhereInput> {
  const and: Prisma.DerivativeRowWhereInput[] = [];
  const byFiling = await filingFilter(f, db);
  if (byFiling) and.push(byFiling);
  if (f.security) and.push({ securityTitle: { contains: f.security } });
  if (f.code) and.push({ transactionCode: f.code });
  if (f.from || f.to) and.push({ transactionDate: { gte: f.from, lte: f.to } });
  if (f.priceMin !== undefined || f.priceMax !== undefined) and.push({ conversionOrExercisePrice: { gte: f.priceMin, lte: f.priceMax } });
  return and.length ? { AND: and } : {};
}

function grantOrder(f: Partial<TGrantFilters>): Prisma.DerivativeRowOrderByWithRelationInput[] {
  const dir = f.dir ?? "desc";
  const nulls = { sort: dir, nulls: "last" } as const;
  const primary: Prisma.DerivativeRowOrderByWithRelationInput =
    f.sort === "exercisePrice"
      ? { conversionOrExercisePrice: nulls }
      : f.sort === "shares"
        ? { shares: nulls }
        : f.sort === "expirationDate"
          ? { expirationDate: nulls }
          : f.sort === "issuer"
            ? { filing: { issuer: { name: dir } } }
            : { transactionDate: nulls };
  return [primary, { id: dir }];
}

export interface GrantRow {
  id: number;
  securityTitle: string;
  transactionCode: string | null;
  transactionDate: string | null;
  acquiredDisposed: string | null;
  shares: number | null;
  exercisePrice: number | null;
  exerciseDate: string | null;
  exercisableImmediately: boolean;
  expirationDate: string | null;
  underlyingTitle: string | null;
  underlyingShares: number | null;
  sharesOwnedFollowing: number | null;
  directOrIndirect: string | null;
  filing: { id: number; formType: string; status: string; periodOfReport: string | null };
  issuer: { id: number; name: string; ticker: string | null };
  owners: { id: number; name: string }[];
  /** Null when no vesting schedule was read for the row. */
  vesting: { total: number; vested: number; unvested: number; nextDate: string | null } | null;
}

/** Every derivative row (Table II) matching the filters, one page at a time. */
export async function findGrants(filters: Partial<TGrantFilters> & { today?: string }, db: Db = defaultPrisma): Promise<Page<GrantRow>> {
  return queryGrants({ where: await grantWhere(filters, db), orderBy: grantOrder(filters), page: filters.page ?? 1, pageSize: filters.pageSize ?? 50, today: filters.today }, db);
}

/** Grants of one insider: rows acquired with code A, and held rows that carry a vesting schedule. */
export async function findInsiderGrants(
  { ownerId, page = 1, pageSize = 100, today }: { ownerId: number; page?: number; pageSize?: number; today?: string },
  db: Db = defaultPrisma,
): Promise<Page<GrantRow>> {
  const where = { AND: [await grantWhere({ ownerId }, db), { OR: [{ transactionCode: "A" }, { vesting: { isNot: null } }] }] };
  return queryGrants({ where, orderBy: grantOrder({}), page, pageSize, today }, db);
}

async function queryGrants(
  { where, orderBy, page, pageSize, today = todayIso() }: { where: Prisma.DerivativeRowWhereInput; orderBy: Prisma.DerivativeRowOrderByWithRelationInput[]; page: number; pageSize: number; today?: string },
  db: Db,
): Promise<Page<GrantRow>> {
  const total = await db.derivativeRow.count({ where });
  const { skip, take, ...paging } = pageOf({ page, pageSize, total });
  const rows = await db.derivativeRow.findMany({
    where,
    orderBy,
    skip,
    take,
    select: {
      id: true,
      securityTitle: true,
      transactionCode: true,
      transactionDate: true,
      acquiredDisposed: true,
      shares: true,
      conversionOrExercisePrice: true,
      exerciseDate: true,
      exercisableImmediately: true,
      expirationDate: true,
      underlyingTitle: true,
      underlyingShares: true,
      sharesOwnedFollowing: true,
      directOrIndirect: true,
      filing: {
        select: {
          id: true,
          formType: true,
          status: true,
          periodOfReport: true,
          issuer: { select: { id: true, name: true, ticker: true } },
          owners: { orderBy: { position: "asc" }, select: { owner: { select: { id: true, name: true, mergedInto: { select: { id: true, name: true } } } } } },
        },
      },
      vesting: { select: { totalShares: true, tranches: { select: { date: true, shares: true }, orderBy: { position: "asc" } } } },
    },
  });
  return {
    ...paging,
    total,
    rows: rows.map((r) => {
      const { issuer, owners, ...filing } = r.filing;
      return {
        id: r.id,
        securityTitle: r.securityTitle,
        transactionCode: r.transactionCode,
        transactionDate: r.transactionDate,
        acquiredDisposed: r.acquiredDisposed,
        shares: r.shares,
        exercisePrice: r.conversionOrExercisePrice,
        exerciseDate: r.exerciseDate,
        exercisableImmediately: r.exercisableImmediately,
        expirationDate: r.expirationDate,
        underlyingTitle: r.underlyingTitle,
        underlyingShares: r.underlyingShares,
        sharesOwnedFollowing: r.sharesOwnedFollowing,
        directOrIndirect: r.directOrIndirect,
        filing,
        issuer,
        // A merged-away spelling is shown as the person it was merged into.
        owners: owners.map(({ owner }) => owner.mergedInto ?? { id: owner.id, name: owner.name }),
        vesting: r.vesting ? vestedAsOf(r.vesting.totalShares, r.vesting.tranches, today) : null,
      };
    }),
  };
}

export function vestedAsOf(total: number, tranches: { date: string; shares: number }[], today: string) {
  let vested = 0;
  let nextDate: string | null = null;
  for (const t of tranches) {
    if (t.date <= today) vested += t.shares;
    else if (nextDate === null || t.date < nextDate) nextDate = t.date;
  }
  return { total, vested, unvested: Math.max(0, total - vested), nextDate };
}
