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
  includedInMembership: boolean;
  /** Comma-separated. */
  tags: string;
}

/** The platform fee that applies, shown read-only: only admins set it. */
export interface CourseFeeNotice {
  percent: string;
  /** e.g. "You receive $44.10 of $49.00 per sale, before Stripe's fees." */
  share: string | null;
}

interface CourseFormProps {
  action: (state: ActionState | undefined, formData: FormData) => Promise<ActionState>;
  initial: CourseFormValues;
  submitLabel: string;
  fee: CourseFeeNotice;
}

export function CourseForm({ action, initial, submitLabel, fee }: CourseFormProps) {
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
      <div className="grid gap-4 sm:grid-cols-2">
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
      </div>
      <div>
        <label htmlFor="tags" className="label">Tags</label>
        <input {...field("tags")} defaultValue={value("tags")} placeholder="sql, data-analysis" className="input" />
        <p className="mt-1 text-xs text-slate-500">Up to 8, separated by commas: buyers find the course by them.</p>
        <FieldError id="tags-error" messages={errors.tags} />
      </div>
      <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-600" data-testid="course-fee">
        Platform fee: <span className="font-medium text-slate-900">{fee.percent}</span> (set by the platform).
        {fee.share ? ` ${fee.share}` : ""}
      </p>
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
