import { parseArgs } from "node:util";
import { hashPassword } from "../lib/auth/password";
import { db } from "../lib/db";
import { migrateAnyDatabase } from "../scripts/prepare-database";
import { seedCourseContent } from "./seed-content";
import { seedCovers } from "./seed-covers";
import { DEMO_COURSE_TAGS, DEMO_COURSES, DEMO_PASSWORD, DEMO_USERS, generatedCourse, generatedCourseTags } from "./seed-data";

/** Creates the demo accounts and courses that are missing; never changes existing rows. */
export async function seedDemoData(): Promise<{ users: number; courses: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let users = 0;
  for (const user of DEMO_USERS) {
    const existing = await db.user.findUnique({ where: { email: user.email }, select: { id: true } });
    if (existing) continue;
    // Demo accounts are verified, so the demo seller can connect Stripe at once.
    await db.user.create({ data: { ...user, passwordHash, emailVerifiedAt: new Date() } });
    users += 1;
  }
  const seller = await db.user.findUniqueOrThrow({ where: { email: "seller@example.com" }, select: { id: true } });
  let courses = 0;
  const now = Date.now();
  for (const [index, course] of DEMO_COURSES.entries()) {
    const existing = await db.course.findUnique({ where: { slug: course.slug }, select: { id: true } });
    if (existing) continue;
    await db.course.create({
      data: {
        ...course,
        sellerId: seller.id,
        published: true,
        // Spread the dates so "newest first" has a stable, meaningful order.
        publishedAt: new Date(now - index * 3_600_000),
        tags: { create: (DEMO_COURSE_TAGS[course.slug] ?? []).map((tag) => ({ tag })) },
      },
    });
    courses += 1;
  }
  await seedCourseContent(DEMO_COURSES.map((course) => course.slug));
  await seedCovers(DEMO_COURSES.map((course) => course.slug));
  return { users, courses };
}

/** Adds generated published courses by the demo seller, continuing after any already there. */
export async function seedGeneratedCourses(count: number): Promise<number> {
  const seller = await db.user.findUniqueOrThrow({ where: { email: "seller@example.com" }, select: { id: true } });
  const start = await db.course.count({ where: { slug: { startsWith: "generated-" } } });
  const batchSize = 500;
  const base = Date.now() - 86_400_000;
  for (let offset = 0; offset < count; offset += batchSize) {
    const batch = Array.from({ length: Math.min(batchSize, count - offset) }, (_, i) => {
      const index = start + offset + i;
      return {
        ...generatedCourse(index),
        sellerId: seller.id,
        published: true,
        publishedAt: new Date(base - index * 60_000),
      };
    });
    const created = await db.course.createManyAndReturn({ data: batch, select: { id: true, slug: true } });
    await db.courseTag.createMany({
      data: created.flatMap((course) => generatedCourseTags(Number(course.slug.slice("generated-".length)) - 1).map((tag) => ({ courseId: course.id, tag }))),
    });
  }
  return count;
}

export async function isDatabaseEmpty(): Promise<boolean> {
  return (await db.user.count()) === 0;
}

async function main() {
  const { values } = parseArgs({ options: { courses: { type: "string" } }, allowPositionals: false });
  await migrateAnyDatabase();
  const seeded = await seedDemoData();
  console.log(`Seeded ${seeded.users} demo users and ${seeded.courses} demo courses.`);
  if (values.courses !== undefined) {
    const count = Number(values.courses);
    if (!Number.isInteger(count) || count < 1 || count > 1_000_000) {
      throw new Error("--courses takes a whole number from 1 to 1000000");
    }
    await seedGeneratedCourses(count);
    console.log(`Added ${count} generated courses.`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main()
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    })
    .finally(() => db.$disconnect());
}
