// /v1/charges (read and metadata only: charges are created by PaymentIntents)
import type { Emulator } from "../core/emulator.js";
import { apiRoute, findOwned, paginate } from "../http/api.js";
import { registerIncludable } from "../http/expand.js";
import type { Router } from "../http/types.js";
import { updateAndEmit } from "../webhooks/events.js";

export function registerCharges(router: Router, emu: Emulator): void {
  // Since 2022-11-15, charge.refunds is only returned when expanded.
  registerIncludable("charge", "refunds", (e, charge) => {
    const data = e.store.list("refund", e.store.accountOf(charge.id), (r) => r.charge === charge.id);
    return { object: "list", data, has_more: false, url: `/v1/charges/${charge.id}/refunds` };
  });

  apiRoute(router, emu, "GET", "/v1/charges/:id", (ctx) => findOwned(ctx, ctx.route.id, "charge", "charge"));

  apiRoute(router, emu, "POST", "/v1/charges/:id", (ctx) => {
    const charge = findOwned(ctx, ctx.route.id, "charge", "charge");
    updateAndEmit(emu, charge, "charge.updated", (c) => {
      c.metadata = ctx.params.metadata(c.metadata);
      if (ctx.params.has("description")) c.description = ctx.params.nullableStr("description") ?? null;
      if (ctx.params.has("receipt_email")) c.receipt_email = ctx.params.nullableStr("receipt_email") ?? null;
    });
    return charge;
  });

  apiRoute(router, emu, "GET", "/v1/charges", (ctx) => {
    const customer = ctx.params.str("customer");
    const pi = ctx.params.str("payment_intent");
    const group = ctx.params.str("transfer_group");
    const items = emu.store.list(
      "charge",
      ctx.account,
      (c) => (!customer || c.customer === customer) && (!pi || c.payment_intent === pi) && (!group || c.transfer_group === group),
    );
    return paginate(ctx, items, "/v1/charges");
  });
}
