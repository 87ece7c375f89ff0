import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/action-button";
import { DetailsList } from "@/components/details-list";
import { requireRole } from "@/lib/auth/guards";
import { isCurrency, minorToMajorString } from "@/lib/money";
import { getAdminOrder } from "@/lib/orders/admin-orders";
import { DISPUTE_STATUS_LABELS, orderStatusLabel } from "@/lib/orders/order-status";
import { dashboardLinksOf } from "@/lib/payments/dashboard-links";
import { getViewerFormat } from "@/lib/locale/viewer";
import { refundOrderAction, resyncOrderAction } from "./actions";
import { RefundForm } from "./refund-form";

export const metadata: Metadata = { title: "Order" };
export const dynamic = "force-dynamic";

export default async function AdminOrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  await requireRole("admin", `/admin/orders/${orderId}`);
  const fmt = await getViewerFormat();
  const order = await getAdminOrder(orderId);
  if (!order) notFound();
  const money = (minor: number) => fmt.money(minor, order.currency);
  const remainingMinor = order.amountMinor - order.refundedMinor;
  const links = dashboardLinksOf(order);
  const status = orderStatusLabel(order);
  const rows: Array<[string, React.ReactNode]> = [
    ["Course", order.course.title],
    ["Buyer", `${order.buyer.name} (${order.buyer.email})`],
    ["Seller", `${order.seller.name} (${order.seller.email})`],
    ["Amount", money(order.amountMinor)],
    ["Platform fee", order.applicationFeeMinor === null ? "—" : money(order.applicationFeeMinor)],
    ["Refunded", money(order.refundedMinor)],
    ["Fee refunded", money(order.feeRefundedMinor)],
    ["Charge type", order.chargeType ?? "platform"],
    ["Status", <span key="status" data-testid="admin-order-status">{status}</span>],
    ["Dispute", order.disputeStatus ? <span key="dispute" data-testid="admin-order-dispute">{DISPUTE_STATUS_LABELS[order.disputeStatus] ?? order.disputeStatus}{order.disputeAmountMinor !== null ? `, ${money(order.disputeAmountMinor)}` : null}{order.stripeDisputeId ? <> (<code>{order.stripeDisputeId}</code>)</> : null}</span> : "None"],
    ["Buyer's access", <span key="access" data-testid="admin-order-access">{order.enrolment ? (order.enrolment.frozenAt ? "On hold while the dispute is reviewed" : "Has access") : "No access from this order"}</span>],
    ["Created", fmt.date(order.createdAt, "date-time")],
    ["Paid", order.paidAt ? fmt.date(order.paidAt, "date-time") : "—"],
    ["PaymentIntent", order.stripePaymentIntentId ? <a key="pi" href={links.payment ?? undefined} target="_blank" rel="noreferrer"><code>{order.stripePaymentIntentId}</code></a> : "—"],
    ["Connected account", order.stripeAccountId ? <a key="acct" href={links.account ?? undefined} target="_blank" rel="noreferrer"><code>{order.stripeAccountId}</code></a> : "—"],
  ];

  return (
    <>
      <p className="mb-2 text-sm"><Link href="/admin/orders">← All orders</Link></p>
      <h1 className="page-title">Order {order.id}</h1>
      <DetailsList rows={rows} />
      {order.stripePaymentIntentId ? (
        <div className="mb-6 max-w-3xl space-y-2">
          <ActionButton action={resyncOrderAction} fields={{ orderId: order.id }} label="Re-sync from Stripe" pendingLabel="Re-syncing…" variant="secondary" />
          <p className="text-sm text-slate-500">
            Reads the payment and its refunds from Stripe again and applies them, in case an event was missed. Recorded in the audit log.
          </p>
        </div>
      ) : null}
      <h2 className="mb-3 text-lg font-semibold">Refund</h2>
      {order.disputeStatus === "open" && (
        <p className="mb-2 text-sm text-amber-800">This payment is disputed: Stripe refuses refunds on a chargeback (an inquiry can still be refunded).</p>
      )}
      {order.disputeStatus === "lost" ? (
        <p className="text-sm text-slate-600">The dispute was lost: the money has gone back to the buyer through their bank.</p>
      ) : order.status === "paid" && remainingMinor > 0 && isCurrency(order.currency) ? (
        <RefundForm
          action={refundOrderAction}
          orderId={order.id}
          formToken={randomUUID()}
          remaining={minorToMajorString(remainingMinor, order.currency)}
          currencyCode={order.currency.toUpperCase()}
          chargeType={order.chargeType === "destination" || order.chargeType === "direct" ? order.chargeType : null}
          fee={order.applicationFeeMinor === null ? null : money(order.applicationFeeMinor)}
        />
      ) : (
        <p className="text-sm text-slate-600">
          {order.status === "refunded" ? "This order has been refunded in full." : "Only a paid order can be refunded."}
        </p>
      )}
      <h2 className="mb-3 mt-8 text-lg font-semibold">Refund requests</h2>
      {order.refundRequests.length === 0 ? (
        <p className="text-sm text-slate-500">None yet.</p>
      ) : (
        <ul className="card max-w-3xl divide-y divide-slate-100 p-0 text-sm" data-testid="refund-requests">
          {order.refundRequests.map((request) => (
            <li key={request.id} className="px-4 py-2">
              <span className="text-slate-500">{fmt.date(request.createdAt, "date-time")}</span> · {request.requestedBy.name}:{" "}
              {money(request.amountMinor)} ({request.reason.replaceAll("_", " ")}) — {request.status}
              {request.stripeRefundId ? <> · <code className="text-xs">{request.stripeRefundId}</code></> : null}
              {request.error ? <span className="text-red-700"> · {request.error}</span> : null}
              {request.note ? <div className="text-slate-500">{request.note}</div> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
