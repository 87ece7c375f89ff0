import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";
import { getBuyerOrder } from "@/lib/orders/buyer-orders";
import { intentAccountOf } from "@/lib/orders/charge-plan";
import { orderStatusLabel } from "@/lib/orders/order-status";
import { paymentCardOf } from "@/lib/payments/course-payment-intents";
import { getViewerFormat } from "@/lib/locale/viewer";

export const metadata: Metadata = { title: "Receipt" };
export const dynamic = "force-dynamic";


type Props = { params: Promise<{ orderId: string }> };

export default async function ReceiptPage({ params }: Props) {
  const { orderId } = await params;
  const user = await requireUser(`/account/orders/${orderId}`);
  const fmt = await getViewerFormat();
  const order = await getBuyerOrder(user.id, orderId);
  if (!order) notFound();
  const card = order.stripePaymentIntentId && order.status !== "pending" ? await paymentCardOf(order.stripePaymentIntentId, intentAccountOf(order)) : null;

  return (
    <div className="mx-auto max-w-lg">
      <h1 className="page-title">Receipt</h1>
      <dl className="card grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm" data-testid="receipt">
        <dt className="text-slate-500">Order</dt>
        <dd className="font-mono text-xs">{order.id}</dd>
        <dt className="text-slate-500">Date</dt>
        <dd>{fmt.date(order.paidAt ?? order.createdAt, "date-time")}</dd>
        <dt className="text-slate-500">Billed to</dt>
        <dd>{order.buyer.name} ({order.buyer.email})</dd>
        <dt className="text-slate-500">Course</dt>
        <dd>{order.course.title} <span className="text-slate-500">by {order.course.seller.name}</span></dd>
        <dt className="text-slate-500">Amount</dt>
        <dd className="font-semibold" data-testid="receipt-amount">{fmt.money(order.amountMinor, order.currency)}</dd>
        <dt className="text-slate-500">Status</dt>
        <dd data-testid="receipt-status">{orderStatusLabel(order)}</dd>
        {card && (
          <>
            <dt className="text-slate-500">Paid with</dt>
            <dd>{card}</dd>
          </>
        )}
      </dl>
      <p className="mt-4 text-sm"><Link href="/account/orders">All orders</Link></p>
    </div>
  );
}
