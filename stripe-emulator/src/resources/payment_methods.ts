// /v1/payment_methods (and /v1/customers/:id/payment_methods)
import type { Emulator } from "../core/emulator.js";
import { apiRoute, findOwned, paginate, type ApiContext } from "../http/api.js";
import { ApiError, invalidRequest, parameterMissing, resourceMissing } from "../http/errors.js";
import type { Router } from "../http/types.js";
import { applyBillingDetails } from "../payments/billing_details.js";
import {
  cardFromToken,
  insertCardPaymentMethod,
  pmHidden,
  readCardDetails,
  resolvePaymentMethod,
} from "../payments/cards.js";
import { insertUsBankAccountPaymentMethod } from "../payments/bank_accounts.js";
import type { StripeObject } from "../store/store.js";
import { emitEvent, updateAndEmit } from "../webhooks/events.js";
import { findCustomer } from "./customer_lookup.js";

/** Attaches a PaymentMethod (or a test ID, which creates one) to a customer, checking the card as Stripe does. */
export function attachPaymentMethod(
  ctx: ApiContext,
  pmId: string,
  customer: StripeObject,
  param = "payment_method",
  emit = true,
): StripeObject {
  const pm = resolvePaymentMethod(ctx, pmId, param);
  const hidden = pmHidden(ctx.emu, pm);
  if (pm.customer === customer.id) return pm;
  if (pm.customer) {
    throw invalidRequest("The payment method you provided has already been attached to a customer.", param, "payment_method_unexpected_state");
  }
  if (hidden.consumed) {
    throw invalidRequest(
      "This PaymentMethod was previously used without being attached to a Customer or was detached from a Customer, and may not be used again.",
      param,
      "payment_method_unexpected_state",
    );
  }
  const decline = hidden.behaviour.chargeDecline;
  if (hidden.behaviour.declinesOnAttach && decline) {
    throw new ApiError(402, { type: "card_error", code: decline.code, decline_code: decline.decline_code, message: decline.message, param: "" });
  }
  pm.customer = customer.id;
  if (emit) emitEvent(ctx.emu, "payment_method.attached", ctx.account, pm);
  return pm;
}

export function detachPaymentMethod(ctx: ApiContext, pm: StripeObject): void {
  const customerId = pm.customer;
  if (!customerId) {
    throw invalidRequest("The payment method you provided is not attached to a customer so detachment is impossible.", "payment_method", "payment_method_unexpected_state");
  }
  const customer = ctx.emu.store.get(customerId);
  if (customer && customer.invoice_settings?.default_payment_method === pm.id) {
    updateAndEmit(ctx.emu, customer, "customer.updated", (c) => {
      c.invoice_settings = { ...c.invoice_settings, default_payment_method: null };
    });
  }
  updateAndEmit(ctx.emu, pm, "payment_method.detached", (o) => {
    o.customer = null;
  });
  pmHidden(ctx.emu, pm).consumed = true;
}

export function registerPaymentMethods(router: Router, emu: Emulator): void {
  apiRoute(
    router,
    emu,
    "POST",
    "/v1/payment_methods",
    (ctx) => {
      const p = ctx.params;
      // Cloning a platform PaymentMethod onto a connected account (Stripe-Account + customer + payment_method).
      const source = p.str("payment_method");
      if (source) {
        if (!ctx.account) {
          throw invalidRequest("Cloning a PaymentMethod requires the Stripe-Account header.", "payment_method");
        }
        const r = emu.store.record(source);
        if (!r || r.object !== "payment_method" || r.account !== null) throw resourceMissing("PaymentMethod", source, "payment_method");
        const customer = p.str("customer");
        if (customer && r.data.customer !== customer) {
          throw invalidRequest(`The payment method ${source} does not belong to the customer ${customer}.`, "payment_method");
        }
        const h = emu.store.hidden(source);
        const pm = insertCardPaymentMethod(emu, ctx.account, {
          number: h.number,
          exp_month: r.data.card.exp_month,
          exp_year: r.data.card.exp_year,
        });
        pm.billing_details = structuredClone(r.data.billing_details);
        return pm;
      }
      const type = p.str("type");
      if (!type) throw parameterMissing("type");
      if (type === "us_bank_account") {
        return insertUsBankAccountPaymentMethod(emu, ctx.account, p.obj("us_bank_account"), {
          billing_details: p.obj("billing_details"),
          metadata: p.metadata({}),
          prefix: "",
        });
      }
      if (type !== "card") {
        throw invalidRequest(`The payment method type "${type}" is not supported by the Stripe emulator (only "card" and "us_bank_account").`, "type");
      }
      const card = p.obj("card");
      if (!card) throw parameterMissing("card");
      const token = card.str("token");
      const details = token ? cardFromToken(ctx, token, "card[token]") : readCardDetails(emu, card);
      const pm = insertCardPaymentMethod(emu, ctx.account, details, {
        billing_details: p.obj("billing_details"),
        metadata: p.metadata({}),
        allow_redisplay: p.str("allow_redisplay"),
      });
      return pm;
    },
    { publishable: true },
  );

  apiRoute(router, emu, "GET", "/v1/payment_methods/:id", (ctx) => findOwned(ctx, ctx.route.id, "payment_method", "PaymentMethod"));

  apiRoute(router, emu, "POST", "/v1/payment_methods/:id", (ctx) => {
    const pm = findOwned(ctx, ctx.route.id, "payment_method", "PaymentMethod");
    updateAndEmit(emu, pm, "payment_method.updated", (o) => {
      applyBillingDetails(o.billing_details, ctx.params.obj("billing_details"));
      o.metadata = ctx.params.metadata(o.metadata);
      if (ctx.params.has("allow_redisplay")) o.allow_redisplay = ctx.params.str("allow_redisplay");
      const card = ctx.params.obj("card");
      if (card?.has("exp_month")) o.card.exp_month = card.int("exp_month");
      if (card?.has("exp_year")) o.card.exp_year = card.int("exp_year");
    });
    return pm;
  });

  apiRoute(router, emu, "POST", "/v1/payment_methods/:id/attach", (ctx) => {
    const customerId = ctx.params.reqStr("customer");
    const customer = findCustomer(ctx, customerId, "customer");
    return attachPaymentMethod(ctx, ctx.route.id, customer, "payment_method");
  });

  apiRoute(router, emu, "POST", "/v1/payment_methods/:id/detach", (ctx) => {
    const pm = findOwned(ctx, ctx.route.id, "payment_method", "PaymentMethod");
    detachPaymentMethod(ctx, pm);
    return pm;
  });

  const listFor = (ctx: ApiContext, customerId: string | undefined, url: string): StripeObject => {
    const type = ctx.params.str("type");
    if (customerId) findCustomer(ctx, customerId, "customer");
    const items = emu.store.list(
      "payment_method",
      ctx.account,
      (pm) => (!customerId || pm.customer === customerId) && (!type || pm.type === type) && (!!customerId || !!pm.customer),
    );
    return paginate(ctx, items, url);
  };

  apiRoute(router, emu, "GET", "/v1/payment_methods", (ctx) => listFor(ctx, ctx.params.str("customer"), "/v1/payment_methods"));
  apiRoute(router, emu, "GET", "/v1/customers/:id/payment_methods", (ctx) =>
    listFor(ctx, ctx.route.id, `/v1/customers/${ctx.route.id}/payment_methods`),
  );
  apiRoute(router, emu, "GET", "/v1/customers/:id/payment_methods/:pm", (ctx) => {
    const pm = findOwned(ctx, ctx.route.pm, "payment_method", "PaymentMethod");
    if (pm.customer !== ctx.route.id) throw resourceMissing("PaymentMethod", ctx.route.pm);
    return pm;
  });
}
