import type { ActionState } from "@/lib/auth/action";
import { REPLY_TEXT_LIMIT } from "@/lib/reviews/review-input";
import type { CourseReview } from "@/lib/reviews/reviews";
import { ActionButton } from "../action-button";
import { ActionForm } from "../action-form";
import { Pagination } from "../pagination";
import { RatingStars, ReviewStars } from "../rating-stars";
import { ReviewForm } from "./review-form";

type Action = (state: ActionState | undefined, formData: FormData) => Promise<ActionState>;

export interface ReviewActions {
  create: Action;
  update: Action;
  remove: Action;
  reply: Action;
  hide: Action;
}

interface CourseReviewsProps {
  course: { id: string; ratingAverage: number; ratingCount: number };
  list: { reviews: CourseReview[]; total: number; page: number; pageCount: number };
  /** The signed-in viewer's part: their own review and whether they may write one. */
  viewer: null | {
    role: "buyer" | "seller" | "admin";
    isSeller: boolean;
    own: (CourseReview & { counted: boolean }) | null;
    canReview: boolean;
    reason: string | null;
  };
  actions: ReviewActions;
  hrefForPage: (page: number) => string;
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** The course page's reviews: the rating, the viewer's own review or form, and the list, newest first. */
export function CourseReviews({ course, list, viewer, actions, hrefForPage }: CourseReviewsProps) {
  return (
    <section className="mt-10" aria-labelledby="reviews-heading" id="reviews">
      <h2 id="reviews-heading" className="text-xl font-semibold">Reviews</h2>
      <div className="mt-1">
        <RatingStars average={course.ratingAverage} count={course.ratingCount} size="lg" />
      </div>
      {viewer && <ViewerPart courseId={course.id} viewer={viewer} actions={actions} />}
      {list.reviews.length === 0 ? (
        <p className="mt-4 text-slate-600">No reviews yet. People who own the course can write the first one.</p>
      ) : (
        <ol className="mt-4 space-y-4" aria-label="Reviews, newest first">
          {list.reviews.map((review) => (
            <li key={review.id} className="card" data-testid="review">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="flex items-center gap-2">
                  <ReviewStars rating={review.rating} />
                  <span className="font-medium">{review.author.name}</span>
                </p>
                <p className="text-sm text-slate-500">
                  {dateFormat.format(review.createdAt)}
                  {review.updatedAt.getTime() - review.createdAt.getTime() > 60_000 && " (edited)"}
                </p>
              </div>
              {review.hiddenAt && (
                <p className="mt-2 rounded bg-amber-50 px-2 py-1 text-sm text-amber-900">Hidden by an admin: only admins see it.</p>
              )}
              {review.body && <p className="mt-2 whitespace-pre-line break-words text-slate-800">{review.body}</p>}
              {review.reply && (
                <div className="mt-3 border-l-4 border-indigo-200 pl-3" data-testid="review-reply">
                  <p className="text-sm font-medium text-slate-700">Reply from the teacher</p>
                  <p className="whitespace-pre-line break-words text-slate-800">{review.reply}</p>
                </div>
              )}
              {viewer?.isSeller && (
                <details className="mt-3">
                  <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm text-indigo-700">{review.reply ? "Edit your reply" : "Reply"}</summary>
                  <ActionForm action={actions.reply} fields={{ reviewId: review.id }} submitLabel="Publish reply" pendingLabel="Publishing…" layout="column" className="mt-2">
                    <label htmlFor={`reply-${review.id}`} className="label">Your reply</label>
                    <textarea id={`reply-${review.id}`} name="reply" rows={3} maxLength={REPLY_TEXT_LIMIT} defaultValue={review.reply ?? ""} className="input w-full" />
                  </ActionForm>
                </details>
              )}
              {viewer?.role === "admin" && (
                <div className="mt-3">
                  <ActionButton
                    action={actions.hide}
                    fields={{ reviewId: review.id, hidden: review.hiddenAt ? "false" : "true" }}
                    label={review.hiddenAt ? "Show this review" : "Hide this review"}
                    pendingLabel="Saving…"
                    variant="secondary"
                  />
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} hrefFor={hrefForPage} />
    </section>
  );
}

function ViewerPart({ courseId, viewer, actions }: { courseId: string; viewer: NonNullable<CourseReviewsProps["viewer"]>; actions: ReviewActions }) {
  if (viewer.own) {
    return (
      <div className="card mt-4" data-testid="own-review">
        <h3 className="font-semibold">Your review</h3>
        <p className="mt-1 flex items-center gap-2">
          <ReviewStars rating={viewer.own.rating} />
        </p>
        {viewer.own.body && <p className="mt-1 whitespace-pre-line break-words text-slate-800">{viewer.own.body}</p>}
        {!viewer.own.counted && (
          <p className="mt-1 rounded bg-amber-50 px-2 py-1 text-sm text-amber-900">
            {viewer.own.hiddenAt ? "An admin has hidden it: others do not see it." : "It no longer counts: you do not own this course any more."}
          </p>
        )}
        {viewer.canReview && !viewer.own.hiddenAt ? (
          <details className="mt-2">
            <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm text-indigo-700">Edit your review</summary>
            <ReviewForm action={actions.update} courseId={courseId} initial={{ rating: viewer.own.rating, body: viewer.own.body }} submitLabel="Save review" />
          </details>
        ) : null}
        <div className="mt-2">
          <ActionButton action={actions.remove} fields={{ reviewId: viewer.own.id }} label="Delete your review" pendingLabel="Deleting…" variant="secondary" />
        </div>
      </div>
    );
  }
  if (viewer.canReview) {
    return (
      <div className="card mt-4">
        <h3 className="mb-2 font-semibold">Rate this course</h3>
        <ReviewForm action={actions.create} courseId={courseId} submitLabel="Publish review" />
      </div>
    );
  }
  if (viewer.isSeller) return null;
  return (
    <p className="mt-4 text-sm text-slate-600" data-testid="cannot-review">
      {viewer.reason}
    </p>
  );
}
