// /v1/invoices (subscription invoices: read, pay, void) and /v1/invoice_payments
import type { Emulator } from "../core/emulator.js";
import { apiRoute, findOwned, paginate } from "../http/api.js";
import { ApiError, invalidRequest } from "../http/errors.js";
import type { Router } from "../http/types.js";
import { attemptInvoicePayment, invoiceHidden, registerInvoiceIncludables, voidInvoice } from "../billing/invoices.js";
import { defaultPaymentMethodFor } from "../billing/subscription_lifecycle.js";
import { resolvePaymentMethod } from "../payments/cards.js";

export function registerInvoices(router: Router, emu: Emulator): void {
  registerInvoiceIncludables();

  apiRoute(router, emu, "GET", "/v1/invoices/:id", (ctx) => findOwned(ctx, ctx.route.id, "invoice", "invoice"));

  apiRoute(router, emu, "GET", "/v1/invoices", (ctx) => {
    const p = ctx.params;
    const customer = p.str("customer");
    const subscription = p.str("subscription");
    const status = p.str("status");
    const items = emu.store.list(
      "invoice",
      ctx.account,
      (i) =>
        (!customer || i.customer === customer) &&
        (!subscription || i.parent?.subscription_details?.subscription === subscription) &&
        (!status || i.status === status),
    );
    return paginate(ctx, items, "/v1/invoices");
  });

  apiRoute(router, emu, "GET", "/v1/invoices/:id/lines", (ctx) => {
    const invoice = findOwned(ctx, ctx.route.id, "invoice", "invoice");
    return paginate(ctx, invoice.lines.data, `/v1/invoices/${invoice.id}/lines`);
  });

  apiRoute(router, emu, "POST", "/v1/invoices/:id", (ctx) => {
    const invoice = findOwned(ctx, ctx.route.id, "invoice", "invoice");
    invoice.metadata = ctx.params.metadata(invoice.metadata ?? {});
    if (ctx.params.has("description")) invoice.description = ctx.params.nullableStr("description") ?? null;
    return invoice;
  });

  apiRoute(router, emu, "POST", "/v1/invoices/:id/pay", (ctx) => {
    const invoice = findOwned(ctx, ctx.route.id, "invoice", "invoice");
    if (invoice.status === "paid") throw invalidRequest("Invoice is already paid", undefined, "invoice_already_paid");
    if (invoice.status !== "open") throw invalidRequest(`You can only pay an invoice that is open; this one is ${invoice.status}.`, undefined, "invoice_not_open");
    const pmParam = ctx.params.str("payment_method");
    const subId = invoice.parent?.subscription_details?.subscription;
    const sub = subId ? emu.store.get(subId) : undefined;
    const pm = pmParam ? resolvePaymentMethod(ctx, pmParam).id : sub ? defaultPaymentMethodFor(emu, sub) : null;
    const offSession = ctx.params.bool("off_session") ?? true;
    const outcome = attemptInvoicePayment(emu, invoice, pm, offSession);
    if (outcome === "failed") {
      const pi = emu.store.get(invoiceHidden(emu, invoice).paymentIntent ?? "");
      const err = pi?.last_payment_error;
      throw new ApiError(
        402,
        {
          type: "card_error",
          code: err?.code ?? "invoice_payment_intent_requires_action",
          decline_code: err?.decline_code,
          message: err?.message ?? "This invoice has no payment method to charge.",
        },
        { saveIdempotent: true },
      );
    }
    return invoice;
  });

  apiRoute(router, emu, "POST", "/v1/invoices/:id/void", (ctx) => {
    const invoice = findOwned(ctx, ctx.route.id, "invoice", "invoice");
    if (invoice.status !== "open") throw invalidRequest(`You can only void an open invoice; this one is ${invoice.status}.`, undefined, "invoice_not_open");
    voidInvoice(emu, invoice);
    return invoice;
  });

  apiRoute(router, emu, "GET", "/v1/invoice_payments/:id", (ctx) => findOwned(ctx, ctx.route.id, "invoice_payment", "invoice payment"));
  apiRoute(router, emu, "GET", "/v1/invoice_payments", (ctx) => {
    const invoice = ctx.params.str("invoice");
    const pi = ctx.params.obj("payment")?.str("payment_intent");
    const items = emu.store.list(
      "invoice_payment",
      ctx.account,
      (x) => (!invoice || x.invoice === invoice) && (!pi || x.payment.payment_intent === pi),
    );
    return paginate(ctx, items, "/v1/invoice_payments");
  });
}
