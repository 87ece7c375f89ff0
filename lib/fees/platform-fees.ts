import { recordAudit } from "@/lib/audit/audit-log";
import { db } from "@/lib/db";
import { getPlatformSettings } from "@/lib/settings/platform-settings";
import { applicableFee, type ApplicableFee } from "./fee-rule";

/** The admin's override for every course of this seller, if any. */
export async function getSellerFeeOverride(sellerId: string): Promise<number | null> {
  const row = await db.sellerFeeOverride.findUnique({ where: { sellerId }, select: { feeBasisPoints: true } });
  return row?.feeBasisPoints ?? null;
}

/** The fee that applies to a course today. */
export async function feeForCourse(course: { sellerId: string; feeBasisPoints: number | null }): Promise<ApplicableFee> {
  const [sellerBasisPoints, settings] = await Promise.all([getSellerFeeOverride(course.sellerId), getPlatformSettings()]);
  return applicableFee({ courseBasisPoints: course.feeBasisPoints, sellerBasisPoints, platformBasisPoints: settings.feeBasisPoints });
}

/** The fee for each of a seller's courses (one read of the seller's and the platform's). */
export async function feesForSellerCourses<T extends { id: string; feeBasisPoints: number | null }>(
  sellerId: string,
  courses: T[],
): Promise<Map<string, ApplicableFee>> {
  const [sellerBasisPoints, settings] = await Promise.all([getSellerFeeOverride(sellerId), getPlatformSettings()]);
  return new Map(
    courses.map((course) => [
      course.id,
      applicableFee({ courseBasisPoints: course.feeBasisPoints, sellerBasisPoints, platformBasisPoints: settings.feeBasisPoints }),
    ]),
  );
}

export type FeeChangeResult = { ok: true; changed: boolean } | { ok: false; message: string };

const NO_SUCH_SELLER = "No user has that email address.";
const NOT_A_SELLER = "That user is not a seller.";
const NO_SUCH_COURSE = "No course has that address.";

/**
 * Sets (or with null removes) a seller's fee, with an audit record of before and after in the
 * same transaction. Only admins reach this (app/admin/fees/actions.ts).
 */
export async function setSellerFee(actorId: string, sellerEmail: string, basisPoints: number | null): Promise<FeeChangeResult> {
  return db.$transaction(async (tx) => {
    const seller = await tx.user.findUnique({ where: { email: sellerEmail }, select: { id: true, email: true, role: true } });
    if (!seller) return { ok: false, message: NO_SUCH_SELLER };
    const before = (await tx.sellerFeeOverride.findUnique({ where: { sellerId: seller.id } }))?.feeBasisPoints ?? null;
    // Removing an override is allowed for anyone (a demoted seller's); setting one only for sellers.
    if (basisPoints !== null && seller.role !== "seller") return { ok: false, message: NOT_A_SELLER };
    if (before === basisPoints) return { ok: true, changed: false };
    if (basisPoints === null) await tx.sellerFeeOverride.delete({ where: { sellerId: seller.id } });
    else {
      await tx.sellerFeeOverride.upsert({
        where: { sellerId: seller.id },
        create: { sellerId: seller.id, feeBasisPoints: basisPoints, updatedById: actorId },
        update: { feeBasisPoints: basisPoints, updatedById: actorId },
      });
    }
    await recordAudit(
      { actorId, action: "fee.seller_override", details: { sellerId: seller.id, email: seller.email, before, after: basisPoints } },
      tx,
    );
    return { ok: true, changed: true };
  });
}

/** Sets (or with null removes) one course's fee, audited like the seller's. */
export async function setCourseFee(actorId: string, courseSlug: string, basisPoints: number | null): Promise<FeeChangeResult> {
  return db.$transaction(async (tx) => {
    const course = await tx.course.findUnique({ where: { slug: courseSlug }, select: { id: true, slug: true, title: true, feeBasisPoints: true } });
    if (!course) return { ok: false, message: NO_SUCH_COURSE };
    if (course.feeBasisPoints === basisPoints) return { ok: true, changed: false };
    await tx.course.update({ where: { id: course.id }, data: { feeBasisPoints: basisPoints } });
    await recordAudit(
      {
        actorId,
        action: "fee.course_override",
        details: { courseId: course.id, slug: course.slug, title: course.title, before: course.feeBasisPoints, after: basisPoints },
      },
      tx,
    );
    return { ok: true, changed: true };
  });
}

/** Every override in force, for the admin page. */
export async function listFeeOverrides() {
  const [sellers, courses] = await Promise.all([
    db.sellerFeeOverride.findMany({
      orderBy: { updatedAt: "desc" },
      select: { feeBasisPoints: true, updatedAt: true, seller: { select: { email: true, name: true, role: true } } },
    }),
    db.course.findMany({
      where: { feeBasisPoints: { not: null } },
      orderBy: { updatedAt: "desc" },
      take: 500,
      select: { slug: true, title: true, feeBasisPoints: true, seller: { select: { email: true } } },
    }),
  ]);
  return { sellers, courses: courses.map((course) => ({ ...course, feeBasisPoints: course.feeBasisPoints! })) };
}
