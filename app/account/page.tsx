import type { Metadata } from "next";
import { logOutEverywhere } from "@/app/(auth)/logout/actions";
import { requireUser } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Account" };
export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const user = await requireUser("/account");
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="page-title">Account</h1>
      <section className="card space-y-1" aria-labelledby="account-details">
        <h2 id="account-details" className="text-lg font-semibold">
          Your details
        </h2>
        <p className="text-sm text-slate-700">
          {user.name} · {user.email}
        </p>
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
    </div>
  );
}
