import { z } from "zod";
import { MAX_RATING, MIN_RATING } from "./rating";

export const REVIEW_TEXT_LIMIT = 2000;
export const REPLY_TEXT_LIMIT = 2000;

const id = z.string().trim().min(1).max(64);

/** A rating from the form's radio buttons and an optional text; every problem is said in plain words. */
export const reviewFormSchema = z.object({
  courseId: id,
  rating: z
    .string({ error: "Choose a rating from 1 to 5 stars." })
    .trim()
    .regex(/^\d$/, { error: "Choose a rating from 1 to 5 stars." })
    .transform(Number)
    .refine((n) => n >= MIN_RATING && n <= MAX_RATING, { error: "Choose a rating from 1 to 5 stars." }),
  body: z
    .string()
    .default("")
    .transform((text) => text.replace(/\r\n/g, "\n").trim())
    .refine((text) => text.length <= REVIEW_TEXT_LIMIT, { error: `Keep the review under ${REVIEW_TEXT_LIMIT.toLocaleString("en-US")} characters.` }),
});

export type ReviewInput = z.output<typeof reviewFormSchema>;

export const reviewIdSchema = z.object({ reviewId: id });

export const replyFormSchema = z.object({
  reviewId: id,
  reply: z
    .string()
    .default("")
    .transform((text) => text.replace(/\r\n/g, "\n").trim())
    .refine((text) => text.length > 0, { error: "Write a reply, or leave the page without saving." })
    .refine((text) => text.length <= REPLY_TEXT_LIMIT, { error: `Keep the reply under ${REPLY_TEXT_LIMIT.toLocaleString("en-US")} characters.` }),
});

export const hideReviewSchema = z.object({
  reviewId: id,
  hidden: z.enum(["true", "false"]).transform((v) => v === "true"),
});
