import "server-only";
import { prisma as defaultPrisma } from "./client";
import { ROW_ACTIONS, VALUE_ACTIONS, decode, mutate, refuseUnreachedVersion, same, type Db, type MutationResult, type Tx } from "./mutate";
import type { Tranche } from "../parse/types";
import { buildTranches, storedModel, type VestingModel } from "../vesting/model";
import { ZVestingModel } from "../validation/vesting";
import { rowsAffectedBy, vestingPointer, vestingRowOf } from "../review/vesting";
import { ConflictError, NotFoundError, ValidationError } from "../errors";

/** A grant's schedule as the history records it: enough to put it back exactly. */
export interface ScheduleSnapshot {
  origin: string;
  totalShares: number;
  commencementDate: string | null;
  sourceFootnoteIds: string[];
  model: unknown;
  tranches: Tranche[];
}

async function readSnapshot(tx: Tx, filingId: number, rowIndex: number): Promise<ScheduleSnapshot | null> {
  const s = await tx.vestingSchedule.findUnique({
    where: { filingId_rowTable_rowIndex: { filingId, rowTable: "derivative", rowIndex } },
    include: { tranches: { orderBy: { position: "asc" } } },
  });
  if (!s) return null;
  return {
    origin: s.origin,
    totalShares: s.totalShares,
    commencementDate: s.commencementDate,
    sourceFootnoteIds: JSON.parse(s.sourceFootnoteIds),
    model: storedModel(s.modelJson),
    tranches: s.tranches.map((t) => ({ date: t.date, shares: t.shares })),
  };
}

/** Replaces the row's schedule and all its tranches; null removes it. */
async function writeSnapshot(tx: Tx, filingId: number, rowIndex: number, snapshot: ScheduleSnapshot | null): Promise<void> {
  await tx.vestingSchedule.deleteMany({ where: { filingId, rowTable: "derivative", rowIndex } });
  if (!snapshot) return;
  const row = await tx.derivativeRow.findFirst({ where: { filingId, position: rowIndex }, select: { id: true } });
  if (!row) throw new NotFoundError(`Table II row ${rowIndex + 1} is not on this filing.`);
  await tx.vestingSchedule.create({
    data: {
      filingId,
      rowTable: "derivative",
      rowIndex,
      derivativeRowId: row.id,
      totalShares: snapshot.totalShares,
      commencementDate: snapshot.commencementDate,
      modelJson: JSON.stringify(snapshot.model ?? {}),
      sourceFootnoteIds: JSON.stringify(snapshot.sourceFootnoteIds),
      origin: snapshot.origin,
      tranches: { create: snapshot.tranches.map((t, position) => ({ position, date: t.date, shares: t.shares })) },
    },
  });
}

/**
 * The latest change since `sinceVersion` that could have changed this row's schedule: an edit
 * of the schedule itself, of a field the parser reads it from, or rows of Table II moving.
 */
async function scheduleChangedSince(tx: Tx, filingId: number, sinceVersion: number, rowIndex: number) {
  const edits = await tx.fieldEdit.findMany({
    where: { filingId, filingVersion: { gt: sinceVersion }, action: { in: [...VALUE_ACTIONS, ...ROW_ACTIONS] } },
    orderBy: { id: "desc" },
    select: { author: true, action: true, pointer: true },
  });
  return edits.find((e) => {
    if (e.pointer === vestingPointer(rowIndex)) return true;
    if (e.action.endsWith("-row")) return e.pointer.startsWith("/derivative/");
    const rows = rowsAffectedBy(e.pointer);
    return rows === "all" || rows.some((r) => r.table === "derivative" && r.index === rowIndex);
  });
}

export interface SaveScheduleInput {
  filingId: number;
  /** Position of the grant in Table II. */
  rowIndex: number;
  model: unknown;
  /** Filing.version the analyst's copy was read at. */
  expectedVersion: number;
  author: string;
  reason?: string | null;
}

/**
 * Replaces a grant's schedule with one an analyst entered: its tranches are rebuilt from the
 * model, it becomes the analyst's (a later correction of the row no longer re-reads it), and the
 * old and new schedules go into one FieldEdit so the change can be reverted.
 */
export async function saveSchedule({ filingId, rowIndex, model, expectedVersion, author, reason }: SaveScheduleInput, db: Db = defaultPrisma): Promise<MutationResult> {
  const parsed = ZVestingModel.safeParse(model);
  const pointer = vestingPointer(rowIndex);
  if (!parsed.success) throw new ValidationError(parsed.error.issues[0]?.message ?? "This schedule cannot be saved.", pointer);
  const next: VestingModel = parsed.data;
  return mutate(db, filingId, author, async (tx, state) => {
    const row = await tx.derivativeRow.findFirst({ where: { filingId, position: rowIndex }, select: { footnoteIds: true } });
    if (!row) throw new NotFoundError(`Table II row ${rowIndex + 1} is not on this filing.`);
    const current = await readSnapshot(tx, filingId, rowIndex);
    refuseUnreachedVersion(expectedVersion, state, pointer, current);
    if (expectedVersion < state.version) {
      const other = await scheduleChangedSince(tx, filingId, expectedVersion, rowIndex);
      if (other) throw new ConflictError(`${other.author} changed this grant or its schedule meanwhile; reload to see it as it is now.`, pointer, current, state.version, other.author);
    }
    const snapshot: ScheduleSnapshot = {
      origin: "analyst",
      totalShares: parsed.data.totalShares,
      commencementDate: next.commencementDate,
      // The footnotes that explain the grant still explain it when an analyst restates the schedule.
      sourceFootnoteIds: current?.sourceFootnoteIds ?? JSON.parse(row.footnoteIds),
      model: next,
      tranches: buildTranches(next),
    };
    if (same(current, snapshot)) throw new ValidationError("That is the schedule already saved.", pointer);
    await writeSnapshot(tx, filingId, rowIndex, snapshot);
    return { pointer, action: "edit", oldValue: current, newValue: snapshot, reason };
  });
}

interface ScheduleEdit {
  id: number;
  filingId: number;
  pointer: string;
  oldValue: string | null;
  newValue: string | null;
  filingVersion: number;
}

/** Puts back the schedule a schedule edit replaced (or removes one that was entered by hand). */
export async function revertScheduleEdit({ edit, author, reason }: { edit: ScheduleEdit; author: string; reason?: string | null }, db: Db = defaultPrisma): Promise<MutationResult> {
  const rowIndex = vestingRowOf(edit.pointer);
  if (rowIndex === null) throw new ValidationError("That change is not to a vesting schedule.", edit.pointer);
  return mutate(db, edit.filingId, author, async (tx, state) => {
    if (await tx.fieldEdit.findFirst({ where: { revertsId: edit.id }, select: { id: true } })) throw new ValidationError("That change has already been reverted.", edit.pointer);
    // The pointer names a row by position: after rows move it would name another grant.
    if (await tx.fieldEdit.findFirst({ where: { filingId: edit.filingId, filingVersion: { gt: edit.filingVersion }, action: { in: ROW_ACTIONS }, pointer: { startsWith: "/derivative/" } } })) {
      throw new ValidationError("Rows of Table II were added, removed or moved since; enter the schedule again instead.", edit.pointer);
    }
    const current = await readSnapshot(tx, edit.filingId, rowIndex);
    if (!same(current, decode(edit.newValue))) {
      throw new ConflictError("This grant's schedule has changed again since; revert the later change first.", edit.pointer, current, state.version, null);
    }
    const restored = decode(edit.oldValue) as ScheduleSnapshot | null;
    await writeSnapshot(tx, edit.filingId, rowIndex, restored);
    return { pointer: edit.pointer, action: "revert", oldValue: current, newValue: restored, reason, revertsId: edit.id };
  });
}
