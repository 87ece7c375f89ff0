// /v1/transfers and reversals (separate charges and transfers; destination charges create them too)
import type { Emulator } from "../core/emulator.js";
import { apiRoute, findOwned, paginate } from "../http/api.js";
import { invalidRequest, resourceMissing } from "../http/errors.js";
import type { Router } from "../http/types.js";
import { newTransfer } from "../payments/connect_flows.js";
import { reverseTransfer } from "../payments/reversals.js";
import { updateAndEmit } from "../webhooks/events.js";
import { checkAccountParam } from "./intent_helpers.js";

export function registerTransfers(router: Router, emu: Emulator): void {
  apiRoute(router, emu, "POST", "/v1/transfers", (ctx) => {
    const p = ctx.params;
    if (ctx.account) throw invalidRequest("Transfers can only be created by the platform.", "destination");
    const amount = p.reqInt("amount");
    const currency = p.reqStr("currency").toLowerCase();
    const destination = p.reqStr("destination");
    checkAccountParam(ctx, destination, "destination");
    const source = p.str("source_transaction");
    if (source) findOwned(ctx, source, "charge", "charge", "source_transaction");
    return newTransfer(emu, {
      amount,
      currency,
      destination,
      sourceTransaction: source ?? null,
      transferGroup: p.str("transfer_group") ?? null,
      description: p.str("description") ?? null,
      metadata: p.metadata({}),
    });
  });

  apiRoute(router, emu, "GET", "/v1/transfers/:id", (ctx) => findOwned(ctx, ctx.route.id, "transfer", "transfer"));

  apiRoute(router, emu, "POST", "/v1/transfers/:id", (ctx) => {
    const t = findOwned(ctx, ctx.route.id, "transfer", "transfer");
    updateAndEmit(emu, t, "transfer.updated", (o) => {
      o.metadata = ctx.params.metadata(o.metadata);
      if (ctx.params.has("description")) o.description = ctx.params.nullableStr("description") ?? null;
    });
    return t;
  });

  apiRoute(router, emu, "GET", "/v1/transfers", (ctx) => {
    const destination = ctx.params.str("destination");
    const group = ctx.params.str("transfer_group");
    const items = emu.store.list("transfer", ctx.account, (t) => (!destination || t.destination === destination) && (!group || t.transfer_group === group));
    return paginate(ctx, items, "/v1/transfers");
  });

  apiRoute(router, emu, "POST", "/v1/transfers/:id/reversals", (ctx) => {
    const t = findOwned(ctx, ctx.route.id, "transfer", "transfer");
    const amount = ctx.params.int("amount") ?? t.amount - t.amount_reversed;
    return reverseTransfer(emu, t, amount, { metadata: ctx.params.metadata({}), description: ctx.params.str("description") });
  });

  apiRoute(router, emu, "GET", "/v1/transfers/:id/reversals", (ctx) => {
    const t = findOwned(ctx, ctx.route.id, "transfer", "transfer");
    return paginate(ctx, emu.store.list("transfer_reversal", null, (r) => r.transfer === t.id), `/v1/transfers/${t.id}/reversals`);
  });

  apiRoute(router, emu, "GET", "/v1/transfers/:id/reversals/:reversal", (ctx) => {
    const r = findOwned(ctx, ctx.route.reversal, "transfer_reversal", "transfer reversal");
    if (r.transfer !== ctx.route.id) throw resourceMissing("transfer reversal", ctx.route.reversal);
    return r;
  });
}
