// /v1/application_fees and their refunds (platform only)
import type { Emulator } from "../core/emulator.js";
import { apiRoute, findOwned, paginate } from "../http/api.js";
import { resourceMissing } from "../http/errors.js";
import type { Router } from "../http/types.js";
import { refundApplicationFee } from "../payments/reversals.js";

export function registerApplicationFees(router: Router, emu: Emulator): void {
  apiRoute(router, emu, "GET", "/v1/application_fees/:id", (ctx) => findOwned(ctx, ctx.route.id, "application_fee", "application fee"));

  apiRoute(router, emu, "GET", "/v1/application_fees", (ctx) => {
    const charge = ctx.params.str("charge");
    return paginate(ctx, emu.store.list("application_fee", ctx.account, (f) => !charge || f.charge === charge || f.originating_transaction === charge), "/v1/application_fees");
  });

  apiRoute(router, emu, "POST", "/v1/application_fees/:id/refunds", (ctx) => {
    const fee = findOwned(ctx, ctx.route.id, "application_fee", "application fee");
    return refundApplicationFee(emu, fee, ctx.params.int("amount") ?? fee.amount - fee.amount_refunded, ctx.params.metadata({}));
  });
  apiRoute(router, emu, "POST", "/v1/application_fees/:id/refund", (ctx) => {
    const fee = findOwned(ctx, ctx.route.id, "application_fee", "application fee");
    refundApplicationFee(emu, fee, ctx.params.int("amount") ?? fee.amount - fee.amount_refunded);
    return fee;
  });

  apiRoute(router, emu, "GET", "/v1/application_fees/:id/refunds", (ctx) => {
    const fee = findOwned(ctx, ctx.route.id, "application_fee", "application fee");
    return paginate(ctx, emu.store.list("fee_refund", null, (fr) => fr.fee === fee.id), `/v1/application_fees/${fee.id}/refunds`);
  });

  apiRoute(router, emu, "GET", "/v1/application_fees/:id/refunds/:refund", (ctx) => {
    const fr = findOwned(ctx, ctx.route.refund, "fee_refund", "fee refund");
    if (fr.fee !== ctx.route.id) throw resourceMissing("fee refund", ctx.route.refund);
    return fr;
  });
}
