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
-- Each recomputes one owner record's rows from its filings (tens, rarely hundreds) through the view
-- below, which SQLite filters by owner before grouping; merges leave FilingOwner.ownerId as filed,
-- so they need no trigger: queries map records to persons.
CREATE VIEW "OwnerIssuerFromFilings" AS
SELECT fo."ownerId" AS "ownerId", f."issuerId" AS "issuerId", COUNT(*) AS "filingCount", MAX(f."periodOfReport") AS "latestPeriod",
  (SELECT f2."id" FROM "FilingOwner" fo2 JOIN "Filing" f2 ON f2."id" = fo2."filingId"
   WHERE fo2."ownerId" = fo."ownerId" AND f2."issuerId" = f."issuerId"
   ORDER BY f2."periodOfReport" DESC, f2."id" DESC LIMIT 1) AS "latestFilingId"
FROM "FilingOwner" fo JOIN "Filing" f ON f."id" = fo."filingId"
GROUP BY fo."ownerId", f."issuerId";

INSERT INTO "OwnerIssuer" SELECT * FROM "OwnerIssuerFromFilings";

CREATE TRIGGER "FilingOwner_summary_insert" AFTER INSERT ON "FilingOwner"
BEGIN
  DELETE FROM "OwnerIssuer" WHERE "ownerId" = NEW."ownerId";
  INSERT INTO "OwnerIssuer" SELECT * FROM "OwnerIssuerFromFilings" WHERE "ownerId" = NEW."ownerId";
END;

CREATE TRIGGER "FilingOwner_summary_delete" AFTER DELETE ON "FilingOwner"
BEGIN
  DELETE FROM "OwnerIssuer" WHERE "ownerId" = OLD."ownerId";
  INSERT INTO "OwnerIssuer" SELECT * FROM "OwnerIssuerFromFilings" WHERE "ownerId" = OLD."ownerId";
END;

CREATE TRIGGER "FilingOwner_summary_update" AFTER UPDATE OF "ownerId", "filingId" ON "FilingOwner"
BEGIN
  DELETE FROM "OwnerIssuer" WHERE "ownerId" IN (OLD."ownerId", NEW."ownerId");
  INSERT INTO "OwnerIssuer" SELECT * FROM "OwnerIssuerFromFilings" WHERE "ownerId" IN (OLD."ownerId", NEW."ownerId");
END;

-- A filing's new issuer or date changes the rows of each of its owners. Touching the filing's owner
-- links runs the trigger above once per owner with that owner's id as a constant, which SQLite
-- pushes into the view; "IN (SELECT ownerId ...)" would not be, and would group every filing.
CREATE TRIGGER "Filing_summary_update" AFTER UPDATE OF "issuerId", "periodOfReport" ON "Filing"
BEGIN
  UPDATE "FilingOwner" SET "ownerId" = "ownerId" WHERE "filingId" = NEW."id";
END;
