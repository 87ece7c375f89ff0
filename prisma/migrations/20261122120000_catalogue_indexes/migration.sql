-- DropIndex
DROP INDEX "Course_published_publishedAt_idx";

-- CreateIndex
CREATE INDEX "Course_published_publishedAt_id_idx" ON "Course"("published", "publishedAt", "id");

-- CreateIndex
CREATE INDEX "Course_published_sellerId_id_idx" ON "Course"("published", "sellerId", "id");

