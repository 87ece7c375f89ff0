-- The platform fee is the platform's (issue 11): sellers no longer set it. Per-course fees that
-- sellers chose are cleared; from now on only an admin writes Course.feeBasisPoints or a
-- seller's override below.
UPDATE "Course" SET "feeBasisPoints" = NULL WHERE "feeBasisPoints" IS NOT NULL;

-- CreateTable
CREATE TABLE "SellerFeeOverride" (
    "sellerId" TEXT NOT NULL PRIMARY KEY,
    "feeBasisPoints" INTEGER NOT NULL,
    "updatedById" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SellerFeeOverride_sellerId_fkey" FOREIGN KEY ("sellerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- What a dispute has taken from the charge's account (the ledger's "disputes"). Added in place
-- rather than by redefining "Order", so columns other branches add survive the merge.
ALTER TABLE "Order" ADD COLUMN "disputeWithdrawnMinor" INTEGER NOT NULL DEFAULT 0;
-- Disputes recorded before: a lost or open chargeback has had its amount withdrawn.
UPDATE "Order" SET "disputeWithdrawnMinor" = COALESCE("disputeAmountMinor", 0) WHERE "disputeStatus" IN ('open', 'lost');
