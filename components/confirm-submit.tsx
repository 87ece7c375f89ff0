"use client";

import type { ReactNode } from "react";

interface ConfirmSubmitProps {
  /** Unique on the page: ties the button to its dialog. */
  id: string;
  /** The form's own button: opens the confirmation, submits nothing. */
  label: string;
  /** Its accessible name when the visible label is not enough ("Disable ann@example.com"). */
  ariaLabel?: string;
  title: string;
  /** The button in the dialog that really submits the form. */
  confirmLabel: string;
  variant?: "primary" | "secondary";
  danger?: boolean;
  disabled?: boolean;
  /** What will happen, in the dialog. */
  children: ReactNode;
  /** Called as the dialog opens, e.g. to read what the form will send. */
  onOpen?: (form: HTMLFormElement | null) => void;
}

// Invoker commands (`commandfor` / `command`) open and close a <dialog> with no script at all; React
// has no typed props for them yet, so they are passed as plain attributes.
const invoke = (id: string, command: "show-modal" | "close") => ({ commandfor: id, command }) as Record<string, string>;

/**
 * A submit button that first asks "are you sure?" in a native modal <dialog>: focus moves into
 * it, Escape cancels, and focus returns to the button. The confirmation is only for people: the
 * server action still checks everything it is sent.
 */
export function ConfirmSubmit({ id, label, ariaLabel, title, confirmLabel, variant = "primary", danger, disabled, children, onOpen }: ConfirmSubmitProps) {
  return (
    <>
      <button type="button" className={variant === "primary" ? "btn" : "btn-secondary"} disabled={disabled} aria-label={ariaLabel} aria-haspopup="dialog" onClick={(event) => onOpen?.(event.currentTarget.form)} {...invoke(id, "show-modal")}>
        {label}
      </button>
      <dialog id={id} aria-labelledby={`${id}-title`} className="confirm-dialog">
        <h2 id={`${id}-title`} className="mb-2 text-lg font-semibold">{title}</h2>
        <div className="space-y-2 text-sm text-slate-700">{children}</div>
        <div className="mt-5 flex flex-wrap justify-end gap-2">
          <button type="button" className="btn-secondary" {...invoke(id, "close")}>
            Cancel
          </button>
          <button
            type="submit"
            className={danger ? "btn bg-red-700 hover:bg-red-600" : "btn"}
            onClick={(event) => event.currentTarget.closest("dialog")?.close()}
          >
            {confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}
