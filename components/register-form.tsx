"use client";

import { useActionState } from "react";
import { register } from "@/app/(auth)/register/actions";
import { FieldError } from "./field-error";
import { FormMessage } from "./form-message";

export function RegisterForm() {
  const [state, action, pending] = useActionState(register, undefined);
  const errors = state?.fieldErrors ?? {};
  return (
    <form action={action} className="card space-y-4" noValidate>
      <FormMessage state={state} />
      <div>
        <label htmlFor="name" className="label">
          Name
        </label>
        <input id="name" name="name" autoComplete="name" required className="input" defaultValue={state?.values?.name}
          aria-invalid={!!errors.name} aria-describedby="name-error" />
        <FieldError id="name-error" messages={errors.name} />
      </div>
      <div>
        <label htmlFor="email" className="label">
          Email
        </label>
        <input id="email" name="email" type="email" autoComplete="email" required className="input" defaultValue={state?.values?.email}
          aria-invalid={!!errors.email} aria-describedby="email-error" />
        <FieldError id="email-error" messages={errors.email} />
      </div>
      <div>
        <label htmlFor="password" className="label">
          Password
        </label>
        <input id="password" name="password" type="password" autoComplete="new-password" required minLength={8}
          className="input" aria-invalid={!!errors.password} aria-describedby="password-error" />
        <FieldError id="password-error" messages={errors.password} />
      </div>
      <button type="submit" className="btn w-full" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}
