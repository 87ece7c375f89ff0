"use client";

import { useEffect, useRef } from "react";
import type { ActionState } from "@/lib/auth/action";

const FIX_FIELDS = "Please correct the fields marked below.";

/**
 * A form's one announcement: its error (a single alert, however many fields are wrong) or its
 * success (a status). After a failed submit, focus moves to the first field marked invalid, so
 * keyboard and screen-reader users land where the work is.
 */
export function FormMessage({ state }: { state: ActionState | undefined }) {
  const ref = useRef<HTMLParagraphElement>(null);
  const hasFieldErrors = Object.values(state?.fieldErrors ?? {}).some((messages) => messages?.length);

  useEffect(() => {
    if (!hasFieldErrors) return;
    const form = ref.current?.closest("form");
    form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state, hasFieldErrors]);

  const error = state?.error ?? (hasFieldErrors ? FIX_FIELDS : undefined);
  if (error) {
    return (
      <p ref={ref} role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
        {error}
      </p>
    );
  }
  if (state?.message) {
    return (
      <p ref={ref} role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
        {state.message}
      </p>
    );
  }
  return null;
}
