"use client";

import { useActionState } from "react";
import { cancellationAction } from "./actions";
import { FormMessage } from "@/components/form-message";

export function MembershipCancellation({ cancelAtPeriodEnd, periodEndLabel }: { cancelAtPeriodEnd: boolean; periodEndLabel: string }) {
  const [state, action, pending] = useActionState(cancellationAction, undefined);
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="cancel" value={cancelAtPeriodEnd ? "false" : "true"} />
      {cancelAtPeriodEnd ? (
        <button type="submit" className="btn" disabled={pending}>
          {pending ? "Resuming…" : "Resume membership"}
        </button>
      ) : (
        <button type="submit" className="btn-secondary" disabled={pending}>
          {pending ? "Canceling…" : `Cancel at period end (${periodEndLabel})`}
        </button>
      )}
    </form>
  );
}
