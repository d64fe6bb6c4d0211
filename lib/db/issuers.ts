import "server-only";
import { prisma as defaultPrisma, type PrismaClient } from "./client";
import { Prisma } from "../generated/prisma/client";
import { pageOf, type Page } from "./paging";

type Db = PrismaClient;
const personOf = Prisma.sql`COALESCE(o.mergedIntoId, o.id)`;

export interface IssuerRow {
  id: number;
  name: string;
  ticker: string | null;
  cik: string | null;
  filingCount: number;
  insiderCount: number;
  latestPeriod: string | null;
}

export async function findIssuers(
  { q = "", page = 1, pageSize = 50 }: { q?: string; page?: number; pageSize?: number },
  db: Db = defaultPrisma,
): Promise<Page<IssuerRow>> {
  const term = q.trim();
  const where: Prisma.IssuerWhereInput = term ? { OR: [{ name: { contains: term } }, { ticker: term.toUpperCase() }, { cik: term }] } : {};
  const total = await db.issuer.count({ where });
  const { skip, take, ...paging } = pageOf({ page, pageSize, total });
  const issuers = await db.issuer.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    skip,
    take,
    select: { id: true, name: true, ticker: true, cik: true },
  });
  if (issuers.length === 0) return { ...paging, total, rows: [] };
  const ids = Prisma.join(issuers.map((i) => i.id));
  // Counts through the (issuerId, periodOfReport) index and the OwnerIssuer summary: reading every
  // filing of fifty issuers takes tens of milliseconds at 100,000 filings.
  const [filings, insiders] = await Promise.all([
    db.$queryRaw<{ issuerId: number | bigint; filings: number | bigint; latest: string | null }[]>`
      SELECT issuerId, COUNT(*) AS filings, MAX(periodOfReport) AS latest FROM Filing WHERE issuerId IN (${ids}) GROUP BY issuerId`,
    db.$queryRaw<{ issuerId: number | bigint; insiders: number | bigint }[]>`
      SELECT oi.issuerId, COUNT(DISTINCT ${personOf}) AS insiders
      FROM OwnerIssuer oi JOIN ReportingOwner o ON o.id = oi.ownerId
      WHERE oi.issuerId IN (${ids}) GROUP BY oi.issuerId`,
  ]);
  return {
    ...paging,
    total,
    rows: issuers.map((i) => {
      const f = filings.find((x) => Number(x.issuerId) === i.id);
      const p = insiders.find((x) => Number(x.issuerId) === i.id);
      return { ...i, filingCount: Number(f?.filings ?? 0), insiderCount: Number(p?.insiders ?? 0), latestPeriod: f?.latest ?? null };
    }),
  };
}

export async function getIssuer({ id }: { id: number }, db: Db = defaultPrisma) {
  return db.issuer.findUnique({ where: { id }, select: { id: true, name: true, ticker: true, cik: true } });
}

export interface IssuerInsiderRow {
  id: number;
  name: string;
  /** Relationship boxes as ticked on the person's latest filing for this issuer. */
  isDirector: boolean;
  isOfficer: boolean;
  officerTitle: string | null;
  isTenPercentOwner: boolean;
  isOther: boolean;
  otherText: string | null;
  filingCount: number;
  latestFilingId: number;
  latestPeriod: string | null;
}

/** The people who filed for an issuer (merged spellings as one), with their roles as last reported. */
export async function findIssuerInsiders({ issuerId }: { issuerId: number }, db: Db = defaultPrisma): Promise<IssuerInsiderRow[]> {
  const rows = await db.$queryRaw<(Omit<IssuerInsiderRow, "filingCount"> & { filingCount: number | bigint })[]>`
    SELECT p.id, p.name, x.isDirector, x.isOfficer, x.officerTitle, x.isTenPercentOwner, x.isOther, x.otherText, x.filingCount, x.filingId AS latestFilingId, x.periodOfReport AS latestPeriod
    FROM (
      SELECT ${personOf} AS pid, fo.isDirector, fo.isOfficer, fo.officerTitle, fo.isTenPercentOwner, fo.isOther, fo.otherText, f.id AS filingId, f.periodOfReport,
        COUNT(*) OVER (PARTITION BY ${personOf}) AS filingCount,
        ROW_NUMBER() OVER (PARTITION BY ${personOf} ORDER BY f.periodOfReport DESC, f.id DESC) AS rn
      FROM Filing f JOIN FilingOwner fo ON fo.filingId = f.id JOIN ReportingOwner o ON o.id = fo.ownerId
      WHERE f.issuerId = ${issuerId}
    ) x JOIN ReportingOwner p ON p.id = x.pid
    WHERE x.rn = 1
    ORDER BY x.isOfficer DESC, x.isDirector DESC, p.nameKey`;
  return rows.map((r) => ({
    ...r,
    id: Number(r.id),
    isDirector: Boolean(r.isDirector),
    isOfficer: Boolean(r.isOfficer),
    isTenPercentOwner: Boolean(r.isTenPercentOwner),
    isOther: Boolean(r.isOther),
    filingCount: Number(r.filingCount),
    latestFilingId: Number(r.latestFilingId),
  }));
}

export interface VestingMonth {
  /** YYYY-MM */
  month: string;
  shares: number;
  grants: number;
  insiders: number;
}

/**
 * Shares vesting per calendar month across all of an issuer's insiders, from the vesting
 * tranches read from footnotes. An amended filing is left out: its amendment restates the grant.
 */
export async function findVestingByMonth(
  { issuerId, from, months = 24 }: { issuerId: number; from: string; months?: number },
  db: Db = defaultPrisma,
): Promise<VestingMonth[]> {
  const start = `${from.slice(0, 7)}-01`;
  const [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const endTotal = y * 12 + (m - 1) + months;
  const end = `${String(Math.floor(endTotal / 12)).padStart(4, "0")}-${String((endTotal % 12) + 1).padStart(2, "0")}-01`;
  const rows = await db.$queryRaw<{ month: string; shares: number; grants: number | bigint; insiders: number | bigint }[]>`
    SELECT substr(t.date, 1, 7) AS month, SUM(t.shares) AS shares, COUNT(DISTINCT s.id) AS grants,
      COUNT(DISTINCT (SELECT ${personOf} FROM FilingOwner fo JOIN ReportingOwner o ON o.id = fo.ownerId WHERE fo.filingId = f.id AND fo.position = 0)) AS insiders
    FROM VestingTranche t JOIN VestingSchedule s ON s.id = t.scheduleId JOIN Filing f ON f.id = s.filingId
    WHERE f.issuerId = ${issuerId} AND t.date >= ${start} AND t.date < ${end}
      AND NOT EXISTS (SELECT 1 FROM Filing a WHERE a.amendsId = f.id)
    GROUP BY month ORDER BY month`;
  return rows.map((r) => ({ month: r.month, shares: Number(r.shares), grants: Number(r.grants), insiders: Number(r.insiders) }));
}
