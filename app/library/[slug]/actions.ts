"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { protectedAction } from "@/lib/auth/action";
import { markLesson } from "@/lib/lessons/progress";

export const markLessonAction = protectedAction(
  "any-user",
  z.object({ lessonId: z.string().trim().min(1).max(64), done: z.enum(["true", "false"]).transform((value) => value === "true") }),
  async ({ lessonId, done }, user) => {
    const marked = await markLesson(user, lessonId, done);
    if (!marked) return { error: "That lesson is not open to you." };
    revalidatePath(`/library/${marked.slug}`);
    revalidatePath("/library");
    return { ok: true, message: done ? "Marked as complete." : "Marked as not complete." };
  },
);
