import "server-only";
import { prisma as defaultPrisma } from "./client";
import { ROW_ACTIONS, VALUE_ACTIONS, decode, mutate, refuseUnreachedVersion, same, shapeInDb, standingChanges, type Db, type FilingState, type MutationResult, type Tx } from "./mutate";
import type { Filing, DerivativeRow, NonDerivativeRow } from "../parse/types";
import { fieldValueSchema } from "../validation/fields";
import { fieldLabel, resolvePointer, remapRowPointers, rowPointer, valueAt, type FieldSpec, type RowTable } from "../review/fields";
import { openUncertain } from "../review/uncertain";
import { readSchedule, rowsAffectedBy, vestingLabel, vestingRowOf } from "../review/vesting";
import { revertScheduleEdit } from "./vesting";
import { storedModel } from "../vesting/model";
import { ConflictError, NotFoundError, ValidationError } from "../errors";


type Model = "filing" | "issuer" | "filingOwner" | "reportingOwner" | "nonDerivativeRow" | "derivativeRow" | "footnote" | "signature";

// The eight models share the by-id calls this module needs; one narrow type spares eight switch arms.
interface ByIdDelegate {
  findUniqueOrThrow(args: { where: { id: number } }): Promise<Record<string, unknown>>;
  update(args: { where: { id: number }; data: Record<string, unknown> }): Promise<unknown>;
}
const delegate = (tx: Tx, model: Model) => tx[model] as unknown as ByIdDelegate;

/** Finds the database row holding a field's current value. */
async function locate(tx: Tx, filingId: number, spec: FieldSpec): Promise<{ model: Model; id: number; column: string }> {
  const t = spec.target;
  const missing = () => new NotFoundError(`${spec.label} (${spec.pointer}) is not on this filing.`);
  switch (t.entity) {
    case "filing":
      return { model: "filing", id: filingId, column: t.column };
    case "issuer": {
      const f = await tx.filing.findUniqueOrThrow({ where: { id: filingId }, select: { issuerId: true } });
      return { model: "issuer", id: f.issuerId, column: t.column };
    }
    case "filingOwner":
    case "reportingOwner": {
      const o = await tx.filingOwner.findUnique({ where: { filingId_position: { filingId, position: t.index } }, select: { id: true, ownerId: true } });
      if (!o) throw missing();
      return t.entity === "filingOwner" ? { model: "filingOwner", id: o.id, column: t.column } : { model: "reportingOwner", id: o.ownerId, column: t.column };
    }
    case "nonDerivative":
    case "derivative": {
      const where = { filingId, position: t.index };
      const row = t.entity === "derivative" ? await tx.derivativeRow.findFirst({ where, select: { id: true } }) : await tx.nonDerivativeRow.findFirst({ where, select: { id: true } });
      if (!row) throw missing();
      return { model: t.entity === "derivative" ? "derivativeRow" : "nonDerivativeRow", id: row.id, column: t.column };
    }
    case "footnote": {
      const [row] = await tx.footnote.findMany({ where: { filingId }, orderBy: { id: "asc" }, skip: t.index, take: 1, select: { id: true } });
      if (!row) throw missing();
      return { model: "footnote", id: row.id, column: t.column };
    }
    case "signature": {
      const row = await tx.signature.findFirst({ where: { filingId, position: t.index }, select: { id: true } });
      if (!row) throw missing();
      return { model: "signature", id: row.id, column: t.column };
    }
  }
}

// A row's footnote markers are one JSON column; the canonical filing and the history hold the list.
const fromColumn = (spec: FieldSpec, stored: unknown) => (spec.kind === "footnoteIds" && typeof stored === "string" ? JSON.parse(stored) : (stored ?? null));
const toColumn = (spec: FieldSpec, value: unknown) => (spec.kind === "footnoteIds" ? JSON.stringify(value ?? []) : value);

async function readField(tx: Tx, filingId: number, spec: FieldSpec): Promise<unknown> {
  const at = await locate(tx, filingId, spec);
  const row = await delegate(tx, at.model).findUniqueOrThrow({ where: { id: at.id } });
  return fromColumn(spec, row[at.column]);
}

/**
 * A CIK names one issuer or one person: a corrected CIK another record already has is refused,
 * since taking it would make two records one person's (merging insiders does that, and can be undone).
 */
async function refuseTakenCik(tx: Tx, spec: FieldSpec, at: { model: Model; id: number }, cik: unknown): Promise<void> {
  if (spec.kind !== "cik" || typeof cik !== "string") return;
  const other =
    at.model === "issuer"
      ? await tx.issuer.findFirst({ where: { cik, id: { not: at.id } }, select: { name: true } })
      : await tx.reportingOwner.findFirst({ where: { cik, id: { not: at.id } }, select: { name: true } });
  if (other) throw new ValidationError(`CIK ${cik} is already ${other.name}'s; check the digits, or merge the two records instead.`, spec.pointer);
}

export async function writeField(tx: Tx, filingId: number, spec: FieldSpec, value: unknown): Promise<void> {
  const at = await locate(tx, filingId, spec);
  await refuseTakenCik(tx, spec, at, value);
  await delegate(tx, at.model).update({ where: { id: at.id }, data: { [at.column]: toColumn(spec, value) } });
}

/**
 * Reads again the vesting schedules a corrected field feeds, so a corrected amount or grant date
 * moves the tranches with it. Schedules an analyst entered are theirs and are left alone.
 */
export async function reschedule(tx: Tx, filingId: number, pointer: string): Promise<void> {
  const affected = rowsAffectedBy(pointer);
  if (affected !== "all" && affected.length === 0) return;
  const current = await loadCurrent(tx, filingId);
  if (!current) return;
  const rows =
    affected === "all"
      ? [...current.derivative.map((_, index) => ({ table: "derivative" as const, index })), ...current.nonDerivative.map((_, index) => ({ table: "nonDerivative" as const, index }))]
      : affected;
  for (const { table, index } of rows) {
    const existing = await tx.vestingSchedule.findUnique({ where: { filingId_rowTable_rowIndex: { filingId, rowTable: table, rowIndex: index } }, select: { id: true, origin: true } });
    if (existing?.origin === "analyst") continue;
    if (existing) await tx.vestingSchedule.delete({ where: { id: existing.id } });
    const schedule = readSchedule(current, table, index);
    if (!schedule) continue;
    const derivativeRow = table === "derivative" ? await tx.derivativeRow.findFirst({ where: { filingId, position: index }, select: { id: true } }) : null;
    await tx.vestingSchedule.create({
      data: {
        filingId,
        rowTable: table,
        rowIndex: index,
        derivativeRowId: derivativeRow?.id ?? null,
        totalShares: schedule.totalShares,
        commencementDate: schedule.commencementDate,
        modelJson: JSON.stringify(schedule.model ?? {}),
        sourceFootnoteIds: JSON.stringify(schedule.sourceFootnoteIds),
        tranches: { create: schedule.tranches.map((t, position) => ({ position, date: t.date, shares: t.shares })) },
      },
    });
  }
}

function specFor(pointer: string): FieldSpec {
  const spec = resolvePointer(pointer);
  if (!spec) throw new ValidationError(`${pointer} is not a field that can be corrected.`, pointer);
  return spec;
}

/** Checks a value against its field's schema; the message names what is wrong, for the analyst. */
export function validateField(pointer: string, value: unknown): unknown {
  const spec = specFor(pointer);
  const parsed = fieldValueSchema(spec.kind, spec).safeParse(value);
  if (!parsed.success) throw new ValidationError(parsed.error.issues[0]?.message ?? "That value is not valid here.", pointer);
  return parsed.data;
}

const settle = (reviewed: string[], pointer: string) => (reviewed.includes(pointer) ? reviewed : [...reviewed, pointer]);

const rowTableOf = (spec: FieldSpec): RowTable | null => (spec.target.entity === "derivative" || spec.target.entity === "nonDerivative" ? spec.target.entity : null);

/** The latest change since `sinceVersion` that makes a value read at that version stale, if any. */
async function changeSince(tx: Tx, filingId: number, sinceVersion: number, pointer: string, table: RowTable | null) {
  return tx.fieldEdit.findFirst({
    where: {
      filingId,
      filingVersion: { gt: sinceVersion },
      OR: [
        { pointer, action: { in: VALUE_ACTIONS } },
        ...(table ? [{ pointer: { startsWith: `/${table}/` }, action: { in: ROW_ACTIONS } }] : []),
      ],
    },
    orderBy: { id: "desc" },
    select: { author: true, action: true },
  });
}

export interface UpdateFieldInput {
  filingId: number;
  pointer: string;
  value: unknown;
  /** Filing.version the analyst's copy was read at. */
  expectedVersion: number;
  author: string;
  reason?: string | null;
}

/**
 * Corrects one field. Refuses a value its field does not take (ValidationError, nothing saved)
 * and a stale copy whose field someone else has changed since (ConflictError with their value).
 * Saving the value the field already has accepts it.
 */
export async function updateField({ filingId, pointer, value, expectedVersion, author, reason }: UpdateFieldInput, db: Db = defaultPrisma): Promise<MutationResult> {
  const spec = specFor(pointer);
  const next = validateField(pointer, value);
  return mutate(db, filingId, author, async (tx, state) => {
    const current = await readField(tx, filingId, spec);
    refuseUnreachedVersion(expectedVersion, state, pointer, current);
    if (expectedVersion < state.version) {
      const other = await changeSince(tx, filingId, expectedVersion, pointer, rowTableOf(spec));
      if (other) {
        throw new ConflictError(
          other.action.endsWith("-row")
            ? `${other.author} added, removed or moved rows of this table meanwhile; reload to see the rows as they are now.`
            : `${other.author} changed ${spec.label} meanwhile; your value was not saved.`,
          pointer,
          current,
          state.version,
          other.author,
        );
      }
    }
    if (same(current, next)) return { pointer, action: "accept", oldValue: current, newValue: current, reason, reviewed: settle(state.reviewed, pointer) };
    await writeField(tx, filingId, spec, next);
    await reschedule(tx, filingId, pointer);
    return { pointer, action: "edit", oldValue: current, newValue: next, reason, reviewed: settle(state.reviewed, pointer) };
  });
}

/** Records that the analyst checked an uncertain field against the source and it is right. */
export async function acceptField({ filingId, pointer, author }: { filingId: number; pointer: string; author: string }, db: Db = defaultPrisma): Promise<MutationResult> {
  // A whole table the parser doubts it read in full has no one value: its rows are what was accepted.
  const spec = resolvePointer(pointer);
  return mutate(db, filingId, author, async (tx, state) => {
    if (!openUncertain(state.confidence, state.reviewed, await shapeInDb(tx, filingId)).includes(pointer)) throw new ValidationError(`${fieldLabel(pointer) ?? pointer} is not waiting for review.`, pointer);
    const current = spec ? await readField(tx, filingId, spec) : (valueAt(await loadCurrent(tx, filingId), pointer) ?? null);
    return { pointer, action: "accept", oldValue: current, newValue: current, reviewed: settle(state.reviewed, pointer) };
  });
}

/**
 * Accepts each of `pointers` still waiting for review, one history entry per field, so each can be
 * reverted alone. Those settled meanwhile (by another analyst) are skipped, not refused.
 */
export async function acceptFields({ filingId, pointers, author }: { filingId: number; pointers: string[]; author: string }, db: Db = defaultPrisma): Promise<MutationResult & { accepted: number }> {
  let last: MutationResult | null = null;
  let accepted = 0;
  for (const pointer of new Set(pointers)) {
    try {
      last = await acceptField({ filingId, pointer, author }, db);
      accepted++;
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
    }
  }
  if (!last) throw new ValidationError("None of these fields is waiting for review any more.");
  return { ...last, accepted };
}

/**
 * Undoes one edit by restoring its old value; the revert is itself recorded, pointing at the edit.
 * Refused when the field has changed again since, so a revert never silently discards later work.
 */
export async function revertEdit({ editId, author, reason }: { editId: number; author: string; reason?: string | null }, db: Db = defaultPrisma): Promise<MutationResult> {
  const edit = await db.fieldEdit.findUnique({ where: { id: editId } });
  if (!edit) throw new NotFoundError(`Change #${editId} does not exist.`);
  if (ROW_ACTIONS.includes(edit.action)) return revertRowChange({ edit, author, reason }, db);
  if (edit.action === "accept") return revertAccept({ edit, author, reason }, db);
  if (!VALUE_ACTIONS.includes(edit.action)) throw new ValidationError("Only changes to a value or a row can be reverted.", edit.pointer);
  if (vestingRowOf(edit.pointer) !== null) return revertScheduleEdit({ edit, author, reason }, db);
  const spec = specFor(edit.pointer);
  return mutate(db, edit.filingId, author, async (tx, state) => {
    if (await tx.fieldEdit.findFirst({ where: { revertsId: editId }, select: { id: true } })) throw new ValidationError("That change has already been reverted.", edit.pointer);
    const table = rowTableOf(spec);
    if (table && (await tx.fieldEdit.findFirst({ where: { filingId: edit.filingId, filingVersion: { gt: edit.filingVersion }, action: { in: ROW_ACTIONS }, pointer: { startsWith: `/${table}/` } } }))) {
      throw new ValidationError("Rows of this table were added, removed or moved since; correct the field directly instead.", edit.pointer);
    }
    const current = await readField(tx, edit.filingId, spec);
    if (!same(current, decode(edit.newValue))) {
      throw new ConflictError(`${spec.label} has changed again since; revert the later change first.`, edit.pointer, current, state.version, null);
    }
    const restored = decode(edit.oldValue);
    await writeField(tx, edit.filingId, spec, restored);
    await reschedule(tx, edit.filingId, edit.pointer);
    return { pointer: edit.pointer, action: "revert", oldValue: current, newValue: restored, reason, revertsId: editId, reviewed: settle(state.reviewed, edit.pointer) };
  });
}

/**
 * Marks the filing reviewed, or reopens it. Marking it with fields still open is allowed (the screen
 * asks first), and the filing keeps who did, when, and how many were open, so a sign-off over
 * unchecked fields can be found later.
 */
/**
 * Undoes an accept: the field is open for review again, its value untouched. Refused once the field
 * was accepted, corrected or re-parsed again since, as that later change is what settled it now.
 */
async function revertAccept({ edit, author, reason }: { edit: { id: number; filingId: number; pointer: string }; author: string; reason?: string | null }, db: Db): Promise<MutationResult> {
  const label = fieldLabel(edit.pointer) ?? edit.pointer;
  return mutate(db, edit.filingId, author, async (tx, state) => {
    if (await tx.fieldEdit.findFirst({ where: { revertsId: edit.id }, select: { id: true } })) throw new ValidationError("That change has already been reverted.", edit.pointer);
    const later = await tx.fieldEdit.findFirst({ where: { filingId: edit.filingId, pointer: edit.pointer, id: { gt: edit.id }, action: { in: [...VALUE_ACTIONS, "accept"] } }, select: { id: true } });
    if (later) throw new ValidationError(`${label} was changed or accepted again since (change #${later.id}); revert that first.`, edit.pointer);
    const spec = resolvePointer(edit.pointer);
    // The accept named a row by its place, which rows added, removed or moved since have given to another.
    const table = spec && rowTableOf(spec);
    if (table && (await tx.fieldEdit.findFirst({ where: { filingId: edit.filingId, id: { gt: edit.id }, action: { in: ROW_ACTIONS }, pointer: { startsWith: `/${table}/` } }, select: { id: true } }))) {
      throw new ValidationError("Rows of this table were added, removed or moved since; accept or correct the field directly instead.", edit.pointer);
    }
    const current = spec ? await readField(tx, edit.filingId, spec) : (valueAt(await loadCurrent(tx, edit.filingId), edit.pointer) ?? null);
    return { pointer: edit.pointer, action: "unaccept", oldValue: current, newValue: current, reason, revertsId: edit.id, reviewed: state.reviewed.filter((p) => p !== edit.pointer) };
  });
}

export async function setStatus({ filingId, status, author }: { filingId: number; status: "reviewed" | "needs_review"; author: string }, db: Db = defaultPrisma): Promise<MutationResult> {
  return mutate(db, filingId, author, async (tx, state) => {
    const f = await tx.filing.findUniqueOrThrow({ where: { id: filingId }, select: { status: true } });
    if (f.status === status) throw new ValidationError(status === "reviewed" ? "This filing is already marked reviewed." : "This filing already needs review.");
    const signOff =
      status === "reviewed"
        ? { reviewedBy: author.trim(), reviewedAt: new Date(), reviewedOpenCount: openUncertain(state.confidence, state.reviewed, await shapeInDb(tx, filingId)).length }
        : { reviewedBy: null, reviewedAt: null, reviewedOpenCount: null };
    return { pointer: "/status", action: "status", oldValue: f.status, newValue: status, status, signOff };
  });
}

// ---- Table I / II rows ----

type RowRecord = Awaited<ReturnType<Tx["derivativeRow"]["findFirstOrThrow"]>> | Awaited<ReturnType<Tx["nonDerivativeRow"]["findFirstOrThrow"]>>;

function nonDerivativeToCanonical(r: Awaited<ReturnType<Tx["nonDerivativeRow"]["findFirstOrThrow"]>>): NonDerivativeRow {
  return {
    kind: r.kind as NonDerivativeRow["kind"],
    securityTitle: r.securityTitle,
    transactionDate: r.transactionDate,
    deemedExecutionDate: r.deemedExecutionDate,
    transactionCode: r.transactionCode,
    equitySwap: r.equitySwap,
    shares: r.shares,
    acquiredDisposed: r.acquiredDisposed as NonDerivativeRow["acquiredDisposed"],
    price: r.price,
    sharesOwnedFollowing: r.sharesOwnedFollowing,
    directOrIndirect: r.directOrIndirect as NonDerivativeRow["directOrIndirect"],
    natureOfOwnership: r.natureOfOwnership,
    footnoteIds: JSON.parse(r.footnoteIds),
  };
}

function derivativeToCanonical(r: Awaited<ReturnType<Tx["derivativeRow"]["findFirstOrThrow"]>>): DerivativeRow {
  return {
    kind: r.kind as DerivativeRow["kind"],
    securityTitle: r.securityTitle,
    conversionOrExercisePrice: r.conversionOrExercisePrice,
    transactionDate: r.transactionDate,
    deemedExecutionDate: r.deemedExecutionDate,
    transactionCode: r.transactionCode,
    equitySwap: r.equitySwap,
    shares: r.shares,
    acquiredDisposed: r.acquiredDisposed as DerivativeRow["acquiredDisposed"],
    exerciseDate: r.exerciseDate,
    exercisableImmediately: r.exercisableImmediately,
    expirationDate: r.expirationDate,
    underlyingTitle: r.underlyingTitle,
    underlyingShares: r.underlyingShares,
    price: r.price,
    sharesOwnedFollowing: r.sharesOwnedFollowing,
    directOrIndirect: r.directOrIndirect as DerivativeRow["directOrIndirect"],
    natureOfOwnership: r.natureOfOwnership,
    footnoteIds: JSON.parse(r.footnoteIds),
  };
}

const rowToCanonical = (table: RowTable, r: RowRecord) =>
  table === "derivative" ? derivativeToCanonical(r as Parameters<typeof derivativeToCanonical>[0]) : nonDerivativeToCanonical(r as Parameters<typeof nonDerivativeToCanonical>[0]);

async function rowsOf(tx: Tx, filingId: number, table: RowTable): Promise<RowRecord[]> {
  const args = { where: { filingId }, orderBy: { position: "asc" as const } };
  return table === "derivative" ? tx.derivativeRow.findMany(args) : tx.nonDerivativeRow.findMany(args);
}

async function setPosition(tx: Tx, table: RowTable, id: number, position: number) {
  if (table === "derivative") await tx.derivativeRow.update({ where: { id }, data: { position } });
  else await tx.nonDerivativeRow.update({ where: { id }, data: { position } });
}

/** Row positions, pointer-keyed review state and vesting schedules all follow the rows to their new places. */
async function renumber(tx: Tx, filingId: number, table: RowTable, order: RowRecord[], state: FilingState, mapIndex: (old: number) => number | null) {
  for (const [position, row] of order.entries()) if (row.position !== position) await setPosition(tx, table, row.id, position);
  const schedules = await tx.vestingSchedule.findMany({ where: { filingId, rowTable: table }, select: { id: true, rowIndex: true } });
  // Two passes through negative indexes, because (filingId, rowTable, rowIndex) is unique.
  for (const s of schedules) await tx.vestingSchedule.update({ where: { id: s.id }, data: { rowIndex: -1 - s.rowIndex } });
  for (const s of schedules) {
    const next = mapIndex(s.rowIndex);
    if (next === null) await tx.vestingSchedule.delete({ where: { id: s.id } });
    else await tx.vestingSchedule.update({ where: { id: s.id }, data: { rowIndex: next } });
  }
  const reviewed = Object.keys(remapRowPointers(Object.fromEntries(state.reviewed.map((p) => [p, true])), table, mapIndex));
  return { confidence: remapRowPointers(state.confidence, table, mapIndex), reviewed };
}

async function refuseStaleRows(tx: Tx, filingId: number, table: RowTable, expectedVersion: number, state: FilingState) {
  refuseUnreachedVersion(expectedVersion, state, `/${table}`);
  if (expectedVersion === state.version) return;
  const other = await tx.fieldEdit.findFirst({
    where: { filingId, filingVersion: { gt: expectedVersion }, pointer: { startsWith: `/${table}/` }, action: { in: [...VALUE_ACTIONS, ...ROW_ACTIONS] } },
    orderBy: { id: "desc" },
    select: { author: true },
  });
  if (other) throw new ConflictError(`${other.author} changed this table meanwhile; reload to see it as it is now.`, `/${table}`, null, state.version, other.author);
}

interface RowOpInput {
  filingId: number;
  table: RowTable;
  expectedVersion: number;
  author: string;
  reason?: string | null;
}

/** Appends an empty transaction row for the analyst to fill in. */
export async function addRow({ filingId, table, expectedVersion, author, reason }: RowOpInput, db: Db = defaultPrisma): Promise<MutationResult & { index: number }> {
  let index = 0;
  const result = await mutate(db, filingId, author, async (tx, state) => {
    await refuseStaleRows(tx, filingId, table, expectedVersion, state);
    index = (await rowsOf(tx, filingId, table)).length;
    const data = { filingId, position: index, kind: "transaction", securityTitle: "" };
    const row = table === "derivative" ? await tx.derivativeRow.create({ data }) : await tx.nonDerivativeRow.create({ data });
    return { pointer: rowPointer(table, index), action: "add-row", oldValue: null, newValue: rowToCanonical(table, row), reason };
  });
  return { ...result, index };
}

export async function removeRow({ index, ...input }: RowOpInput & { index: number }, db: Db = defaultPrisma): Promise<MutationResult> {
  const { filingId, table, expectedVersion, author, reason } = input;
  return mutate(db, filingId, author, async (tx, state) => {
    await refuseStaleRows(tx, filingId, table, expectedVersion, state);
    const { row, remapped } = await removeAt(tx, filingId, table, index, state);
    return { pointer: rowPointer(table, index), action: "remove-row", oldValue: row, newValue: null, reason, ...remapped };
  });
}

async function removeAt(tx: Tx, filingId: number, table: RowTable, index: number, state: FilingState) {
  const rows = await rowsOf(tx, filingId, table);
  const row = rows[index];
  if (!row) throw new NotFoundError(`Row ${index + 1} is not in this table.`);
  if (table === "derivative") await tx.derivativeRow.delete({ where: { id: row.id } });
  else await tx.nonDerivativeRow.delete({ where: { id: row.id } });
  const remapped = await renumber(tx, filingId, table, rows.filter((_, i) => i !== index), state, (old) => (old === index ? null : old > index ? old - 1 : old));
  return { row: rowToCanonical(table, row), remapped };
}

async function createRow(tx: Tx, filingId: number, table: RowTable, position: number, values: NonDerivativeRow | DerivativeRow): Promise<RowRecord> {
  const data = { ...values, footnoteIds: JSON.stringify(values.footnoteIds), filingId, position };
  return table === "derivative"
    ? tx.derivativeRow.create({ data: data as Parameters<Tx["derivativeRow"]["create"]>[0]["data"] })
    : tx.nonDerivativeRow.create({ data: data as Parameters<Tx["nonDerivativeRow"]["create"]>[0]["data"] });
}

/** Writes a row read by the parser after the table's last row, with its vesting schedule. */
export async function appendRow(tx: Tx, filingId: number, table: RowTable, index: number, values: NonDerivativeRow | DerivativeRow) {
  await createRow(tx, filingId, table, index, values);
  await reschedule(tx, filingId, `${rowPointer(table, index)}/footnoteIds`);
}

/** Deletes the table's last row and the vesting schedule read for it. */
export async function dropRow(tx: Tx, filingId: number, table: RowTable, index: number) {
  await tx.vestingSchedule.deleteMany({ where: { filingId, rowTable: table, rowIndex: index } });
  if (table === "derivative") await tx.derivativeRow.deleteMany({ where: { filingId, position: index } });
  else await tx.nonDerivativeRow.deleteMany({ where: { filingId, position: index } });
}

/** Puts a removed row back at its place, with the values it had, and reads its vesting schedule again. */
async function insertAt(tx: Tx, filingId: number, table: RowTable, index: number, values: NonDerivativeRow | DerivativeRow, state: FilingState) {
  const rows = await rowsOf(tx, filingId, table);
  if (index > rows.length) throw new ValidationError(`Row ${index + 1} cannot be put back: the table has ${rows.length} rows now.`);
  const created = await createRow(tx, filingId, table, rows.length, values);
  const order = [...rows];
  order.splice(index, 0, created);
  const remapped = await renumber(tx, filingId, table, order, state, (old) => (old >= index ? old + 1 : old));
  await reschedule(tx, filingId, `${rowPointer(table, index)}/footnoteIds`);
  return remapped;
}

export async function moveRow({ from, to, ...input }: RowOpInput & { from: number; to: number }, db: Db = defaultPrisma): Promise<MutationResult> {
  const { filingId, table, expectedVersion, author, reason } = input;
  return mutate(db, filingId, author, async (tx, state) => {
    await refuseStaleRows(tx, filingId, table, expectedVersion, state);
    const remapped = await moveTo(tx, filingId, table, from, to, state);
    return { pointer: rowPointer(table, from), action: "move-row", oldValue: from, newValue: to, reason, ...remapped };
  });
}

async function moveTo(tx: Tx, filingId: number, table: RowTable, from: number, to: number, state: FilingState) {
  const rows = await rowsOf(tx, filingId, table);
  if (!rows[from] || !rows[to]) throw new ValidationError(`There is no row ${Math.max(from, to) + 1} to move to.`);
  if (from === to) throw new ValidationError("The row is already there.");
  const order = [...rows];
  const [moved] = order.splice(from, 1);
  order.splice(to, 0, moved);
  const newIndex = new Map(order.map((r, i) => [r.id, i]));
  return renumber(tx, filingId, table, order, state, (old) => newIndex.get(rows[old]?.id ?? -1) ?? null);
}

interface RowEdit {
  id: number;
  filingId: number;
  filingVersion: number;
  pointer: string;
  action: string;
  oldValue: string | null;
  newValue: string | null;
}

/**
 * Undoes an added, removed or moved row with the opposite row change, recorded as such and pointing
 * at the change it undoes. Refused once later row changes to the table have moved rows about: the
 * row's place would no longer mean what it meant. A removed row comes back with its values.
 */
async function revertRowChange({ edit, author, reason }: { edit: RowEdit; author: string; reason?: string | null }, db: Db): Promise<MutationResult> {
  const [, tableText, indexText] = edit.pointer.split("/");
  const table = tableText as RowTable;
  const index = Number(indexText);
  return mutate(db, edit.filingId, author, async (tx, state) => {
    if (await tx.fieldEdit.findFirst({ where: { revertsId: edit.id }, select: { id: true } })) throw new ValidationError("That change has already been reverted.", edit.pointer);
    const laterChanges = await tx.fieldEdit.findMany({
      where: { filingId: edit.filingId, filingVersion: { gt: edit.filingVersion }, action: { in: ROW_ACTIONS }, pointer: { startsWith: `/${table}/` } },
      select: { id: true, revertsId: true },
      orderBy: { id: "asc" },
    });
    const [later] = standingChanges(laterChanges, new Set(laterChanges.map((c) => c.revertsId)));
    if (later) throw new ValidationError(`Rows of this table changed again since (change #${later.id}); revert that first.`, edit.pointer);
    const common = { reason, revertsId: edit.id };
    if (edit.action === "add-row") {
      const { row, remapped } = await removeAt(tx, edit.filingId, table, index, state);
      return { pointer: edit.pointer, action: "remove-row", oldValue: row, newValue: null, ...common, ...remapped };
    }
    if (edit.action === "remove-row") {
      const values = decode(edit.oldValue) as NonDerivativeRow | DerivativeRow;
      const remapped = await insertAt(tx, edit.filingId, table, index, values, state);
      return { pointer: edit.pointer, action: "add-row", oldValue: null, newValue: values, ...common, ...remapped };
    }
    const from = Number(decode(edit.oldValue));
    const to = Number(decode(edit.newValue));
    const remapped = await moveTo(tx, edit.filingId, table, to, from, state);
    return { pointer: rowPointer(table, to), action: "move-row", oldValue: to, newValue: from, ...common, ...remapped };
  });
}

// ---- Reading ----

export interface HistoryEntry {
  id: number;
  pointer: string;
  label: string;
  action: string;
  oldValue: unknown;
  newValue: unknown;
  author: string;
  reason: string | null;
  revertsId: number | null;
  /** The revert that undid this change, if one did. */
  revertedById: number | null;
  createdAt: Date;
}

/** Every change to a filing, newest first; with `pointer`, only that field's. */
export async function history({ filingId, pointer }: { filingId: number; pointer?: string }, db: Db = defaultPrisma): Promise<HistoryEntry[]> {
  const edits = await db.fieldEdit.findMany({ where: { filingId, ...(pointer ? { pointer } : {}) }, orderBy: { id: "desc" } });
  const reverts = await db.fieldEdit.findMany({ where: { filingId, revertsId: { not: null } }, select: { id: true, revertsId: true } });
  const revertedBy = new Map(reverts.map((r) => [r.revertsId, r.id]));
  return edits.map((e) => ({
    id: e.id,
    pointer: e.pointer,
    label: fieldLabel(e.pointer) ?? vestingLabel(e.pointer) ?? e.pointer,
    action: e.action,
    oldValue: decode(e.oldValue),
    newValue: decode(e.newValue),
    author: e.author,
    reason: e.reason,
    revertsId: e.revertsId,
    revertedById: revertedBy.get(e.id) ?? null,
    createdAt: e.createdAt,
  }));
}

/** The filing as it stands now, in the canonical shape: the parser's output with every correction applied. */
export async function getCurrentFiling(id: number, db: Db = defaultPrisma): Promise<Filing | null> {
  return loadCurrent(db, id);
}

// Takes a transaction too, so a change can read the filing it is in the middle of changing.
export async function loadCurrent(db: Tx, id: number): Promise<Filing | null> {
  const f = await db.filing.findUnique({
    where: { id },
    include: {
      issuer: true,
      owners: { orderBy: { position: "asc" }, include: { owner: true } },
      nonDerivative: { orderBy: { position: "asc" } },
      derivative: { orderBy: { position: "asc" } },
      footnotes: { orderBy: { id: "asc" } },
      signatures: { orderBy: { position: "asc" } },
      vesting: { orderBy: [{ rowTable: "asc" }, { rowIndex: "asc" }], include: { tranches: { orderBy: { position: "asc" } } } },
    },
  });
  if (!f) return null;
  const parsed = JSON.parse(f.parsedJson) as Filing;
  return {
    formType: f.formType as Filing["formType"],
    issuer: { name: f.issuer.name, ticker: f.issuer.ticker, cik: f.issuer.cik },
    reportingOwners: f.owners.map((o) => ({
      name: o.nameAsFiled,
      cik: o.owner.cik,
      street1: o.owner.street1,
      street2: o.owner.street2,
      city: o.owner.city,
      state: o.owner.state,
      zip: o.owner.zip,
      isDirector: o.isDirector,
      isOfficer: o.isOfficer,
      officerTitle: o.officerTitle,
      isTenPercentOwner: o.isTenPercentOwner,
      isOther: o.isOther,
      otherText: o.otherText,
    })),
    periodOfReport: f.periodOfReport,
    dateOfOriginalSubmission: f.dateOfOriginalSubmission,
    jointFiling: f.jointFiling,
    aff10b5One: f.aff10b5One,
    nonDerivative: f.nonDerivative.map(nonDerivativeToCanonical),
    derivative: f.derivative.map(derivativeToCanonical),
    footnotes: f.footnotes.map((n) => ({ id: n.marker, text: n.text })),
    remarks: f.remarks,
    signatures: f.signatures.map((s) => ({ name: s.name, date: s.date })),
    vesting: f.vesting.map((v) => ({
      row: { table: v.rowTable as "derivative" | "nonDerivative", index: v.rowIndex },
      totalShares: v.totalShares,
      commencementDate: v.commencementDate,
      sourceFootnoteIds: JSON.parse(v.sourceFootnoteIds),
      tranches: v.tranches.map((t) => ({ date: t.date, shares: t.shares })),
      model: storedModel(v.modelJson),
    })),
    source: parsed.source,
    fieldConfidence: JSON.parse(f.confidenceJson),
    warnings: JSON.parse(f.warningsJson),
  };
}
