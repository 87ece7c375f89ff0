import { TEST_DATABASE_PROVIDER } from "./support/test-database";
import { beforeAll, describe, expect, it } from "vitest";
import { catalogueQueries, listPublishedCourses } from "@/lib/courses/catalogue";
import { parseCatalogueQuery, type CatalogueFilters } from "@/lib/courses/catalogue-params";
import { courseFormSchema } from "@/lib/courses/course-input";
import { setCoursePublished, updateCourse } from "@/lib/courses/seller-courses";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { makeCourse, makeUser } from "./support/factories";

const filters = (query: Record<string, string>): CatalogueFilters => parseCatalogueQuery(query).filters;
const titles = async (query: Record<string, string>) => (await listPublishedCourses(filters(query))).courses.map((c) => c.title);

describe(`search and filters (${TEST_DATABASE_PROVIDER})`, () => {
  let seller: Awaited<ReturnType<typeof makeUser>>;
  let ada: Awaited<ReturnType<typeof makeUser>>;

  beforeAll(async () => {
    seller = await makeUser("seller");
    ada = await db.user.update({ where: { id: (await makeUser("seller")).id }, data: { name: "Ada Lovelace" } });
    const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
    await makeCourse(seller.id, { title: "Watercolour landscapes", publishedAt: at(1), priceMinor: 2500 });
    await makeCourse(seller.id, { title: "Cooking for one", publishedAt: at(2), priceMinor: 1500 });
    const mention = await makeCourse(seller.id, { title: "Sketching outdoors", publishedAt: at(3), priceMinor: 900 });
    await db.course.update({ where: { id: mention.id }, data: { description: "Pencils first; a short watercolour wash at the end." } });
    const byAda = await makeCourse(ada.id, { title: "Analytical engines", publishedAt: at(4), priceMinor: 5000 });
    await db.course.update({ where: { id: byAda.id }, data: { currency: "eur", includedInMembership: true, ratingCount: 2, ratingSum: 9, ratingAverage: 450, studentCount: 40 } });
    await db.courseTag.createMany({ data: [{ courseId: byAda.id, tag: "history" }, { courseId: mention.id, tag: "drawing" }] });
    await makeCourse(seller.id, { title: "Watercolour for drafts", published: false });
  });

  it("matches whole words and word starts in title, description, seller and tags, best match first", async () => {
    // The title match ranks above the description's mention; drafts never show.
    expect(await titles({ q: "watercolour" })).toEqual(["Watercolour landscapes", "Sketching outdoors"]);
    expect(await titles({ q: "WATERCOLOURS" })).toEqual(["Watercolour landscapes", "Sketching outdoors"]);
    expect(await titles({ q: "water" })).toEqual(["Watercolour landscapes", "Sketching outdoors"]);
    // Words, not substrings: "ook" is inside "Cooking" but starts no word.
    expect(await titles({ q: "ook" })).toEqual([]);
    expect(await titles({ q: "lovelace" })).toEqual(["Analytical engines"]);
    expect(await titles({ q: "history" })).toEqual(["Analytical engines"]);
    expect(await titles({ q: "pencils watercolour" })).toEqual(["Sketching outdoors"]);
  });

  it("treats operators, quotes and odd characters as plain words, never as syntax", async () => {
    for (const q of [`"`, `'; DROP TABLE "Course"; --`, "NEAR(a b)", "title:cooking", "cook*", "-cooking", "a AND OR NOT", "(", "^x", "😀", "%_", "\\", "é"]) {
      await expect(listPublishedCourses(filters({ q })), q).resolves.toMatchObject({ page: 1 });
    }
    expect(await titles({ q: "cooking*)" })).toEqual(["Cooking for one"]);
    expect(await titles({ q: "title:cooking" })).toEqual([]); // two words, and no course has "title"
    expect(await titles({ q: `"cooking` })).toEqual(["Cooking for one"]);
    expect(await db.course.count()).toBeGreaterThan(0);
  });

  it("keeps the index in step with edits, tags, the seller's name and unpublishing", async () => {
    const course = await db.course.findFirstOrThrow({ where: { title: "Cooking for one" } });
    const input = courseFormSchema.parse({ title: "Baking bread", slug: course.slug, description: "Sourdough at home.", price: "15.00", currency: "usd", tags: "fermentation" });
    expect(await updateCourse(seller.id, course.id, input)).toMatchObject({ ok: true });
    expect(await titles({ q: "cooking" })).toEqual([]);
    expect(await titles({ q: "sourdough" })).toEqual(["Baking bread"]);
    expect(await titles({ q: "fermentation" })).toEqual(["Baking bread"]);
    expect(await titles({ tag: "fermentation" })).toEqual(["Baking bread"]);

    await updateCourse(seller.id, course.id, { ...input, tags: [] });
    expect(await titles({ q: "fermentation" })).toEqual([]);

    await db.user.update({ where: { id: seller.id }, data: { name: "Grace Hopper" } });
    expect(await titles({ q: "hopper", sort: "newest" })).toEqual(["Sketching outdoors", "Baking bread", "Watercolour landscapes"]);

    expect(await setCoursePublished(seller.id, course.id, false)).toBe("ok");
    expect(await titles({ q: "sourdough" })).toEqual([]);
  });

  it("filters and sorts, and counts what matches", async () => {
    const result = await listPublishedCourses(filters({ membership: "1", currency: "eur", rating: "4" }));
    expect(result.total).toBe(1);
    expect(result.courses[0]).toMatchObject({ title: "Analytical engines", ratingAverage: 450, includedInMembership: true });
    expect(await titles({ seller: ada.id })).toEqual(["Analytical engines"]);
    expect(await titles({ tag: "drawing" })).toEqual(["Sketching outdoors"]);
    expect(await titles({ sort: "price-asc", currency: "usd" })).toEqual(["Sketching outdoors", "Watercolour landscapes"]);
    expect((await titles({ sort: "price-desc" }))[0]).toBe("Analytical engines");
    expect((await titles({ sort: "students" }))[0]).toBe("Analytical engines");
    expect((await titles({ sort: "rating" }))[0]).toBe("Analytical engines");
    // Bounds are in each course's own currency: 10 to 30 means $10.00–$30.00.
    expect(await titles({ min: "10", max: "30" })).toEqual(["Watercolour landscapes"]);
    expect(await titles({ price: "free" })).toEqual([]);
    expect((await listPublishedCourses(filters({ price: "paid" }))).total).toBe(await db.course.count({ where: { published: true } }));
  });

  it("finds each page of the search and the filtered catalogue from indexes, never by scanning the course table", async () => {
    // On SQLite the rows are first read where they are few: the full-text matches, or the tag's courses.
    const drivers: Record<string, RegExp> = { q: /^SCAN s VIRTUAL TABLE INDEX \d+:M/, tag: /^SEARCH t USING COVERING INDEX CourseTag_tag_courseId_idx/ };
    const shapes: Record<string, Record<string, string>> = {
      "common word, by relevance": { q: "watercolour" },
      "search sorted by price": { q: "water", sort: "price-asc", currency: "usd" },
      "filtered, by rating": { membership: "1", rating: "4", sort: "rating" },
      "filtered, by price": { currency: "usd", min: "5", max: "50", sort: "price-desc" },
      "by most students": { sort: "students" },
      "newest, page 3": { page: "3" },
      "a tag": { tag: "drawing" },
      "a search and a tag": { q: "sketching", tag: "drawing", sort: "newest" },
      "a seller": { seller: ada.id },
    };
    for (const [name, query] of Object.entries(shapes)) {
      const { page, count } = catalogueQueries(filters(query));
      for (const [part, sql] of Object.entries({ page, count })) {
        const plan = await explain(sql);
        if (TEST_DATABASE_PROVIDER === "postgresql") expect(plan, `${name} (${part}): ${plan}`).not.toMatch(/Seq Scan on "Course"/);
        else {
          expect(plan, `${name} (${part}): ${plan}`).not.toMatch(/\bSCAN (c|Course)\b(?! USING)/);
          const driver = query.q ? drivers.q : query.tag ? drivers.tag : /^SEARCH (c|u) USING (COVERING )?INDEX (Course_published_|sqlite_autoindex_User_1)/;
          expect(plan, `${name} (${part}): ${plan}`).toMatch(driver);
        }
      }
    }
  });
});

/**
 * The plan as text. PostgreSQL picks plans by table size, and a test table is tiny, so the
 * sequential scan is priced out (not forbidden: with no usable index it is still chosen).
 */
async function explain(sql: Prisma.Sql): Promise<string> {
  if (TEST_DATABASE_PROVIDER === "postgresql") {
    return db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      const rows = await tx.$queryRaw<Array<{ "QUERY PLAN": string }>>(Prisma.sql`EXPLAIN ${sql}`);
      return rows.map((row) => row["QUERY PLAN"]).join(" | ");
    });
  }
  const rows = await db.$queryRaw<Array<{ detail: string }>>(Prisma.sql`EXPLAIN QUERY PLAN ${sql}`);
  return rows.map((row) => row.detail).join(" | ");
}
