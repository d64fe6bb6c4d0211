import "server-only";
import { prisma as defaultPrisma, type PrismaClient } from "./client";
import { matchInsiderIds } from "./insiders";

type Db = PrismaClient;

/** A merge refused for a reason the analyst can act on; the message is shown. */
export class MergeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MergeError";
  }
}

/**
 * Records that may be the same person as this one: other spellings found by the name search,
 * not yet merged anywhere. Offered on the insider page as merge candidates.
 */
export async function findMergeCandidates({ ownerId, limit = 8 }: { ownerId: number; limit?: number }, db: Db = defaultPrisma) {
  const owner = await db.reportingOwner.findUnique({ where: { id: ownerId }, select: { name: true } });
  if (!owner) return [];
  const ids = (await matchInsiderIds({ q: owner.name }, db)).filter((id) => id !== ownerId).slice(0, limit);
  const rows = await db.reportingOwner.findMany({
    where: { id: { in: ids }, mergedIntoId: null },
    select: { id: true, name: true, filings: { take: 20, select: { filing: { select: { issuer: { select: { name: true, ticker: true } } } } } } },
  });
  return ids.flatMap((id) => {
    const r = rows.find((x) => x.id === id);
    if (!r) return [];
    return [{ id, name: r.name, issuers: [...new Set(r.filings.map((f) => f.filing.issuer.ticker ?? f.filing.issuer.name))] }];
  });
}

/**
 * Merges one insider record into another: the source's filings then count as the target's.
 * Records earlier merged into the source move to the target, so merges stay one level deep.
 * The audit trail gets one "merge" entry per affected filing (FieldEdit belongs to a filing),
 * at the pointer of the reporting person on that filing, old and new person ids as values.
 */
export async function mergeInsiders(
  { sourceId, targetId, author, reason }: { sourceId: number; targetId: number; author: string; reason?: string | null },
  db: Db = defaultPrisma,
): Promise<{ filingsMoved: number }> {
  if (sourceId === targetId) throw new MergeError("A record cannot be merged into itself.");
  if (!author.trim()) throw new MergeError("Say who you are before merging records.");
  return db.$transaction(async (tx) => {
    const [source, target] = await Promise.all([
      tx.reportingOwner.findUnique({ where: { id: sourceId }, select: { id: true, name: true, mergedIntoId: true } }),
      tx.reportingOwner.findUnique({ where: { id: targetId }, select: { id: true, name: true, mergedIntoId: true } }),
    ]);
    if (!source || !target) throw new MergeError("One of the two insider records no longer exists.");
    if (source.mergedIntoId) throw new MergeError(`${source.name} was already merged into another person.`);
    if (target.mergedIntoId) throw new MergeError(`${target.name} was itself merged into another person; merge into that person instead.`);
    const moved = [source.id, ...(await tx.reportingOwner.findMany({ where: { mergedIntoId: source.id }, select: { id: true } })).map((r) => r.id)];
    await tx.reportingOwner.updateMany({ where: { mergedIntoId: source.id }, data: { mergedIntoId: target.id } });
    await tx.reportingOwner.update({ where: { id: source.id }, data: { mergedIntoId: target.id } });
    const links = await tx.filingOwner.findMany({ where: { ownerId: { in: moved } }, select: { filingId: true, position: true, nameAsFiled: true } });
    if (links.length > 0) {
      await tx.fieldEdit.createMany({
        data: links.map((l) => ({
          filingId: l.filingId,
          pointer: `/reportingOwners/${l.position}`,
          action: "merge",
          oldValue: JSON.stringify({ personId: source.id, name: source.name }),
          newValue: JSON.stringify({ personId: target.id, name: target.name }),
          author: author.trim(),
          reason: reason?.trim() || `Merged "${l.nameAsFiled}" into ${target.name}`,
        })),
      });
    }
    return { filingsMoved: links.length };
  });
}

/**
 * Undoes a merge for one record: it stands as its own person again, with its filings. Recorded
 * like the merge, one "unmerge" entry per affected filing, so the history of each filing shows
 * which person its reporting owner counted as, and since when.
 */
export async function unmergeInsider(
  { recordId, author, reason }: { recordId: number; author: string; reason?: string | null },
  db: Db = defaultPrisma,
): Promise<{ personId: number; filingsMoved: number }> {
  if (!author.trim()) throw new MergeError("Say who you are before separating records.");
  return db.$transaction(async (tx) => {
    const record = await tx.reportingOwner.findUnique({ where: { id: recordId }, select: { id: true, name: true, mergedInto: { select: { id: true, name: true } } } });
    if (!record) throw new MergeError("That insider record no longer exists.");
    if (!record.mergedInto) throw new MergeError(`${record.name} is not merged into another person.`);
    const person = record.mergedInto;
    await tx.reportingOwner.update({ where: { id: record.id }, data: { mergedIntoId: null } });
    const links = await tx.filingOwner.findMany({ where: { ownerId: record.id }, select: { filingId: true, position: true, nameAsFiled: true } });
    if (links.length > 0) {
      await tx.fieldEdit.createMany({
        data: links.map((l) => ({
          filingId: l.filingId,
          pointer: `/reportingOwners/${l.position}`,
          action: "unmerge",
          oldValue: JSON.stringify({ personId: person.id, name: person.name }),
          newValue: JSON.stringify({ personId: record.id, name: record.name }),
          author: author.trim(),
          reason: reason?.trim() || `Separated "${l.nameAsFiled}" from ${person.name}`,
        })),
      });
    }
    return { personId: person.id, filingsMoved: links.length };
  });
}
