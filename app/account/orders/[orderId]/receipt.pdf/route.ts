import { getCurrentUser } from "@/lib/auth/current-user";
import { getMerchantDetails } from "@/lib/settings/merchant-details";
import { getViewerFormat } from "@/lib/locale/viewer";
import { getBuyerOrder } from "@/lib/orders/buyer-orders";
import { intentAccountOf } from "@/lib/orders/charge-plan";
import { paymentCardOf } from "@/lib/payments/course-payment-intents";
import { buildReceipt, hasReceipt } from "@/lib/receipts/receipt";
import { renderReceiptPdf } from "@/lib/receipts/receipt-pdf";

const text = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** The buyer's receipt as a PDF download: only their own order, and only once it was paid. */
export async function GET(_request: Request, { params }: { params: Promise<{ orderId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return text("Please log in to download your receipt.", 401);
  const { orderId } = await params;
  const order = await getBuyerOrder(user.id, orderId);
  if (!order || !hasReceipt(order.status)) return text("There is no receipt for that order.", 404);
  const card = order.stripePaymentIntentId ? await paymentCardOf(order.stripePaymentIntentId, intentAccountOf(order)) : null;
  const pdf = await renderReceiptPdf(buildReceipt(order, card, await getMerchantDetails(), await getViewerFormat()));
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="receipt-${order.id}.pdf"`,
      "cache-control": "private, no-store",
    },
  });
}
