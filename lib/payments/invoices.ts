import { stripe } from "./stripe-client";

export interface InvoiceSummary {
  id: string;
  number: string | null;
  created: Date;
  amountMinor: number;
  currency: string;
  status: string;
  /** Stripe's hosted invoice page. */
  url: string | null;
  /** Stripe's PDF of the invoice. */
  pdfUrl: string | null;
}

/** The customer's latest invoices (one customer's list, not a scan). */
export async function listCustomerInvoices(customerId: string): Promise<InvoiceSummary[]> {
  const invoices = await stripe().invoices.list({ customer: customerId, limit: 12 });
  return invoices.data.map((invoice) => ({
    id: invoice.id!,
    number: invoice.number,
    created: new Date(invoice.created * 1000),
    amountMinor: invoice.status === "paid" ? invoice.amount_paid : invoice.amount_due,
    currency: invoice.currency,
    status: invoice.status ?? "draft",
    url: invoice.hosted_invoice_url ?? null,
    pdfUrl: invoice.invoice_pdf ?? null,
  }));
}
