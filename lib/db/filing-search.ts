import "server-only";
import { prisma as defaultPrisma, type PrismaClient } from "./client";
import { Prisma } from "../generated/prisma/client";
import { WALK_ABOVE, issuersMatching, ownersMatching } from "./match";
import { pageOf } from "./paging";
import type { TFilingFilters } from "../validation/filters";

/**
 * The filters as SQL over Filing f. Issuer and person filters become subqueries of filing ids
 * answered through the Filing.issuerId and FilingOwner.ownerId indexes; a join over every filing
 * takes seconds at 100,000 of them.
 */
function filingConditions(f: Partial<TFilingFilters>): Prisma.Sql[] {
  const c: Prisma.Sql[] = [];
  if (f.status) c.push(Prisma.sql`f.status = ${f.status}`);
  if (f.formType) c.push(Prisma.sql`f.formType = ${f.formType}`);
  if (f.format) c.push(Prisma.sql`f.sourceFormat = ${f.format}`);
  if (f.issuer) c.push(Prisma.sql`f.issuerId IN (${issuersMatching(f.issuer)})`);
  if (f.insider) c.push(Prisma.sql`f.id IN (SELECT filingId FROM FilingOwner WHERE ownerId IN (${ownersMatching(f.insider)}))`);
  if (f.from) c.push(Prisma.sql`f.periodOfReport >= ${f.from}`);
  if (f.to) c.push(Prisma.sql`f.periodOfReport <= ${f.to}`);
  return c;
}

/** Filings matching the filters (status, form, format, issuer, person, dates), newest upload first, one page at a time. */
export async function findFilings(filters: Partial<TFilingFilters>, db: PrismaClient = defaultPrisma) {
  const conditions = filingConditions(filters);
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const [{ n }] = await db.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS n FROM Filing f ${where}`;
  const total = Number(n);
  const { skip, take, ...paging } = pageOf({ page: filters.page ?? 1, pageSize: filters.pageSize ?? 50, total });
  // Many matches: read newest first through the upload-time index and stop at the page; few: let SQLite filter, then
  // sort them. Status, form and format have their own (column, createdAt) indexes, which SQLite picks by itself.
  const walk = total > WALK_ABOVE && !filters.status && !filters.formType && !filters.format;
  const from = walk ? Prisma.sql`Filing f INDEXED BY Filing_createdAt_idx` : Prisma.sql`Filing f`;
  const ids = (await db.$queryRaw<{ id: number | bigint }[]>`
    SELECT f.id FROM ${from} ${where} ORDER BY f.createdAt DESC, f.id DESC LIMIT ${take} OFFSET ${skip}`).map((r) => Number(r.id));
  const found = await db.filing.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      formType: true,
      periodOfReport: true,
      status: true,
      sourceFormat: true,
      fileName: true,
      uncertainCount: true,
      createdAt: true,
      issuer: { select: { id: true, name: true, ticker: true } },
      owners: { orderBy: { position: "asc" }, select: { nameAsFiled: true, ownerId: true } },
    },
  });
  const byId = new Map(found.map((r) => [r.id, r]));
  return { ...paging, total, rows: ids.map((id) => byId.get(id)!) };
}

/** Filings whose file name, issuer name or ticker, or a reporting person's name as filed contains the text. */
export async function searchFilings({ q, limit = 20 }: { q: string; limit?: number }, db: PrismaClient = defaultPrisma) {
  const term = q.trim();
  if (!term) return [];
  const id = /^#?(\d{1,9})$/.exec(term);
  return db.filing.findMany({
    where: {
      OR: [
        ...(id ? [{ id: Number(id[1]) }] : []),
        { fileName: { contains: term } },
        { issuer: { OR: [{ name: { contains: term } }, { ticker: term.toUpperCase() }] } },
        { owners: { some: { nameAsFiled: { contains: term } } } },
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      formType: true,
      periodOfReport: true,
      fileName: true,
      status: true,
      issuer: { select: { name: true, ticker: true } },
      owners: { orderBy: { position: "asc" }, select: { nameAsFiled: true } },
    },
  });
}
