import type { Metadata } from "next";
import Link from "next/link";
import { FieldsForm } from "@/components/fields-form";
import { describeConfirmLink } from "@/lib/users/email-verification";
import { confirmEmailAction } from "./actions";

export const metadata: Metadata = { title: "Confirm your email address" };
export const dynamic = "force-dynamic";

// Opening the link shows a button rather than confirming at once: mail scanners that open links
// in advance must not use them up.
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const value = typeof token === "string" ? token : "";
  const link = await describeConfirmLink(value);
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="page-title">Confirm your email address</h1>
      {link.ok ? (
        <>
          <p className="mb-4 text-sm text-slate-700">
            {link.changed ? `Use ${link.email} as your account's email address from now on.` : `Confirm that ${link.email} is your address.`}
          </p>
          <FieldsForm id="verify" className="card" action={confirmEmailAction} hidden={{ token: value }} fields={[]} submitLabel="Confirm this address" pendingLabel="Confirming…" />
        </>
      ) : (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {link.message} You can ask for a new link on <Link href="/account">your account page</Link>.
        </p>
      )}
    </div>
  );
}
