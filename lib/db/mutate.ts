import "server-only";
import type { PrismaClient } from "./client";
import { openUncertain, type FilingShape } from "../review/uncertain";
import { ConflictError, NotFoundError, ValidationError } from "../errors";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// Changes that alter a value, as opposed to accepts and status changes; a re-parse's changes revert like an analyst's.
export const VALUE_ACTIONS = ["edit", "revert", "reparse"];
export const ROW_ACTIONS = ["add-row", "remove-row", "move-row"];

/**
 * The changes that still stand: neither undone by a later change nor themselves an undoing. A change
 * and its revert cancel out, so row changes can be undone one after another, newest first.
 */
export function standingChanges<T extends { id: number; revertsId: number | null }>(changes: T[], undone: Set<number | null>): T[] {
  return changes.filter((c) => c.revertsId === null && !undone.has(c.id));
}

export const encode = (v: unknown) => JSON.stringify(v ?? null);
export const decode = (s: string | null): unknown => (s === null ? null : JSON.parse(s));
export const same = (a: unknown, b: unknown) => encode(a) === encode(b);

/** How many owners, rows, footnotes and signatures a stored filing has now. */
export async function shapeInDb(tx: Tx, filingId: number): Promise<FilingShape> {
  const { _count: c } = await tx.filing.findUniqueOrThrow({
    where: { id: filingId },
    select: { _count: { select: { owners: true, nonDerivative: true, derivative: true, footnotes: true, signatures: true } } },
  });
  return { reportingOwners: c.owners, nonDerivative: c.nonDerivative, derivative: c.derivative, footnotes: c.footnotes, signatures: c.signatures };
}

export interface FilingState {
  version: number;
  confidence: Record<string, number>;
  reviewed: string[];
}

export interface Change {
  pointer: string;
  action: string;
  oldValue: unknown;
  newValue: unknown;
  reason?: string | null;
  revertsId?: number;
  /** Pointer-keyed state after the change, when it moves rows or settles a field. */
  confidence?: Record<string, number>;
  reviewed?: string[];
  status?: string;
  /** With a status change: who marked the filing reviewed, when, and how many fields were open (null on reopening). */
  signOff?: { reviewedBy: string | null; reviewedAt: Date | null; reviewedOpenCount: number | null };
}

export interface MutationResult {
  editId: number;
  version: number;
  uncertainCount: number;
}

/**
 * Refuses a copy said to be read at a version the filing has not reached. The staleness checks
 * look for changes after the copy's version, so without this a made-up high version would pass
 * them all and save over anyone's work.
 */
export function refuseUnreachedVersion(expectedVersion: number, state: FilingState, pointer: string, currentValue: unknown = null): void {
  if (expectedVersion > state.version) {
    throw new ConflictError(`This copy says it was read at version ${expectedVersion}, but the filing is at version ${state.version}; reload to see it as it is now.`, pointer, currentValue, state.version, null);
  }
}

/**
 * Runs one change in one transaction: the change itself, its FieldEdit, and the version bump.
 * The version update is conditional, so two writers that both read version n cannot both commit n+1.
 */
export async function mutate(db: Db, filingId: number, author: string, run: (tx: Tx, state: FilingState) => Promise<Change>): Promise<MutationResult> {
  if (!author.trim()) throw new ValidationError("Say who you are before changing a filing.");
  return db.$transaction(async (tx) => {
    const filing = await tx.filing.findUnique({ where: { id: filingId }, select: { version: true, confidenceJson: true, reviewedJson: true } });
    if (!filing) throw new NotFoundError(`Filing #${filingId} does not exist.`);
    const state: FilingState = {
      version: filing.version,
      confidence: JSON.parse(filing.confidenceJson),
      reviewed: JSON.parse(filing.reviewedJson),
    };
    const change = await run(tx, state);
    const version = state.version + 1;
    const confidence = change.confidence ?? state.confidence;
    const reviewed = change.reviewed ?? state.reviewed;
    // Counted after the change, which may have added or removed rows.
    const uncertainCount = openUncertain(confidence, reviewed, await shapeInDb(tx, filingId)).length;
    const bumped = await tx.filing.updateMany({
      where: { id: filingId, version: state.version },
      data: {
        version,
        confidenceJson: JSON.stringify(confidence),
        reviewedJson: JSON.stringify(reviewed),
        uncertainCount,
        ...(change.status ? { status: change.status } : {}),
        ...change.signOff,
      },
    });
    if (bumped.count !== 1) throw new ConflictError("Someone else changed this filing at the same moment; reload and try again.", change.pointer, null, state.version, null);
    const edit = await tx.fieldEdit.create({
      data: {
        filingId,
        pointer: change.pointer,
        action: change.action,
        oldValue: encode(change.oldValue),
        newValue: encode(change.newValue),
        author: author.trim(),
        reason: change.reason?.trim() || null,
        revertsId: change.revertsId,
        filingVersion: version,
      },
      select: { id: true },
    });
    return { editId: edit.id, version, uncertainCount };
  });
}

