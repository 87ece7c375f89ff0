"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/auth/action";
import { REVIEW_TEXT_LIMIT } from "@/lib/reviews/review-input";
import { FieldError } from "../field-error";
import { FormMessage } from "../form-message";

type Action = (state: ActionState | undefined, formData: FormData) => Promise<ActionState>;

interface ReviewFormProps {
  action: Action;
  courseId: string;
  initial?: { rating: number; body: string };
  submitLabel: string;
}

/** Stars as five radio buttons (keyboard: arrows), an optional text, one button. */
export function ReviewForm({ action, courseId, initial, submitLabel }: ReviewFormProps) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const errors = state?.fieldErrors ?? {};
  const rating = state?.values?.rating ?? (initial ? String(initial.rating) : "");
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="courseId" value={courseId} />
      <fieldset aria-describedby="rating-error">
        <legend className="label">Your rating</legend>
        <div className="flex flex-wrap gap-1">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="inline-flex min-h-11 min-w-11 cursor-pointer items-center gap-1 rounded-md border border-slate-300 px-2 has-[:checked]:border-amber-700 has-[:checked]:bg-amber-50">
              <input type="radio" name="rating" value={n} defaultChecked={rating === String(n)} aria-invalid={!!errors.rating} />
              <span>{n} {n === 1 ? "star" : "stars"}</span>
            </label>
          ))}
        </div>
        <FieldError id="rating-error" messages={errors.rating} />
      </fieldset>
      <div>
        <label htmlFor={`review-body-${courseId}`} className="label">Your review (optional)</label>
        <textarea
          id={`review-body-${courseId}`}
          name="body"
          rows={4}
          maxLength={REVIEW_TEXT_LIMIT}
          defaultValue={state?.values?.body ?? initial?.body ?? ""}
          aria-invalid={!!errors.body}
          aria-describedby="body-error"
          className="input w-full"
        />
        <FieldError id="body-error" messages={errors.body} />
      </div>
      <button type="submit" className="btn" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </button>
    </form>
  );
}
