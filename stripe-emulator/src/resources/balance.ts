// /v1/balance and /v1/balance_transactions
import type { Emulator } from "../core/emulator.js";
import { apiRoute, findOwned, paginate } from "../http/api.js";
import type { Router } from "../http/types.js";
import { balanceOf } from "../payments/balance.js";

export function registerBalance(router: Router, emu: Emulator): void {
  apiRoute(router, emu, "GET", "/v1/balance", (ctx) => balanceOf(emu, ctx.account));
  apiRoute(router, emu, "GET", "/v1/balance_transactions/:id", (ctx) => findOwned(ctx, ctx.route.id, "balance_transaction", "balance transaction"));
  apiRoute(router, emu, "GET", "/v1/balance_transactions", (ctx) => {
    const type = ctx.params.str("type");
    const source = ctx.params.str("source");
    const items = emu.store.list("balance_transaction", ctx.account, (t) => (!type || t.type === type) && (!source || t.source === source));
    return paginate(ctx, items, "/v1/balance_transactions");
  });
}
