import "./support/test-database";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type Stripe from "stripe";
import { listAuditEntries } from "@/lib/audit/audit-log";
import { db } from "@/lib/db";
import { recordDispute } from "@/lib/disputes/record-dispute";
import { refundOrder } from "@/lib/refunds/refund-order";
import { reviewFormSchema, replyFormSchema } from "@/lib/reviews/review-input";
import { createReview, deleteReview, listCourseReviews, REVIEW_MESSAGES, saveReply, setReviewHidden, updateReview } from "@/lib/reviews/reviews";
import { makeCourse, makeUser } from "./support/factories";
import { buyPaidCourse } from "./support/paid-order";
import { startTestStripe, type TestStripe } from "./support/stripe-emulator";

let stripe: TestStripe;
let admin: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  stripe = await startTestStripe({ deliverWebhooks: false });
  admin = await makeUser("admin");
});
afterAll(async () => {
  await stripe?.close();
});

const review = (courseId: string, rating: string, body = "") => reviewFormSchema.parse({ courseId, rating, body });
const stats = (courseId: string) =>
  db.course.findUniqueOrThrow({ where: { id: courseId }, select: { ratingCount: true, ratingSum: true, ratingAverage: true, studentCount: true } });

describe("who may review a course, and how the rating follows", () => {
  it("owner, non-owner, twice, edit, seller reply, admin hide, refund: each rule in turn", async () => {
    const { buyer, seller, course, orderId } = await buyPaidCourse(stripe, admin.id, "destination");
    const stranger = await makeUser("buyer");
    expect(await stats(course.id)).toEqual({ ratingCount: 0, ratingSum: 0, ratingAverage: 0, studentCount: 1 });

    const rules: Array<[string, () => Promise<unknown>, unknown]> = [
      ["a stranger who does not own it", () => createReview(stranger.id, review(course.id, "5")), { ok: false, message: REVIEW_MESSAGES.notOwner }],
      ["the seller of the course", () => createReview(seller.id, review(course.id, "5")), { ok: false, message: REVIEW_MESSAGES.ownCourse }],
      ["the buyer who paid", () => createReview(buyer.id, review(course.id, "4", "Clear and practical.")), { ok: true, slug: course.slug }],
      ["the buyer a second time", () => createReview(buyer.id, review(course.id, "1")), { ok: false, message: REVIEW_MESSAGES.twice }],
      ["a stranger editing", () => updateReview(stranger.id, review(course.id, "1")), { ok: false, message: REVIEW_MESSAGES.noReview }],
    ];
    for (const [who, act, expected] of rules) expect(await act(), who).toEqual(expected);
    expect(await db.review.count({ where: { courseId: course.id } })).toBe(1);
    expect(await stats(course.id)).toMatchObject({ ratingCount: 1, ratingSum: 4, ratingAverage: 400 });

    expect(await updateReview(buyer.id, review(course.id, "3", "Edited."))).toEqual({ ok: true, slug: course.slug });
    expect(await stats(course.id)).toMatchObject({ ratingCount: 1, ratingSum: 3, ratingAverage: 300 });

    const [written] = (await listCourseReviews(course.id, 1)).reviews;
    expect(await saveReply(stranger.id, written.id, "Not mine")).toEqual({ ok: false, message: REVIEW_MESSAGES.notSeller });
    expect(await saveReply(seller.id, written.id, "Thanks!")).toEqual({ ok: true, slug: course.slug });
    expect(await saveReply(seller.id, written.id, "Thanks, edited.")).toEqual({ ok: true, slug: course.slug });
    expect((await listCourseReviews(course.id, 1)).reviews[0]).toMatchObject({ reply: "Thanks, edited.", body: "Edited.", rating: 3 });

    // Hidden: kept, audited, neither listed nor counted; shown again, it counts again.
    await setReviewHidden(admin.id, written.id, true);
    expect(await db.review.findUnique({ where: { id: written.id } })).toMatchObject({ counted: false });
    expect((await listCourseReviews(course.id, 1)).total).toBe(0);
    expect((await listCourseReviews(course.id, 1, { includeHidden: true })).total).toBe(1);
    expect(await stats(course.id)).toMatchObject({ ratingCount: 0, ratingSum: 0 });
    const [audit] = await listAuditEntries({ action: "review.hidden" });
    expect(audit.details).toMatchObject({ reviewId: written.id, courseId: course.id });
    await setReviewHidden(admin.id, written.id, false);
    expect(await stats(course.id)).toMatchObject({ ratingCount: 1, ratingSum: 3 });

    // A full refund through the admin's refund path: access, the review's weight and the student go together.
    const refunded = await refundOrder(admin.id, { orderId, formToken: randomUUID(), amount: "25.00", reason: "requested_by_customer", note: "" });
    expect(refunded).toMatchObject({ ok: true });
    expect(await stats(course.id)).toEqual({ ratingCount: 0, ratingSum: 0, ratingAverage: 0, studentCount: 0 });
    expect((await listCourseReviews(course.id, 1)).total).toBe(0);
    expect(await updateReview(buyer.id, review(course.id, "5"))).toEqual({ ok: false, message: REVIEW_MESSAGES.notOwner });
    // Deleting stays possible after the refund.
    expect(await deleteReview(buyer.id, written.id)).toEqual({ ok: true, slug: course.slug });
    expect(await db.review.count({ where: { courseId: course.id } })).toBe(0);
  });

  it("a lost dispute takes the review out; an open one holds it until won", async () => {
    const { buyer, course, intentId } = await buyPaidCourse(stripe, admin.id, "destination");
    await createReview(buyer.id, review(course.id, "5"));
    const dispute = (status: string) =>
      ({ id: `dp_${intentId}`, object: "dispute", payment_intent: intentId, status, amount: 2500, balance_transactions: [] }) as unknown as Stripe.Dispute;
    await recordDispute(dispute("needs_response"), null);
    expect(await stats(course.id)).toMatchObject({ ratingCount: 0, studentCount: 0 });
    await recordDispute(dispute("won"), null);
    expect(await stats(course.id)).toMatchObject({ ratingCount: 1, ratingSum: 5, studentCount: 1 });

    const other = await buyPaidCourse(stripe, admin.id, "destination");
    await createReview(other.buyer.id, review(other.course.id, "2"));
    await recordDispute({ ...dispute("lost"), id: `dp_${other.intentId}`, payment_intent: other.intentId } as Stripe.Dispute, null);
    expect(await stats(other.course.id)).toMatchObject({ ratingCount: 0, studentCount: 0 });
  });

  it("a member may review an included course, and the review stays when a purchase is not involved", async () => {
    const seller = await makeUser("seller");
    const course = await makeCourse(seller.id);
    await db.course.update({ where: { id: course.id }, data: { includedInMembership: true } });
    const member = await makeUser("buyer");
    await db.membership.create({ data: { userId: member.id, status: "active" } });
    expect(await createReview(member.id, review(course.id, "5"))).toEqual({ ok: true, slug: course.slug });
    expect(await db.review.findFirstOrThrow({ where: { authorId: member.id } })).toMatchObject({ viaMembership: true, counted: true });
    expect(await stats(course.id)).toMatchObject({ ratingCount: 1, ratingAverage: 500 });
  });

  it("refuses out-of-range ratings, over-long text and empty replies with a message, storing nothing", () => {
    for (const rating of ["0", "6", "4.5", "-1", "", "five"]) {
      const parsed = reviewFormSchema.safeParse({ courseId: "c1", rating });
      expect(parsed.success, rating).toBe(false);
      if (!parsed.success) expect(parsed.error.issues[0].message).toBe("Choose a rating from 1 to 5 stars.");
    }
    const long = reviewFormSchema.safeParse({ courseId: "c1", rating: "3", body: "x".repeat(2001) });
    expect(long.success).toBe(false);
    if (!long.success) expect(long.error.issues[0].message).toBe("Keep the review under 2,000 characters.");
    expect(replyFormSchema.safeParse({ reviewId: "r1", reply: "   " }).success).toBe(false);
  });

  it("lists a course's reviews newest first, ten a page", async () => {
    const seller = await makeUser("seller");
    const course = await makeCourse(seller.id);
    await db.course.update({ where: { id: course.id }, data: { includedInMembership: true } });
    for (let i = 0; i < 12; i++) {
      const member = await makeUser("buyer");
      await db.membership.create({ data: { userId: member.id, status: "active" } });
      await createReview(member.id, review(course.id, String((i % 5) + 1), `review ${i}`));
      // One minute apart, so "newest first" does not hang on two reviews written in the same millisecond.
      await db.review.updateMany({ where: { authorId: member.id }, data: { createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)) } });
    }
    const first = await listCourseReviews(course.id, 1);
    expect(first).toMatchObject({ total: 12, pageCount: 2 });
    expect(first.reviews.map((r) => r.body).slice(0, 2)).toEqual(["review 11", "review 10"]);
    expect((await listCourseReviews(course.id, 2)).reviews.map((r) => r.body)).toEqual(["review 1", "review 0"]);
    // 1+2+3+4+5+1+2+3+4+5+1+2 = 33 over 12 = 2.75
    expect(await stats(course.id)).toMatchObject({ ratingCount: 12, ratingSum: 33, ratingAverage: 275 });
  });
});
