// /v1/refunds
import type { Emulator } from "../core/emulator.js";
import { apiRoute, findOwned, paginate } from "../http/api.js";
import { invalidRequest } from "../http/errors.js";
import type { Router } from "../http/types.js";
import { refundCharge } from "../payments/reversals.js";
import { updateAndEmit } from "../webhooks/events.js";

export function registerRefunds(router: Router, emu: Emulator): void {
  apiRoute(router, emu, "POST", "/v1/refunds", (ctx) => {
    const p = ctx.params;
    const chargeId = p.str("charge");
    const piId = p.str("payment_intent");
    if (!chargeId && !piId) throw invalidRequest("One of the following params should be provided for this request: payment_intent or charge.", "charge");
    let charge;
    if (piId) {
      const pi = findOwned(ctx, piId, "payment_intent", "payment_intent", "payment_intent");
      if (!pi.latest_charge || !["succeeded", "requires_capture"].includes(pi.status)) {
        throw invalidRequest(`This PaymentIntent (${pi.id}) does not have a successful charge to refund.`, "payment_intent", "charge_not_refundable");
      }
      charge = findOwned(ctx, pi.latest_charge, "charge", "charge", "charge");
    } else {
      charge = findOwned(ctx, chargeId, "charge", "charge", "charge");
    }
    // A charged-back charge cannot be refunded (an inquiry's charge still can).
    if (emu.store.list("dispute", emu.store.accountOf(charge.id), (d) => d.charge === charge.id && !d.is_charge_refundable).length > 0) {
      throw invalidRequest(`Charge ${charge.id} has been charged back; cannot issue a refund.`, undefined, "charge_disputed");
    }
    return refundCharge(emu, charge, {
      amount: p.int("amount"),
      reason: p.oneOf("reason", ["duplicate", "fraudulent", "requested_by_customer"] as const) ?? null,
      metadata: p.metadata({}),
      refundApplicationFee: p.bool("refund_application_fee") ?? false,
      reverseTransfer: p.bool("reverse_transfer") ?? false,
    });
  });

  apiRoute(router, emu, "GET", "/v1/refunds/:id", (ctx) => findOwned(ctx, ctx.route.id, "refund", "refund"));

  apiRoute(router, emu, "POST", "/v1/refunds/:id", (ctx) => {
    const refund = findOwned(ctx, ctx.route.id, "refund", "refund");
    updateAndEmit(emu, refund, "refund.updated", (r) => {
      r.metadata = ctx.params.metadata(r.metadata);
    });
    return refund;
  });

  apiRoute(router, emu, "POST", "/v1/refunds/:id/cancel", (ctx) => {
    const refund = findOwned(ctx, ctx.route.id, "refund", "refund");
    throw invalidRequest(`Refund ${refund.id} cannot be canceled because it has a status of ${refund.status}.`, "refund", "refund_cancel_not_allowed");
  });

  apiRoute(router, emu, "GET", "/v1/refunds", (ctx) => {
    const charge = ctx.params.str("charge");
    const pi = ctx.params.str("payment_intent");
    const items = emu.store.list("refund", ctx.account, (r) => (!charge || r.charge === charge) && (!pi || r.payment_intent === pi));
    return paginate(ctx, items, "/v1/refunds");
  });
}
