import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";
import { formatMinor } from "@/lib/money";
import { settleOrder } from "@/lib/orders/settle-order";

export const metadata: Metadata = { title: "Payment" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ orderId: string }> };

export default async function CheckoutCompletePage({ params }: Props) {
  const { orderId } = await params;
  const user = await requireUser(`/checkout/complete/${orderId}`);
  const order = await settleOrder(user.id, orderId);
  if (!order) notFound();
  const amount = formatMinor(order.amountMinor, order.currency);

  if (order.status === "paid") {
    return (
      <div className="card mx-auto max-w-lg text-center">
        <h1 className="text-2xl font-semibold" data-testid="payment-outcome">Payment received</h1>
        <p className="mt-2 text-slate-700">
          {amount} for <strong>{order.course.title}</strong>. The course is in your library now.
        </p>
        <div className="mt-5 flex justify-center gap-3">
          <Link href={`/library/${order.course.slug}`} className="btn">Open the course</Link>
          <Link href={`/account/orders/${order.id}`} className="btn-secondary">Receipt</Link>
        </div>
      </div>
    );
  }
  if (order.status === "pending" && order.intentStatus === "processing") {
    return (
      <div className="card mx-auto max-w-lg text-center">
        <h1 className="text-2xl font-semibold" data-testid="payment-outcome">Payment processing</h1>
        <p className="mt-2 text-slate-700">Your bank is still confirming the payment. The course appears in your library as soon as it does.</p>
      </div>
    );
  }
  return (
    <div className="card mx-auto max-w-lg text-center">
      <h1 className="text-2xl font-semibold" data-testid="payment-outcome">Payment not completed</h1>
      <p className="mt-2 text-slate-700">
        {order.lastPaymentError ?? "The payment for this course did not go through."} Nothing was charged.
      </p>
      <Link href={`/checkout/${order.course.slug}`} className="btn mt-5">Try again</Link>
    </div>
  );
}
