"use client";

import { useActionState, useState } from "react";
import { ConfirmSubmit } from "@/components/confirm-submit";
import type { ActionState } from "@/lib/auth/action";
import { ROLES } from "@/lib/auth/roles";

type Action = (state: ActionState | undefined, formData: FormData) => Promise<ActionState>;

interface UserControlsProps {
  user: { id: string; email: string; role: string; disabled: boolean };
  changeRole: Action;
  setDisabled: Action;
}

const ROLE_ACCESS = {
  buyer: "they can buy and learn, and lose any seller or admin pages.",
  seller: "they can create and sell courses.",
  admin: "they can manage every user, order, refund and platform setting.",
} as const;

export function UserControls({ user, changeRole, setDisabled }: UserControlsProps) {
  const [roleState, roleAction, rolePending] = useActionState(changeRole, undefined);
  const [disableState, disableAction, disablePending] = useActionState(setDisabled, undefined);
  const feedback = roleState ?? disableState;
  const [newRole, setNewRole] = useState(user.role);
  const readRole = (form: HTMLFormElement | null) => {
    const field = form?.elements.namedItem("role");
    setNewRole(field instanceof HTMLSelectElement ? field.value : user.role);
  };
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
        <ConfirmSubmit
          id={`role-confirm-${user.id}`}
          label="Save role"
          ariaLabel={`Save role for ${user.email}`}
          variant="secondary"
          disabled={rolePending}
          title={`Make ${user.email} ${newRole === "admin" ? "an" : "a"} ${newRole}?`}
          confirmLabel={`Yes, make ${newRole}`}
          onOpen={readRole}
        >
          <p>
            {newRole === user.role
              ? `They are already ${newRole === "admin" ? "an" : "a"} ${newRole}: nothing will change.`
              : `Their access changes on their next page view: ${ROLE_ACCESS[newRole as keyof typeof ROLE_ACCESS] ?? ""}`}
          </p>
          <p>The change is recorded in the audit log.</p>
        </ConfirmSubmit>
      </form>
      <form action={disableAction}>
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="disabled" value={user.disabled ? "false" : "true"} />
        {user.disabled ? (
          <button type="submit" className="btn-secondary" disabled={disablePending} aria-label={`Enable ${user.email}`}>
            Enable
          </button>
        ) : (
          <ConfirmSubmit
            id={`disable-confirm-${user.id}`}
            label="Disable"
            ariaLabel={`Disable ${user.email}`}
            variant="secondary"
            disabled={disablePending}
            title={`Disable ${user.email}?`}
            confirmLabel="Yes, disable"
            danger
          >
            <p>They are signed out at once and cannot log in. A seller&apos;s courses leave the catalogue; orders and payments are kept.</p>
            <p>You can enable the account again at any time.</p>
          </ConfirmSubmit>
        )}
      </form>
      {feedback?.error && <span role="alert" className="w-full text-right text-sm text-red-700">{feedback.error}</span>}
      {feedback?.message && <span role="status" className="w-full text-right text-sm text-green-700">{feedback.message}</span>}
    </div>
  );
}
