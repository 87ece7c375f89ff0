// Subscriptions over time: first invoice, payment outcomes, renewals when the clock moves,
// dunning (past_due, retries, then cancel), cancel at period end, incomplete expiry.
import { dueBankDebits } from "../payments/bank_debit_settlement.js";
import type { Emulator } from "../core/emulator.js";
import type { StripeObject } from "../store/store.js";
import { emitEvent, updateAndEmit } from "../webhooks/events.js";
import { intentHidden } from "../payments/intent_state.js";
import { addInterval, type Interval } from "./periods.js";
import { attemptInvoicePayment, createInvoice, finalizeInvoice, invoiceHidden, markInvoicePaid, voidInvoice, type LineInput } from "./invoices.js";

const INCOMPLETE_EXPIRY_SECONDS = 23 * 3600;

export function periodEnd(sub: StripeObject): number {
  return sub.items.data[0]?.current_period_end ?? sub.billing_cycle_anchor;
}

export function periodStart(sub: StripeObject): number {
  return sub.items.data[0]?.current_period_start ?? sub.start_date;
}

/** The payment method renewals use: the subscription's, else the customer's invoice default. */
export function defaultPaymentMethodFor(emu: Emulator, sub: StripeObject): string | null {
  if (sub.default_payment_method) return sub.default_payment_method;
  const customer = emu.store.get(sub.customer);
  return customer?.invoice_settings?.default_payment_method ?? null;
}

export function recurringLines(sub: StripeObject, start: number, end: number, trial: boolean): LineInput[] {
  return sub.items.data.map((item: StripeObject) => ({
    amount: trial ? 0 : (item.price.unit_amount ?? 0) * (item.quantity ?? 1),
    currency: item.price.currency,
    description: trial
      ? `Trial period for ${item.price.nickname ?? item.price.product}`
      : `${item.quantity ?? 1} × ${item.price.nickname ?? item.price.product} (at ${((item.price.unit_amount ?? 0) / 100).toFixed(2)} ${item.price.currency.toUpperCase()} / ${item.price.recurring.interval})`,
    price: item.price,
    quantity: item.quantity ?? 1,
    period: { start, end },
    subscription: sub.id,
    subscriptionItem: item.id,
    oneTime: false,
  }));
}

function setStatus(emu: Emulator, sub: StripeObject, mutate: (s: StripeObject) => void): void {
  updateAndEmit(emu, sub, "customer.subscription.updated", mutate);
}

export function endSubscription(emu: Emulator, sub: StripeObject, reason: "cancellation_requested" | "payment_failed" | "payment_disputed", at = emu.now()): void {
  if (sub.status === "canceled" || sub.status === "incomplete_expired") return;
  const account = emu.store.accountOf(sub.id);
  sub.status = "canceled";
  sub.canceled_at ??= at;
  sub.ended_at = at;
  sub.cancellation_details = { ...sub.cancellation_details, reason };
  const latest = sub.latest_invoice ? emu.store.get(sub.latest_invoice) : undefined;
  if (latest && latest.status === "open") latest.next_payment_attempt = null;
  emitEvent(emu, "customer.subscription.deleted", account, sub);
}

export function cancelSubscriptionsOfCustomer(emu: Emulator, customerId: string): void {
  for (const sub of emu.store.list("subscription", "*", (s) => s.customer === customerId)) {
    endSubscription(emu, sub, "cancellation_requested");
  }
}

/** After the first invoice is created: pay it now or leave it for the browser (default_incomplete). */
export function collectFirstInvoice(emu: Emulator, sub: StripeObject, invoice: StripeObject, paymentBehavior: string): "paid" | "failed" | "requires_action" | "pending" {
  const pm = defaultPaymentMethodFor(emu, sub);
  finalizeInvoice(emu, invoice, pm);
  if (invoice.status === "paid") return "paid";
  if (paymentBehavior === "default_incomplete" || !pm) return "pending";
  return attemptInvoicePayment(emu, invoice, pm, false);
}

/** Reacts to the outcome of an invoice's PaymentIntent (confirmed by the browser or by a renewal). */
export function registerBillingHooks(emu: Emulator): void {
  emu.onIntentSettled((pi, outcome) => {
    if (pi.object !== "payment_intent") return;
    const invoiceId = intentHidden(emu, pi).invoice;
    const invoice = invoiceId ? emu.store.get(invoiceId) : undefined;
    if (!invoice || invoice.status !== "open") return;
    const account = emu.store.accountOf(invoice.id);
    const subId = invoice.parent?.subscription_details?.subscription;
    const sub = subId ? emu.store.get(subId) : undefined;
    if (outcome === "succeeded") {
      invoice.attempt_count += 1;
      markInvoicePaid(emu, invoice);
      if (sub && sub.status !== "canceled") {
        setStatus(emu, sub, (s) => {
          if (["incomplete", "past_due", "unpaid"].includes(s.status)) s.status = s.trial_end && s.trial_end > emu.now() ? "trialing" : "active";
          if (s.payment_settings?.save_default_payment_method === "on_subscription" && pi.payment_method) {
            s.default_payment_method = pi.payment_method;
          }
        });
      }
      return;
    }
    if (outcome === "requires_action") {
      emitEvent(emu, "invoice.payment_action_required", account, invoice);
      return;
    }
    if (outcome === "failed") {
      invoice.attempt_count += 1;
      invoice.attempted = true;
      const hidden = invoiceHidden(emu, invoice);
      const delays = emu.options.invoiceRetryDelaysSeconds;
      const isRenewal = invoice.billing_reason === "subscription_cycle";
      invoice.next_payment_attempt = isRenewal && hidden.retryIndex < delays.length ? emu.now() + delays[hidden.retryIndex] : null;
      emitEvent(emu, "invoice.payment_failed", account, invoice);
      if (sub && isRenewal && ["active", "trialing"].includes(sub.status)) {
        setStatus(emu, sub, (s) => {
          s.status = "past_due";
        });
      }
      if (sub && isRenewal && invoice.next_payment_attempt === null) exhaustRetries(emu, sub);
    }
  });
}

function exhaustRetries(emu: Emulator, sub: StripeObject): void {
  const action = emu.options.subscriptionFailedPaymentAction;
  if (action === "cancel") endSubscription(emu, sub, "payment_failed");
  else if (action === "unpaid") setStatus(emu, sub, (s) => (s.status = "unpaid"));
}

function renew(emu: Emulator, sub: StripeObject): void {
  const account = emu.store.accountOf(sub.id);
  const end = periodEnd(sub);
  const previousStart = periodStart(sub);
  if (sub.cancel_at_period_end || (sub.cancel_at && sub.cancel_at <= end)) {
    endSubscription(emu, sub, "cancellation_requested", end);
    return;
  }
  const interval = sub.items.data[0].price.recurring.interval as Interval;
  const count = sub.items.data[0].price.recurring.interval_count ?? 1;
  const newEnd = addInterval(end, interval, count);
  setStatus(emu, sub, (s) => {
    for (const item of s.items.data) {
      item.current_period_start = end;
      item.current_period_end = newEnd;
    }
    if (s.status === "trialing" && s.trial_end && s.trial_end <= end) s.status = "active";
  });
  const customer = emu.store.get(sub.customer);
  if (!customer) return;
  const invoice = createInvoice(emu, account, {
    customer,
    subscription: sub,
    billingReason: "subscription_cycle",
    lines: recurringLines(sub, end, newEnd, false),
    // As Stripe does for licensed prices billed in advance: the invoice's period is the one that
    // just ended, its lines cover the new one.
    periodStart: previousStart,
    periodEnd: end,
    currency: sub.currency,
  });
  setStatus(emu, sub, (s) => (s.latest_invoice = invoice.id));
  const pm = defaultPaymentMethodFor(emu, sub);
  finalizeInvoice(emu, invoice, pm);
  if (invoice.status === "open") attemptInvoicePayment(emu, invoice, pm, true);
}

function retryInvoice(emu: Emulator, invoice: StripeObject): void {
  const subId = invoice.parent?.subscription_details?.subscription;
  const sub = subId ? emu.store.get(subId) : undefined;
  if (!sub || ["canceled", "incomplete_expired"].includes(sub.status)) {
    invoice.next_payment_attempt = null;
    return;
  }
  invoiceHidden(emu, invoice).retryIndex += 1;
  invoice.next_payment_attempt = null;
  attemptInvoicePayment(emu, invoice, defaultPaymentMethodFor(emu, sub), true);
}

function expireIncomplete(emu: Emulator, sub: StripeObject): void {
  const latest = sub.latest_invoice ? emu.store.get(sub.latest_invoice) : undefined;
  if (latest && latest.status === "open") voidInvoice(emu, latest);
  setStatus(emu, sub, (s) => {
    s.status = "incomplete_expired";
    s.ended_at = emu.now();
  });
}

interface DueAction {
  at: number;
  run: () => void;
}

function nextDueAction(emu: Emulator, until: number): DueAction | null {
  let best: DueAction | null = null;
  const consider = (at: number, run: () => void) => {
    if (at <= until && (!best || at < best.at)) best = { at, run };
  };
  for (const sub of emu.store.list("subscription", "*")) {
    if (["active", "trialing", "past_due", "unpaid"].includes(sub.status)) {
      consider(periodEnd(sub), () => renew(emu, sub));
      if (sub.cancel_at && sub.cancel_at < periodEnd(sub)) consider(sub.cancel_at, () => endSubscription(emu, sub, "cancellation_requested", sub.cancel_at));
    } else if (sub.status === "incomplete") {
      consider(sub.created + INCOMPLETE_EXPIRY_SECONDS, () => expireIncomplete(emu, sub));
    }
  }
  for (const inv of emu.store.list("invoice", "*", (i) => i.status === "open" && i.next_payment_attempt !== null)) {
    consider(inv.next_payment_attempt, () => retryInvoice(emu, inv));
  }
  for (const debit of dueBankDebits(emu, until)) consider(debit.at, debit.run);
  return best;
}

/** Moves the clock to `target`, running every renewal, retry and expiry due on the way, in time order. */
export function advanceClockTo(emu: Emulator, target: number): number {
  let guard = 0;
  for (;;) {
    const action = nextDueAction(emu, target);
    if (!action || guard++ > 10_000) break;
    const now = emu.now();
    if (action.at > now) emu.clock.offsetSeconds += action.at - now;
    action.run();
  }
  const now = emu.now();
  if (target > now) emu.clock.offsetSeconds += target - now;
  emu.onChange();
  return emu.now();
}
