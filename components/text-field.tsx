import type { InputHTMLAttributes } from "react";
import { FieldError } from "./field-error";

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name"> {
  name: string;
  /** Defaults to the name; needed when two forms on one page have a field of the same name. */
  id?: string;
  label: string;
  errors?: string[];
}

/** A labelled input whose error is announced and tied to it with aria-describedby. */
export function TextField({ name, id = name, label, errors, className, ...input }: TextFieldProps) {
  return (
    <div className={className}>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={!!errors?.length}
        aria-describedby={`${id}-error`}
        className="input"
        {...input}
      />
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}
