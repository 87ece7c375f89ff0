import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PrintButton } from "@/components/print-button";
import { requireUser } from "@/lib/auth/guards";
import { getMerchantDetails } from "@/lib/settings/merchant-details";
import { getViewerFormat } from "@/lib/locale/viewer";
import { getBuyerOrder } from "@/lib/orders/buyer-orders";
import { intentAccountOf } from "@/lib/orders/charge-plan";
import { paymentCardOf } from "@/lib/payments/course-payment-intents";
import { buildReceipt, hasReceipt } from "@/lib/receipts/receipt";

export const metadata: Metadata = { title: "Receipt" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ orderId: string }> };

const TEST_IDS: Record<string, string> = { Amount: "receipt-amount", Status: "receipt-status" };

export default async function ReceiptPage({ params }: Props) {
  const { orderId } = await params;
  const user = await requireUser(`/account/orders/${orderId}`);
  const order = await getBuyerOrder(user.id, orderId);
  if (!order) notFound();
  const card = order.stripePaymentIntentId && order.status !== "pending" ? await paymentCardOf(order.stripePaymentIntentId, intentAccountOf(order)) : null;
  const receipt = buildReceipt(order, card, await getMerchantDetails(), await getViewerFormat());

  return (
    <div className="mx-auto max-w-lg">
      <h1 className="page-title">Receipt</h1>
      <div className="card text-sm">
        <address className="mb-4 not-italic" data-testid="receipt-merchant">
          <span className="block font-semibold">{receipt.merchant.name}</span>
          {receipt.merchant.addressLines.map((line) => (
            <span key={line} className="block text-slate-600">{line}</span>
          ))}
        </address>
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-6 gap-y-2" data-testid="receipt">
          {receipt.rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-600">{label}</dt>
              <dd className={`break-words ${label === "Order" ? "font-mono text-xs" : label === "Amount" ? "font-semibold" : ""}`} data-testid={TEST_IDS[label]}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
      </div>
      <div className="no-print mt-4 flex flex-wrap items-center gap-3 text-sm">
        {hasReceipt(order.status) ? (
          <>
            <a href={`/account/orders/${order.id}/receipt.pdf`} className="btn-secondary" download>
              Download PDF
            </a>
            <PrintButton />
          </>
        ) : null}
        <Link href="/account/orders" className="inline-flex min-h-11 items-center">All orders</Link>
      </div>
    </div>
  );
}
