import "server-only";
import { prisma as defaultPrisma } from "./client";
import { ROW_ACTIONS, encode, same, shapeInDb, standingChanges, type Db } from "./mutate";
import { appendRow, dropRow, loadCurrent, reschedule, writeField } from "./edits";
import { parseText, ParseError, type DetectedFormat, type Filing } from "../parse";
import { resolvePointer, rowPointer, valueAt, type RowTable } from "../review/fields";
import { openUncertain } from "../review/uncertain";
import { ConflictError, NotFoundError, ValidationError } from "../errors";

const PARSEABLE: readonly string[] = ["edgar-xml", "edgar-submission", "edgar-html", "ocr-markdown", "ocr-text", "pdf-text"] satisfies DetectedFormat[];

export interface ReparseResult {
  version: number;
  applied: { pointer: string; from: unknown; to: unknown }[];
  /** Rows the new parse found (added at the end) or no longer finds (removed from the end). */
  rows: { table: RowTable; index: number; action: "add-row" | "remove-row" }[];
  disagreements: { pointer: string; analystValue: unknown; parserValue: unknown }[];
}

/** Every pointer of the filing an analyst may correct: its scalar members, one and two levels down, that the field registry knows. */
function editablePointers(filing: Filing): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(filing)) {
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        if (item && typeof item === "object") for (const column of Object.keys(item)) out.push(`/${key}/${index}/${column}`);
      });
    } else if (value && typeof value === "object") {
      for (const column of Object.keys(value)) out.push(`/${key}/${column}`);
    } else {
      out.push(`/${key}`);
    }
  }
  return out.filter((p) => resolvePointer(p) !== null);
}

/**
 * Parses the stored source again with the current parser and brings the filing up to date
 * without losing work: a field an analyst corrected keeps the analyst's value (a different new
 * parse is reported as a disagreement); any other field takes the new parse's value, recorded as
 * a revertible "reparse" change. parsedJson stays the upload-time parse; the new one goes to reparsedJson.
 */
export async function reparseFiling({ filingId, author, expectedVersion }: { filingId: number; author: string; expectedVersion: number }, db: Db = defaultPrisma): Promise<ReparseResult> {
  if (!author.trim()) throw new ValidationError("Say who you are before changing a filing.");
  return db.$transaction(async (tx) => {
    const stored = await tx.filing.findUnique({ where: { id: filingId }, select: { version: true, rawText: true, sourceFormat: true, parsedJson: true, confidenceJson: true, reviewedJson: true } });
    if (!stored) throw new NotFoundError(`Filing #${filingId} does not exist.`);
    // A re-parse touches fields across the whole filing, so any change since the analyst's copy makes it stale.
    if (stored.version !== expectedVersion) {
      throw new ConflictError("This filing changed since you opened it; reload and re-parse again.", "/", null, stored.version, null);
    }
    if (!PARSEABLE.includes(stored.sourceFormat)) throw new ValidationError(`Filings read as ${stored.sourceFormat} cannot be re-parsed.`);
    let next: Filing;
    try {
      next = parseText(stored.rawText, stored.sourceFormat as DetectedFormat);
    } catch (err) {
      if (err instanceof ParseError) throw new ValidationError(`The current parser cannot read this filing's source: ${err.message}.`);
      throw err;
    }
    next.source = (JSON.parse(stored.parsedJson) as Filing).source;

    const current = await loadCurrent(tx, filingId);
    if (!current) throw new NotFoundError(`Filing #${filingId} does not exist.`);

    const edits = await tx.fieldEdit.findMany({ where: { filingId, action: "edit" }, select: { id: true, pointer: true } });
    const reverted = new Set((await tx.fieldEdit.findMany({ where: { filingId, revertsId: { not: null } }, select: { revertsId: true } })).map((r) => r.revertsId));
    const corrected = new Set(edits.filter((e) => !reverted.has(e.id)).map((e) => e.pointer));
    const rowChanges = standingChanges(
      await tx.fieldEdit.findMany({ where: { filingId, action: { in: ROW_ACTIONS } }, select: { id: true, pointer: true, revertsId: true } }),
      reverted,
    );
    const standingRowChange = (table: string) => rowChanges.some((c) => c.pointer.startsWith(`/${table}/`));

    // Rows the new parse found or lost are added or removed at the end, each a revertible row change,
    // unless the analyst worked on that table: their corrections are tied to rows by position.
    const rowEdits: { table: RowTable; index: number; action: "add-row" | "remove-row"; oldValue: unknown; newValue: unknown }[] = [];
    for (const [table, name] of [["nonDerivative", "Table I"], ["derivative", "Table II"]] as const) {
      const have = current[table].length;
      const want = next[table].length;
      if (have === want) continue;
      if (standingRowChange(table) || [...corrected].some((p) => p.startsWith(`/${table}/`))) {
        throw new ValidationError(
          `The current parser reads ${want} ${name} row(s) where the filing has ${have}, and ${name} has corrections tied to its rows; revert them or correct the rows by hand.`,
        );
      }
      for (let index = have; index < want; index++) {
        await appendRow(tx, filingId, table, index, next[table][index]);
        rowEdits.push({ table, index, action: "add-row", oldValue: null, newValue: next[table][index] });
      }
      for (let index = have - 1; index >= want; index--) {
        await dropRow(tx, filingId, table, index);
        rowEdits.push({ table, index, action: "remove-row", oldValue: current[table][index], newValue: null });
      }
    }

    const applied: ReparseResult["applied"] = [];
    const disagreements: ReparseResult["disagreements"] = [];
    for (const pointer of editablePointers(current)) {
      const parserValue = valueAt(next, pointer);
      // Owners, footnotes or signatures the new parse does not have: nothing to compare with.
      if (parserValue === undefined) continue;
      const value = valueAt(current, pointer) ?? null;
      if (same(value, parserValue)) continue;
      if (corrected.has(pointer)) {
        disagreements.push({ pointer, analystValue: value, parserValue });
        continue;
      }
      await writeField(tx, filingId, resolvePointer(pointer)!, parserValue);
      await reschedule(tx, filingId, pointer);
      applied.push({ pointer, from: value, to: parserValue });
    }

    const oldConfidence = JSON.parse(stored.confidenceJson) as Record<string, number>;
    const confidence = Object.fromEntries([
      ...Object.entries(next.fieldConfidence).filter(([p]) => !corrected.has(p)),
      ...Object.entries(oldConfidence).filter(([p]) => corrected.has(p)),
    ]);
    // An acceptance was of the old value; a field whose value the re-parse changed is to be checked again.
    const changed = new Set(applied.map((a) => a.pointer));
    const reviewed = (JSON.parse(stored.reviewedJson) as string[]).filter((p) => !changed.has(p));
    const version = stored.version + 1;
    const bumped = await tx.filing.updateMany({
      where: { id: filingId, version: stored.version },
      data: {
        version,
        reparsedJson: JSON.stringify(next),
        confidenceJson: JSON.stringify(confidence),
        reviewedJson: JSON.stringify(reviewed),
        uncertainCount: openUncertain(confidence, reviewed, await shapeInDb(tx, filingId)).length,
      },
    });
    if (bumped.count !== 1) throw new ConflictError("Someone else changed this filing at the same moment; reload and try again.", "/", null, stored.version, null);
    await tx.fieldEdit.createMany({
      data: [
        ...rowEdits.map((r) => ({ filingId, pointer: rowPointer(r.table, r.index), action: r.action, oldValue: encode(r.oldValue), newValue: encode(r.newValue), reason: "re-parse", author: author.trim(), filingVersion: version })),
        ...applied.map((a) => ({ filingId, pointer: a.pointer, action: "reparse", oldValue: encode(a.from), newValue: encode(a.to), author: author.trim(), filingVersion: version })),
      ],
    });
    return { version, applied, rows: rowEdits.map(({ table, index, action }) => ({ table, index, action })), disagreements };
  });
}
