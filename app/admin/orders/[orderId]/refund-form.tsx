"use client";

import { useActionState } from "react";
import { FieldError } from "@/components/field-error";
import { FormMessage } from "@/components/form-message";
import { TextField } from "@/components/text-field";
import type { ActionState } from "@/lib/auth/action";

interface RefundFormProps {
  action: (state: ActionState | undefined, formData: FormData) => Promise<ActionState>;
  orderId: string;
  /** New on every render of the page: the same form submitted twice is one refund request. */
  formToken: string;
  remaining: string;
  currencyCode: string;
}

const REASONS = [
  { value: "requested_by_customer", label: "Requested by the buyer" },
  { value: "duplicate", label: "Duplicate payment" },
  { value: "fraudulent", label: "Fraudulent payment" },
] as const;

export function RefundForm({ action, orderId, formToken, remaining, currencyCode }: RefundFormProps) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const errors = state?.fieldErrors ?? {};
  return (
    <form action={formAction} className="card max-w-xl space-y-4" noValidate aria-label="Refund">
      <FormMessage state={state} />
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="formToken" value={formToken} />
      <TextField
        name="amount"
        label={`Amount to refund (${currencyCode})`}
        defaultValue={state?.values?.amount ?? remaining}
        inputMode="decimal"
        errors={errors.amount}
        className="max-w-64"
      />
      <p className="-mt-2 text-sm text-slate-500" data-testid="refund-remaining">At most {remaining} {currencyCode} is left to refund.</p>
      <div>
        <label htmlFor="reason" className="label">Reason</label>
        <select id="reason" name="reason" className="input max-w-64" defaultValue={state?.values?.reason ?? "requested_by_customer"} aria-describedby="reason-error">
          {REASONS.map((reason) => (
            <option key={reason.value} value={reason.value}>{reason.label}</option>
          ))}
        </select>
        <FieldError id="reason-error" messages={errors.reason} />
      </div>
      <TextField name="note" label="Note (optional, kept in the audit log)" defaultValue={state?.values?.note ?? ""} errors={errors.note} maxLength={500} />
      <p className="text-sm text-slate-500">
        The platform fee is refunded in proportion; for a destination charge the seller&apos;s transfer is reversed too. A full
        refund removes the buyer&apos;s access to the course.
      </p>
      <button type="submit" className="btn" disabled={pending}>
        {pending ? "Refunding…" : "Refund"}
      </button>
    </form>
  );
}
