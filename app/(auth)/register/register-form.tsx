"use client";

import { useActionState } from "react";
import { register } from "./actions";
import { FormMessage } from "@/components/form-message";
import { TextField } from "@/components/text-field";

export function RegisterForm() {
  const [state, action, pending] = useActionState(register, undefined);
  const errors = state?.fieldErrors ?? {};
  return (
    <form action={action} className="card space-y-4" noValidate>
      <FormMessage state={state} />
      <TextField name="name" label="Name" autoComplete="name" required defaultValue={state?.values?.name} errors={errors.name} />
      <TextField
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state?.values?.email}
        errors={errors.email}
      />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        errors={errors.password}
      />
      <button type="submit" className="btn w-full" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}
