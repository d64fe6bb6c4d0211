-- CreateTable
CREATE TABLE "Issuer" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "ticker" TEXT,
    "cik" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ReportingOwner" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "cik" TEXT,
    "street1" TEXT,
    "street2" TEXT,
    "city" TEXT,
    "state" TEXT,
    "zip" TEXT,
    "mergedIntoId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReportingOwner_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "ReportingOwner" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Filing" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "formType" TEXT NOT NULL,
    "periodOfReport" TEXT,
    "dateOfOriginalSubmission" TEXT,
    "jointFiling" BOOLEAN NOT NULL DEFAULT false,
    "aff10b5One" BOOLEAN,
    "remarks" TEXT,
    "status" TEXT NOT NULL DEFAULT 'needs_review',
    "sourceFormat" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "rawText" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "parsedJson" TEXT NOT NULL,
    "confidenceJson" TEXT NOT NULL DEFAULT '{}',
    "warningsJson" TEXT NOT NULL DEFAULT '[]',
    "uncertainCount" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "issuerId" INTEGER NOT NULL,
    "amendsId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Filing_issuerId_fkey" FOREIGN KEY ("issuerId") REFERENCES "Issuer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Filing_amendsId_fkey" FOREIGN KEY ("amendsId") REFERENCES "Filing" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FilingOwner" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "filingId" INTEGER NOT NULL,
    "ownerId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "nameAsFiled" TEXT NOT NULL,
    "isDirector" BOOLEAN NOT NULL DEFAULT false,
    "isOfficer" BOOLEAN NOT NULL DEFAULT false,
    "officerTitle" TEXT,
    "isTenPercentOwner" BOOLEAN NOT NULL DEFAULT false,
    "isOther" BOOLEAN NOT NULL DEFAULT false,
    "otherText" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "FilingOwner_filingId_fkey" FOREIGN KEY ("filingId") REFERENCES "Filing" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FilingOwner_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "ReportingOwner" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NonDerivativeRow" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "filingId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "securityTitle" TEXT NOT NULL,
    "transactionDate" TEXT,
    "deemedExecutionDate" TEXT,
    "transactionCode" TEXT,
    "equitySwap" BOOLEAN NOT NULL DEFAULT false,
    "shares" REAL,
    "acquiredDisposed" TEXT,
    "price" REAL,
    "sharesOwnedFollowing" REAL,
    "directOrIndirect" TEXT,
    "natureOfOwnership" TEXT,
    "footnoteIds" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "NonDerivativeRow_filingId_fkey" FOREIGN KEY ("filingId") REFERENCES "Filing" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DerivativeRow" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "filingId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "securityTitle" TEXT NOT NULL,
    "conversionOrExercisePrice" REAL,
    "transactionDate" TEXT,
    "deemedExecutionDate" TEXT,
    "transactionCode" TEXT,
    "equitySwap" BOOLEAN NOT NULL DEFAULT false,
    "shares" REAL,
    "acquiredDisposed" TEXT,
    "exerciseDate" TEXT,
    "exercisableImmediately" BOOLEAN NOT NULL DEFAULT false,
    "expirationDate" TEXT,
    "underlyingTitle" TEXT,
    "underlyingShares" REAL,
    "price" REAL,
    "sharesOwnedFollowing" REAL,
    "directOrIndirect" TEXT,
    "natureOfOwnership" TEXT,
    "footnoteIds" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DerivativeRow_filingId_fkey" FOREIGN KEY ("filingId") REFERENCES "Filing" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Footnote" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "filingId" INTEGER NOT NULL,
    "marker" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Footnote_filingId_fkey" FOREIGN KEY ("filingId") REFERENCES "Filing" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Signature" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "filingId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "date" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Signature_filingId_fkey" FOREIGN KEY ("filingId") REFERENCES "Filing" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VestingSchedule" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "filingId" INTEGER NOT NULL,
    "rowTable" TEXT NOT NULL,
    "rowIndex" INTEGER NOT NULL,
    "derivativeRowId" INTEGER,
    "totalShares" REAL NOT NULL,
    "commencementDate" TEXT,
    "modelJson" TEXT NOT NULL DEFAULT '{}',
    "sourceFootnoteIds" TEXT NOT NULL DEFAULT '[]',
    "origin" TEXT NOT NULL DEFAULT 'parser',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "VestingSchedule_filingId_fkey" FOREIGN KEY ("filingId") REFERENCES "Filing" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "VestingSchedule_derivativeRowId_fkey" FOREIGN KEY ("derivativeRowId") REFERENCES "DerivativeRow" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VestingTranche" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "scheduleId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "date" TEXT NOT NULL,
    "shares" REAL NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "VestingTranche_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "VestingSchedule" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FieldEdit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "filingId" INTEGER NOT NULL,
    "pointer" TEXT NOT NULL,
    "oldValue" TEXT,
    "newValue" TEXT,
    "action" TEXT NOT NULL DEFAULT 'edit',
    "author" TEXT NOT NULL,
    "reason" TEXT,
    "revertsId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FieldEdit_filingId_fkey" FOREIGN KEY ("filingId") REFERENCES "Filing" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Issuer_cik_key" ON "Issuer"("cik");

-- CreateIndex
CREATE INDEX "Issuer_name_idx" ON "Issuer"("name");

-- CreateIndex
CREATE INDEX "Issuer_ticker_idx" ON "Issuer"("ticker");

-- CreateIndex
CREATE UNIQUE INDEX "ReportingOwner_cik_key" ON "ReportingOwner"("cik");

-- CreateIndex
CREATE INDEX "ReportingOwner_nameKey_idx" ON "ReportingOwner"("nameKey");

-- CreateIndex
CREATE INDEX "ReportingOwner_mergedIntoId_idx" ON "ReportingOwner"("mergedIntoId");

-- CreateIndex
CREATE UNIQUE INDEX "Filing_sha256_key" ON "Filing"("sha256");

-- CreateIndex
CREATE INDEX "Filing_issuerId_periodOfReport_idx" ON "Filing"("issuerId", "periodOfReport");

-- CreateIndex
CREATE INDEX "Filing_periodOfReport_idx" ON "Filing"("periodOfReport");

-- CreateIndex
CREATE INDEX "Filing_status_idx" ON "Filing"("status");

-- CreateIndex
CREATE INDEX "Filing_createdAt_idx" ON "Filing"("createdAt");

-- CreateIndex
CREATE INDEX "Filing_amendsId_idx" ON "Filing"("amendsId");

-- CreateIndex
CREATE INDEX "FilingOwner_ownerId_idx" ON "FilingOwner"("ownerId");

-- CreateIndex
CREATE UNIQUE INDEX "FilingOwner_filingId_position_key" ON "FilingOwner"("filingId", "position");

-- CreateIndex
CREATE INDEX "NonDerivativeRow_filingId_position_idx" ON "NonDerivativeRow"("filingId", "position");

-- CreateIndex
CREATE INDEX "NonDerivativeRow_transactionDate_idx" ON "NonDerivativeRow"("transactionDate");

-- CreateIndex
CREATE INDEX "DerivativeRow_filingId_position_idx" ON "DerivativeRow"("filingId", "position");

-- CreateIndex
CREATE INDEX "DerivativeRow_transactionDate_idx" ON "DerivativeRow"("transactionDate");

-- CreateIndex
CREATE INDEX "DerivativeRow_expirationDate_idx" ON "DerivativeRow"("expirationDate");

-- CreateIndex
CREATE UNIQUE INDEX "Footnote_filingId_marker_key" ON "Footnote"("filingId", "marker");

-- CreateIndex
CREATE INDEX "Signature_filingId_idx" ON "Signature"("filingId");

-- CreateIndex
CREATE UNIQUE INDEX "VestingSchedule_derivativeRowId_key" ON "VestingSchedule"("derivativeRowId");

-- CreateIndex
CREATE UNIQUE INDEX "VestingSchedule_filingId_rowTable_rowIndex_key" ON "VestingSchedule"("filingId", "rowTable", "rowIndex");

-- CreateIndex
CREATE INDEX "VestingTranche_scheduleId_position_idx" ON "VestingTranche"("scheduleId", "position");

-- CreateIndex
CREATE INDEX "VestingTranche_date_idx" ON "VestingTranche"("date");

-- CreateIndex
CREATE INDEX "FieldEdit_filingId_createdAt_idx" ON "FieldEdit"("filingId", "createdAt");

-- CreateIndex
CREATE INDEX "FieldEdit_filingId_pointer_idx" ON "FieldEdit"("filingId", "pointer");

