// /v1/customers
import type { Emulator } from "../core/emulator.js";
import { newId, randomChars } from "../core/ids.js";
import { apiRoute, deletedStub, paginate, type ApiContext } from "../http/api.js";
import { invalidRequest, resourceMissing } from "../http/errors.js";
import type { Params } from "../http/params.js";
import type { Router } from "../http/types.js";
import type { StripeObject } from "../store/store.js";
import { emitEvent, updateAndEmit } from "../webhooks/events.js";
import { findCustomer } from "./customer_lookup.js";
import { attachPaymentMethod } from "./payment_methods.js";
import { cancelSubscriptionsOfCustomer } from "../billing/subscription_lifecycle.js";

const emptyAddress = () => ({ city: null, country: null, line1: null, line2: null, postal_code: null, state: null });

function applyCustomerParams(ctx: ApiContext, c: StripeObject, p: Params): void {
  for (const k of ["email", "name", "description", "phone"]) if (p.has(k)) c[k] = p.nullableStr(k) ?? null;
  const address = p.obj("address");
  if (address) {
    c.address ??= emptyAddress();
    for (const k of Object.keys(emptyAddress())) if (address.has(k)) c.address[k] = address.nullableStr(k) ?? null;
  } else if (p.str("address") === "") c.address = null;
  const shipping = p.obj("shipping");
  if (shipping) c.shipping = { address: { ...emptyAddress(), ...(shipping.raw.address as object) }, name: shipping.str("name") ?? null, phone: shipping.str("phone") ?? null };
  if (p.has("preferred_locales")) c.preferred_locales = p.strArr("preferred_locales") ?? [];
  c.metadata = p.metadata(c.metadata);
  const inv = p.obj("invoice_settings");
  if (inv?.has("default_payment_method")) {
    const pmId = inv.nullableStr("default_payment_method");
    if (pmId) {
      const pm = ctx.emu.store.get(pmId);
      if (!pm || pm.object !== "payment_method" || ctx.emu.store.accountOf(pmId) !== ctx.account) {
        throw resourceMissing("PaymentMethod", pmId, "invoice_settings[default_payment_method]");
      }
      if (pm.customer !== c.id) {
        throw invalidRequest(
          `The customer does not have a payment method with the ID ${pmId}. The payment method must be attached to the customer.`,
          "invoice_settings[default_payment_method]",
          "resource_missing",
        );
      }
    }
    c.invoice_settings = { ...c.invoice_settings, default_payment_method: pmId ?? null };
  }
  if (p.has("default_source")) c.default_source = p.nullableStr("default_source") ?? null;
}

export function registerCustomers(router: Router, emu: Emulator): void {
  apiRoute(router, emu, "POST", "/v1/customers", (ctx) => {
    const p = ctx.params;
    const c: StripeObject = {
      id: newId("cus"),
      object: "customer",
      address: null,
      balance: p.int("balance") ?? 0,
      created: emu.now(),
      currency: null,
      customer_account: null,
      default_source: null,
      delinquent: false,
      description: null,
      discount: null,
      email: null,
      invoice_prefix: randomChars(8).toUpperCase(),
      invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
      livemode: false,
      metadata: {},
      name: null,
      next_invoice_sequence: 1,
      phone: null,
      preferred_locales: [],
      shipping: null,
      tax_exempt: "none",
      test_clock: null,
    };
    emu.store.insert(ctx.account, c);
    // The payment method is attached before default_payment_method is checked.
    const pmId = p.str("payment_method");
    const pmEvents: StripeObject[] = [];
    if (pmId) pmEvents.push(attachPaymentMethod(ctx, pmId, c, "payment_method", false));
    try {
      applyCustomerParams(ctx, c, p);
    } catch (err) {
      emu.store.remove(c.id);
      throw err;
    }
    emitEvent(emu, "customer.created", ctx.account, c);
    for (const pm of pmEvents) emitEvent(emu, "payment_method.attached", ctx.account, pm);
    return c;
  });

  apiRoute(router, emu, "GET", "/v1/customers/:id", (ctx) => {
    const r = emu.store.record(ctx.route.id);
    if (!r || r.object !== "customer" || r.account !== ctx.account) throw resourceMissing("customer", ctx.route.id);
    if (r.deleted) return deletedStub(r.id, "customer");
    return r.data;
  });

  apiRoute(router, emu, "POST", "/v1/customers/:id", (ctx) => {
    const c = findCustomer(ctx, ctx.route.id, "id");
    updateAndEmit(emu, c, "customer.updated", (o) => applyCustomerParams(ctx, o, ctx.params));
    return c;
  });

  apiRoute(router, emu, "DELETE", "/v1/customers/:id", (ctx) => {
    const c = findCustomer(ctx, ctx.route.id, "id");
    cancelSubscriptionsOfCustomer(emu, c.id);
    emu.store.markDeleted(c.id);
    emitEvent(emu, "customer.deleted", ctx.account, c);
    return deletedStub(c.id, "customer");
  });

  apiRoute(router, emu, "GET", "/v1/customers", (ctx) => {
    const email = ctx.params.str("email");
    const items = emu.store.list("customer", ctx.account, (c) => !email || c.email === email);
    return paginate(ctx, items, "/v1/customers");
  });

  apiRoute(router, emu, "GET", "/v1/customers/search", (ctx) => {
    // Supports the common `email:'x'` and `metadata['k']:'v'` queries only.
    const q = ctx.params.reqStr("query");
    const clauses = [...q.matchAll(/(email|name|metadata\[['"]([^'"]+)['"]\])\s*:\s*['"]([^'"]*)['"]/g)];
    if (clauses.length === 0) throw invalidRequest("The emulator supports only email:'..', name:'..' and metadata['key']:'..' search clauses.", "query");
    const items = emu.store.list("customer", ctx.account, (c) =>
      clauses.every((m) => (m[1] === "email" ? c.email === m[3] : m[1] === "name" ? c.name === m[3] : c.metadata?.[m[2]] === m[3])),
    );
    const limit = ctx.params.int("limit") ?? 10;
    return { object: "search_result", data: items.slice(0, limit), has_more: items.length > limit, next_page: null, url: "/v1/customers/search", total_count: items.length };
  });
}
