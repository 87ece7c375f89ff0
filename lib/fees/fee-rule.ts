import { applicationFeeMinor, formatBasisPoints, formatMinor } from "@/lib/money";

export type FeeSource = "course" | "seller" | "platform";

export interface FeeLevels {
  /** An admin's fee for this course, or null. */
  courseBasisPoints: number | null;
  /** An admin's fee for every course of the seller, or null. */
  sellerBasisPoints: number | null;
  platformBasisPoints: number;
}

export interface ApplicableFee {
  basisPoints: number;
  source: FeeSource;
}

/** The most specific fee an admin set wins: the course's, then the seller's, then the platform's. */
export function applicableFee(levels: FeeLevels): ApplicableFee {
  if (levels.courseBasisPoints !== null) return { basisPoints: levels.courseBasisPoints, source: "course" };
  if (levels.sellerBasisPoints !== null) return { basisPoints: levels.sellerBasisPoints, source: "seller" };
  return { basisPoints: levels.platformBasisPoints, source: "platform" };
}

export interface SellerShare {
  feeMinor: number;
  netMinor: number;
}

/** What the platform takes of a price and what the seller receives (before Stripe's own fees). */
export function sellerShareOf(priceMinor: number, basisPoints: number): SellerShare {
  const feeMinor = applicationFeeMinor(priceMinor, basisPoints);
  return { feeMinor, netMinor: priceMinor - feeMinor };
}

export const FEE_SOURCE_LABELS: Record<FeeSource, string> = {
  course: "set for this course",
  seller: "set for your courses",
  platform: "the platform's standard fee",
};

/** The read-only fee line a seller sees beside a course: the percentage and, for a price, their share. */
export function sellerFeeNotice(fee: ApplicableFee, price?: { priceMinor: number; currency: string }): { percent: string; share: string | null } {
  const percent = `${formatBasisPoints(fee.basisPoints)}, ${FEE_SOURCE_LABELS[fee.source]}`;
  if (!price) return { percent, share: null };
  const { netMinor } = sellerShareOf(price.priceMinor, fee.basisPoints);
  return {
    percent,
    share: `You receive ${formatMinor(netMinor, price.currency)} of ${formatMinor(price.priceMinor, price.currency)} per sale, before Stripe's fees.`,
  };
}
