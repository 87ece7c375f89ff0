-- AlterTable
ALTER TABLE "Order" ADD COLUMN "disputeStatus" TEXT;
ALTER TABLE "Order" ADD COLUMN "stripeDisputeId" TEXT;

-- AlterTable
ALTER TABLE "Enrolment" ADD COLUMN "frozenAt" DATETIME;

