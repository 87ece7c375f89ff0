import type { Metadata } from "next";
import Link from "next/link";
import { FieldsForm } from "@/components/fields-form";
import { requestPasswordResetAction } from "./actions";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="page-title">Forgot your password?</h1>
      <p className="mb-4 text-sm text-slate-700">Tell us the email address of your account and we will send you a link to choose a new password.</p>
      <FieldsForm
        id="forgot"
        className="card"
        action={requestPasswordResetAction}
        fields={[{ name: "email", label: "Email", type: "email", autoComplete: "email" }]}
        submitLabel="Send me a link"
        pendingLabel="Sending…"
      />
      <p className="mt-6 text-sm text-slate-600">
        Remembered it? <Link href="/login">Log in</Link>
      </p>
    </div>
  );
}
