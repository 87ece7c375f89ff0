// /v1/payment_intents
import type { Emulator } from "../core/emulator.js";
import { clientSecret, newId } from "../core/ids.js";
import { apiRoute, findOwned, paginate, type ApiContext } from "../http/api.js";
import { invalidRequest, unexpectedState } from "../http/errors.js";
import { render } from "../http/expand.js";
import { Params } from "../http/params.js";
import type { Router } from "../http/types.js";
import { paymentMethodFromData, resolvePaymentMethod } from "../payments/cards.js";
import { intentHidden, type IntentHidden } from "../payments/intent_state.js";
import { attemptPayment, cancelIntent, captureMoney, disputeIfTestCard } from "../payments/payment_intent_engine.js";
import type { StripeObject } from "../store/store.js";
import { emitEvent, updateAndEmit } from "../webhooks/events.js";
import { findCustomer } from "./customer_lookup.js";
import { AWAITING_CONFIRMATION, checkAccountParam, checkAmount, checkClientSecret } from "./intent_helpers.js";

const CANCELABLE = ["requires_payment_method", "requires_capture", "requires_confirmation", "requires_action", "processing"];

export interface NewIntentInput {
  amount: number;
  currency: string;
  customer: string | null;
  description?: string | null;
  metadata?: Record<string, string>;
  setup_future_usage?: string | null;
  payment_method?: string | null;
  payment_method_types?: string[];
  allowed_payment_method_types?: string[] | null;
  application_fee_amount?: number | null;
  transfer_data?: StripeObject | null;
  on_behalf_of?: string | null;
  hidden?: Partial<IntentHidden>;
}

/** Inserts a PaymentIntent (used by the API and by invoices). */
export function insertPaymentIntent(emu: Emulator, account: string | null, i: NewIntentInput): StripeObject {
  const id = newId("pi");
  const pi: StripeObject = {
    id,
    object: "payment_intent",
    amount: i.amount,
    allowed_payment_method_types: i.allowed_payment_method_types ?? null,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: account ? emu.options.connectClientId : null,
    application_fee_amount: i.application_fee_amount ?? null,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: "automatic",
    client_secret: clientSecret(id),
    confirmation_method: "automatic",
    created: emu.now(),
    currency: i.currency,
    customer: i.customer,
    customer_account: null,
    description: i.description ?? null,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: i.metadata ?? {},
    next_action: null,
    on_behalf_of: i.on_behalf_of ?? null,
    payment_method: i.payment_method ?? null,
    payment_method_configuration_details: null,
    payment_method_options: { card: { installments: null, mandate_options: null, network: null, request_three_d_secure: "automatic" } },
    payment_method_types: i.payment_method_types ?? ["card"],
    payment_record: null,
    processing: null,
    receipt_email: null,
    review: null,
    setup_future_usage: i.setup_future_usage ?? null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: i.payment_method ? "requires_confirmation" : "requires_payment_method",
    transfer_data: i.transfer_data ?? null,
    transfer_group: null,
  };
  const hidden: IntentHidden = { authenticated: false, returnUrl: null, offSession: false, ...i.hidden };
  emu.store.insert(account, pi, hidden);
  emitEvent(emu, "payment_intent.created", account, pi);
  return pi;
}

function checkConnectParams(ctx: ApiContext, p: Params, pi: { application_fee_amount?: number | null; transfer_data?: StripeObject | null }): void {
  if (pi.transfer_data?.destination) checkAccountParam(ctx, pi.transfer_data.destination, "transfer_data[destination]");
  if (pi.application_fee_amount != null && !ctx.account && !pi.transfer_data?.destination) {
    throw invalidRequest(
      "Can only apply an application_fee_amount when the PaymentIntent is attempting a direct payment (using an OAuth key or Stripe-Account header) or destination payment (using `transfer_data[destination]`).",
      "application_fee_amount",
    );
  }
  const on = p.str("on_behalf_of");
  if (on) checkAccountParam(ctx, on, "on_behalf_of");
}

function readTransferData(p: Params): StripeObject | null | undefined {
  const td = p.obj("transfer_data");
  if (!td) return undefined;
  return { amount: td.int("amount") ?? undefined, destination: td.reqStr("destination") };
}

/** Applies confirm-time parameters and runs the attempt; throws the 402 on a decline. */
function confirm(ctx: ApiContext, pi: StripeObject, p: Params): void {
  const hidden = intentHidden(ctx.emu, pi);
  if (pi.status === "succeeded") {
    throw unexpectedState(
      "You cannot confirm this PaymentIntent because it has already succeeded after being previously confirmed.",
      "payment_intent_unexpected_state",
      { payment_intent: render(ctx.emu, pi) },
    );
  }
  if (!AWAITING_CONFIRMATION.includes(pi.status)) {
    throw unexpectedState(
      `You cannot confirm this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be confirmed: requires_confirmation, requires_action, requires_payment_method.`,
      "payment_intent_unexpected_state",
      { payment_intent: render(ctx.emu, pi) },
    );
  }
  const pmId = p.str("payment_method");
  const pmData = p.obj("payment_method_data");
  if (pmId) pi.payment_method = resolvePaymentMethod(ctx, pmId).id;
  else if (pmData) pi.payment_method = paymentMethodFromData(ctx, pmData).id;
  if (!pi.payment_method) {
    throw unexpectedState(
      "You cannot confirm this PaymentIntent because it's missing a payment method. To confirm the PaymentIntent with cus_, specify a payment method attached to this customer along with the customer ID.".replace(
        "with cus_",
        pi.customer ? `with ${pi.customer}` : "",
      ),
      "payment_intent_unexpected_state",
      { payment_intent: render(ctx.emu, pi) },
    );
  }
  const pm = ctx.emu.store.get(pi.payment_method)!;
  if (!pi.payment_method_types.includes(pm.type)) {
    throw invalidRequest(
      `The PaymentMethod provided (${pm.type}) is not allowed for this PaymentIntent. Please attach a PaymentMethod of one of the following types: ${pi.payment_method_types.join(", ")}. Alternatively, update the allowed payment_method_types for this PaymentIntent to include "${pm.type}".`,
      "payment_method",
    );
  }
  if (pm.customer && pi.customer && pm.customer !== pi.customer) {
    throw invalidRequest("The provided PaymentMethod belongs to a different Customer. Please attach it to this Customer first.", "payment_method");
  }
  if (pm.customer && !pi.customer) {
    throw invalidRequest(
      "The provided PaymentMethod was previously attached to a Customer, so it may only be used with that Customer. To use it, set the `customer` parameter.",
      "payment_method",
    );
  }
  if (p.has("setup_future_usage")) pi.setup_future_usage = p.nullableStr("setup_future_usage") ?? null;
  if (p.has("receipt_email")) pi.receipt_email = p.nullableStr("receipt_email") ?? null;
  const offSessionRaw = p.str("off_session");
  const offSession = offSessionRaw === "true" || offSessionRaw === "one_off" || offSessionRaw === "recurring";
  const returnUrl = p.str("return_url") ?? hidden.returnUrl;
  const error = attemptPayment(ctx.emu, pi, { offSession, returnUrl });
  if (error) throw error;
}

export function registerPaymentIntents(router: Router, emu: Emulator): void {
  apiRoute(router, emu, "POST", "/v1/payment_intents", (ctx) => {
    const p = ctx.params;
    const amount = p.reqInt("amount");
    const currency = p.reqStr("currency").toLowerCase();
    checkAmount(amount, currency);
    const customerId = p.str("customer");
    if (customerId) findCustomer(ctx, customerId);
    const transferData = readTransferData(p);
    const applicationFee = p.int("application_fee_amount") ?? null;
    checkConnectParams(ctx, p, { application_fee_amount: applicationFee, transfer_data: transferData });
    if (applicationFee !== null && applicationFee > amount) {
      throw invalidRequest("The application fee amount cannot be greater than the charge amount.", "application_fee_amount");
    }
    const pmId = p.str("payment_method");
    const pmData = p.obj("payment_method_data");
    const pm = pmId ? resolvePaymentMethod(ctx, pmId) : pmData ? paymentMethodFromData(ctx, pmData) : null;
    const apm = p.obj("automatic_payment_methods");
    // API versions since 2026 name it allowed_payment_method_types; older ones payment_method_types.
    const allowed = p.strArr("allowed_payment_method_types");
    const types = p.strArr("payment_method_types") ?? allowed;
    if (p.str("return_url") && p.bool("confirm") !== true) {
      throw invalidRequest("You can only specify a return_url when confirm is true.", "return_url");
    }
    const pi = insertPaymentIntent(emu, ctx.account, {
      amount,
      currency,
      customer: customerId ?? null,
      description: p.str("description") ?? null,
      metadata: p.metadata({}),
      setup_future_usage: p.str("setup_future_usage") ?? null,
      payment_method: pm?.id ?? null,
      payment_method_types: types ?? ["card"],
      allowed_payment_method_types: allowed ?? null,
      application_fee_amount: applicationFee,
      transfer_data: transferData ?? null,
      on_behalf_of: p.str("on_behalf_of") ?? null,
    });
    if (apm) pi.automatic_payment_methods = { allow_redirects: apm.str("allow_redirects") ?? "always", enabled: apm.bool("enabled") ?? false };
    // With automatic payment methods, US dollar payments also offer a US bank account (ACH Direct Debit).
    if (!types && pi.automatic_payment_methods?.enabled && currency === "usd") pi.payment_method_types = ["card", "us_bank_account"];
    pi.receipt_email = p.str("receipt_email") ?? null;
    pi.statement_descriptor = p.str("statement_descriptor") ?? null;
    pi.statement_descriptor_suffix = p.str("statement_descriptor_suffix") ?? null;
    pi.transfer_group = p.str("transfer_group") ?? null;
    pi.capture_method = p.oneOf("capture_method", ["automatic", "automatic_async", "manual"] as const) ?? "automatic_async";
    pi.confirmation_method = p.oneOf("confirmation_method", ["automatic", "manual"] as const) ?? "automatic";
    if (p.obj("shipping")) pi.shipping = p.obj("shipping")!.raw;
    if (p.bool("confirm")) {
      const confirmParams = { ...p.raw };
      delete confirmParams.payment_method;
      delete confirmParams.payment_method_data;
      confirm(ctx, pi, new Params(confirmParams));
    }
    return pi;
  });

  apiRoute(
    router,
    emu,
    "GET",
    "/v1/payment_intents/:id",
    (ctx) => {
      const pi = findOwned(ctx, ctx.route.id, "payment_intent", "payment_intent");
      checkClientSecret(ctx, pi);
      return pi;
    },
    { publishable: true },
  );

  apiRoute(router, emu, "POST", "/v1/payment_intents/:id", (ctx) => {
    const pi = findOwned(ctx, ctx.route.id, "payment_intent", "payment_intent");
    const p = ctx.params;
    if (!AWAITING_CONFIRMATION.includes(pi.status)) {
      const onlyMeta = Object.keys(p.raw).every((k) => k === "metadata" || k === "expand" || k === "description");
      if (!onlyMeta) {
        throw unexpectedState(
          `You cannot update this PaymentIntent because it has a status of ${pi.status}. Updates are only allowed when the status is one of requires_payment_method, requires_confirmation, or requires_action.`,
          "payment_intent_unexpected_state",
        );
      }
    }
    const transferData = readTransferData(p);
    const fee = p.has("application_fee_amount") ? (p.int("application_fee_amount") ?? null) : pi.application_fee_amount;
    checkConnectParams(ctx, p, { application_fee_amount: fee, transfer_data: transferData ?? pi.transfer_data });
    updateAndEmit(emu, pi, null, (o) => {
      if (p.has("amount")) {
        o.amount = p.reqInt("amount");
        checkAmount(o.amount, p.str("currency") ?? o.currency);
      }
      if (p.has("currency")) o.currency = p.reqStr("currency").toLowerCase();
      if (p.has("customer")) {
        const c = p.nullableStr("customer");
        if (c) findCustomer(ctx, c);
        o.customer = c ?? null;
      }
      for (const k of ["description", "receipt_email", "setup_future_usage", "statement_descriptor", "transfer_group"]) {
        if (p.has(k)) o[k] = p.nullableStr(k) ?? null;
      }
      o.application_fee_amount = fee;
      if (transferData) o.transfer_data = transferData;
      o.metadata = p.metadata(o.metadata);
      const pmId = p.str("payment_method");
      if (pmId) {
        o.payment_method = resolvePaymentMethod(ctx, pmId).id;
        o.status = "requires_confirmation";
        o.next_action = null;
      }
      if (p.has("payment_method_types")) o.payment_method_types = p.strArr("payment_method_types");
    });
    return pi;
  });

  apiRoute(
    router,
    emu,
    "POST",
    "/v1/payment_intents/:id/confirm",
    (ctx) => {
      const pi = findOwned(ctx, ctx.route.id, "payment_intent", "payment_intent");
      checkClientSecret(ctx, pi);
      confirm(ctx, pi, ctx.params);
      return pi;
    },
    { publishable: true },
  );

  apiRoute(router, emu, "POST", "/v1/payment_intents/:id/cancel", (ctx) => {
    const pi = findOwned(ctx, ctx.route.id, "payment_intent", "payment_intent");
    if (!CANCELABLE.includes(pi.status)) {
      throw unexpectedState(
        `You cannot cancel this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(", ")}.`,
        "payment_intent_unexpected_state",
      );
    }
    if (intentHidden(emu, pi).invoice) {
      throw unexpectedState("You cannot cancel this PaymentIntent because it was created by an invoice.", "payment_intent_unexpected_state");
    }
    cancelIntent(emu, pi, ctx.params.str("cancellation_reason") ?? null);
    return pi;
  });

  apiRoute(router, emu, "POST", "/v1/payment_intents/:id/capture", (ctx) => {
    const pi = findOwned(ctx, ctx.route.id, "payment_intent", "payment_intent");
    if (pi.status !== "requires_capture") {
      throw unexpectedState(
        `This PaymentIntent could not be captured because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.`,
        "payment_intent_unexpected_state",
      );
    }
    const amount = ctx.params.int("amount_to_capture") ?? pi.amount_capturable;
    if (amount > pi.amount_capturable) throw invalidRequest("The amount to capture is greater than the amount capturable.", "amount_to_capture");
    if (ctx.params.has("application_fee_amount")) pi.application_fee_amount = ctx.params.int("application_fee_amount");
    const charge = emu.store.get(pi.latest_charge)!;
    const account = ctx.account;
    charge.captured = true;
    charge.amount_captured = amount;
    if (amount < charge.amount) charge.amount_refunded = charge.amount - amount;
    captureMoney(emu, pi, charge, account);
    emitEvent(emu, "charge.captured", account, charge);
    updateAndEmit(emu, pi, "payment_intent.succeeded", (o) => {
      o.status = "succeeded";
      o.amount_received = amount;
      o.amount_capturable = 0;
    });
    emu.intentSettled(pi, "succeeded");
    disputeIfTestCard(emu, charge);
    return pi;
  });

  apiRoute(router, emu, "GET", "/v1/payment_intents", (ctx) => {
    const customer = ctx.params.str("customer");
    return paginate(ctx, emu.store.list("payment_intent", ctx.account, (pi) => !customer || pi.customer === customer), "/v1/payment_intents");
  });

}
