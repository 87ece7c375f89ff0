"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/auth/action";

interface ActionButtonProps {
  action: (state: ActionState | undefined, formData: FormData) => Promise<ActionState>;
  label: string;
  pendingLabel: string;
  variant?: "primary" | "secondary";
  /** Sent with the form as hidden inputs (the ID the action works on). */
  fields?: Record<string, string>;
}

/** A one-button form for a server action, with a pending state and the action's answer. */
export function ActionButton({ action, label, pendingLabel, variant = "primary", fields = {} }: ActionButtonProps) {
  const [state, formAction, pending] = useActionState(action, undefined);
  return (
    <form action={formAction} className="inline-flex flex-col gap-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={variant === "primary" ? "btn" : "btn-secondary"} disabled={pending}>
        {pending ? pendingLabel : label}
      </button>
      {state?.error && <span role="alert" className="text-sm text-red-700">{state.error}</span>}
      {state?.message && <span role="status" className="text-sm text-green-700">{state.message}</span>}
    </form>
  );
}
