"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/auth/action";
import { ROLES } from "@/lib/auth/roles";

type Action = (state: ActionState | undefined, formData: FormData) => Promise<ActionState>;

interface UserControlsProps {
  user: { id: string; email: string; role: string; disabled: boolean };
  changeRole: Action;
  setDisabled: Action;
}

export function UserControls({ user, changeRole, setDisabled }: UserControlsProps) {
  const [roleState, roleAction, rolePending] = useActionState(changeRole, undefined);
  const [disableState, disableAction, disablePending] = useActionState(setDisabled, undefined);
  const feedback = roleState ?? disableState;
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <form action={roleAction} className="flex items-center gap-1">
        <input type="hidden" name="userId" value={user.id} />
        <label htmlFor={`role-${user.id}`} className="sr-only">Role for {user.email}</label>
        <select id={`role-${user.id}`} name="role" defaultValue={user.role} className="input w-auto py-1">
          {ROLES.map((role) => (
            <option key={role} value={role}>{role}</option>
          ))}
        </select>
        <button type="submit" className="btn-secondary" disabled={rolePending} aria-label={`Save role for ${user.email}`}>
          Save role
        </button>
      </form>
      <form action={disableAction}>
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="disabled" value={user.disabled ? "false" : "true"} />
        <button type="submit" className="btn-secondary" disabled={disablePending} aria-label={`${user.disabled ? "Enable" : "Disable"} ${user.email}`}>
          {user.disabled ? "Enable" : "Disable"}
        </button>
      </form>
      {feedback?.error && <span role="alert" className="w-full text-right text-sm text-red-700">{feedback.error}</span>}
      {feedback?.message && <span role="status" className="w-full text-right text-sm text-green-700">{feedback.message}</span>}
    </div>
  );
}
