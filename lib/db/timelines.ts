import "server-only";
import { prisma as defaultPrisma, type PrismaClient } from "./client";
import { Prisma } from "../generated/prisma/client";
import { personRecordIds } from "./insiders";

type Db = PrismaClient;

/** Filings of these owner records that no amendment restates: an amendment's rows stand in for them. */
const currentFilingsOf = (ownerIds: number[]) =>
  Prisma.sql`SELECT fo.filingId FROM FilingOwner fo WHERE fo.ownerId IN (${Prisma.join(ownerIds)})
    AND NOT EXISTS (SELECT 1 FROM Filing a WHERE a.amendsId = fo.filingId)`;

export interface VestingDate {
  /** YYYY-MM-DD */
  date: string;
  shares: number;
  /** How many grants vest on this date. */
  grants: number;
}

/** Every vesting tranche of one person's grants, summed per date, across issuers. */
/** With `expiredBefore`, grants whose options expired before that date are left out: they are no longer held. */
export async function findInsiderVesting(
  { ownerId, expiredBefore }: { ownerId: number; expiredBefore?: string },
  db: Db = defaultPrisma,
): Promise<VestingDate[]> {
  const ids = await personRecordIds({ ownerId }, db);
  const live = expiredBefore
    ? Prisma.sql`AND (s.derivativeRowId IS NULL OR NOT EXISTS (SELECT 1 FROM DerivativeRow d WHERE d.id = s.derivativeRowId AND d.expirationDate < ${expiredBefore}))`
    : Prisma.empty;
  const rows = await db.$queryRaw<{ date: string; shares: number; grants: number | bigint }[]>`
    SELECT t.date AS date, SUM(t.shares) AS shares, COUNT(DISTINCT s.id) AS grants
    FROM VestingSchedule s JOIN VestingTranche t ON t.scheduleId = s.id
    WHERE s.filingId IN (${currentFilingsOf(ids)}) ${live}
    GROUP BY t.date ORDER BY t.date`;
  return rows.map((r) => ({ date: r.date, shares: Number(r.shares), grants: Number(r.grants) }));
}

export interface QuarterActivity {
  /** e.g. 2024-Q3 */
  quarter: string;
  acquired: number;
  disposed: number;
  /** Table I transactions (holdings rows are not transactions). */
  transactions: number;
  insiders: number;
}

/**
 * Table I transactions of an issuer's insiders per calendar quarter, shares acquired and disposed,
 * for the latest `quarters` quarters that have any. Amended filings count through their amendment.
 */
export async function findIssuerActivity(
  { issuerId, quarters = 12 }: { issuerId: number; quarters?: number },
  db: Db = defaultPrisma,
): Promise<QuarterActivity[]> {
  const rows = await db.$queryRaw<{ quarter: string; acquired: number | null; disposed: number | null; transactions: number | bigint; insiders: number | bigint }[]>`
    SELECT substr(n.transactionDate, 1, 4) || '-Q' || ((CAST(substr(n.transactionDate, 6, 2) AS INTEGER) + 2) / 3) AS quarter,
      SUM(CASE WHEN n.acquiredDisposed = 'A' THEN n.shares END) AS acquired,
      SUM(CASE WHEN n.acquiredDisposed = 'D' THEN n.shares END) AS disposed,
      COUNT(*) AS transactions,
      COUNT(DISTINCT (SELECT COALESCE(o.mergedIntoId, o.id) FROM FilingOwner fo JOIN ReportingOwner o ON o.id = fo.ownerId
        WHERE fo.filingId = f.id AND fo.position = 0)) AS insiders
    FROM Filing f JOIN NonDerivativeRow n ON n.filingId = f.id
    WHERE f.issuerId = ${issuerId} AND n.transactionDate IS NOT NULL AND n.transactionCode IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM Filing a WHERE a.amendsId = f.id)
    GROUP BY quarter ORDER BY quarter DESC LIMIT ${quarters}`;
  return rows
    .map((r) => ({ quarter: r.quarter, acquired: Number(r.acquired ?? 0), disposed: Number(r.disposed ?? 0), transactions: Number(r.transactions), insiders: Number(r.insiders) }))
    .reverse();
}

export interface ExpiringMonth {
  /** YYYY-MM */
  month: string;
  /** Underlying shares of the grants (code A) expiring this month. */
  shares: number;
  grants: number;
}

/**
 * Grants (Table II rows acquired with code A) of an issuer expiring per month from `from` on.
 * Only grants are counted: the same option is restated as a holding on later filings, and adding
 * those would count it again.
 */
export async function findExpirationsByMonth(
  { issuerId, from, months = 24 }: { issuerId: number; from: string; months?: number },
  db: Db = defaultPrisma,
): Promise<ExpiringMonth[]> {
  const start = `${from.slice(0, 7)}-01`;
  const endMonth = Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7)) - 1 + months;
  const end = `${String(Math.floor(endMonth / 12)).padStart(4, "0")}-${String((endMonth % 12) + 1).padStart(2, "0")}-01`;
  // The unary + keep SQLite on the issuer's filings: the code and expiration indexes span every issuer.
  const rows = await db.$queryRaw<{ month: string; shares: number | null; grants: number | bigint }[]>`
    SELECT substr(d.expirationDate, 1, 7) AS month, SUM(COALESCE(d.underlyingShares, d.shares)) AS shares, COUNT(*) AS grants
    FROM Filing f JOIN DerivativeRow d ON d.filingId = f.id
    WHERE f.issuerId = ${issuerId} AND +d.transactionCode = 'A' AND +d.expirationDate >= ${start} AND +d.expirationDate < ${end}
      AND NOT EXISTS (SELECT 1 FROM Filing a WHERE a.amendsId = f.id)
    GROUP BY month ORDER BY month`;
  return rows.map((r) => ({ month: r.month, shares: Number(r.shares ?? 0), grants: Number(r.grants) }));
}
