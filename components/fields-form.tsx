"use client";

import { useActionState, type ReactNode } from "react";
import type { ActionState } from "@/lib/auth/action";
import { ConfirmSubmit } from "./confirm-submit";
import { FieldError } from "./field-error";
import { FormMessage } from "./form-message";
import { TextField } from "./text-field";

export interface FormField {
  name: string;
  label: string;
  type?: "text" | "email" | "password";
  autoComplete?: string;
  defaultValue?: string;
  /** A textarea of this many rows instead of an input. */
  rows?: number;
  hint?: string;
}

interface FieldsFormProps {
  action: (state: ActionState | undefined, formData: FormData) => Promise<ActionState>;
  fields: FormField[];
  submitLabel: string;
  pendingLabel: string;
  /** Sent as hidden inputs (a link's token). */
  hidden?: Record<string, string>;
  /** Unique on the page: prefixes the field IDs, so two forms may share field names. */
  id: string;
  /** Asks "are you sure?" in a dialog before submitting. */
  confirm?: { title: string; confirmLabel: string; body: ReactNode };
  className?: string;
}

/** A card of labelled fields for one server action, with its one announcement and focus on the first field in error. */
export function FieldsForm({ action, fields, submitLabel, pendingLabel, hidden = {}, id, confirm, className = "" }: FieldsFormProps) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const errors = state?.fieldErrors ?? {};
  return (
    <form action={formAction} className={`space-y-4 ${className}`} noValidate data-testid={`${id}-form`}>
      <FormMessage state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((field) => {
        const fieldId = `${id}-${field.name}`;
        // A form that failed keeps what was typed (never passwords).
        const value = state?.values?.[field.name] ?? field.defaultValue;
        if (field.rows) {
          return (
            <div key={field.name}>
              <label htmlFor={fieldId} className="label">
                {field.label}
              </label>
              <textarea id={fieldId} name={field.name} rows={field.rows} defaultValue={value} aria-invalid={!!errors[field.name]?.length} aria-describedby={`${fieldId}-error ${fieldId}-hint`} className="input" />
              {field.hint && <p id={`${fieldId}-hint`} className="mt-1 text-sm text-slate-600">{field.hint}</p>}
              <FieldError id={`${fieldId}-error`} messages={errors[field.name]} />
            </div>
          );
        }
        return (
          <TextField
            key={field.name}
            id={fieldId}
            name={field.name}
            label={field.label}
            type={field.type ?? "text"}
            autoComplete={field.autoComplete}
            defaultValue={field.type === "password" ? undefined : value}
            errors={errors[field.name]}
          />
        );
      })}
      {confirm ? (
        <ConfirmSubmit id={`${id}-confirm`} label={submitLabel} title={confirm.title} confirmLabel={confirm.confirmLabel} danger disabled={pending}>
          {confirm.body}
        </ConfirmSubmit>
      ) : (
        <button type="submit" className="btn" disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </button>
      )}
    </form>
  );
}
