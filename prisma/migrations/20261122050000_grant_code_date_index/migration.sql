-- CreateIndex
CREATE INDEX "DerivativeRow_transactionCode_transactionDate_idx" ON "DerivativeRow"("transactionCode", "transactionDate");

