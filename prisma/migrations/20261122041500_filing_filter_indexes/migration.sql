-- CreateIndex
CREATE INDEX "Filing_status_createdAt_idx" ON "Filing"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Filing_formType_createdAt_idx" ON "Filing"("formType", "createdAt");

-- CreateIndex
CREATE INDEX "Filing_sourceFormat_createdAt_idx" ON "Filing"("sourceFormat", "createdAt");

