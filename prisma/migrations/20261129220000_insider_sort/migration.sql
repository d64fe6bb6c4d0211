-- AlterTable
ALTER TABLE "ReportingOwner" ADD COLUMN "sortKey" TEXT NOT NULL DEFAULT '';

-- The grants list sorts by insider: by the name of the person a record stands for, which for a
-- record merged into another is that person's. Triggers keep it right through inserts (the upload,
-- the bulk loader) and merges or their undoing; recursive triggers are off, so these updates of the
-- same table do not fire them again.
UPDATE "ReportingOwner" SET "sortKey" = COALESCE((SELECT p."nameKey" FROM "ReportingOwner" p WHERE p."id" = "ReportingOwner"."mergedIntoId"), "nameKey");

CREATE TRIGGER "ReportingOwner_sortKey_insert" AFTER INSERT ON "ReportingOwner"
BEGIN
  UPDATE "ReportingOwner" SET "sortKey" = COALESCE((SELECT p."nameKey" FROM "ReportingOwner" p WHERE p."id" = NEW."mergedIntoId"), NEW."nameKey")
  WHERE "id" = NEW."id";
END;

CREATE TRIGGER "ReportingOwner_sortKey_update" AFTER UPDATE OF "mergedIntoId", "nameKey" ON "ReportingOwner"
BEGIN
  UPDATE "ReportingOwner" SET "sortKey" = COALESCE((SELECT p."nameKey" FROM "ReportingOwner" p WHERE p."id" = "ReportingOwner"."mergedIntoId"), "nameKey")
  WHERE "id" = NEW."id" OR "mergedIntoId" = NEW."id";
END;

-- Persons in name order, each person's records together: the order the insider sort walks.
CREATE INDEX "ReportingOwner_sortKey_person_idx" ON "ReportingOwner"("sortKey", COALESCE("mergedIntoId", "id"), "id");

-- A record's first-named filings in filing order.
CREATE INDEX "FilingOwner_ownerId_position_filingId_idx" ON "FilingOwner"("ownerId", "position", "filingId");
