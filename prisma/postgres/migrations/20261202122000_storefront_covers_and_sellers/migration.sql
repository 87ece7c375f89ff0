-- CreateTable
CREATE TABLE "CourseCover" (
    "courseId" TEXT NOT NULL,
    "imageId" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CourseCover_pkey" PRIMARY KEY ("courseId")
);

-- CreateTable
CREATE TABLE "SellerProfile" (
    "userId" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "bio" TEXT NOT NULL DEFAULT '',
    "avatarImageId" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SellerProfile_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "CourseCover_imageId_key" ON "CourseCover"("imageId");

-- CreateIndex
CREATE UNIQUE INDEX "SellerProfile_handle_key" ON "SellerProfile"("handle");

-- CreateIndex
CREATE UNIQUE INDEX "SellerProfile_avatarImageId_key" ON "SellerProfile"("avatarImageId");

-- AddForeignKey
ALTER TABLE "CourseCover" ADD CONSTRAINT "CourseCover_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SellerProfile" ADD CONSTRAINT "SellerProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing sellers (and anyone who has courses) get a page at once (they can choose a nicer handle).
INSERT INTO "SellerProfile" ("userId", "handle", "bio", "updatedAt")
SELECT "id", 'seller-' || "id", '', CURRENT_TIMESTAMP FROM "User"
WHERE "role" = 'seller' OR "id" IN (SELECT "sellerId" FROM "Course");
