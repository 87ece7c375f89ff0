import type { InputHTMLAttributes } from "react";
import { FieldError } from "./field-error";

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name"> {
  name: string;
  label: string;
  errors?: string[];
}

/** A labelled input whose error is announced and tied to it with aria-describedby. */
export function TextField({ name, label, errors, className, ...input }: TextFieldProps) {
  return (
    <div className={className}>
      <label htmlFor={name} className="label">
        {label}
      </label>
      <input
        id={name}
        name={name}
        aria-invalid={!!errors?.length}
        aria-describedby={`${name}-error`}
        className="input"
        {...input}
      />
      <FieldError id={`${name}-error`} messages={errors} />
    </div>
  );
}
