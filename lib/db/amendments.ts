import type { PrismaClient } from "./client";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** "4/A" -> "4"; an original form type stays as it is. */
export const baseFormType = (formType: string) => formType.replace(/\/A$/, "");

/**
 * Links an amendment to the filing it amends, and an original to amendments stored before it:
 * same issuer, same first reporting owner, same form and period of report.
 */
export async function linkAmendments(
  tx: Tx,
  filing: { id: number; formType: string; issuerId: number; periodOfReport: string | null; ownerId: number | undefined },
): Promise<void> {
  if (!filing.periodOfReport || filing.ownerId === undefined) return;
  const base = baseFormType(filing.formType);
  const sameSubject = {
    issuerId: filing.issuerId,
    periodOfReport: filing.periodOfReport,
    owners: { some: { ownerId: filing.ownerId, position: 0 } },
    id: { not: filing.id },
  };
  if (filing.formType.endsWith("/A")) {
    const original = await tx.filing.findFirst({
      where: { ...sameSubject, formType: base },
      orderBy: { id: "asc" },
      select: { id: true },
    });
    if (original) await tx.filing.update({ where: { id: filing.id }, data: { amendsId: original.id } });
  } else {
    await tx.filing.updateMany({
      where: { ...sameSubject, formType: `${base}/A`, amendsId: null },
      data: { amendsId: filing.id },
    });
  }
}
