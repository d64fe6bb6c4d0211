import "server-only";
import { prisma as defaultPrisma, type PrismaClient } from "./client";
import type { Prisma } from "../generated/prisma/client";
import { nameKey } from "../names";
import { pageOf, type Page } from "./paging";
import type { TGrantFilters } from "../validation/filters";

type Db = PrismaClient;

/** Today as a civil date (UTC): vesting tranches dated today count as vested. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

function grantWhere(f: Partial<TGrantFilters>): Prisma.DerivativeRowWhereInput {
  const and: Prisma.DerivativeRowWhereInput[] = [];
  if (f.issuerId) and.push({ filing: { issuerId: f.issuerId } });
  if (f.issuer) and.push({ filing: { issuer: { OR: [{ name: { contains: f.issuer } }, { ticker: f.issuer.toUpperCase() }] } } });
  if (f.ownerId) and.push({ filing: { owners: { some: { owner: { OR: [{ id: f.ownerId }, { mergedIntoId: f.ownerId }] } } } } });
  if (f.insider) {
    const key = nameKey(f.insider);
    if (key) and.push({ filing: { owners: { some: { owner: { nameKey: { contains: key } } } } } });
  }
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
  return queryGrants({ where: grantWhere(filters), orderBy: grantOrder(filters), page: filters.page ?? 1, pageSize: filters.pageSize ?? 50, today: filters.today }, db);
}

/** Grants of one insider: rows acquired with code A, and held rows that carry a vesting schedule. */
export async function findInsiderGrants(
  { ownerId, page = 1, pageSize = 100, today }: { ownerId: number; page?: number; pageSize?: number; today?: string },
  db: Db = defaultPrisma,
): Promise<Page<GrantRow>> {
  const where = { AND: [grantWhere({ ownerId }), { OR: [{ transactionCode: "A" }, { vesting: { isNot: null } }] }] };
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
