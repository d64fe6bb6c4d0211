import "server-only";
import { prisma as defaultPrisma, type PrismaClient } from "./client";
import type { Prisma } from "../generated/prisma/client";
import { pageOf } from "./paging";
import type { TFilingFilters } from "../validation/filters";

/** Filings by review status, form type and source format, newest upload first, one page at a time. */
export async function findFilings(filters: Partial<TFilingFilters>, db: PrismaClient = defaultPrisma) {
  const where: Prisma.FilingWhereInput = {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.formType ? { formType: filters.formType } : {}),
    ...(filters.format ? { sourceFormat: filters.format } : {}),
  };
  const total = await db.filing.count({ where });
  const { skip, take, ...paging } = pageOf({ page: filters.page ?? 1, pageSize: filters.pageSize ?? 50, total });
  const rows = await db.filing.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip,
    take,
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
  return { ...paging, total, rows };
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
