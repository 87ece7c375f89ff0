"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/auth/action";
import { CURRENCY_CODES } from "@/lib/money";
import { FieldError } from "./field-error";
import { FormMessage } from "./form-message";
import { TextField } from "./text-field";

export interface CourseFormValues {
  courseId?: string;
  title: string;
  slug: string;
  description: string;
  price: string;
  currency: string;
  feePercent: string;
  includedInMembership: boolean;
}

interface CourseFormProps {
  action: (state: ActionState | undefined, formData: FormData) => Promise<ActionState>;
  initial: CourseFormValues;
  submitLabel: string;
}

export function CourseForm({ action, initial, submitLabel }: CourseFormProps) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const errors = state?.fieldErrors ?? {};
  const value = (name: keyof CourseFormValues) => state?.values?.[name] ?? String(initial[name] ?? "");
  const field = (name: string) => ({
    id: name,
    name,
    "aria-invalid": !!errors[name],
    "aria-describedby": `${name}-error`,
  });

  return (
    <form action={formAction} className="card max-w-2xl space-y-5" noValidate>
      <FormMessage state={state} />
      {initial.courseId && <input type="hidden" name="courseId" value={initial.courseId} />}
      <TextField name="title" label="Title" defaultValue={value("title")} required maxLength={120} errors={errors.title} />
      <div>
        <label htmlFor="slug" className="label">Address</label>
        <div className="flex items-center gap-1 text-sm text-slate-500">
          <span>/courses/</span>
          <input {...field("slug")} defaultValue={value("slug")} placeholder="made from the title when empty" className="input" />
        </div>
        <FieldError id="slug-error" messages={errors.slug} />
      </div>
      <div>
        <label htmlFor="description" className="label">Description</label>
        <textarea {...field("description")} defaultValue={value("description")} required rows={6} maxLength={5000} className="input" />
        <FieldError id="description-error" messages={errors.description} />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name="price" label="Price" defaultValue={value("price")} inputMode="decimal" placeholder="19.99" required errors={errors.price} />
        <div>
          <label htmlFor="currency" className="label">Currency</label>
          <select {...field("currency")} defaultValue={value("currency") || "usd"} className="input">
            {CURRENCY_CODES.map((code) => (
              <option key={code} value={code}>{code.toUpperCase()}</option>
            ))}
          </select>
          <FieldError id="currency-error" messages={errors.currency} />
        </div>
        <TextField
          name="feePercent"
          label="Platform fee (%)"
          defaultValue={value("feePercent")}
          inputMode="decimal"
          placeholder="platform default"
          errors={errors.feePercent}
        />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="includedInMembership" defaultChecked={state?.values ? state.values.includedInMembership === "on" : initial.includedInMembership} />
        Include this course in the membership
      </label>
      <button type="submit" className="btn" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </button>
    </form>
  );
}
