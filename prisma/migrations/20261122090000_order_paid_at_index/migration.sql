-- CreateIndex
CREATE INDEX "Order_paidAt_idx" ON "Order"("paidAt");

