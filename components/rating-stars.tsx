import { formatAverage, reviewCountLabel, starFills } from "@/lib/reviews/rating";

interface RatingStarsProps {
  /** Hundredths of a star (437 = 4.37). */
  average: number;
  count: number;
  size?: "sm" | "lg";
}

/** Five stars filled to the nearest half, the average to one decimal and the number of reviews. */
export function RatingStars({ average, count, size = "sm" }: RatingStarsProps) {
  const shown = formatAverage(average, count);
  const text = size === "lg" ? "text-base" : "text-sm";
  if (!shown) return <p className={`${text} text-slate-500`} data-testid="rating">No reviews yet</p>;
  return (
    <p className={`flex items-center gap-1 ${text}`} data-testid="rating">
      <span className="sr-only">Rated {shown} out of 5 from {reviewCountLabel(count)}</span>
      <StarRow fills={starFills(average)} />
      <span aria-hidden="true" className="font-semibold text-slate-900">{shown}</span>
      <span aria-hidden="true" className="text-slate-600">({reviewCountLabel(count)})</span>
    </p>
  );
}

/** One review's own rating, in whole stars. */
export function ReviewStars({ rating }: { rating: number }) {
  return (
    <span className="inline-flex items-center">
      <span className="sr-only">{rating} out of 5 stars</span>
      <StarRow fills={starFills(rating * 100)} />
    </span>
  );
}

function StarRow({ fills }: { fills: number[] }) {
  const filled = fills.reduce((sum, fill) => sum + fill, 0);
  // Grey stars with amber ones over them, cut at the filled share (to the nearest half star).
  return (
    <span aria-hidden="true" className="relative inline-block whitespace-nowrap leading-none tracking-tight">
      <span className="text-slate-300">★★★★★</span>
      <span className="absolute inset-y-0 left-0 overflow-hidden text-amber-700" style={{ width: `${(filled / fills.length) * 100}%` }}>
        ★★★★★
      </span>
    </span>
  );
}
