-- CreateTable
CREATE TABLE "CourseTag" (
    "courseId" TEXT NOT NULL,
    "tag" TEXT NOT NULL,

    PRIMARY KEY ("courseId", "tag"),
    CONSTRAINT "CourseTag_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CourseSearchEntry" (
    "rowKey" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "courseId" TEXT NOT NULL,
    CONSTRAINT "CourseSearchEntry_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Review" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "viaMembership" BOOLEAN NOT NULL DEFAULT false,
    "counted" BOOLEAN NOT NULL DEFAULT true,
    "hiddenAt" DATETIME,
    "reply" TEXT,
    "repliedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Review_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Review_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- AlterTable (written by hand: Prisma's diff would recreate "Course", dropping at merge time any
-- column another branch adds to it)
ALTER TABLE "Course" ADD COLUMN "ratingCount" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Course" ADD COLUMN "ratingSum" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Course" ADD COLUMN "ratingAverage" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Course" ADD COLUMN "studentCount" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Course_published_priceMinor_id_idx" ON "Course"("published", "priceMinor", "id");
CREATE INDEX "Course_published_ratingAverage_id_idx" ON "Course"("published", "ratingAverage", "id");
CREATE INDEX "Course_published_studentCount_id_idx" ON "Course"("published", "studentCount", "id");

-- CreateIndex
CREATE INDEX "CourseTag_tag_courseId_idx" ON "CourseTag"("tag", "courseId");

-- CreateIndex
CREATE UNIQUE INDEX "CourseSearchEntry_courseId_key" ON "CourseSearchEntry"("courseId");

-- CreateIndex
CREATE INDEX "Review_courseId_counted_createdAt_idx" ON "Review"("courseId", "counted", "createdAt");

-- CreateIndex
CREATE INDEX "Review_authorId_idx" ON "Review"("authorId");

-- CreateIndex
CREATE UNIQUE INDEX "Review_courseId_authorId_key" ON "Review"("courseId", "authorId");

-- Full-text search (outside Prisma's schema, written by hand): an FTS5 table whose rowid is the
-- course's CourseSearchEntry.rowKey (a stable integer; Course's own rowid may change on VACUUM).
-- Triggers keep it in step inside the statement that changes a course, its seller's name or its
-- tags, so every writer (the app, the seed, the bench) updates it in the same transaction.
-- Weights per column are given at query time (lib/courses/course-search.ts).
CREATE VIRTUAL TABLE "CourseSearch" USING fts5(title, seller, tags, description, tokenize = 'porter unicode61 remove_diacritics 2');

INSERT INTO "CourseSearchEntry" ("courseId") SELECT "id" FROM "Course";
INSERT INTO "CourseSearch" (rowid, title, seller, tags, description)
SELECT e."rowKey", c."title", u."name", '', c."description"
FROM "CourseSearchEntry" e JOIN "Course" c ON c."id" = e."courseId" JOIN "User" u ON u."id" = c."sellerId";

CREATE TRIGGER "Course_search_insert" AFTER INSERT ON "Course" BEGIN
  INSERT INTO "CourseSearchEntry" ("courseId") VALUES (new."id");
  INSERT INTO "CourseSearch" (rowid, title, seller, tags, description)
  SELECT e."rowKey", new."title", (SELECT "name" FROM "User" WHERE "id" = new."sellerId"), '', new."description"
  FROM "CourseSearchEntry" e WHERE e."courseId" = new."id";
END;

CREATE TRIGGER "Course_search_update" AFTER UPDATE OF "title", "description", "sellerId" ON "Course" BEGIN
  UPDATE "CourseSearch"
  SET title = new."title", description = new."description", seller = (SELECT "name" FROM "User" WHERE "id" = new."sellerId")
  WHERE rowid = (SELECT "rowKey" FROM "CourseSearchEntry" WHERE "courseId" = new."id");
END;

CREATE TRIGGER "Course_search_delete" BEFORE DELETE ON "Course" BEGIN
  DELETE FROM "CourseSearch" WHERE rowid = (SELECT "rowKey" FROM "CourseSearchEntry" WHERE "courseId" = old."id");
END;

CREATE TRIGGER "User_search_rename" AFTER UPDATE OF "name" ON "User" BEGIN
  UPDATE "CourseSearch" SET seller = new."name"
  WHERE rowid IN (SELECT e."rowKey" FROM "CourseSearchEntry" e JOIN "Course" c ON c."id" = e."courseId" WHERE c."sellerId" = new."id");
END;

CREATE TRIGGER "CourseTag_search_insert" AFTER INSERT ON "CourseTag" BEGIN
  UPDATE "CourseSearch" SET tags = (SELECT group_concat("tag", ' ') FROM "CourseTag" WHERE "courseId" = new."courseId")
  WHERE rowid = (SELECT "rowKey" FROM "CourseSearchEntry" WHERE "courseId" = new."courseId");
END;

CREATE TRIGGER "CourseTag_search_delete" AFTER DELETE ON "CourseTag" BEGIN
  UPDATE "CourseSearch" SET tags = coalesce((SELECT group_concat("tag", ' ') FROM "CourseTag" WHERE "courseId" = old."courseId"), '')
  WHERE rowid = (SELECT "rowKey" FROM "CourseSearchEntry" WHERE "courseId" = old."courseId");
END;
