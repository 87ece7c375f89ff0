-- AlterTable
ALTER TABLE "Order" ADD COLUMN "disputeAmountMinor" INTEGER;

-- CreateIndex
CREATE INDEX "Order_disputeStatus_createdAt_idx" ON "Order"("disputeStatus", "createdAt");

