-- AlterTable
ALTER TABLE "VestingSchedule" ADD COLUMN "lastTrancheDate" TEXT;

-- CreateIndex
CREATE INDEX "VestingSchedule_lastTrancheDate_idx" ON "VestingSchedule"("lastTrancheDate");

-- The grants filter "still vesting / fully vested" compares this date with today. Triggers rather
-- than application code keep it right: tranches are written by the upload, the bulk loader, the
-- schedule editor, reverts and re-parses.
UPDATE "VestingSchedule" SET "lastTrancheDate" = (SELECT MAX("date") FROM "VestingTranche" t WHERE t."scheduleId" = "VestingSchedule"."id");

CREATE TRIGGER "VestingTranche_lastDate_insert" AFTER INSERT ON "VestingTranche"
BEGIN
  UPDATE "VestingSchedule" SET "lastTrancheDate" = NEW."date"
  WHERE "id" = NEW."scheduleId" AND ("lastTrancheDate" IS NULL OR "lastTrancheDate" < NEW."date");
END;

CREATE TRIGGER "VestingTranche_lastDate_delete" AFTER DELETE ON "VestingTranche"
BEGIN
  UPDATE "VestingSchedule" SET "lastTrancheDate" = (SELECT MAX("date") FROM "VestingTranche" t WHERE t."scheduleId" = OLD."scheduleId")
  WHERE "id" = OLD."scheduleId";
END;

CREATE TRIGGER "VestingTranche_lastDate_update" AFTER UPDATE OF "date", "scheduleId" ON "VestingTranche"
BEGIN
  UPDATE "VestingSchedule" SET "lastTrancheDate" = (SELECT MAX("date") FROM "VestingTranche" t WHERE t."scheduleId" = "VestingSchedule"."id")
  WHERE "id" IN (OLD."scheduleId", NEW."scheduleId");
END;
