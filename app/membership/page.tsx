import type { Metadata } from "next";
import Link from "next/link";
import { CardUpdate } from "./card-update";
import { MembershipCancellation } from "./membership-cancellation";
import { MembershipJoin } from "./membership-join";
import { requireUser } from "@/lib/auth/guards";
import { grantsMemberAccess, MEMBERSHIP_STATUS_LABELS } from "@/lib/membership/membership-status";
import { browserStripeConfig } from "@/lib/payments/browser-config";
import { readMembershipOverview } from "@/lib/membership/membership-overview";
import type { InvoiceSummary } from "@/lib/payments/invoices";
import type { ViewerFormat } from "@/lib/locale/format";
import { getViewerFormat } from "@/lib/locale/viewer";

export const metadata: Metadata = {
  title: "Membership",
  description: "One monthly membership for every included course, with a one-time joining fee. Cancel any time.",
};
export const dynamic = "force-dynamic";

export default async function MembershipPage() {
  const user = await requireUser("/membership");
  const fmt = await getViewerFormat();
  const overview = await readMembershipOverview(user.id);
  if (!overview.available) {
    return (
      <>
        <h1 className="page-title">Membership</h1>
        <p className="card text-slate-700">The membership cannot be shown right now. Please try again in a moment.</p>
      </>
    );
  }
  const { plan, membership, invoices, card } = overview;
  const isMember = grantsMemberAccess(membership?.status);
  const monthly = fmt.money(plan.monthlyMinor, plan.currency);
  const joiningFee = fmt.money(plan.joiningFeeMinor, plan.currency);
  const periodEnd = membership?.currentPeriodEnd ? fmt.date(membership.currentPeriodEnd, "long-date") : null;

  return (
    <>
      <h1 className="page-title">Membership</h1>
      {isMember && membership ? (
        <div className="grid gap-6 md:grid-cols-[1fr_320px]">
          <section className="card space-y-4" aria-labelledby="your-membership">
            <div>
              <h2 id="your-membership" className="text-lg font-semibold">Your membership</h2>
              <p className="mt-1 text-sm text-slate-600">{monthly} a month · every course marked “included in the membership”.</p>
            </div>
            <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
              <dt className="text-slate-500">Status</dt>
              <dd data-testid="membership-status" data-status={membership.status}>
                {MEMBERSHIP_STATUS_LABELS[membership.status] ?? membership.status}
              </dd>
              {periodEnd && (
                <>
                  <dt className="text-slate-500">{membership.cancelAtPeriodEnd ? "Ends on" : "Next renewal"}</dt>
                  <dd data-testid="membership-period-end">{periodEnd}</dd>
                </>
              )}
              <dt className="text-slate-500">Card</dt>
              <dd data-testid="membership-card">{card ?? "—"}</dd>
            </dl>
            {membership.status === "past_due" && (
              <p role="alert" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
                Your last renewal payment failed. Update your card and we will try again; you keep access meanwhile.
              </p>
            )}
            {membership.cancelAtPeriodEnd && (
              <p className="rounded bg-slate-100 px-3 py-2 text-sm text-slate-700">
                Your membership is canceled and ends on {periodEnd}. You can resume it until then.
              </p>
            )}
            <MembershipCancellation cancelAtPeriodEnd={membership.cancelAtPeriodEnd} periodEndLabel={periodEnd ?? "end of period"} />
            <div className="border-t border-slate-100 pt-4">
              <h3 className="mb-2 text-sm font-medium">Card for renewals</h3>
              <CardUpdate stripeConfig={browserStripeConfig()} />
            </div>
            <p className="text-sm"><Link href="/library">Open your courses</Link></p>
          </section>
          <Invoices invoices={invoices} fmt={fmt} />
        </div>
      ) : (
        <div className="grid gap-6 md:grid-cols-[1fr_360px]">
          <section className="card" aria-labelledby="plan">
            <h2 id="plan" className="text-lg font-semibold">Every included course, one monthly price</h2>
            <p className="mt-2 text-slate-700">
              <span className="text-2xl font-semibold" data-testid="membership-monthly">{monthly}</span> a month, plus a one-time joining fee of{" "}
              <span data-testid="membership-joining-fee">{joiningFee}</span> on your first payment.
            </p>
            <ul className="mt-4 list-disc space-y-1 pl-5 text-sm text-slate-600">
              <li>Open every course marked “included in the membership”.</li>
              <li>Cancel any time: access continues to the end of the paid month.</li>
              <li>Renews monthly on the card you pay with today.</li>
            </ul>
            {membership && membership.status !== "none" && (
              <p className="mt-4 text-sm text-slate-500" data-testid="membership-status" data-status={membership.status}>
                Status: {MEMBERSHIP_STATUS_LABELS[membership.status] ?? membership.status}
              </p>
            )}
          </section>
          <section className="card" aria-labelledby="join">
            <h2 id="join" className="mb-1 text-lg font-semibold">Join</h2>
            <p className="mb-4 text-sm text-slate-600">
              Today: {fmt.money(plan.monthlyMinor + plan.joiningFeeMinor, plan.currency)} ({monthly} first month + {joiningFee} joining fee)
            </p>
            <MembershipJoin
              stripeConfig={browserStripeConfig()}
              firstPaymentMinor={plan.monthlyMinor + plan.joiningFeeMinor}
              currency={plan.currency}
              firstPaymentLabel={fmt.money(plan.monthlyMinor + plan.joiningFeeMinor, plan.currency)}
            />
          </section>
          {invoices && invoices.length > 0 && <Invoices invoices={invoices} fmt={fmt} />}
        </div>
      )}
    </>
  );
}

function Invoices({ invoices, fmt }: { invoices: InvoiceSummary[] | null; fmt: ViewerFormat }) {
  return (
    <section className="card h-fit" aria-labelledby="invoices">
      <h2 id="invoices" className="mb-3 text-lg font-semibold">Past invoices</h2>
      {invoices === null ? (
        <p className="text-sm text-slate-500">Invoices cannot be shown right now.</p>
      ) : invoices.length === 0 ? (
        <p className="text-sm text-slate-500">No invoices yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {invoices.map((invoice) => (
            <li key={invoice.id} className="flex flex-wrap items-center justify-between gap-x-3 py-2" data-testid="invoice-row">
              <span>{fmt.date(invoice.created, "long-date")}</span>
              <span>{fmt.money(invoice.amountMinor, invoice.currency)}</span>
              <span className="capitalize text-slate-600">{invoice.status}</span>
              <span className="flex gap-3">
                {invoice.url && <a href={invoice.url} className="inline-flex min-h-11 items-center">View<span className="sr-only"> invoice of {fmt.date(invoice.created, "long-date")}</span></a>}
                {invoice.pdfUrl && <a href={invoice.pdfUrl} className="inline-flex min-h-11 items-center">PDF<span className="sr-only"> of the invoice of {fmt.date(invoice.created, "long-date")}</span></a>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
