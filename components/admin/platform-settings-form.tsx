"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/auth/action";
import { FieldError } from "../field-error";
import { FormMessage } from "../form-message";
import { TextField } from "../text-field";

interface PlatformSettingsFormProps {
  action: (state: ActionState | undefined, formData: FormData) => Promise<ActionState>;
  initial: { feePercent: string; chargeType: "destination" | "direct" };
}

const CHOICES = [
  {
    value: "destination",
    label: "Destination charges",
    hint: "The platform charges the buyer and transfers the price to the seller, keeping the fee.",
  },
  {
    value: "direct",
    label: "Direct charges",
    hint: "The charge is made on the seller's own Stripe account; the platform's fee is paid to it from there.",
  },
] as const;

export function PlatformSettingsForm({ action, initial }: PlatformSettingsFormProps) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const errors = state?.fieldErrors ?? {};
  const chargeType = state?.values?.chargeType ?? initial.chargeType;
  return (
    <form action={formAction} className="card max-w-2xl space-y-5" noValidate>
      <FormMessage state={state} />
      <TextField
        name="feePercent"
        label="Default platform fee (%)"
        defaultValue={state?.values?.feePercent ?? initial.feePercent}
        inputMode="decimal"
        errors={errors.feePercent}
        className="max-w-48"
      />
      <fieldset aria-describedby="chargeType-error">
        <legend className="label">Charge type for sellers' courses</legend>
        <div className="space-y-2">
          {CHOICES.map((choice) => (
            <label key={choice.value} className="flex items-start gap-2 text-sm">
              <input type="radio" name="chargeType" value={choice.value} defaultChecked={chargeType === choice.value} className="mt-1" />
              <span>
                <span className="font-medium">{choice.label}</span>
                <span className="block text-slate-500">{choice.hint}</span>
              </span>
            </label>
          ))}
        </div>
        <FieldError id="chargeType-error" messages={errors.chargeType} />
      </fieldset>
      <button type="submit" className="btn" disabled={pending}>
        {pending ? "Saving…" : "Save settings"}
      </button>
    </form>
  );
}
