"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/auth/action";
import { FormMessage } from "../form-message";
import { TextField } from "../text-field";

interface FeeOverrideFormProps {
  action: (state: ActionState | undefined, formData: FormData) => Promise<ActionState>;
  /** "email" for a seller's fee, "slug" for a course's. */
  target: { name: "email" | "slug"; label: string; placeholder: string };
  submitLabel: string;
  testId: string;
}

/** Sets an admin's fee for one seller or one course; an empty percentage removes it. */
export function FeeOverrideForm({ action, target, submitLabel, testId }: FeeOverrideFormProps) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const errors = state?.fieldErrors ?? {};
  return (
    <form action={formAction} className="card space-y-4" noValidate data-testid={testId}>
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name={target.name}
          id={`${testId}-${target.name}`}
          label={target.label}
          placeholder={target.placeholder}
          defaultValue={state?.values?.[target.name] ?? ""}
          errors={errors[target.name]}
        />
        <TextField
          name="feePercent"
          id={`${testId}-feePercent`}
          label="Platform fee (%)"
          placeholder="e.g. 12.5"
          inputMode="decimal"
          defaultValue={state?.values?.feePercent ?? ""}
          errors={errors.feePercent}
        />
      </div>
      <button type="submit" className="btn" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </button>
    </form>
  );
}
