-- CreateTable
CREATE TABLE "CourseCover" (
    "courseId" TEXT NOT NULL PRIMARY KEY,
    "imageId" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CourseCover_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SellerProfile" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "handle" TEXT NOT NULL,
    "bio" TEXT NOT NULL DEFAULT '',
    "avatarImageId" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SellerProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "CourseCover_imageId_key" ON "CourseCover"("imageId");

-- CreateIndex
CREATE UNIQUE INDEX "SellerProfile_handle_key" ON "SellerProfile"("handle");

-- CreateIndex
CREATE UNIQUE INDEX "SellerProfile_avatarImageId_key" ON "SellerProfile"("avatarImageId");

-- Existing sellers (and anyone who has courses) get a page at once (they can choose a nicer handle).
INSERT INTO "SellerProfile" ("userId", "handle", "bio", "updatedAt")
SELECT "id", 'seller-' || "id", '', CURRENT_TIMESTAMP FROM "User"
WHERE "role" = 'seller' OR "id" IN (SELECT "sellerId" FROM "Course");
