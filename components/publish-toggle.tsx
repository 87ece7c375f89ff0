"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/auth/action";

interface PublishToggleProps {
  action: (state: ActionState | undefined, formData: FormData) => Promise<ActionState>;
  courseId: string;
  published: boolean;
  title: string;
}

export function PublishToggle({ action, courseId, published, title }: PublishToggleProps) {
  const [state, formAction, pending] = useActionState(action, undefined);
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="courseId" value={courseId} />
      <input type="hidden" name="published" value={published ? "false" : "true"} />
      <button type="submit" className="btn-secondary" disabled={pending} aria-label={`${published ? "Unpublish" : "Publish"} ${title}`}>
        {published ? "Unpublish" : "Publish"}
      </button>
      {state?.error && <span role="alert" className="text-sm text-red-700">{state.error}</span>}
    </form>
  );
}
