// A small read-only dashboard at "/" (customers, payments, disputes, subscriptions, accounts, events),
// plus receipt and invoice pages linked from charges and invoices.
import { formatMinorUnits } from "../core/currency.js";
import type { Emulator } from "../core/emulator.js";
import type { Router } from "../http/types.js";
import type { StripeObject } from "../store/store.js";
import { esc, page } from "./layout.js";
import { textPdf } from "./text_pdf.js";

const money = (amount: number, currency: string) => esc(formatMinorUnits(amount, currency));
const when = (ts: number) => new Date(ts * 1000).toISOString().replace("T", " ").slice(0, 19);
const status = (s: string) => `<span class="status ${esc(s)}">${esc(s)}</span>`;
const owner = (emu: Emulator, id: string) => emu.store.accountOf(id) ?? "platform";

function table(headers: string[], rows: string[][], empty: string): string {
  if (rows.length === 0) return `<p class="muted">${esc(empty)}</p>`;
  return `<table><tr>${headers.map((h) => `<th>${esc(h)}</th>`).join("")}</tr>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("")}</table>`;
}

function section(title: string, content: string): string {
  return `<div class="card"><h2>${esc(title)}</h2>${content}</div>`;
}

export function registerDashboard(router: Router, emu: Emulator): void {
  router.add("GET", "/", () => {
    const all = (type: string) => emu.store.list(type, "*").slice(0, 25);
    const customers = all("customer").map((c) => [`<code>${esc(c.id)}</code>`, esc(c.email ?? ""), esc(c.name ?? ""), esc(owner(emu, c.id)), when(c.created)]);
    const payments = all("payment_intent").map((p) => [`<code>${esc(p.id)}</code>`, money(p.amount, p.currency), status(p.status), esc(p.customer ?? ""), esc(owner(emu, p.id)), when(p.created)]);
    const subs = emu.store.list("subscription", "*").slice(0, 25).map((s: StripeObject) => [
      `<code>${esc(s.id)}</code>`, esc(s.customer), status(s.status), s.cancel_at_period_end ? "cancels at period end" : "", when(s.items.data[0]?.current_period_end ?? s.created),
    ]);
    const accounts = all("account").map((a) => [
      `<code>${esc(a.id)}</code>`, esc(a.type), esc(a.business_profile?.name ?? a.email ?? ""), a.charges_enabled ? "yes" : "no", a.details_submitted ? "yes" : "no",
      emu.store.record(a.id)?.hidden.connected === false ? "disconnected" : "connected",
    ]);
    const disputes = all("dispute").map((d) => [`<code>${esc(d.id)}</code>`, `<code>${esc(d.charge)}</code>`, money(d.amount, d.currency), esc(d.reason), status(d.status), esc(owner(emu, d.id)), when(d.created)]);
    const events = all("event").map((e) => [`<code>${esc(e.id)}</code>`, esc(e.type), esc(e.account ?? "platform"), String(e.pending_webhooks), when(e.created)]);
    const body = `<div class="card"><h1>Stripe emulator</h1>
<p class="muted">Emulator clock: ${when(emu.now())} UTC (offset ${emu.clock.offsetSeconds}s). Connect client ID <code>${esc(emu.options.connectClientId)}</code>. Webhook deliveries pending: ${emu.webhooks.pendingCount()}.</p></div>
${section("Customers", table(["ID", "Email", "Name", "Account", "Created"], customers, "No customers yet."))}
${section("Payments", table(["PaymentIntent", "Amount", "Status", "Customer", "Account", "Created"], payments, "No payments yet."))}
${section("Disputes", table(["ID", "Charge", "Amount", "Reason", "Status", "Account", "Created"], disputes, "No disputes yet."))}
${section("Subscriptions", table(["ID", "Customer", "Status", "", "Period end"], subs, "No subscriptions yet."))}
${section("Connected accounts", table(["ID", "Type", "Name", "Charges", "Details submitted", "Link"], accounts, "No connected accounts yet."))}
${section("Events", table(["ID", "Type", "Account", "Pending webhooks", "Created"], events, "No events yet."))}`;
    return page("Dashboard", body, { wide: true });
  });

  router.add("GET", "/receipts/:id", (_req, params) => {
    const c = emu.store.get(params.id);
    if (!c || c.object !== "charge") return page("Receipt", `<div class="card"><h1>Receipt not found</h1></div>`, { status: 404 });
    const card = c.payment_method_details?.card;
    return page(
      "Receipt",
      `<div class="card"><h1>Receipt</h1><p>${money(c.amount, c.currency)} ${status(c.status)}</p>
<p class="muted">${esc(c.description ?? "")}</p><p>Paid ${when(c.created)}${card ? ` with ${esc(card.brand)} •••• ${esc(card.last4)}` : ""}</p>
${c.amount_refunded ? `<p>Refunded: ${money(c.amount_refunded, c.currency)}</p>` : ""}<p class="muted"><code>${esc(c.id)}</code></p></div>`,
    );
  });

  router.add("GET", "/invoices/:id", (_req, params) => {
    const inv = emu.store.get(params.id);
    if (!inv || inv.object !== "invoice") return page("Invoice", `<div class="card"><h1>Invoice not found</h1></div>`, { status: 404 });
    const lines = inv.lines.data.map((l: StripeObject) => [esc(l.description), String(l.quantity), money(l.amount, l.currency)]);
    return page(
      "Invoice",
      `<div class="card"><h1>Invoice ${esc(inv.number ?? inv.id)}</h1><p>${status(inv.status)} · total ${money(inv.total, inv.currency)} · due ${money(inv.amount_remaining, inv.currency)}</p>
${table(["Description", "Qty", "Amount"], lines, "No lines.")}</div>`,
    );
  });

  router.add("GET", "/invoices/:id/pdf", (_req, params) => {
    const inv = emu.store.get(params.id);
    if (!inv || inv.object !== "invoice") return page("Invoice", `<div class="card"><h1>Invoice not found</h1></div>`, { status: 404 });
    const lines = inv.lines.data.map((l: StripeObject) => `${l.description ?? ""}  x${l.quantity}  ${(l.amount / 100).toFixed(2)} ${String(l.currency).toUpperCase()}`);
    const body = textPdf(`Invoice ${inv.number ?? inv.id}`, [`Status: ${inv.status}`, ...lines, `Total: ${(inv.total / 100).toFixed(2)} ${String(inv.currency).toUpperCase()}`]);
    return { status: 200, headers: { "content-type": "application/pdf", "content-disposition": `inline; filename="${inv.id}.pdf"` }, body };
  });
}
