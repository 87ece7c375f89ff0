import "./support/test-database";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isDatabaseEmpty, seedDemoData, seedGeneratedCourses } from "@/prisma/seed";
import { DEMO_COURSES } from "@/prisma/seed-data";

describe("the seed", () => {
  it("creates the demo accounts and courses once, and is safe to run again", async () => {
    expect(await isDatabaseEmpty()).toBe(true);
    expect(await seedDemoData()).toEqual({ users: 3, courses: DEMO_COURSES.length });
    expect(await seedDemoData()).toEqual({ users: 0, courses: 0 });
    const roles = await db.user.findMany({ select: { email: true, role: true }, orderBy: { email: "asc" } });
    expect(roles).toEqual([
      { email: "admin@example.com", role: "admin" },
      { email: "buyer@example.com", role: "buyer" },
      { email: "seller@example.com", role: "seller" },
    ]);
  });

  it("adds generated courses after the ones already there", async () => {
    await seedGeneratedCourses(600);
    await seedGeneratedCourses(50);
    expect(await db.course.count({ where: { slug: { startsWith: "generated-" } } })).toBe(650);
    expect(await db.course.findUnique({ where: { slug: "generated-650" } })).not.toBeNull();
  });
});
