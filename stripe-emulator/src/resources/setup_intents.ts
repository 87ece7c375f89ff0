// /v1/setup_intents
import type { Emulator } from "../core/emulator.js";
import { clientSecret, newId } from "../core/ids.js";
import { apiRoute, findOwned, paginate, type ApiContext } from "../http/api.js";
import { invalidRequest, unexpectedState } from "../http/errors.js";
import { Params } from "../http/params.js";
import type { Router } from "../http/types.js";
import { paymentMethodFromData, resolvePaymentMethod } from "../payments/cards.js";
import { attemptSetup, type SetupHidden } from "../payments/setup_intent_engine.js";
import type { StripeObject } from "../store/store.js";
import { emitEvent, updateAndEmit } from "../webhooks/events.js";
import { findCustomer } from "./customer_lookup.js";
import { AWAITING_CONFIRMATION, checkClientSecret } from "./intent_helpers.js";

function confirmSetup(ctx: ApiContext, si: StripeObject, p: Params): void {
  if (!AWAITING_CONFIRMATION.includes(si.status)) {
    throw unexpectedState(
      `You cannot confirm this SetupIntent because it has a status of ${si.status}. Only a SetupIntent with one of the following statuses may be confirmed: requires_confirmation, requires_action, requires_payment_method.`,
      "setup_intent_unexpected_state",
    );
  }
  const pmId = p.str("payment_method");
  const pmData = p.obj("payment_method_data");
  if (pmId) si.payment_method = resolvePaymentMethod(ctx, pmId).id;
  else if (pmData) si.payment_method = paymentMethodFromData(ctx, pmData).id;
  if (!si.payment_method) {
    throw unexpectedState(
      "You cannot confirm this SetupIntent because it's missing a payment method. Update the SetupIntent with a payment method and then confirm it again.",
      "setup_intent_unexpected_state",
    );
  }
  const pm = ctx.emu.store.get(si.payment_method)!;
  if (pm.customer && si.customer && pm.customer !== si.customer) {
    throw invalidRequest("The provided PaymentMethod belongs to a different Customer.", "payment_method");
  }
  const error = attemptSetup(ctx.emu, si, p.str("return_url") ?? null);
  if (error) throw error;
}

export function registerSetupIntents(router: Router, emu: Emulator): void {
  apiRoute(router, emu, "POST", "/v1/setup_intents", (ctx) => {
    const p = ctx.params;
    const customer = p.str("customer");
    if (customer) findCustomer(ctx, customer);
    const id = newId("seti");
    const pmId = p.str("payment_method");
    const apm = p.obj("automatic_payment_methods");
    const si: StripeObject = {
      id,
      object: "setup_intent",
      allowed_payment_method_types: p.strArr("allowed_payment_method_types") ?? null,
      application: null,
      automatic_payment_methods: apm ? { allow_redirects: apm.str("allow_redirects") ?? "always", enabled: apm.bool("enabled") ?? false } : null,
      cancellation_reason: null,
      client_secret: clientSecret(id),
      created: emu.now(),
      customer: customer ?? null,
      customer_account: null,
      description: p.str("description") ?? null,
      excluded_payment_method_types: null,
      flow_directions: null,
      last_setup_error: null,
      latest_attempt: null,
      livemode: false,
      mandate: null,
      metadata: p.metadata({}),
      next_action: null,
      on_behalf_of: p.str("on_behalf_of") ?? null,
      payment_method: pmId ? resolvePaymentMethod(ctx, pmId).id : null,
      payment_method_configuration_details: null,
      payment_method_options: { card: { mandate_options: null, network: null, request_three_d_secure: "automatic" } },
      payment_method_types: ["card"],
      single_use_mandate: null,
      status: pmId ? "requires_confirmation" : "requires_payment_method",
      usage: p.oneOf("usage", ["off_session", "on_session"] as const) ?? "off_session",
    };
    const hidden: SetupHidden = { returnUrl: null };
    emu.store.insert(ctx.account, si, hidden);
    emitEvent(emu, "setup_intent.created", ctx.account, si);
    if (p.bool("confirm")) {
      const rest = { ...p.raw };
      delete rest.payment_method;
      confirmSetup(ctx, si, new Params(rest));
    }
    return si;
  });

  apiRoute(
    router,
    emu,
    "GET",
    "/v1/setup_intents/:id",
    (ctx) => {
      const si = findOwned(ctx, ctx.route.id, "setup_intent", "setup_intent");
      checkClientSecret(ctx, si);
      return si;
    },
    { publishable: true },
  );

  apiRoute(router, emu, "POST", "/v1/setup_intents/:id", (ctx) => {
    const si = findOwned(ctx, ctx.route.id, "setup_intent", "setup_intent");
    const p = ctx.params;
    updateAndEmit(emu, si, null, (o) => {
      if (p.has("customer")) {
        const c = p.nullableStr("customer");
        if (c) findCustomer(ctx, c);
        o.customer = c ?? null;
      }
      if (p.has("description")) o.description = p.nullableStr("description") ?? null;
      o.metadata = p.metadata(o.metadata);
      const pmId = p.str("payment_method");
      if (pmId) {
        o.payment_method = resolvePaymentMethod(ctx, pmId).id;
        o.status = "requires_confirmation";
      }
    });
    return si;
  });

  apiRoute(
    router,
    emu,
    "POST",
    "/v1/setup_intents/:id/confirm",
    (ctx) => {
      const si = findOwned(ctx, ctx.route.id, "setup_intent", "setup_intent");
      checkClientSecret(ctx, si);
      confirmSetup(ctx, si, ctx.params);
      return si;
    },
    { publishable: true },
  );

  apiRoute(router, emu, "POST", "/v1/setup_intents/:id/cancel", (ctx) => {
    const si = findOwned(ctx, ctx.route.id, "setup_intent", "setup_intent");
    if (!AWAITING_CONFIRMATION.includes(si.status)) {
      throw unexpectedState(
        `You cannot cancel this SetupIntent because it has a status of ${si.status}. Only a SetupIntent with one of the following statuses may be canceled: requires_payment_method, requires_confirmation, requires_action.`,
        "setup_intent_unexpected_state",
      );
    }
    updateAndEmit(emu, si, "setup_intent.canceled", (o) => {
      o.status = "canceled";
      o.cancellation_reason = ctx.params.str("cancellation_reason") ?? null;
      o.next_action = null;
    });
    return si;
  });

  apiRoute(router, emu, "GET", "/v1/setup_intents", (ctx) => {
    const customer = ctx.params.str("customer");
    return paginate(ctx, emu.store.list("setup_intent", ctx.account, (si) => !customer || si.customer === customer), "/v1/setup_intents");
  });
}
