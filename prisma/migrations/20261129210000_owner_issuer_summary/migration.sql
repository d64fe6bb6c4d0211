-- CreateTable
CREATE TABLE "OwnerIssuer" (
    "ownerId" INTEGER NOT NULL,
    "issuerId" INTEGER NOT NULL,
    "filingCount" INTEGER NOT NULL,
    "latestPeriod" TEXT,
    "latestFilingId" INTEGER NOT NULL,

    PRIMARY KEY ("ownerId", "issuerId")
);

-- CreateIndex
CREATE INDEX "OwnerIssuer_issuerId_idx" ON "OwnerIssuer"("issuerId");

-- The insiders and issuers indexes show, per person and per issuer, counts and latest filings that
-- otherwise mean reading every filing of fifty people or fifty companies. Triggers keep this summary
-- right whatever writes: the upload, the bulk loader, issuer and date corrections, re-parses.
-- Each recomputes one owner record's rows from its filings (tens, rarely hundreds); merges leave
-- FilingOwner.ownerId as filed, so they need no trigger: queries map records to persons.
INSERT INTO "OwnerIssuer" ("ownerId", "issuerId", "filingCount", "latestPeriod", "latestFilingId")
SELECT fo."ownerId", f."issuerId", COUNT(*), MAX(f."periodOfReport"),
  (SELECT f2."id" FROM "FilingOwner" fo2 JOIN "Filing" f2 ON f2."id" = fo2."filingId"
   WHERE fo2."ownerId" = fo."ownerId" AND f2."issuerId" = f."issuerId"
   ORDER BY f2."periodOfReport" DESC, f2."id" DESC LIMIT 1)
FROM "FilingOwner" fo JOIN "Filing" f ON f."id" = fo."filingId"
GROUP BY fo."ownerId", f."issuerId";

CREATE TRIGGER "FilingOwner_summary_insert" AFTER INSERT ON "FilingOwner"
BEGIN
  DELETE FROM "OwnerIssuer" WHERE "ownerId" = NEW."ownerId";
  INSERT INTO "OwnerIssuer" ("ownerId", "issuerId", "filingCount", "latestPeriod", "latestFilingId")
  SELECT fo."ownerId", f."issuerId", COUNT(*), MAX(f."periodOfReport"),
    (SELECT f2."id" FROM "FilingOwner" fo2 JOIN "Filing" f2 ON f2."id" = fo2."filingId"
     WHERE fo2."ownerId" = fo."ownerId" AND f2."issuerId" = f."issuerId"
     ORDER BY f2."periodOfReport" DESC, f2."id" DESC LIMIT 1)
  FROM "FilingOwner" fo JOIN "Filing" f ON f."id" = fo."filingId"
  WHERE fo."ownerId" = NEW."ownerId"
  GROUP BY fo."ownerId", f."issuerId";
END;

CREATE TRIGGER "FilingOwner_summary_delete" AFTER DELETE ON "FilingOwner"
BEGIN
  DELETE FROM "OwnerIssuer" WHERE "ownerId" = OLD."ownerId";
  INSERT INTO "OwnerIssuer" ("ownerId", "issuerId", "filingCount", "latestPeriod", "latestFilingId")
  SELECT fo."ownerId", f."issuerId", COUNT(*), MAX(f."periodOfReport"),
    (SELECT f2."id" FROM "FilingOwner" fo2 JOIN "Filing" f2 ON f2."id" = fo2."filingId"
     WHERE fo2."ownerId" = fo."ownerId" AND f2."issuerId" = f."issuerId"
     ORDER BY f2."periodOfReport" DESC, f2."id" DESC LIMIT 1)
  FROM "FilingOwner" fo JOIN "Filing" f ON f."id" = fo."filingId"
  WHERE fo."ownerId" = OLD."ownerId"
  GROUP BY fo."ownerId", f."issuerId";
END;

CREATE TRIGGER "FilingOwner_summary_update" AFTER UPDATE OF "ownerId", "filingId" ON "FilingOwner"
BEGIN
  DELETE FROM "OwnerIssuer" WHERE "ownerId" IN (OLD."ownerId", NEW."ownerId");
  INSERT INTO "OwnerIssuer" ("ownerId", "issuerId", "filingCount", "latestPeriod", "latestFilingId")
  SELECT fo."ownerId", f."issuerId", COUNT(*), MAX(f."periodOfReport"),
    (SELECT f2."id" FROM "FilingOwner" fo2 JOIN "Filing" f2 ON f2."id" = fo2."filingId"
     WHERE fo2."ownerId" = fo."ownerId" AND f2."issuerId" = f."issuerId"
     ORDER BY f2."periodOfReport" DESC, f2."id" DESC LIMIT 1)
  FROM "FilingOwner" fo JOIN "Filing" f ON f."id" = fo."filingId"
  WHERE fo."ownerId" IN (OLD."ownerId", NEW."ownerId")
  GROUP BY fo."ownerId", f."issuerId";
END;

CREATE TRIGGER "Filing_summary_update" AFTER UPDATE OF "issuerId", "periodOfReport" ON "Filing"
BEGIN
  DELETE FROM "OwnerIssuer" WHERE "ownerId" IN (SELECT "ownerId" FROM "FilingOwner" WHERE "filingId" = NEW."id");
  INSERT INTO "OwnerIssuer" ("ownerId", "issuerId", "filingCount", "latestPeriod", "latestFilingId")
  SELECT fo."ownerId", f."issuerId", COUNT(*), MAX(f."periodOfReport"),
    (SELECT f2."id" FROM "FilingOwner" fo2 JOIN "Filing" f2 ON f2."id" = fo2."filingId"
     WHERE fo2."ownerId" = fo."ownerId" AND f2."issuerId" = f."issuerId"
     ORDER BY f2."periodOfReport" DESC, f2."id" DESC LIMIT 1)
  FROM "FilingOwner" fo JOIN "Filing" f ON f."id" = fo."filingId"
  WHERE fo."ownerId" IN (SELECT "ownerId" FROM "FilingOwner" WHERE "filingId" = NEW."id")
  GROUP BY fo."ownerId", f."issuerId";
END;
