-- AlterTable
ALTER TABLE "Order" ADD COLUMN "paymentProcessingAt" DATETIME;

