// Invoices: creation with line items, finalization (one PaymentIntent per invoice),
// payment attempts and what their outcome does to the invoice.
import type { Emulator } from "../core/emulator.js";
import { newId, randomChars } from "../core/ids.js";
import { registerIncludable } from "../http/expand.js";
import { attemptPayment } from "../payments/payment_intent_engine.js";
import { insertPaymentIntent } from "../resources/payment_intents.js";
import type { StripeObject } from "../store/store.js";
import { emitEvent, updateAndEmit } from "../webhooks/events.js";

export interface InvoiceHidden {
  paymentIntent: string | null;
  invoicePayment: string | null;
  retryIndex: number;
}

export interface LineInput {
  amount: number;
  currency: string;
  description: string;
  price: StripeObject;
  quantity: number;
  period: { start: number; end: number };
  subscription: string | null;
  subscriptionItem: string | null;
  oneTime: boolean;
}

export function invoiceHidden(emu: Emulator, invoice: StripeObject): InvoiceHidden {
  return emu.store.hidden(invoice.id) as InvoiceHidden;
}

export function registerInvoiceIncludables(): void {
  // Since the 2025 "basil" API versions these are returned only when expanded.
  registerIncludable("invoice", "confirmation_secret", (emu, invoice) => {
    const piId = (emu.store.record(invoice.id)?.hidden as InvoiceHidden | undefined)?.paymentIntent;
    const pi = piId ? emu.store.get(piId) : undefined;
    return pi ? { client_secret: pi.client_secret, type: "payment_intent" } : null;
  });
  registerIncludable("invoice", "payments", (emu, invoice) => {
    const data = emu.store.list("invoice_payment", emu.store.accountOf(invoice.id), (p) => p.invoice === invoice.id);
    return { object: "list", data, has_more: false, url: `/v1/invoice_payments?invoice=${invoice.id}` };
  });
  // Older API versions: invoice.payment_intent and invoice.subscription (accepted as expand paths).
  registerIncludable("invoice", "payment_intent", (emu, invoice) => (emu.store.record(invoice.id)?.hidden as InvoiceHidden | undefined)?.paymentIntent ?? null);
  registerIncludable("invoice", "subscription", (_emu, invoice) => invoice.parent?.subscription_details?.subscription ?? null);
}

export function createInvoice(
  emu: Emulator,
  account: string | null,
  o: {
    customer: StripeObject;
    subscription: StripeObject | null;
    billingReason: string;
    lines: LineInput[];
    periodStart: number;
    periodEnd: number;
    currency: string;
  },
): StripeObject {
  const id = newId("in");
  const total = o.lines.reduce((s, l) => s + l.amount, 0);
  const lines = o.lines.map((l) => ({
    id: newId("il"),
    object: "line_item",
    amount: l.amount,
    currency: l.currency,
    description: l.description,
    discount_amounts: [],
    discountable: true,
    discounts: [],
    invoice: id,
    livemode: false,
    metadata: {},
    parent: l.subscriptionItem
      ? {
          invoice_item_details: null,
          subscription_item_details: {
            invoice_item: null,
            proration: false,
            proration_details: { credited_items: null },
            subscription: l.subscription,
            subscription_item: l.subscriptionItem,
          },
          type: "subscription_item_details",
        }
      : {
          invoice_item_details: {
            invoice_item: newId("ii"),
            proration: false,
            proration_details: { credited_items: null },
            subscription: l.subscription,
          },
          subscription_item_details: null,
          type: "invoice_item_details",
        },
    period: l.period,
    pretax_credit_amounts: [],
    pricing: {
      price_details: { price: l.price.id, product: l.price.product },
      type: "price_details",
      unit_amount_decimal: String(l.price.unit_amount ?? 0),
    },
    quantity: l.quantity,
    quantity_decimal: String(l.quantity),
    subscription: l.subscription,
    subtotal: l.amount,
    taxes: [],
  }));
  const c = o.customer;
  const invoice: StripeObject = {
    id,
    object: "invoice",
    account_country: "US",
    account_name: "Stripe Emulator Platform",
    account_tax_ids: null,
    amount_due: total,
    amount_overpaid: 0,
    amount_paid: 0,
    amount_remaining: total,
    amount_shipping: 0,
    application: account ? emu.options.connectClientId : null,
    attempt_count: 0,
    attempted: false,
    auto_advance: true,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
    automatically_finalizes_at: null,
    billing_reason: o.billingReason,
    collection_method: "charge_automatically",
    created: emu.now(),
    currency: o.currency,
    custom_fields: null,
    customer: c.id,
    customer_account: null,
    customer_address: c.address ?? null,
    customer_email: c.email ?? null,
    customer_name: c.name ?? null,
    customer_phone: c.phone ?? null,
    customer_shipping: c.shipping ?? null,
    customer_tax_exempt: "none",
    customer_tax_ids: [],
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    due_date: null,
    effective_at: null,
    ending_balance: null,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: `${emu.publicUrl()}/invoices/${id}`,
    invoice_pdf: `${emu.publicUrl()}/invoices/${id}/pdf`,
    issuer: { type: "self" },
    last_finalization_error: null,
    latest_revision: null,
    lines: { object: "list", data: lines, has_more: false, url: `/v1/invoices/${id}/lines` },
    livemode: false,
    metadata: {},
    next_payment_attempt: null,
    number: null,
    on_behalf_of: o.subscription?.on_behalf_of ?? null,
    parent: o.subscription
      ? {
          quote_details: null,
          subscription_details: { metadata: { ...o.subscription.metadata }, subscription: o.subscription.id },
          type: "subscription_details",
        }
      : null,
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    period_end: o.periodEnd,
    period_start: o.periodStart,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: "draft",
    status_transitions: { finalized_at: null, marked_uncollectible_at: null, paid_at: null, voided_at: null },
    subtotal: total,
    subtotal_excluding_tax: total,
    test_clock: null,
    total,
    total_discount_amounts: [],
    total_excluding_tax: total,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: emu.now(),
  };
  const hidden: InvoiceHidden = { paymentIntent: null, invoicePayment: null, retryIndex: 0 };
  emu.store.insert(account, invoice, hidden);
  emitEvent(emu, "invoice.created", account, invoice);
  return invoice;
}

/** Finalizes: assigns a number and creates the invoice's PaymentIntent (or marks a zero invoice paid). */
export function finalizeInvoice(emu: Emulator, invoice: StripeObject, defaultPaymentMethod: string | null): void {
  const account = emu.store.accountOf(invoice.id);
  const hidden = invoiceHidden(emu, invoice);
  const customer = emu.store.get(invoice.customer);
  const seq = customer ? customer.next_invoice_sequence++ : 1;
  const subId = invoice.parent?.subscription_details?.subscription ?? null;
  const sub = subId ? emu.store.get(subId) : undefined;
  invoice.status = "open";
  invoice.number = `${customer?.invoice_prefix ?? randomChars(8).toUpperCase()}-${String(seq).padStart(4, "0")}`;
  invoice.status_transitions.finalized_at = emu.now();
  invoice.effective_at = emu.now();
  if (invoice.amount_due > 0) {
    const fee = sub?.application_fee_percent ? Math.round((invoice.amount_due * sub.application_fee_percent) / 100) : null;
    const pi = insertPaymentIntent(emu, account, {
      amount: invoice.amount_due,
      currency: invoice.currency,
      customer: invoice.customer,
      description: invoice.billing_reason === "subscription_create" ? "Subscription creation" : "Subscription update",
      setup_future_usage: "off_session",
      payment_method: defaultPaymentMethod,
      application_fee_amount: fee,
      transfer_data: sub?.transfer_data ? { destination: sub.transfer_data.destination, amount: undefined } : null,
      on_behalf_of: sub?.on_behalf_of ?? null,
      hidden: { invoice: invoice.id },
    });
    hidden.paymentIntent = pi.id;
    const payment: StripeObject = {
      id: `inpay_${randomChars(24)}`,
      object: "invoice_payment",
      amount_paid: null,
      amount_requested: invoice.amount_due,
      created: emu.now(),
      currency: invoice.currency,
      invoice: invoice.id,
      is_default: true,
      livemode: false,
      payment: { payment_intent: pi.id, type: "payment_intent" },
      status: "open",
      status_transitions: { canceled_at: null, paid_at: null },
    };
    emu.store.insert(account, payment);
    hidden.invoicePayment = payment.id;
    emitEvent(emu, "invoice.finalized", account, invoice);
  } else {
    emitEvent(emu, "invoice.finalized", account, invoice);
    markInvoicePaid(emu, invoice);
  }
}

/** Tries to collect an open invoice: (re)confirms its PaymentIntent with the given payment method. */
export function attemptInvoicePayment(emu: Emulator, invoice: StripeObject, paymentMethod: string | null, offSession: boolean): "paid" | "failed" | "requires_action" {
  const hidden = invoiceHidden(emu, invoice);
  const pi = hidden.paymentIntent ? emu.store.get(hidden.paymentIntent) : undefined;
  if (!pi) return invoice.status === "paid" ? "paid" : "failed";
  if (pi.status === "succeeded") return "paid";
  if (paymentMethod) pi.payment_method = paymentMethod;
  if (!pi.payment_method) {
    // Nothing to charge: Stripe records a failed attempt.
    emu.intentSettled(pi, "failed");
    return "failed";
  }
  attemptPayment(emu, pi, { offSession });
  const status = emu.store.get(pi.id)!.status;
  return status === "succeeded" ? "paid" : status === "requires_action" ? "requires_action" : "failed";
}

export function markInvoicePaid(emu: Emulator, invoice: StripeObject): void {
  const account = emu.store.accountOf(invoice.id);
  const hidden = invoiceHidden(emu, invoice);
  if (hidden.invoicePayment) {
    const payment = emu.store.get(hidden.invoicePayment);
    if (payment) {
      payment.status = "paid";
      payment.amount_paid = invoice.amount_due;
      payment.status_transitions.paid_at = emu.now();
      emitEvent(emu, "invoice_payment.paid", account, payment);
    }
  }
  updateAndEmit(emu, invoice, null, (o) => {
    o.status = "paid";
    o.amount_paid = o.amount_due;
    o.amount_remaining = 0;
    o.attempted = true;
    o.next_payment_attempt = null;
    o.status_transitions.paid_at = emu.now();
  });
  emitEvent(emu, "invoice.paid", account, invoice);
  emitEvent(emu, "invoice.payment_succeeded", account, invoice);
}

export function voidInvoice(emu: Emulator, invoice: StripeObject): void {
  const hidden = invoiceHidden(emu, invoice);
  const pi = hidden.paymentIntent ? emu.store.get(hidden.paymentIntent) : undefined;
  if (pi && !["succeeded", "canceled"].includes(pi.status)) {
    pi.status = "canceled";
    pi.canceled_at = emu.now();
    pi.cancellation_reason = "void_invoice";
    emitEvent(emu, "payment_intent.canceled", emu.store.accountOf(pi.id), pi);
  }
  if (hidden.invoicePayment) {
    const payment = emu.store.get(hidden.invoicePayment);
    if (payment) {
      payment.status = "canceled";
      payment.status_transitions.canceled_at = emu.now();
    }
  }
  updateAndEmit(emu, invoice, "invoice.voided", (o) => {
    o.status = "void";
    o.next_payment_attempt = null;
    o.amount_remaining = 0;
    o.status_transitions.voided_at = emu.now();
  });
}
