-- AlterTable
ALTER TABLE "Filing" ADD COLUMN "reviewedAt" DATETIME;
ALTER TABLE "Filing" ADD COLUMN "reviewedBy" TEXT;
ALTER TABLE "Filing" ADD COLUMN "reviewedOpenCount" INTEGER;

