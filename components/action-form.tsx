"use client";

import { useActionState, type ReactNode } from "react";
import type { ActionState } from "@/lib/auth/action";

interface ActionFormProps {
  action: (state: ActionState | undefined, formData: FormData) => Promise<ActionState>;
  children: ReactNode;
  submitLabel: string;
  pendingLabel?: string;
  variant?: "primary" | "secondary" | "danger";
  /** Sent with the form as hidden inputs (the IDs the action works on). */
  fields?: Record<string, string>;
  className?: string;
  /** An accessible name for the button when its label alone is ambiguous ("↑" on a list of sections). */
  ariaLabel?: string;
  /** row: fields and button side by side (wrapping); column: a form of stacked fields. */
  layout?: "row" | "column";
}

/** A small form for a server action: its fields, one button, and the action's answer beside it. */
export function ActionForm({ action, children, submitLabel, pendingLabel, variant = "primary", fields = {}, className = "", ariaLabel, layout = "row" }: ActionFormProps) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const buttonClass = variant === "primary" ? "btn" : variant === "danger" ? "btn-secondary text-red-700" : "btn-secondary";
  const fieldError = state?.fieldErrors ? Object.values(state.fieldErrors).flat().filter(Boolean)[0] : undefined;
  return (
    <form action={formAction} className={`flex gap-2 ${layout === "row" ? "flex-wrap items-end" : "flex-col items-stretch"} ${className}`}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <button type="submit" className={buttonClass} disabled={pending} aria-label={ariaLabel}>
        {pending ? (pendingLabel ?? submitLabel) : submitLabel}
      </button>
      {(fieldError ?? state?.error) && <span role="alert" className="basis-full text-sm text-red-700">{fieldError ?? state?.error}</span>}
      {state?.message && <span role="status" className="basis-full text-sm text-green-700">{state.message}</span>}
    </form>
  );
}
