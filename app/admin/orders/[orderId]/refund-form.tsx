"use client";

import { useActionState, useState } from "react";
import { ConfirmSubmit } from "@/components/confirm-submit";
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
  /** How the money moved: it decides who pays the refund back. */
  chargeType: "destination" | "direct" | null;
  /** The platform's fee on the whole order, formatted. */
  fee: string | null;
}

const REASONS = [
  { value: "requested_by_customer", label: "Requested by the buyer" },
  { value: "duplicate", label: "Duplicate payment" },
  { value: "fraudulent", label: "Fraudulent payment" },
] as const;

/** Who gives the money back, in the confirmation. */
function moneyTrail(chargeType: RefundFormProps["chargeType"], fee: string | null): string {
  const feePart = fee ? `The platform fee (${fee} on the whole order) is refunded in proportion. ` : "";
  if (chargeType === "destination") return `${feePart}The seller's transfer is reversed in proportion, so the seller gives back their share.`;
  if (chargeType === "direct") return `${feePart}The refund is paid from the seller's own Stripe balance.`;
  return "The refund is paid from the platform's Stripe balance.";
}

export function RefundForm({ action, orderId, formToken, remaining, currencyCode, chargeType, fee }: RefundFormProps) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const errors = state?.fieldErrors ?? {};
  const [amount, setAmount] = useState(remaining);
  const readAmount = (form: HTMLFormElement | null) => {
    const field = form?.elements.namedItem("amount");
    setAmount(field instanceof HTMLInputElement ? field.value : remaining);
  };
  // Display only: the server parses the amount in minor units and checks it against what is left.
  const refundsEverything = Number(amount.replace(/,/g, "")) >= Number(remaining);
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
        <select id="reason" name="reason" className="input max-w-64" defaultValue={state?.values?.reason ?? "requested_by_customer"} aria-invalid={!!errors.reason?.length} aria-describedby="reason-error">
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
      <ConfirmSubmit id={`refund-${orderId}`} label={pending ? "Refunding…" : "Refund"} disabled={pending} title={`Refund ${amount.trim() || "?"} ${currencyCode}?`} confirmLabel={`Yes, refund ${amount.trim()} ${currencyCode}`} danger onOpen={readAmount}>
        <p data-testid="refund-confirm-access">
          {refundsEverything
            ? "This refunds everything that is left: the buyer loses access to the course."
            : "This is a partial refund: the buyer keeps access to the course."}
        </p>
        <p>{moneyTrail(chargeType, fee)}</p>
        <p>Stripe sends the money back to the buyer's card; this cannot be undone.</p>
      </ConfirmSubmit>
    </form>
  );
}
