import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";

export const DEFAULT_DATABASE_URL = "file:./data/app.db";

/**
 * Read through memory-mapped pages and a 64 MB page cache: browse pages touch a few thousand
 * scattered rows of a large database, and with SQLite's 2 MB default cache every visit reads
 * them again through a system call each.
 */
const CONNECTION_PRAGMAS = "PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -65536;";

class TunedSQLite3 extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript(CONNECTION_PRAGMAS);
    return adapter;
  }
}

export function createPrismaClient(url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL): PrismaClient {
  return new PrismaClient({ adapter: new TunedSQLite3({ url }) });
}

// One client per process; cached on globalThis so hot reload in development does not open a new one per edit.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const prisma: PrismaClient = globalForPrisma.prisma ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = prisma;

export type { PrismaClient };
