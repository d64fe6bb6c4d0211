-- Review and correction: which uncertain fields an analyst has settled, and which version each change produced.
ALTER TABLE "Filing" ADD COLUMN "reviewedJson" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "FieldEdit" ADD COLUMN "filingVersion" INTEGER NOT NULL DEFAULT 0;
