import "server-only";
import { prisma as defaultPrisma, type PrismaClient } from "./client";
import { storeFiling } from "./filings";
import { generateFilings, type GenerateOptions } from "./generate";

/** Stores generated filings one by one through storeFiling, exactly as uploads are stored. */
export async function storeGeneratedFilings(opts: GenerateOptions, db: PrismaClient = defaultPrisma): Promise<number[]> {
  const ids: number[] = [];
  for (const g of generateFilings(opts)) {
    const r = await storeFiling({ filing: g.filing, fileName: g.fileName, rawText: g.rawText }, db);
    if (r.status === "stored" && g.status === "reviewed") {
      await db.filing.update({ where: { id: r.filingId }, data: { status: "reviewed" } });
    }
    ids.push(r.filingId);
  }
  return ids;
}
