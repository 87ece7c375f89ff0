"use client";

import { useActionState } from "react";
import { FieldError } from "@/components/field-error";
import { FormMessage } from "@/components/form-message";
import type { ActionState } from "@/lib/auth/action";
import { updateSellerProfileAction } from "./actions";

export function ProfileForm({ handle, bio, bioMax }: { handle: string; bio: string; bioMax: number }) {
  const [state, formAction, pending] = useActionState<ActionState | undefined, FormData>(updateSellerProfileAction, undefined);
  const errors = state?.fieldErrors ?? {};
  const value = (name: "handle" | "bio", fallback: string) => state?.values?.[name] ?? fallback;

  return (
    <form action={formAction} className="space-y-5" noValidate>
      <FormMessage state={state} />
      <div>
        <label htmlFor="handle" className="label">Handle</label>
        <div className="flex items-center gap-1 text-sm text-slate-600">
          <span>/sellers/</span>
          <input
            id="handle"
            name="handle"
            defaultValue={value("handle", handle)}
            required
            maxLength={40}
            autoCapitalize="none"
            spellCheck={false}
            aria-invalid={!!errors.handle}
            aria-describedby="handle-error handle-hint"
            className="input"
          />
        </div>
        <p id="handle-hint" className="mt-1 text-xs text-slate-600">3 to 40 letters a–z, digits and hyphens. Links to your old handle stop working when you change it.</p>
        <FieldError id="handle-error" messages={errors.handle} />
      </div>
      <div>
        <label htmlFor="bio" className="label">Short bio</label>
        <textarea
          id="bio"
          name="bio"
          defaultValue={value("bio", bio)}
          rows={6}
          maxLength={bioMax}
          aria-invalid={!!errors.bio}
          aria-describedby="bio-error bio-hint"
          className="input"
        />
        <p id="bio-hint" className="mt-1 text-xs text-slate-600">Markdown: **bold**, *italic*, [links](https://example.com) and lists. Up to {bioMax.toLocaleString("en")} characters.</p>
        <FieldError id="bio-error" messages={errors.bio} />
      </div>
      <button type="submit" className="btn" disabled={pending}>
        {pending ? "Saving…" : "Save profile"}
      </button>
    </form>
  );
}
