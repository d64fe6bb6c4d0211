import "server-only";
import { prisma as defaultPrisma, type PrismaClient } from "./client";
import { Prisma } from "../generated/prisma/client";
import { WALK_ABOVE, containing, issuersMatching, ownersMatching } from "./match";
import { pageOf, type Page } from "./paging";
import type { TGrantFilters } from "../validation/filters";

type Db = PrismaClient;

/** Today as a civil date (UTC): vesting tranches dated today count as vested. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}


/**
 * The filters as SQL over DerivativeRow d. Issuer and person filters are
 * subqueries yielding filing ids, which SQLite answers through the FilingOwner.ownerId and
 * DerivativeRow.filingId indexes; Prisma's relation filters join every row instead, which
 * takes seconds at 100,000 filings.
 */
function grantConditions(f: Partial<TGrantFilters> & { today?: string }): Prisma.Sql[] {
  const c: Prisma.Sql[] = [];
  if (f.issuerId) c.push(Prisma.sql`d.filingId IN (SELECT id FROM Filing WHERE issuerId = ${f.issuerId})`);
  if (f.issuer) {
    c.push(Prisma.sql`d.filingId IN (SELECT id FROM Filing WHERE issuerId IN (${issuersMatching(f.issuer)}))`);
  }
  if (f.ownerId) {
    c.push(Prisma.sql`d.filingId IN (SELECT filingId FROM FilingOwner WHERE ownerId IN (SELECT id FROM ReportingOwner WHERE id = ${f.ownerId} OR mergedIntoId = ${f.ownerId}))`);
  }
  if (f.insider) {
    c.push(Prisma.sql`d.filingId IN (SELECT filingId FROM FilingOwner WHERE ownerId IN (${ownersMatching(f.insider)}))`);
  }
  if (f.security) c.push(Prisma.sql`d.securityTitle LIKE ${containing(f.security)} ESCAPE '\\'`);
  if (f.code) c.push(Prisma.sql`d.transactionCode = ${f.code}`);
  if (f.from) c.push(Prisma.sql`d.transactionDate >= ${f.from}`);
  if (f.to) c.push(Prisma.sql`d.transactionDate <= ${f.to}`);
  if (f.priceMin !== undefined) c.push(Prisma.sql`d.conversionOrExercisePrice >= ${f.priceMin}`);
  if (f.priceMax !== undefined) c.push(Prisma.sql`d.conversionOrExercisePrice <= ${f.priceMax}`);
  if (f.vesting) {
    const today = f.today ?? todayIso();
    // Through the lastTrancheDate index: a range of schedules, then their rows by primary key.
    if (f.vesting === "unvested") c.push(Prisma.sql`d.id IN (SELECT derivativeRowId FROM VestingSchedule WHERE lastTrancheDate > ${today})`);
    else if (f.vesting === "vested") c.push(Prisma.sql`d.id IN (SELECT derivativeRowId FROM VestingSchedule WHERE lastTrancheDate <= ${today})`);
    else c.push(Prisma.sql`d.id NOT IN (SELECT derivativeRowId FROM VestingSchedule WHERE lastTrancheDate IS NOT NULL AND derivativeRowId IS NOT NULL)`);
  }
  return c;
}

const SORT_COLUMNS = {
  transactionDate: Prisma.sql`d.transactionDate`,
  exercisePrice: Prisma.sql`d.conversionOrExercisePrice`,
  shares: Prisma.sql`d.shares`,
  expirationDate: Prisma.sql`d.expirationDate`,
} as const;

/**
 * Rows in issuer-name order, then by filing and row. With `walk`, the CROSS JOINs make SQLite
 * read issuers through their name index, filings through (issuerId, periodOfReport) and rows
 * through (filingId, position), stopping once a page is found: no sort of every row, which takes
 * 200 ms at 100,000 filings. Few matching rows are cheaper the other way round (rows first,
 * then a small sort), so the planner is left to choose there. Both give the same order.
 */
function issuerOrdered(walk: boolean, dir: "asc" | "desc" = "desc") {
  const join = walk ? Prisma.raw("CROSS JOIN") : Prisma.raw("JOIN");
  const d = Prisma.raw(dir === "asc" ? "ASC" : "DESC");
  return {
    from: Prisma.sql`Issuer i ${join} Filing f ON f.issuerId = i.id ${join} DerivativeRow d ON d.filingId = f.id`,
    orderBy: Prisma.sql`i.name ${d}, i.id ${d}, f.periodOfReport ${d}, f.id ${d}, d.position ${d}`,
  };
}

/**
 * Rows in order of their filing's first-named insider (the person a merged record stands for),
 * then by filing and row; walked through the sortKey and (ownerId, position, filingId) indexes
 * over many rows, like the issuer sort.
 */
function insiderOrdered(walk: boolean, dir: "asc" | "desc" = "desc") {
  const join = walk ? Prisma.raw("CROSS JOIN") : Prisma.raw("JOIN");
  const d = Prisma.raw(dir === "asc" ? "ASC" : "DESC");
  return {
    from: Prisma.sql`ReportingOwner o ${join} FilingOwner fo ON fo.ownerId = o.id AND fo.position = 0 ${join} DerivativeRow d ON d.filingId = fo.filingId`,
    orderBy: Prisma.sql`o.sortKey ${d}, COALESCE(o.mergedIntoId, o.id) ${d}, o.id ${d}, fo.filingId ${d}, d.position ${d}`,
  };
}

function grantOrder(f: Partial<TGrantFilters>): Prisma.Sql {
  const column = SORT_COLUMNS[f.sort === "issuer" || f.sort === "insider" || !f.sort ? "transactionDate" : f.sort];
  // Rows without the sorted value go last either way (SQLite puts NULL last only when descending,
  // which is also the order an index on the column can give); the id keeps pages stable.
  return f.dir === "asc" ? Prisma.sql`${column} IS NULL, ${column} ASC, d.id ASC` : Prisma.sql`${column} DESC, d.id DESC`;
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
  const order =
    filters.sort === "issuer"
      ? (total: number) => issuerOrdered(total > WALK_ABOVE, filters.dir)
      : filters.sort === "insider"
        ? (total: number) => insiderOrdered(total > WALK_ABOVE, filters.dir)
        : (total: number) => ({ from: dateWalk(filters, total), orderBy: grantOrder(filters) });
  return queryGrants(
    { conditions: grantConditions(filters), count: vestingOnlyCount(filters), order, page: filters.page ?? 1, pageSize: filters.pageSize ?? 50, today: filters.today },
    db,
  );
}

/**
 * Newest first over many matching rows: walk the transaction date index and stop at a page, as
 * the issuer sort walks issuer names. Left to itself SQLite gathers every match (a vesting
 * filter's thousands of schedules) and sorts them.
 */
function dateWalk(f: Partial<TGrantFilters>, total: number): Prisma.Sql {
  const byDateDesc = (!f.sort || f.sort === "transactionDate") && f.dir !== "asc";
  return byDateDesc && total > WALK_ABOVE ? Prisma.sql`DerivativeRow d INDEXED BY DerivativeRow_transactionDate_idx` : Prisma.sql`DerivativeRow d`;
}

/** The vesting filter alone is counted on the schedules' own index, one entry per grant, without reading the grants. */
function vestingOnlyCount(f: Partial<TGrantFilters> & { today?: string }): Prisma.Sql | undefined {
  if (!f.vesting || f.vesting === "none" || grantConditions({ ...f, vesting: undefined }).length > 0) return undefined;
  const today = f.today ?? todayIso();
  const since = f.vesting === "unvested" ? Prisma.sql`lastTrancheDate > ${today}` : Prisma.sql`lastTrancheDate <= ${today}`;
  return Prisma.sql`SELECT COUNT(*) AS n FROM VestingSchedule WHERE ${since} AND derivativeRowId IS NOT NULL`;
}

/**
 * Grants of one insider: rows acquired with code A, and held rows that carry a vesting schedule.
 * A grant on an amended filing is shown once, from the amendment.
 */
export async function findInsiderGrants(
  { ownerId, page = 1, pageSize = 100, today }: { ownerId: number; page?: number; pageSize?: number; today?: string },
  db: Db = defaultPrisma,
): Promise<Page<GrantRow>> {
  const conditions = [
    ...grantConditions({ ownerId }),
    Prisma.sql`(d.transactionCode = 'A' OR EXISTS (SELECT 1 FROM VestingSchedule v WHERE v.derivativeRowId = d.id))`,
    Prisma.sql`NOT EXISTS (SELECT 1 FROM Filing a WHERE a.amendsId = d.filingId)`,
  ];
  return queryGrants({ conditions, order: () => ({ from: Prisma.sql`DerivativeRow d`, orderBy: grantOrder({}) }), page, pageSize, today }, db);
}

/** Counts and picks one page of row ids in SQL, then reads those rows with their filing, issuer, owners and vesting. */
async function queryGrants(
  {
    conditions,
    count,
    order,
    page,
    pageSize,
    today = todayIso(),
  }: {
    conditions: Prisma.Sql[];
    /** A cheaper query giving the same count (as n), where one is known. */
    count?: Prisma.Sql;
    /** The tables to read (DerivativeRow as d) and their order, chosen knowing how many rows match. */
    order: (total: number) => { from: Prisma.Sql; orderBy: Prisma.Sql };
    page: number;
    pageSize: number;
    today?: string;
  },
  db: Db,
): Promise<Page<GrantRow>> {
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const [{ n }] = await db.$queryRaw<{ n: number | bigint }[]>(count ?? Prisma.sql`SELECT COUNT(*) AS n FROM DerivativeRow d ${where}`);
  const total = Number(n);
  const { skip, take, ...paging } = pageOf({ page, pageSize, total });
  const { from, orderBy } = order(total);
  const ids = (await db.$queryRaw<{ id: number | bigint }[]>`
    SELECT d.id FROM ${from} ${where} ORDER BY ${orderBy} LIMIT ${take} OFFSET ${skip}`).map((r) => Number(r.id));
  const found = await db.derivativeRow.findMany({
    where: { id: { in: ids } },
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
  const byId = new Map(found.map((r) => [r.id, r]));
  const rows = ids.map((id) => byId.get(id)!);
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
