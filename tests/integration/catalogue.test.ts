import { TEST_DATABASE_PROVIDER } from "./support/test-database";
import { beforeAll, describe, expect, it } from "vitest";
import { CATALOGUE_PAGE_SIZE, getPublishedCourse, listPublishedCourses } from "@/lib/courses/catalogue";
import { db } from "@/lib/db";
import { makeCourse, makeUser } from "./support/factories";

describe("the catalogue", () => {
  let visible: Awaited<ReturnType<typeof makeCourse>>[] = [];

  beforeAll(async () => {
    const seller = await makeUser("seller");
    const hiddenSeller = await makeUser("seller", { disabled: true });
    const start = Date.UTC(2026, 0, 1);
    visible = [];
    for (let i = 0; i < 30; i++) {
      visible.push(
        await makeCourse(seller.id, { title: `Topic ${i} ${i % 3 === 0 ? "Databases" : "Design"}`, publishedAt: new Date(start + i * 1000) }),
      );
    }
    await makeCourse(seller.id, { title: "Draft Databases", published: false });
    await makeCourse(hiddenSeller.id, { title: "Disabled seller Databases" });
  });

  it("lists only published courses of active sellers, newest first, in pages", async () => {
    const first = await listPublishedCourses({ page: 1 });
    expect(first.total).toBe(30);
    expect(first.pageCount).toBe(Math.ceil(30 / CATALOGUE_PAGE_SIZE));
    expect(first.courses).toHaveLength(CATALOGUE_PAGE_SIZE);
    expect(first.courses[0].title).toBe("Topic 29 Design");
    const last = await listPublishedCourses({ page: 3 });
    expect(last.courses).toHaveLength(30 - 2 * CATALOGUE_PAGE_SIZE);
    const seen = new Set([...first.courses, ...(await listPublishedCourses({ page: 2 })).courses, ...last.courses].map((c) => c.id));
    expect(seen.size).toBe(30);
  });

  it("searches titles without case, and never shows drafts or disabled sellers", async () => {
    const result = await listPublishedCourses({ q: "databases" });
    expect(result.total).toBe(10);
    expect(result.courses.every((c) => c.title.endsWith("Databases"))).toBe(true);
  });

  it("returns an empty page past the end", async () => {
    const result = await listPublishedCourses({ page: 99 });
    expect(result.courses).toEqual([]);
    expect(result.total).toBe(30);
  });

  it("opens a published course by slug and hides drafts", async () => {
    const course = await getPublishedCourse(visible[0].slug);
    expect(course).toMatchObject({ title: visible[0].title, priceMinor: 1999, currency: "usd" });
    const draft = await db.course.findFirstOrThrow({ where: { title: "Draft Databases" } });
    expect(await getPublishedCourse(draft.slug)).toBeNull();
    expect(await getPublishedCourse("no-such-course")).toBeNull();
  });

  it.skipIf(TEST_DATABASE_PROVIDER === "sqlite")("PostgreSQL: the title search can be served by the trigram index", async () => {
    // A test table this small is scanned whatever the indexes; forbidding the scan shows whether
    // the index can serve the search at all.
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRawUnsafe<Array<{ "QUERY PLAN": string }>>(`EXPLAIN SELECT "id" FROM "Course" WHERE "title" ILIKE '%databases%'`);
    });
    expect(plan.map((row) => row["QUERY PLAN"]).join(" | ")).toContain("Course_title_trgm_idx");
  });
});
