import { canSellWith } from "@/lib/seller-accounts/connection-status";
import { getSellerConnection } from "@/lib/seller-accounts/seller-connection";
import { db } from "@/lib/db";
import { getSellerFeeOverride } from "@/lib/fees/platform-fees";
import { getPlatformSettings } from "@/lib/settings/platform-settings";
import { chargePlanFor, SELLER_CANNOT_SELL, type PlanResult } from "./charge-plan";

export interface PlannedCourse {
  priceMinor: number;
  feeBasisPoints: number | null;
  sellerId: string;
}

/** The plan for buying the course now, or why it cannot be bought (the seller's account cannot take charges). */
export async function planCourseCharge(course: PlannedCourse): Promise<PlanResult> {
  const [connection, settings, sellerFee] = await Promise.all([
    getSellerConnection(course.sellerId),
    getPlatformSettings(),
    getSellerFeeOverride(course.sellerId),
  ]);
  if (!connection?.stripeAccountId || !canSellWith(connection)) {
    return { ok: false, reason: "seller-cannot-sell", message: SELLER_CANNOT_SELL };
  }
  return { ok: true, plan: chargePlanFor(course, settings, connection.stripeAccountId, sellerFee) };
}

/** For the course and checkout pages: how buying this course would be charged right now. */
export async function planForCourse(courseId: string): Promise<PlanResult | null> {
  const course = await db.course.findUnique({ where: { id: courseId }, select: { priceMinor: true, feeBasisPoints: true, sellerId: true } });
  return course ? planCourseCharge(course) : null;
}

