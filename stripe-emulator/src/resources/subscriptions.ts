// /v1/subscriptions (and /v1/subscription_items read access)
import type { Emulator } from "../core/emulator.js";
import { newId } from "../core/ids.js";
import { apiRoute, findOwned, paginate, type ApiContext } from "../http/api.js";
import { ApiError, invalidRequest, parameterMissing } from "../http/errors.js";
import type { Params } from "../http/params.js";
import type { Router } from "../http/types.js";
import type { StripeObject } from "../store/store.js";
import { emitEvent, updateAndEmit } from "../webhooks/events.js";
import { addInterval, type Interval } from "../billing/periods.js";
import { createInvoice, invoiceHidden, type LineInput } from "../billing/invoices.js";
import { collectFirstInvoice, endSubscription, periodEnd, recurringLines } from "../billing/subscription_lifecycle.js";
import { findCustomer } from "./customer_lookup.js";
import { asPlan, insertPrice } from "./products.js";
import { checkAccountParam } from "./intent_helpers.js";

const PAYMENT_BEHAVIORS = ["allow_incomplete", "default_incomplete", "error_if_incomplete", "pending_if_incomplete"] as const;

function priceFor(ctx: ApiContext, item: Params, param: string): StripeObject {
  const priceId = item.str("price") ?? item.str("plan");
  if (priceId) return findOwned(ctx, priceId, "price", "price", `${param}[price]`);
  const data = item.obj("price_data");
  if (!data) throw parameterMissing(`${param}[price]`);
  const product = data.reqStr("product");
  findOwned(ctx, product, "product", "product", `${param}[price_data][product]`);
  return insertPrice(ctx, data, product, false);
}

function checkPaymentMethodOfCustomer(ctx: ApiContext, pmId: string, customerId: string, param: string): void {
  const pm = ctx.emu.store.get(pmId);
  if (!pm || pm.object !== "payment_method" || ctx.emu.store.accountOf(pmId) !== ctx.account) {
    throw invalidRequest(`No such PaymentMethod: '${pmId}'`, param, "resource_missing");
  }
  if (pm.customer !== customerId) {
    throw invalidRequest(
      `The customer does not have a payment method with the ID ${pmId}. The payment method must be attached to the customer.`,
      param,
      "resource_missing",
    );
  }
}

function newItem(ctx: ApiContext, subId: string, price: StripeObject, quantity: number, start: number, end: number, metadata: Record<string, string>): StripeObject {
  return {
    id: newId("si"),
    object: "subscription_item",
    billing_thresholds: null,
    created: ctx.emu.now(),
    current_period_end: end,
    current_period_start: start,
    current_trial: null,
    discounts: [],
    metadata,
    plan: asPlan(price),
    price,
    quantity,
    subscription: subId,
    tax_rates: [],
  };
}

function createSubscription(ctx: ApiContext): StripeObject {
  const emu = ctx.emu;
  const p = ctx.params;
  const customer = findCustomer(ctx, p.reqStr("customer"));
  const items = p.objArr("items");
  if (!items || items.length === 0) throw parameterMissing("items");
  const prices = items.map((it, i) => priceFor(ctx, it, `items[${i}]`));
  prices.forEach((price, i) => {
    if (price.type !== "recurring") {
      throw invalidRequest("The price specified is set to `type=one_time` but this field only accepts prices with `type=recurring`.", `items[${i}][price]`);
    }
  });
  const currency = prices[0].currency;
  if (prices.some((x) => x.currency !== currency)) throw invalidRequest("All prices on a subscription must have the same currency.", "items");
  const interval = prices[0].recurring.interval as Interval;
  const intervalCount = prices[0].recurring.interval_count ?? 1;
  const paymentBehavior = p.oneOf("payment_behavior", PAYMENT_BEHAVIORS) ?? "allow_incomplete";
  const defaultPm = p.str("default_payment_method");
  if (defaultPm) checkPaymentMethodOfCustomer(ctx, defaultPm, customer.id, "default_payment_method");
  const td = p.obj("transfer_data");
  if (td) checkAccountParam(ctx, td.reqStr("destination"), "transfer_data[destination]");
  const now = emu.now();
  const trialDays = p.int("trial_period_days");
  const trialEndParam = p.str("trial_end");
  const trialEnd = trialDays ? now + trialDays * 86_400 : trialEndParam && trialEndParam !== "now" ? Number(trialEndParam) : null;
  const firstEnd = trialEnd ?? addInterval(now, interval, intervalCount);
  const id = newId("sub");
  const ps = p.obj("payment_settings");
  const sub: StripeObject = {
    id,
    object: "subscription",
    application: ctx.account ? emu.options.connectClientId : null,
    application_fee_percent: p.str("application_fee_percent") ? Number(p.str("application_fee_percent")) : null,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_cycle_anchor: firstEnd,
    billing_cycle_anchor_config: null,
    billing_mode: { flexible: null, type: "classic" },
    billing_schedules: [],
    billing_thresholds: null,
    cancel_at: null,
    cancel_at_period_end: p.bool("cancel_at_period_end") ?? false,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, feedback_option: null, reason: null },
    collection_method: "charge_automatically",
    created: now,
    currency,
    customer: customer.id,
    customer_account: null,
    days_until_due: null,
    default_payment_method: defaultPm ?? null,
    default_source: null,
    default_tax_rates: [],
    description: p.str("description") ?? null,
    discounts: [],
    ended_at: null,
    invoice_settings: { account_tax_ids: null, custom_fields: null, description: null, footer: null, issuer: { type: "self" } },
    items: { object: "list", data: [], has_more: false, total_count: items.length, url: `/v1/subscription_items?subscription=${id}` },
    latest_invoice: null,
    livemode: false,
    managed_payments: null,
    metadata: p.metadata({}),
    next_pending_invoice_item_invoice: null,
    on_behalf_of: p.str("on_behalf_of") ?? null,
    pause_collection: null,
    payment_settings: {
      payment_method_options: null,
      payment_method_types: ps?.strArr("payment_method_types") ?? null,
      save_default_payment_method: ps?.oneOf("save_default_payment_method", ["off", "on_subscription"] as const) ?? "off",
    },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: now,
    status: "incomplete",
    test_clock: null,
    transfer_data: td ? { amount_percent: null, destination: td.reqStr("destination") } : null,
    trial_end: trialEnd,
    trial_settings: { end_behavior: { billing_cycle_anchor: "unchanged", missing_payment_method: "create_invoice" } },
    trial_start: trialEnd ? now : null,
  };
  sub.items.data = items.map((it, i) => newItem(ctx, id, prices[i], it.int("quantity") ?? 1, now, firstEnd, it.metadata({})));
  if (sub.cancel_at_period_end) sub.cancel_at = firstEnd;
  emu.store.insert(ctx.account, sub);

  const extra: LineInput[] = (p.objArr("add_invoice_items") ?? []).map((ii, i) => {
    const price = priceFor(ctx, ii, `add_invoice_items[${i}]`);
    if (price.type !== "one_time") {
      throw invalidRequest("add_invoice_items only accepts prices with `type=one_time`.", `add_invoice_items[${i}][price]`);
    }
    const quantity = ii.int("quantity") ?? 1;
    return {
      amount: (price.unit_amount ?? 0) * quantity,
      currency: price.currency,
      description: price.nickname ?? String(price.product),
      price,
      quantity,
      period: { start: now, end: now },
      subscription: id,
      subscriptionItem: null,
      oneTime: true,
    };
  });
  const invoice = createInvoice(emu, ctx.account, {
    customer,
    subscription: sub,
    billingReason: "subscription_create",
    lines: [...recurringLines(sub, now, firstEnd, !!trialEnd), ...extra],
    periodStart: now,
    periodEnd: now,
    currency,
  });
  sub.latest_invoice = invoice.id;
  emitEvent(emu, "customer.subscription.created", ctx.account, sub);
  const outcome = collectFirstInvoice(emu, sub, invoice, paymentBehavior);
  if (outcome === "paid" && sub.status === "incomplete") {
    updateAndEmit(emu, sub, "customer.subscription.updated", (s) => (s.status = trialEnd ? "trialing" : "active"));
  }
  if (paymentBehavior === "error_if_incomplete" && outcome !== "paid") {
    const pi = emu.store.get(invoiceHidden(emu, invoice).paymentIntent ?? "");
    const err = pi?.last_payment_error;
    if (err?.type === "card_error") {
      // Stripe answers 402 with the card error; the subscription is left incomplete.
      throw new ApiError(402, { type: "card_error", code: err.code, decline_code: err.decline_code, message: err.message });
    }
    throw invalidRequest(
      err?.message ?? "Payment for this subscription requires additional user action before it can be completed successfully.",
      undefined,
      err?.code ?? "subscription_payment_intent_requires_action",
    );
  }
  return sub;
}

function updateSubscription(ctx: ApiContext, sub: StripeObject): void {
  const p = ctx.params;
  const emu = ctx.emu;
  if (["canceled", "incomplete_expired"].includes(sub.status)) {
    const allowed = Object.keys(p.raw).every((k) => ["metadata", "cancellation_details", "expand"].includes(k));
    if (!allowed) {
      throw invalidRequest("A canceled subscription can only update its cancellation_details and metadata.", undefined);
    }
  }
  const pm = p.has("default_payment_method") ? p.nullableStr("default_payment_method") : undefined;
  if (pm) checkPaymentMethodOfCustomer(ctx, pm, sub.customer, "default_payment_method");
  const newItems = p.objArr("items");
  updateAndEmit(emu, sub, "customer.subscription.updated", (s) => {
    if (pm !== undefined) s.default_payment_method = pm ?? null;
    if (p.has("cancel_at_period_end")) {
      const on = p.bool("cancel_at_period_end") ?? false;
      s.cancel_at_period_end = on;
      s.cancel_at = on ? periodEnd(s) : null;
      s.canceled_at = on ? emu.now() : null;
      s.cancellation_details = { ...s.cancellation_details, reason: on ? "cancellation_requested" : null };
    }
    if (p.has("cancel_at")) {
      const at = p.nullableStr("cancel_at");
      s.cancel_at = at ? (at === "min_period_end" || at === "max_period_end" ? periodEnd(s) : Number(at)) : null;
      s.cancel_at_period_end = false;
      s.canceled_at = at ? emu.now() : null;
    }
    const cd = p.obj("cancellation_details");
    if (cd) s.cancellation_details = { ...s.cancellation_details, comment: cd.str("comment") ?? s.cancellation_details.comment, feedback: cd.str("feedback") ?? s.cancellation_details.feedback };
    if (p.has("description")) s.description = p.nullableStr("description") ?? null;
    s.metadata = p.metadata(s.metadata);
    const ps = p.obj("payment_settings");
    if (ps?.has("save_default_payment_method")) s.payment_settings.save_default_payment_method = ps.str("save_default_payment_method");
    if (newItems) {
      // Price changes take effect at the next renewal; no proration is computed.
      newItems.forEach((it, i) => {
        const itemId = it.str("id");
        const existing = itemId ? s.items.data.find((x: StripeObject) => x.id === itemId) : undefined;
        if (itemId && !existing) throw invalidRequest(`No such subscription item: '${itemId}'`, `items[${i}][id]`, "resource_missing");
        if (existing && it.bool("deleted")) {
          s.items.data = s.items.data.filter((x: StripeObject) => x !== existing);
          return;
        }
        const hasPrice = it.has("price") || it.has("price_data") || it.has("plan");
        const price = hasPrice ? priceFor(ctx, it, `items[${i}]`) : existing?.price;
        if (existing) {
          existing.price = price;
          existing.plan = asPlan(price);
          if (it.has("quantity")) existing.quantity = it.int("quantity");
        } else {
          const first = s.items.data[0];
          s.items.data.push(newItem(ctx, s.id, price, it.int("quantity") ?? 1, first.current_period_start, first.current_period_end, it.metadata({})));
        }
      });
      s.items.total_count = s.items.data.length;
    }
  });
}

export function registerSubscriptions(router: Router, emu: Emulator): void {
  apiRoute(router, emu, "POST", "/v1/subscriptions", (ctx) => createSubscription(ctx));
  apiRoute(router, emu, "GET", "/v1/subscriptions/:id", (ctx) => findOwned(ctx, ctx.route.id, "subscription", "subscription"));
  apiRoute(router, emu, "POST", "/v1/subscriptions/:id", (ctx) => {
    const sub = findOwned(ctx, ctx.route.id, "subscription", "subscription");
    updateSubscription(ctx, sub);
    return sub;
  });
  apiRoute(router, emu, "DELETE", "/v1/subscriptions/:id", (ctx) => {
    const sub = findOwned(ctx, ctx.route.id, "subscription", "subscription");
    if (["canceled", "incomplete_expired"].includes(sub.status)) {
      throw invalidRequest(`A canceled subscription can only update its cancellation_details and metadata.`, undefined, "resource_missing");
    }
    const cd = ctx.params.obj("cancellation_details");
    if (cd) sub.cancellation_details = { ...sub.cancellation_details, comment: cd.str("comment") ?? null, feedback: cd.str("feedback") ?? null };
    sub.canceled_at = emu.now();
    endSubscription(emu, sub, "cancellation_requested");
    return sub;
  });
  apiRoute(router, emu, "GET", "/v1/subscriptions", (ctx) => {
    const p = ctx.params;
    const customer = p.str("customer");
    const price = p.str("price");
    const status = p.str("status");
    const items = emu.store.list(
      "subscription",
      ctx.account,
      (s) =>
        (!customer || s.customer === customer) &&
        (!price || s.items.data.some((i: StripeObject) => i.price.id === price)) &&
        (status === "all" ? true : status ? s.status === status : !["canceled", "incomplete_expired"].includes(s.status)),
    );
    return paginate(ctx, items, "/v1/subscriptions");
  });
  apiRoute(router, emu, "GET", "/v1/subscription_items", (ctx) => {
    const sub = findOwned(ctx, ctx.params.reqStr("subscription"), "subscription", "subscription", "subscription");
    return paginate(ctx, sub.items.data, `/v1/subscription_items?subscription=${sub.id}`);
  });
  apiRoute(router, emu, "GET", "/v1/subscription_items/:id", (ctx) => {
    for (const sub of emu.store.list("subscription", ctx.account)) {
      const item = sub.items.data.find((i: StripeObject) => i.id === ctx.route.id);
      if (item) return item;
    }
    return findOwned(ctx, ctx.route.id, "subscription_item", "subscription item");
  });
}
