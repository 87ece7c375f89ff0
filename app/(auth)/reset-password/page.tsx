import type { Metadata } from "next";
import Link from "next/link";
import { FieldsForm } from "@/components/fields-form";
import { checkToken, TOKEN_PROBLEM_MESSAGES } from "@/lib/users/account-tokens";
import { resetPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Choose a new password" };
export const dynamic = "force-dynamic";

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const value = typeof token === "string" ? token : "";
  const check = await checkToken(value, ["password_reset"]);
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="page-title">Choose a new password</h1>
      {check.ok ? (
        <>
          <p className="mb-4 text-sm text-slate-700">
            For {check.token.email}. After the change you are logged out on every device and log in with the new password.
          </p>
          <FieldsForm
            id="reset"
            className="card"
            action={resetPasswordAction}
            hidden={{ token: value }}
            fields={[{ name: "password", label: "New password (at least 8 characters)", type: "password", autoComplete: "new-password" }]}
            submitLabel="Save the new password"
            pendingLabel="Saving…"
          />
        </>
      ) : (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {TOKEN_PROBLEM_MESSAGES[check.problem]} <Link href="/forgot-password">Send me a new link</Link>
        </p>
      )}
    </div>
  );
}
