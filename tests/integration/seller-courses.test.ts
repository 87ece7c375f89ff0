import "./support/test-database";
import { describe, expect, it } from "vitest";
import { courseFormSchema } from "@/lib/courses/course-input";
import { createCourse, getSellerCourse, listSellerCourses, setCoursePublished, updateCourse } from "@/lib/courses/seller-courses";
import { db } from "@/lib/db";
import { makeUser } from "./support/factories";

const input = (title: string, slug = "") =>
  courseFormSchema.parse({ title, slug, description: "Learn it.", price: "49.00", currency: "usd" });

describe("a seller's courses", () => {
  it("creates a draft owned by the seller, in minor units", async () => {
    const seller = await makeUser("seller");
    const result = await createCourse(seller.id, input("Owned Course"));
    expect(result.ok).toBe(true);
    const course = await db.course.findUniqueOrThrow({ where: { slug: "owned-course" } });
    expect(course).toMatchObject({ sellerId: seller.id, priceMinor: 4900, feeBasisPoints: null, published: false });
  });

  it("refuses a slug that is taken, as a field error", async () => {
    const seller = await makeUser("seller");
    await createCourse(seller.id, input("First", "shared-slug"));
    const second = await createCourse(seller.id, input("Second", "shared-slug"));
    expect(second).toEqual({ ok: false, field: "slug", message: expect.stringContaining("already used") });
  });

  it("never lets another seller read, change or publish a course", async () => {
    const owner = await makeUser("seller");
    const other = await makeUser("seller");
    const created = await createCourse(owner.id, input("Private Course"));
    if (!created.ok) throw new Error("setup failed");

    expect(await getSellerCourse(other.id, created.id)).toBeNull();
    expect(await listSellerCourses(other.id)).toEqual([]);
    expect(await updateCourse(other.id, created.id, input("Hijacked"))).toEqual({ ok: false, notFound: true });
    expect(await setCoursePublished(other.id, created.id, true)).toBe("not_found");

    const unchanged = await db.course.findUniqueOrThrow({ where: { id: created.id } });
    expect(unchanged).toMatchObject({ title: "Private Course", published: false, sellerId: owner.id });
  });

  it("publishes only with a Stripe account that can take charges", async () => {
    const seller = await makeUser("seller");
    const created = await createCourse(seller.id, input("Needs Stripe"));
    if (!created.ok) throw new Error("setup failed");
    expect(await setCoursePublished(seller.id, created.id, true)).toBe("cannot_sell");
    await db.sellerAccount.create({
      data: { userId: seller.id, stripeAccountId: `acct_pending${seller.id}`, detailsSubmitted: false, requirementsDue: '["external_account"]' },
    });
    expect(await setCoursePublished(seller.id, created.id, true)).toBe("cannot_sell");
    await db.sellerAccount.update({ where: { userId: seller.id }, data: { chargesEnabled: true, disconnectedAt: new Date() } });
    expect(await setCoursePublished(seller.id, created.id, true)).toBe("cannot_sell");
    expect((await db.course.findUniqueOrThrow({ where: { id: created.id } })).published).toBe(false);
  });

  it("publishes and unpublishes, keeping the first publication date on a repeat", async () => {
    const seller = await makeUser("seller");
    await db.sellerAccount.create({ data: { userId: seller.id, stripeAccountId: `acct_ready${seller.id}`, chargesEnabled: true } });
    const created = await createCourse(seller.id, input("Publish Me"));
    if (!created.ok) throw new Error("setup failed");
    expect(await setCoursePublished(seller.id, created.id, true)).toBe("ok");
    const first = await db.course.findUniqueOrThrow({ where: { id: created.id } });
    expect(first.published).toBe(true);
    expect(await setCoursePublished(seller.id, created.id, true)).toBe("ok");
    const again = await db.course.findUniqueOrThrow({ where: { id: created.id } });
    expect(again.publishedAt).toEqual(first.publishedAt);
    expect(await setCoursePublished(seller.id, created.id, false)).toBe("ok");
    expect((await db.course.findUniqueOrThrow({ where: { id: created.id } })).published).toBe(false);
  });
});
