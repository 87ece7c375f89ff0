import {
  connectWithOAuthAction,
  disconnectAction,
  openDashboardAction,
  startOnboardingAction,
} from "./connect/actions";
import { ActionButton } from "@/components/action-button";
import { CONNECTION_LABELS, describeConnection } from "@/lib/seller-accounts/connection-status";
import type { SellerConnection } from "@/lib/seller-accounts/seller-connection";

const EXPLANATIONS = {
  not_connected: "Connect a Stripe account to publish courses and get paid. Buyers pay through Stripe; you receive the price minus the platform fee.",
  ready: "Your Stripe account can take payments. Buyers can purchase your published courses.",
  details_needed: "Stripe needs more details before your account can take payments. Your courses cannot be published or sold until then.",
  under_review: "Stripe is reviewing the details you sent. Your courses can be published once the account can take payments.",
  disconnected: "Your Stripe account was disconnected, so your courses were unpublished. Connect again to sell.",
} as const;

export function ConnectionPanel({ connection }: { connection: SellerConnection | null }) {
  const status = describeConnection(connection);
  const tone = status === "ready" ? "bg-green-100 text-green-800" : status === "not_connected" ? "bg-slate-100 text-slate-700" : "bg-amber-100 text-amber-900";
  const needsConnection = status === "not_connected" || status === "disconnected";

  return (
    <section aria-labelledby="stripe-connection" className="card mb-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="stripe-connection" className="text-lg font-semibold">Stripe account</h2>
        <span className={`rounded-full px-3 py-1 text-sm font-medium ${tone}`} data-testid="connection-status">
          {CONNECTION_LABELS[status]}
        </span>
      </div>
      <p className="mt-2 text-sm text-slate-600">{EXPLANATIONS[status]}</p>
      {connection?.stripeAccountId && !needsConnection && (
        <p className="mt-1 text-xs text-slate-500">
          Account <code>{connection.stripeAccountId}</code>
          {connection.requirementsDue.length > 0 && <> · due: {connection.requirementsDue.join(", ")}</>}
        </p>
      )}
      <div className="mt-4 flex flex-wrap items-start gap-3">
        {needsConnection && (
          <>
            <ActionButton action={connectWithOAuthAction} label="Connect Stripe Account" pendingLabel="Opening Stripe…" />
            <ActionButton action={startOnboardingAction} label="Create a new Stripe account" pendingLabel="Opening Stripe…" variant="secondary" />
          </>
        )}
        {(status === "details_needed" || status === "under_review") && (
          <ActionButton action={startOnboardingAction} label="Finish onboarding" pendingLabel="Opening Stripe…" />
        )}
        {!needsConnection && (
          <>
            <ActionButton action={openDashboardAction} label="Open Stripe dashboard" pendingLabel="Opening…" variant="secondary" />
            <details className="text-sm">
              <summary className="btn-secondary cursor-pointer list-none">Disconnect…</summary>
              <div className="mt-2 max-w-sm rounded-md border border-slate-200 p-3">
                <p className="mb-2 text-slate-600">Your courses will be unpublished and buyers cannot purchase them until you connect again. Past sales are kept.</p>
                <ActionButton action={disconnectAction} label="Disconnect Stripe account" pendingLabel="Disconnecting…" variant="secondary" />
              </div>
            </details>
          </>
        )}
      </div>
    </section>
  );
}
