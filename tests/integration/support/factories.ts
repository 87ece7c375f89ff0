import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";

export async function makeUser(role: "buyer" | "seller" | "admin" = "buyer", overrides: { disabled?: boolean } = {}) {
  const tag = randomUUID().slice(0, 8);
  return db.user.create({
    data: { email: `${role}-${tag}@test.example`, name: `${role} ${tag}`, passwordHash: "not-used", role, ...overrides },
  });
}

export async function makeCourse(
  sellerId: string,
  overrides: Partial<{ title: string; slug: string; published: boolean; publishedAt: Date; priceMinor: number }> = {},
) {
  const tag = randomUUID().slice(0, 8);
  return db.course.create({
    data: {
      slug: `course-${tag}`,
      title: `Course ${tag}`,
      description: "About something.",
      priceMinor: 1999,
      currency: "usd",
      sellerId,
      published: true,
      publishedAt: new Date(),
      ...overrides,
    },
  });
}
