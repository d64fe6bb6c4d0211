/**
 * Inserts many generated filings in one SQLite transaction with prepared statements:
 * storeFiling's round trips through Prisma take minutes for 100,000 filings, this takes seconds.
 * Writes the rows storeFiling writes (upload times aside), and finds issuers and owners the same way.
 * Plain better-sqlite3 (no Prisma, no "server-only"), so scripts and Playwright fixtures can use it.
 */
import Database from "better-sqlite3";
import { nameKey } from "../names";
import { openUncertain, shapeOf } from "../review/uncertain";
import type { GeneratedFiling } from "./generate";

export interface BulkInsertResult {
  filingIds: number[];
  /** Filings skipped because their sha256 was already stored. */
  duplicates: number;
}

const b = (v: boolean | null) => (v === null ? null : v ? 1 : 0);

/**
 * Generated filings count as uploaded on their period of report: a seeded database then has
 * an upload history, and real uploads stay at the top of the newest-first filings list.
 */
const uploadedAt = (period: string | null, now: string) => (period && period < now ? `${period}T12:00:00.000Z` : now);

export function bulkInsertFilings({ file, filings }: { file: string; filings: Iterable<GeneratedFiling> }): BulkInsertResult {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 10000");
  try {
    return insertAll(db, filings);
  } finally {
    db.close();
  }
}

function insertAll(db: Database.Database, filings: Iterable<GeneratedFiling>): BulkInsertResult {
  const now = new Date().toISOString();
  const q = {
    issuerByCik: db.prepare<[string], { id: number }>(`SELECT id FROM Issuer WHERE cik = ?`),
    issuerByTicker: db.prepare<[string], { id: number }>(`SELECT id FROM Issuer WHERE ticker = ? ORDER BY id LIMIT 1`),
    issuerByName: db.prepare<[string], { id: number }>(`SELECT id FROM Issuer WHERE name = ? ORDER BY id LIMIT 1`),
    insertIssuer: db.prepare(`INSERT INTO Issuer (name, ticker, cik, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)`),
    ownerByCik: db.prepare<[string], { id: number }>(`SELECT id FROM ReportingOwner WHERE cik = ?`),
    ownerByKey: db.prepare<[string], { id: number }>(`SELECT id FROM ReportingOwner WHERE nameKey = ? ORDER BY id LIMIT 1`),
    insertOwner: db.prepare(
      `INSERT INTO ReportingOwner (name, nameKey, cik, street1, street2, city, state, zip, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    filingBySha: db.prepare<[string], { id: number }>(`SELECT id FROM Filing WHERE sha256 = ?`),
    insertFiling: db.prepare(
      `INSERT INTO Filing (formType, periodOfReport, dateOfOriginalSubmission, jointFiling, aff10b5One, remarks, status, sourceFormat, fileName, rawText, sha256, parsedJson, confidenceJson, warningsJson, uncertainCount, issuerId, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertFilingOwner: db.prepare(
      `INSERT INTO FilingOwner (filingId, ownerId, position, nameAsFiled, isDirector, isOfficer, officerTitle, isTenPercentOwner, isOther, otherText, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertNonDerivative: db.prepare(
      `INSERT INTO NonDerivativeRow (filingId, position, kind, securityTitle, transactionDate, deemedExecutionDate, transactionCode, equitySwap, shares, acquiredDisposed, price, sharesOwnedFollowing, directOrIndirect, natureOfOwnership, footnoteIds, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertDerivative: db.prepare(
      `INSERT INTO DerivativeRow (filingId, position, kind, securityTitle, conversionOrExercisePrice, transactionDate, deemedExecutionDate, transactionCode, equitySwap, shares, acquiredDisposed, exerciseDate, exercisableImmediately, expirationDate, underlyingTitle, underlyingShares, price, sharesOwnedFollowing, directOrIndirect, natureOfOwnership, footnoteIds, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    // As linkAmendments does for storeFiling: same issuer, first reporting owner, form and period.
    originalOf: db.prepare<[number, string, string, number, number], { id: number }>(
      `SELECT f.id FROM Filing f JOIN FilingOwner fo ON fo.filingId = f.id AND fo.position = 0
       WHERE f.issuerId = ? AND f.periodOfReport = ? AND f.formType = ? AND fo.ownerId = ? AND f.id <> ? ORDER BY f.id LIMIT 1`,
    ),
    setAmends: db.prepare(`UPDATE Filing SET amendsId = ? WHERE id = ?`),
    insertFootnote: db.prepare(`INSERT INTO Footnote (filingId, marker, text, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)`),
    insertSignature: db.prepare(`INSERT INTO Signature (filingId, position, name, date, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)`),
    insertSchedule: db.prepare(
      `INSERT INTO VestingSchedule (filingId, rowTable, rowIndex, derivativeRowId, totalShares, commencementDate, modelJson, sourceFootnoteIds, origin, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'parser', ?, ?)`,
    ),
    insertTranche: db.prepare(`INSERT INTO VestingTranche (scheduleId, position, date, shares, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)`),
  };
  const issuerIds = new Map<string, number>();
  const ownerIds = new Map<string, number>();

  const issuerId = (i: GeneratedFiling["filing"]["issuer"]): number => {
    const name = i.name.trim() || "(unreadable issuer)";
    const key = i.cik ? `cik:${i.cik}` : i.ticker ? `ticker:${i.ticker}` : `name:${name}`;
    let id = issuerIds.get(key);
    if (id === undefined) {
      id = (i.cik ? q.issuerByCik.get(i.cik) : i.ticker ? q.issuerByTicker.get(i.ticker) : q.issuerByName.get(name))?.id;
      id ??= Number(q.insertIssuer.run(name, i.ticker, i.cik, now, now).lastInsertRowid);
      issuerIds.set(key, id);
    }
    return id;
  };
  const ownerId = (o: GeneratedFiling["filing"]["reportingOwners"][number]): number => {
    const k = nameKey(o.name);
    const key = o.cik ? `cik:${o.cik}` : `key:${k}`;
    let id = ownerIds.get(key);
    if (id === undefined) {
      id = (o.cik ? q.ownerByCik.get(o.cik) : q.ownerByKey.get(k))?.id;
      id ??= Number(q.insertOwner.run(o.name, k, o.cik, o.street1, o.street2, o.city, o.state, o.zip, now, now).lastInsertRowid);
      ownerIds.set(key, id);
    }
    return id;
  };

  const result: BulkInsertResult = { filingIds: [], duplicates: 0 };
  db.transaction(() => {
    for (const { filing: f, fileName, rawText, status } of filings) {
      const sha = f.source.sha256!;
      if (q.filingBySha.get(sha)) {
        result.duplicates++;
        continue;
      }
      const iid = issuerId(f.issuer);
      const oids = f.reportingOwners.map(ownerId);
      const uncertain = openUncertain(f.fieldConfidence, [], shapeOf(f)).length;
      const fid = Number(
        q.insertFiling.run(
          f.formType, f.periodOfReport, f.dateOfOriginalSubmission, b(f.jointFiling), b(f.aff10b5One), f.remarks,
          status === "reviewed" ? "reviewed" : "needs_review", f.source.format, fileName, rawText, sha,
          JSON.stringify(f), JSON.stringify(f.fieldConfidence), JSON.stringify(f.warnings), status === "reviewed" ? 0 : uncertain, iid, uploadedAt(f.periodOfReport, now), now,
        ).lastInsertRowid,
      );
      result.filingIds.push(fid);
      f.reportingOwners.forEach((o, p) =>
        q.insertFilingOwner.run(fid, oids[p], p, o.name, b(o.isDirector), b(o.isOfficer), o.officerTitle, b(o.isTenPercentOwner), b(o.isOther), o.otherText, now, now),
      );
      f.nonDerivative.forEach((r, p) =>
        q.insertNonDerivative.run(
          fid, p, r.kind, r.securityTitle, r.transactionDate, r.deemedExecutionDate, r.transactionCode, b(r.equitySwap), r.shares,
          r.acquiredDisposed, r.price, r.sharesOwnedFollowing, r.directOrIndirect, r.natureOfOwnership, JSON.stringify(r.footnoteIds), now, now,
        ),
      );
      const derivativeIds = f.derivative.map((r, p) =>
        Number(
          q.insertDerivative.run(
            fid, p, r.kind, r.securityTitle, r.conversionOrExercisePrice, r.transactionDate, r.deemedExecutionDate, r.transactionCode,
            b(r.equitySwap), r.shares, r.acquiredDisposed, r.exerciseDate, b(r.exercisableImmediately), r.expirationDate, r.underlyingTitle,
            r.underlyingShares, r.price, r.sharesOwnedFollowing, r.directOrIndirect, r.natureOfOwnership, JSON.stringify(r.footnoteIds), now, now,
          ).lastInsertRowid,
        ),
      );
      if (f.formType.endsWith("/A") && f.periodOfReport && oids.length > 0) {
        const original = q.originalOf.get(iid, f.periodOfReport, f.formType.replace(/\/A$/, ""), oids[0], fid);
        if (original) q.setAmends.run(original.id, fid);
      }
      for (const n of f.footnotes) q.insertFootnote.run(fid, n.id, n.text, now, now);
      f.signatures.forEach((s, p) => q.insertSignature.run(fid, p, s.name, s.date, now, now));
      for (const v of f.vesting) {
        const sid = Number(
          q.insertSchedule.run(
            fid, v.row.table, v.row.index, v.row.table === "derivative" ? (derivativeIds[v.row.index] ?? null) : null, v.totalShares,
            v.commencementDate, JSON.stringify(v.model ?? {}), JSON.stringify(v.sourceFootnoteIds ?? []), now, now,
          ).lastInsertRowid,
        );
        v.tranches.forEach((t, p) => q.insertTranche.run(sid, p, t.date, t.shares, now, now));
      }
    }
    // IMMEDIATE: a deferred transaction that reads first and then writes fails at once with
    // "database is locked" when another writer commits in between (WAL never retries that case).
  }).immediate();
  return result;
}
