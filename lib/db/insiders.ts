import "server-only";
import { prisma as defaultPrisma, type PrismaClient } from "./client";
import { Prisma } from "../generated/prisma/client";
import { nameKey } from "../names";
import { editDistance } from "../fuzzy";
import { pageOf, type Page } from "./paging";

type Db = PrismaClient;

/**
 * Records merged into another person count as that person. Merges always point at the
 * surviving record (mergeInsiders repoints earlier merges), so one level of lookup suffices.
 */
const personOf = Prisma.sql`COALESCE(o.mergedIntoId, o.id)`;

/** Filing owners that are these persons or were merged into them; written so SQLite can use the ownerId index. */
function ownedBy(personIds: number[]) {
  const ids = Prisma.join(personIds);
  return Prisma.sql`fo.ownerId IN (SELECT id FROM ReportingOwner WHERE id IN (${ids}) OR mergedIntoId IN (${ids}))`;
}

/** The record ids that stand for one person: the record itself and every record merged into it. */
export async function personRecordIds({ ownerId }: { ownerId: number }, db: Db = defaultPrisma): Promise<number[]> {
  const merged = await db.reportingOwner.findMany({ where: { mergedIntoId: ownerId }, select: { id: true } });
  return [ownerId, ...merged.map((m) => m.id)];
}

export interface InsiderRow {
  id: number;
  name: string;
  /** Other spellings merged into this person. */
  aliases: string[];
  issuers: { id: number; name: string; ticker: string | null }[];
  latestFiling: { id: number; periodOfReport: string | null; formType: string } | null;
  grantCount: number;
}

/**
 * Which reporting owners match a search: every spelling that reduces to the same nameKey,
 * any substring of it, and (when that finds little) names within a couple of typos per word.
 * A match on a merged-away spelling finds the person it was merged into. Best matches first.
 */
export async function matchInsiderIds({ q }: { q: string }, db: Db = defaultPrisma): Promise<number[]> {
  const key = nameKey(q);
  if (!key) return [];
  const substring = await db.$queryRaw<{ id: number }[]>`
    SELECT DISTINCT ${personOf} AS id FROM ReportingOwner o WHERE o.nameKey LIKE ${`%${key.replace(/[%_]/g, "")}%`} LIMIT 1000`;
  if (substring.length >= 5) return substring.map((r) => Number(r.id));
  // Fuzzy: candidates share the first three letters of some word, then words are compared by edit distance.
  const words = key.split(" ").filter((w) => w.length >= 3);
  if (words.length === 0) return substring.map((r) => Number(r.id));
  const like = Prisma.join(
    words.flatMap((w) => [Prisma.sql`o.nameKey LIKE ${`${w.slice(0, 3)}%`}`, Prisma.sql`o.nameKey LIKE ${`% ${w.slice(0, 3)}%`}`]),
    " OR ",
  );
  const candidates = await db.$queryRaw<{ id: number; nameKey: string }[]>`
    SELECT ${personOf} AS id, o.nameKey FROM ReportingOwner o WHERE ${like} LIMIT 5000`;
  // Every word must match in a short query; one of three or more may be missing or garbled beyond repair.
  const needed = words.length <= 2 ? words.length : words.length - 1;
  const scored = candidates
    .map((c) => ({ id: Number(c.id), score: fuzzyScore(words, c.nameKey.split(" ")) }))
    .filter((c) => c.score >= needed);
  return [...new Set([...substring.map((r) => Number(r.id)), ...scored.sort((a, b) => b.score - a.score).map((c) => c.id)])];
}

/** Number of query words that some name word matches within a typo budget (one per four letters). */
function fuzzyScore(query: string[], name: string[]): number {
  let score = 0;
  for (const q of query) {
    const budget = Math.max(1, Math.floor(q.length / 4));
    if (name.some((n) => n.startsWith(q) || editDistance(q, n) <= budget)) score++;
  }
  return score;
}

export async function findInsiders(
  { q = "", page = 1, pageSize = 50 }: { q?: string; page?: number; pageSize?: number },
  db: Db = defaultPrisma,
): Promise<Page<InsiderRow>> {
  const ids = nameKey(q) ? await matchInsiderIds({ q }, db) : null;
  const where: Prisma.ReportingOwnerWhereInput = { mergedIntoId: null, ...(ids ? { id: { in: ids } } : {}) };
  const total = await db.reportingOwner.count({ where });
  const { skip, take, ...paging } = pageOf({ page, pageSize, total });
  const owners = await db.reportingOwner.findMany({
    where,
    orderBy: [{ nameKey: "asc" }, { id: "asc" }],
    skip,
    take,
    select: { id: true, name: true, mergedFrom: { select: { name: true } } },
  });
  if (owners.length === 0) return { ...paging, total, rows: [] };
  const mine = ownedBy(owners.map((o) => o.id));
  // Issuers and latest filings come from the OwnerIssuer summary, not from every filing of fifty people.
  const [issuers, latest, grants] = await Promise.all([
    db.$queryRaw<{ pid: number; id: number; name: string; ticker: string | null }[]>`
      SELECT DISTINCT ${personOf} AS pid, i.id, i.name, i.ticker
      FROM OwnerIssuer fo JOIN ReportingOwner o ON o.id = fo.ownerId JOIN Issuer i ON i.id = fo.issuerId
      WHERE ${mine} ORDER BY i.name`,
    db.$queryRaw<{ pid: number; id: number; periodOfReport: string | null; formType: string }[]>`
      SELECT pid, f.id, f.periodOfReport, f.formType FROM (
        SELECT ${personOf} AS pid, fo.latestFilingId,
          ROW_NUMBER() OVER (PARTITION BY ${personOf} ORDER BY fo.latestPeriod DESC, fo.latestFilingId DESC) AS rn
        FROM OwnerIssuer fo JOIN ReportingOwner o ON o.id = fo.ownerId
        WHERE ${mine}
      ) x JOIN Filing f ON f.id = x.latestFilingId WHERE rn = 1`,
    // The unary + keeps SQLite from scanning every grant through the code index: this person's filings are far fewer.
    db.$queryRaw<{ pid: number; n: number | bigint }[]>`
      SELECT ${personOf} AS pid, COUNT(*) AS n
      FROM FilingOwner fo JOIN ReportingOwner o ON o.id = fo.ownerId JOIN DerivativeRow d ON d.filingId = fo.filingId
      WHERE ${mine} AND +d.transactionCode = 'A' AND NOT EXISTS (SELECT 1 FROM Filing a WHERE a.amendsId = d.filingId)
      GROUP BY ${personOf}`,
  ]);
  const rows = owners.map((o) => {
    const l = latest.find((x) => Number(x.pid) === o.id);
    return {
      id: o.id,
      name: o.name,
      aliases: o.mergedFrom.map((m) => m.name),
      issuers: issuers.filter((x) => Number(x.pid) === o.id).map((x) => ({ id: Number(x.id), name: x.name, ticker: x.ticker })),
      latestFiling: l ? { id: Number(l.id), periodOfReport: l.periodOfReport, formType: l.formType } : null,
      grantCount: Number(grants.find((x) => Number(x.pid) === o.id)?.n ?? 0),
    };
  });
  return { ...paging, total, rows };
}

/** One insider; `mergedIntoId` set means the page should follow it to the surviving record. */
export async function getInsider({ id }: { id: number }, db: Db = defaultPrisma) {
  return db.reportingOwner.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      cik: true,
      city: true,
      state: true,
      mergedIntoId: true,
      mergedFrom: { select: { id: true, name: true, cik: true }, orderBy: { id: "asc" } },
    },
  });
}

export interface HoldingRow {
  table: "nonDerivative" | "derivative";
  issuerId: number;
  issuerName: string;
  ticker: string | null;
  securityTitle: string;
  directOrIndirect: "D" | "I";
  natureOfOwnership: string | null;
  /** Derivative holdings only: one line per exercise price and expiration. */
  exercisePrice: number | null;
  expirationDate: string | null;
  shares: number;
  filingId: number;
  formType: string;
  periodOfReport: string | null;
}

/**
 * What an insider holds, per issuer and security, direct and indirect apart: the amount
 * owned following the latest reported row (column 5 of Table I, column 9 of Table II).
 * Later filings win; within one filing, the last row; an amendment wins over its original.
 */
export async function findHoldings({ ownerId }: { ownerId: number }, db: Db = defaultPrisma): Promise<HoldingRow[]> {
  const rows = await db.$queryRaw<(Omit<HoldingRow, "issuerId" | "filingId" | "shares"> & { issuerId: number | bigint; filingId: number | bigint; shares: number })[]>`
    SELECT "table", issuerId, issuerName, ticker, securityTitle, directOrIndirect, natureOfOwnership, exercisePrice, expirationDate, shares, filingId, formType, periodOfReport
    FROM (
      SELECT *, ROW_NUMBER() OVER (
        PARTITION BY "table", issuerId, securityTitle, directOrIndirect, COALESCE(natureOfOwnership, ''), COALESCE(exercisePrice, -1), COALESCE(expirationDate, '')
        ORDER BY periodOfReport DESC, filingId DESC, position DESC) AS rn
      FROM (
        SELECT 'nonDerivative' AS "table", f.issuerId, i.name AS issuerName, i.ticker, r.securityTitle, COALESCE(r.directOrIndirect, 'D') AS directOrIndirect,
          r.natureOfOwnership, NULL AS exercisePrice, NULL AS expirationDate, r.sharesOwnedFollowing AS shares, f.id AS filingId, f.formType, f.periodOfReport, r.position
        FROM NonDerivativeRow r JOIN Filing f ON f.id = r.filingId JOIN Issuer i ON i.id = f.issuerId
          JOIN FilingOwner fo ON fo.filingId = f.id JOIN ReportingOwner o ON o.id = fo.ownerId
        WHERE ${ownedBy([ownerId])} AND r.sharesOwnedFollowing IS NOT NULL
        UNION ALL
        SELECT 'derivative', f.issuerId, i.name, i.ticker, r.securityTitle, COALESCE(r.directOrIndirect, 'D'),
          r.natureOfOwnership, r.conversionOrExercisePrice, r.expirationDate, r.sharesOwnedFollowing, f.id, f.formType, f.periodOfReport, r.position
        FROM DerivativeRow r JOIN Filing f ON f.id = r.filingId JOIN Issuer i ON i.id = f.issuerId
          JOIN FilingOwner fo ON fo.filingId = f.id JOIN ReportingOwner o ON o.id = fo.ownerId
        WHERE ${ownedBy([ownerId])} AND r.sharesOwnedFollowing IS NOT NULL
      )
    )
    WHERE rn = 1
    ORDER BY issuerName, "table" DESC, securityTitle, directOrIndirect, expirationDate`;
  return rows.map((r) => ({ ...r, issuerId: Number(r.issuerId), filingId: Number(r.filingId), shares: Number(r.shares) }));
}

export async function findInsiderFilings(
  { ownerId, page = 1, pageSize = 25 }: { ownerId: number; page?: number; pageSize?: number },
  db: Db = defaultPrisma,
) {
  const records = await personRecordIds({ ownerId }, db);
  // Through the FilingOwner.ownerId index when the list is short; Prisma's relation filter scans every filing.
  const links = await db.filingOwner.findMany({ where: { ownerId: { in: records } }, select: { filingId: true }, take: 901 });
  const where: Prisma.FilingWhereInput =
    links.length <= 900 ? { id: { in: links.map((l) => l.filingId) } } : { owners: { some: { ownerId: { in: records } } } };
  const total = await db.filing.count({ where });
  const { skip, take, ...paging } = pageOf({ page, pageSize, total });
  const rows = await db.filing.findMany({
    where,
    orderBy: [{ periodOfReport: "desc" }, { id: "desc" }],
    skip,
    take,
    select: {
      id: true,
      formType: true,
      periodOfReport: true,
      status: true,
      uncertainCount: true,
      sourceFormat: true,
      issuer: { select: { id: true, name: true, ticker: true } },
      owners: { select: { nameAsFiled: true, ownerId: true }, orderBy: { position: "asc" } },
    },
  });
  return { ...paging, total, rows };
}
