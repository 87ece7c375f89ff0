-- AlterTable
ALTER TABLE "StripeEvent" ADD COLUMN "claimedAt" DATETIME;

