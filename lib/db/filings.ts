import "server-only";
import { prisma as defaultPrisma, type PrismaClient } from "./client";
import type { Filing } from "../parse/types";
import { openUncertain, shapeOf } from "../review/uncertain";
import { nameKey } from "../names";
import { linkAmendments } from "./amendments";

type Db = PrismaClient;
type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export type StoreResult =
  | { status: "stored"; filingId: number }
  | { status: "duplicate"; filingId: number };

/** Fields of a newly parsed filing the review screen will show as uncertain. */
export const countUncertain = (filing: Filing): number => openUncertain(filing.fieldConfidence, [], shapeOf(filing)).length;

async function upsertIssuer(tx: Tx, issuer: Filing["issuer"]): Promise<number> {
  const name = issuer.name.trim() || "(unreadable issuer)";
  if (issuer.cik) {
    const row = await tx.issuer.upsert({
      where: { cik: issuer.cik },
      create: { name, ticker: issuer.ticker, cik: issuer.cik },
      update: {},
      select: { id: true },
    });
    return row.id;
  }
  // OCR filings carry no CIK: the same ticker, or else the same name, is the same issuer.
  const existing = await tx.issuer.findFirst({
    where: issuer.ticker ? { ticker: issuer.ticker } : { name },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  if (existing) return existing.id;
  const created = await tx.issuer.create({ data: { name, ticker: issuer.ticker }, select: { id: true } });
  return created.id;
}

async function upsertOwner(tx: Tx, owner: Filing["reportingOwners"][number]): Promise<number> {
  const key = nameKey(owner.name);
  const address = {
    street1: owner.street1,
    street2: owner.street2,
    city: owner.city,
    state: owner.state,
    zip: owner.zip,
  };
  if (owner.cik) {
    const row = await tx.reportingOwner.upsert({
      where: { cik: owner.cik },
      create: { name: owner.name, nameKey: key, cik: owner.cik, ...address },
      update: {},
      select: { id: true },
    });
    return row.id;
  }
  const existing = await tx.reportingOwner.findFirst({ where: { nameKey: key }, select: { id: true }, orderBy: { id: "asc" } });
  if (existing) return existing.id;
  const created = await tx.reportingOwner.create({ data: { name: owner.name, nameKey: key, ...address }, select: { id: true } });
  return created.id;
}

export interface StoreFilingInput {
  filing: Filing;
  fileName: string;
  rawText: string;
}

/**
 * Stores one parsed filing and everything under it in a single transaction, so a
 * failure leaves nothing behind. The same bytes uploaded again return the existing filing.
 */
export async function storeFiling({ filing, fileName, rawText }: StoreFilingInput, db: Db = defaultPrisma): Promise<StoreResult> {
  const sha256 = filing.source.sha256;
  if (!sha256) throw new Error("storeFiling needs the source sha256");
  const existing = await db.filing.findUnique({ where: { sha256 }, select: { id: true } });
  if (existing) return { status: "duplicate", filingId: existing.id };
  try {
    const filingId = await db.$transaction(async (tx) => {
      const issuerId = await upsertIssuer(tx, filing.issuer);
      const ownerIds: number[] = [];
      for (const owner of filing.reportingOwners) ownerIds.push(await upsertOwner(tx, owner));
      const created = await tx.filing.create({
        data: {
          formType: filing.formType,
          periodOfReport: filing.periodOfReport,
          dateOfOriginalSubmission: filing.dateOfOriginalSubmission,
          jointFiling: filing.jointFiling,
          aff10b5One: filing.aff10b5One,
          remarks: filing.remarks,
          sourceFormat: filing.source.format,
          fileName,
          rawText,
          sha256,
          parsedJson: JSON.stringify(filing),
          confidenceJson: JSON.stringify(filing.fieldConfidence),
          warningsJson: JSON.stringify(filing.warnings ?? []),
          uncertainCount: countUncertain(filing),
          issuerId,
          owners: {
            create: filing.reportingOwners.map((o, position) => ({
              ownerId: ownerIds[position],
              position,
              nameAsFiled: o.name,
              isDirector: o.isDirector,
              isOfficer: o.isOfficer,
              officerTitle: o.officerTitle,
              isTenPercentOwner: o.isTenPercentOwner,
              isOther: o.isOther,
              otherText: o.otherText,
            })),
          },
          nonDerivative: {
            create: filing.nonDerivative.map((r, position) => ({
              position,
              kind: r.kind,
              securityTitle: r.securityTitle,
              transactionDate: r.transactionDate,
              deemedExecutionDate: r.deemedExecutionDate,
              transactionCode: r.transactionCode,
              equitySwap: r.equitySwap,
              shares: r.shares,
              acquiredDisposed: r.acquiredDisposed,
              price: r.price,
              sharesOwnedFollowing: r.sharesOwnedFollowing,
              directOrIndirect: r.directOrIndirect,
              natureOfOwnership: r.natureOfOwnership,
              footnoteIds: JSON.stringify(r.footnoteIds),
            })),
          },
          footnotes: { create: filing.footnotes.map((f) => ({ marker: f.id, text: f.text })) },
          signatures: { create: filing.signatures.map((s, position) => ({ position, name: s.name, date: s.date })) },
        },
        select: { id: true },
      });
      const derivativeIds: number[] = [];
      for (const [position, r] of filing.derivative.entries()) {
        const row = await tx.derivativeRow.create({
          data: {
            filingId: created.id,
            position,
            kind: r.kind,
            securityTitle: r.securityTitle,
            conversionOrExercisePrice: r.conversionOrExercisePrice,
            transactionDate: r.transactionDate,
            deemedExecutionDate: r.deemedExecutionDate,
            transactionCode: r.transactionCode,
            equitySwap: r.equitySwap,
            shares: r.shares,
            acquiredDisposed: r.acquiredDisposed,
            exerciseDate: r.exerciseDate,
            exercisableImmediately: r.exercisableImmediately,
            expirationDate: r.expirationDate,
            underlyingTitle: r.underlyingTitle,
            underlyingShares: r.underlyingShares,
            price: r.price,
            sharesOwnedFollowing: r.sharesOwnedFollowing,
            directOrIndirect: r.directOrIndirect,
            natureOfOwnership: r.natureOfOwnership,
            footnoteIds: JSON.stringify(r.footnoteIds),
          },
          select: { id: true },
        });
        derivativeIds.push(row.id);
      }
      for (const v of filing.vesting) {
        const { row, totalShares, commencementDate, sourceFootnoteIds, tranches, model } = v;
        await tx.vestingSchedule.create({
          data: {
            filingId: created.id,
            rowTable: row.table,
            rowIndex: row.index,
            derivativeRowId: row.table === "derivative" ? (derivativeIds[row.index] ?? null) : null,
            totalShares,
            commencementDate,
            modelJson: JSON.stringify(model ?? {}),
            sourceFootnoteIds: JSON.stringify(sourceFootnoteIds ?? []),
            tranches: { create: tranches.map((t, position) => ({ position, date: t.date, shares: t.shares })) },
          },
        });
      }
      await linkAmendments(tx, {
        id: created.id,
        formType: filing.formType,
        issuerId,
        periodOfReport: filing.periodOfReport,
        ownerId: ownerIds[0],
      });
      return created.id;
    });
    return { status: "stored", filingId };
  } catch (err) {
    // Two uploads of the same file at once: the unique sha256 lets only one through.
    if ((err as { code?: string }).code === "P2002") {
      const again = await db.filing.findUnique({ where: { sha256 }, select: { id: true } });
      if (again) return { status: "duplicate", filingId: again.id };
    }
    throw err;
  }
}

export async function getFilingDetail(id: number, db: Db = defaultPrisma) {
  return db.filing.findUnique({
    where: { id },
    include: {
      issuer: true,
      owners: { orderBy: { position: "asc" }, include: { owner: { select: { id: true, name: true } } } },
      nonDerivative: { orderBy: { position: "asc" } },
      derivative: {
        orderBy: { position: "asc" },
        include: { vesting: { include: { tranches: { orderBy: { position: "asc" } } } } },
      },
      footnotes: { orderBy: { id: "asc" } },
      signatures: { orderBy: { position: "asc" } },
      vesting: { orderBy: [{ rowTable: "asc" }, { rowIndex: "asc" }], include: { tranches: { orderBy: { position: "asc" } } } },
    },
  });
}

export type FilingDetail = NonNullable<Awaited<ReturnType<typeof getFilingDetail>>>;

export async function listRecentFilings({ limit = 20 }: { limit?: number } = {}, db: Db = defaultPrisma) {
  return db.filing.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
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
}

export async function getCounts(db: Db = defaultPrisma) {
  const [filings, needsReview, issuers, insiders, grants] = await Promise.all([
    db.filing.count(),
    db.filing.count({ where: { status: "needs_review" } }),
    db.issuer.count(),
    db.reportingOwner.count({ where: { mergedIntoId: null } }),
    db.derivativeRow.count(),
  ]);
  return { filings, needsReview, issuers, insiders, grants };
}

export async function findFilingIdBySha(sha256: string, db: Db = defaultPrisma): Promise<number | null> {
  const row = await db.filing.findUnique({ where: { sha256 }, select: { id: true } });
  return row?.id ?? null;
}
