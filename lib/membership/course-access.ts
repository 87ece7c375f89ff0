import { db } from "@/lib/db";
import { grantsMemberAccess, MEMBER_ACCESS_STATUSES } from "./membership-status";

export interface CourseAccess {
  /** Bought, and not on hold. */
  purchased: boolean;
  /** Bought, but frozen while the payment is disputed: it opens nothing (unless a membership opens it). */
  onHold: boolean;
  /** Opens through an active membership (the course is included). */
  membership: boolean;
}

export async function courseAccess(userId: string, courseId: string): Promise<CourseAccess> {
  const [enrolment, course, membership] = await Promise.all([
    db.enrolment.findUnique({ where: { userId_courseId: { userId, courseId } }, select: { id: true, frozenAt: true } }),
    db.course.findUnique({ where: { id: courseId }, select: { includedInMembership: true, published: true, seller: { select: { disabled: true } } } }),
    db.membership.findUnique({ where: { userId }, select: { status: true } }),
  ]);
  return {
    purchased: !!enrolment && !enrolment.frozenAt,
    onHold: !!enrolment?.frozenAt,
    // The membership opens what the catalogue offers: a published course of a seller who is not disabled.
    membership: !!course?.includedInMembership && !!course.published && !course.seller.disabled && grantsMemberAccess(membership?.status),
  };
}

/** The courses a user bought, and those their membership opens, for the library. */
export async function listLibrary(userId: string) {
  const courseColumns = { id: true, slug: true, title: true, description: true, seller: { select: { name: true } } } as const;
  const [enrolments, membership] = await Promise.all([
    db.enrolment.findMany({
      where: { userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { createdAt: true, frozenAt: true, course: { select: courseColumns } },
    }),
    db.membership.findFirst({ where: { userId, status: { in: [...MEMBER_ACCESS_STATUSES] } }, select: { status: true } }),
  ]);
  const owned = new Set(enrolments.map((e) => e.course.id));
  const memberCourses = membership
    ? await db.course.findMany({
        where: { includedInMembership: true, published: true, seller: { disabled: false }, id: { notIn: [...owned] } },
        orderBy: [{ title: "asc" }],
        take: 200,
        select: courseColumns,
      })
    : [];
  return { purchased: enrolments, memberCourses, membershipStatus: membership?.status ?? null };
}
