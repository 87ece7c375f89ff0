import type { Metadata } from "next";
import Link from "next/link";
import { logOutEverywhere } from "@/app/(auth)/logout/actions";
import { FieldsForm } from "@/components/fields-form";
import { requireUser } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { deletionBlockers } from "@/lib/users/account-deletion";
import { changeEmailAction, changeNameAction, changePasswordAction, deleteAccountAction, resendVerificationAction } from "./actions";

export const metadata: Metadata = { title: "Account" };
export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const user = await requireUser("/account");
  const [{ emailVerifiedAt }, blockers] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: user.id }, select: { emailVerifiedAt: true } }),
    deletionBlockers(user.id),
  ]);
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="page-title">Account</h1>
      <section className="card space-y-3" aria-labelledby="account-details">
        <h2 id="account-details" className="text-lg font-semibold">
          Your details
        </h2>
        <p className="text-sm text-slate-700" data-testid="account-email">
          {user.email} · {emailVerifiedAt ? "confirmed" : "not confirmed yet"}
        </p>
        {!emailVerifiedAt && (
          <div className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
            <p>
              Please confirm your address with the link we emailed you. You can buy courses without it; selling (connecting a Stripe account) needs it.
            </p>
            <FieldsForm id="resend" action={resendVerificationAction} fields={[]} submitLabel="Send the link again" pendingLabel="Sending…" />
          </div>
        )}
        <FieldsForm
          id="name"
          action={changeNameAction}
          fields={[{ name: "name", label: "Name", autoComplete: "name", defaultValue: user.name }]}
          submitLabel="Save name"
          pendingLabel="Saving…"
        />
      </section>
      <section className="card space-y-3" aria-labelledby="account-email-change">
        <h2 id="account-email-change" className="text-lg font-semibold">
          Change your email address
        </h2>
        <p className="text-sm text-slate-700">We send a link to the new address; your account uses it once you open the link.</p>
        <FieldsForm
          id="email"
          action={changeEmailAction}
          fields={[
            { name: "email", label: "New email address", type: "email", autoComplete: "email" },
            { name: "currentPassword", label: "Current password", type: "password", autoComplete: "current-password" },
          ]}
          submitLabel="Send a confirmation link"
          pendingLabel="Sending…"
        />
      </section>
      <section className="card space-y-3" aria-labelledby="account-password">
        <h2 id="account-password" className="text-lg font-semibold">
          Change your password
        </h2>
        <p className="text-sm text-slate-700">You stay logged in here; every other device is logged out.</p>
        <FieldsForm
          id="password"
          action={changePasswordAction}
          fields={[
            { name: "currentPassword", label: "Current password", type: "password", autoComplete: "current-password" },
            { name: "newPassword", label: "New password (at least 8 characters)", type: "password", autoComplete: "new-password" },
          ]}
          submitLabel="Change password"
          pendingLabel="Changing…"
        />
      </section>
      <section className="card space-y-3" aria-labelledby="account-sessions">
        <h2 id="account-sessions" className="text-lg font-semibold">
          Where you are logged in
        </h2>
        <p className="text-sm text-slate-700">
          Lost a phone or logged in on a shared computer? Log out everywhere ends every session of your account, on every
          device, this one included. You then log in again here.
        </p>
        <form action={logOutEverywhere}>
          <button type="submit" className="btn-secondary">
            Log out everywhere
          </button>
        </form>
      </section>
      <section className="card space-y-3" aria-labelledby="account-delete">
        <h2 id="account-delete" className="text-lg font-semibold">
          Delete your account
        </h2>
        <p className="text-sm text-slate-700">
          Your name, email address, password and course progress are removed, and you can no longer log in. Records of
          your orders and refunds are kept without your name, because the law requires us to keep the books.
        </p>
        {blockers.length > 0 && (
          <div className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" data-testid="deletion-blockers">
            <p className="font-medium">Before you can delete your account:</p>
            <ul className="ml-5 list-disc">
              {blockers.map((blocker) => (
                <li key={blocker}>{blocker}</li>
              ))}
            </ul>
            <p className="mt-1">
              See <Link href="/account/orders">your orders</Link>, <Link href="/membership">membership</Link>
              {user.role === "seller" ? (
                <>
                  {" "}and <Link href="/seller">your seller page</Link>
                </>
              ) : null}
              .
            </p>
          </div>
        )}
        <FieldsForm
          id="delete"
          action={deleteAccountAction}
          fields={[{ name: "currentPassword", label: "Current password", type: "password", autoComplete: "current-password" }]}
          submitLabel="Delete my account"
          pendingLabel="Deleting…"
          confirm={{ title: "Delete your account?", confirmLabel: "Yes, delete my account", body: <p>This cannot be undone. You are logged out everywhere and cannot log in again.</p> }}
        />
      </section>
    </div>
  );
}
