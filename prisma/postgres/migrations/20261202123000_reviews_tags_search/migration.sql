-- AlterTable
ALTER TABLE "Course" ADD COLUMN     "ratingAverage" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "ratingCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "ratingSum" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "studentCount" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "CourseTag" (
    "courseId" TEXT NOT NULL,
    "tag" TEXT NOT NULL,

    CONSTRAINT "CourseTag_pkey" PRIMARY KEY ("courseId","tag")
);

-- CreateTable
CREATE TABLE "CourseSearchEntry" (
    "rowKey" SERIAL NOT NULL,
    "courseId" TEXT NOT NULL,
    "document" tsvector,

    CONSTRAINT "CourseSearchEntry_pkey" PRIMARY KEY ("rowKey")
);

-- CreateTable
CREATE TABLE "Review" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "viaMembership" BOOLEAN NOT NULL DEFAULT false,
    "counted" BOOLEAN NOT NULL DEFAULT true,
    "hiddenAt" TIMESTAMP(3),
    "reply" TEXT,
    "repliedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CourseTag_tag_courseId_idx" ON "CourseTag"("tag", "courseId");

-- CreateIndex
CREATE UNIQUE INDEX "CourseSearchEntry_courseId_key" ON "CourseSearchEntry"("courseId");

-- CreateIndex
CREATE INDEX "CourseSearchEntry_document_idx" ON "CourseSearchEntry" USING GIN ("document");

-- CreateIndex
CREATE INDEX "Review_courseId_counted_createdAt_idx" ON "Review"("courseId", "counted", "createdAt");

-- CreateIndex
CREATE INDEX "Review_authorId_idx" ON "Review"("authorId");

-- CreateIndex
CREATE UNIQUE INDEX "Review_courseId_authorId_key" ON "Review"("courseId", "authorId");

-- CreateIndex
CREATE INDEX "Course_published_priceMinor_id_idx" ON "Course"("published", "priceMinor", "id");

-- CreateIndex
CREATE INDEX "Course_published_ratingAverage_id_idx" ON "Course"("published", "ratingAverage", "id");

-- CreateIndex
CREATE INDEX "Course_published_studentCount_id_idx" ON "Course"("published", "studentCount", "id");

-- AddForeignKey
ALTER TABLE "CourseTag" ADD CONSTRAINT "CourseTag_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseSearchEntry" ADD CONSTRAINT "CourseSearchEntry_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Full-text search (written by hand): "CourseSearchEntry"."document" is a weighted tsvector of the
-- title (A), the seller's name and the tags (B) and the description (C), kept in step by triggers
-- inside the statement that changes a course, its seller's name or its tags.
CREATE FUNCTION course_search_document(course_id text) RETURNS tsvector LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector('english', c."title"), 'A')
      || setweight(to_tsvector('english', u."name"), 'B')
      || setweight(to_tsvector('english', coalesce((SELECT string_agg(t."tag", ' ') FROM "CourseTag" t WHERE t."courseId" = c."id"), '')), 'B')
      || setweight(to_tsvector('english', c."description"), 'C')
  FROM "Course" c JOIN "User" u ON u."id" = c."sellerId"
  WHERE c."id" = course_id
$$;

-- The trigger functions' bodies are E'' strings with \073 for each semicolon: Prisma's PostgreSQL
-- adapter runs a migration by splitting its text at every semicolon, dollar quotes included.
CREATE FUNCTION course_search_on_course() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''INSERT'' THEN
    INSERT INTO "CourseSearchEntry" ("courseId", "document") VALUES (NEW."id", course_search_document(NEW."id"))\073
  ELSE
    UPDATE "CourseSearchEntry" SET "document" = course_search_document(NEW."id") WHERE "courseId" = NEW."id"\073
  END IF\073
  RETURN NULL\073
END';

CREATE FUNCTION course_search_on_seller() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE "CourseSearchEntry" e SET "document" = course_search_document(e."courseId")
  FROM "Course" c WHERE c."id" = e."courseId" AND c."sellerId" = NEW."id"\073
  RETURN NULL\073
END';

CREATE FUNCTION course_search_on_tag() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''DELETE'' THEN
    UPDATE "CourseSearchEntry" SET "document" = course_search_document(OLD."courseId") WHERE "courseId" = OLD."courseId"\073
  ELSE
    UPDATE "CourseSearchEntry" SET "document" = course_search_document(NEW."courseId") WHERE "courseId" = NEW."courseId"\073
  END IF\073
  RETURN NULL\073
END';

CREATE TRIGGER course_search_insert AFTER INSERT ON "Course" FOR EACH ROW EXECUTE FUNCTION course_search_on_course();
CREATE TRIGGER course_search_update AFTER UPDATE OF "title", "description", "sellerId" ON "Course" FOR EACH ROW EXECUTE FUNCTION course_search_on_course();
CREATE TRIGGER course_search_seller AFTER UPDATE OF "name" ON "User" FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name") EXECUTE FUNCTION course_search_on_seller();
CREATE TRIGGER course_search_tag AFTER INSERT OR DELETE ON "CourseTag" FOR EACH ROW EXECUTE FUNCTION course_search_on_tag();

INSERT INTO "CourseSearchEntry" ("courseId", "document") SELECT "id", course_search_document("id") FROM "Course";
