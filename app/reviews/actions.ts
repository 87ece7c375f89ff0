"use server";

import { revalidatePath } from "next/cache";
import { expireCatalogue } from "@/lib/courses/expire-catalogue";
import { protectedAction, type ActionState } from "@/lib/auth/action";
import { hideReviewSchema, replyFormSchema, reviewFormSchema, reviewIdSchema } from "@/lib/reviews/review-input";
import { createReview, deleteReview, saveReply, setReviewHidden, updateReview, type ReviewResult } from "@/lib/reviews/reviews";

/** A review changed: the course page and the catalogue's ratings show it at once. */
function answer(result: ReviewResult, message: string, { ratingChanged = true } = {}): ActionState {
  if (!result.ok) return { error: result.message };
  if (ratingChanged) expireCatalogue();
  revalidatePath(`/courses/${result.slug}`);
  return { ok: true, message };
}

export const createReviewAction = protectedAction("any-user", reviewFormSchema, async (input, user) =>
  answer(await createReview(user.id, input), "Thank you: your review is published."),
);

export const updateReviewAction = protectedAction("any-user", reviewFormSchema, async (input, user) =>
  answer(await updateReview(user.id, input), "Your review is updated."),
);

export const deleteReviewAction = protectedAction("any-user", reviewIdSchema, async ({ reviewId }, user) =>
  answer(await deleteReview(user.id, reviewId), "Your review is deleted."),
);

export const saveReplyAction = protectedAction("seller", replyFormSchema, async ({ reviewId, reply }, seller) =>
  answer(await saveReply(seller.id, reviewId, reply), "Your reply is published.", { ratingChanged: false }),
);

export const setReviewHiddenAction = protectedAction("admin", hideReviewSchema, async ({ reviewId, hidden }, admin) =>
  answer(await setReviewHidden(admin.id, reviewId, hidden), hidden ? "The review is hidden." : "The review is shown again."),
);
