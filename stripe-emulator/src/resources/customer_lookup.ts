// Finding a customer of the calling account, for every resource that takes a `customer` parameter.
import type { ApiContext } from "../http/api.js";
import { resourceMissing } from "../http/errors.js";
import type { StripeObject } from "../store/store.js";

export function findCustomer(ctx: ApiContext, id: string, param = "customer"): StripeObject {
  const r = ctx.emu.store.record(id);
  if (!r || r.object !== "customer" || r.deleted || r.account !== ctx.account) throw resourceMissing("customer", id, param);
  return r.data;
}
