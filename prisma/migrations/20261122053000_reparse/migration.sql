-- The latest re-parse of the stored source; parsedJson stays the upload-time parse.
ALTER TABLE "Filing" ADD COLUMN "reparsedJson" TEXT;
