// Account Links onboarding page and the Express dashboard placeholder (login links).
import type { Emulator } from "../core/emulator.js";
import type { Router } from "../http/types.js";
import { completeOnboarding } from "../connect/accounts_model.js";
import { bodyField, esc, page, redirect } from "./layout.js";

export function registerOnboardingPages(router: Router, emu: Emulator): void {
  router.add("GET", "/connect/onboarding/:token", (_req, params) => {
    const link = emu.store.get(`aclink_${params.token}`);
    if (!link) return page("Link not found", `<div class="card"><h1>This link is not valid</h1></div>`, { status: 404 });
    // Account Links are single-use and short-lived: Stripe sends the person to refresh_url.
    if (link.used || emu.now() > link.expires_at) return redirect(link.refresh_url);
    const account = emu.store.get(link.account);
    if (!account) return page("Account not found", `<div class="card"><h1>The account no longer exists</h1></div>`, { status: 404 });
    const due: string[] = account.requirements?.currently_due ?? [];
    return page(
      "Set up your account",
      `<div class="card"><h1>${link.type === "account_update" ? "Update" : "Set up"} your ${esc(account.type)} account</h1>
<p class="muted">Account <code>${esc(account.id)}</code>. In Stripe this is a multi-step form; the emulator asks only for what the demo shows.</p>
${due.length ? `<p>Still required: ${due.map((d) => `<code>${esc(d)}</code>`).join(" ")}</p>` : "<p>Nothing is required any more.</p>"}
<form method="post" action="/connect/onboarding/${esc(params.token)}">
<label for="business_name">Business name</label><input type="text" id="business_name" name="business_name" value="${esc(account.business_profile?.name ?? "Test Seller")}">
<label for="email">Email</label><input type="email" id="email" name="email" value="${esc(account.email ?? "seller@example.com")}">
<p class="muted">Test bank account 000123456789 and test identity details are filled in for you.</p>
<div class="actions"><button class="primary" type="submit" name="decision" value="submit">Agree and submit</button>
<button class="secondary" type="submit" name="decision" value="later">Save and return later</button></div>
</form></div>`,
    );
  });

  router.add("POST", "/connect/onboarding/:token", (req, params) => {
    const r = emu.store.record(`aclink_${params.token}`);
    if (!r) return page("Link not found", `<div class="card"><h1>This link is not valid</h1></div>`, { status: 404 });
    const link = r.data;
    if (link.used || emu.now() > link.expires_at) return redirect(link.refresh_url);
    link.used = true;
    const account = emu.store.get(link.account);
    if (account && bodyField(req.body, "decision") === "submit") {
      completeOnboarding(emu, account, { businessName: bodyField(req.body, "business_name"), email: bodyField(req.body, "email") });
    }
    emu.onChange();
    return redirect(link.return_url);
  });

  router.add("GET", "/express/:account/:token", (_req, params) => {
    const link = emu.store.get(`lglink_${params.token}`);
    const account = emu.store.get(params.account);
    if (!link || !account || link.account !== account.id) {
      return page("Link not found", `<div class="card"><h1>This login link is not valid</h1></div>`, { status: 404 });
    }
    const payments = emu.store.list("charge", account.id).slice(0, 20);
    const rows = payments
      .map((c) => `<tr><td><code>${esc(c.id)}</code></td><td>${(c.amount / 100).toFixed(2)} ${esc(c.currency.toUpperCase())}</td><td><span class="status">${esc(c.status)}</span></td></tr>`)
      .join("");
    return page(
      "Express dashboard",
      `<div class="card"><h1>${esc(account.business_profile?.name ?? account.id)}</h1>
<p class="muted">Express dashboard placeholder for <code>${esc(account.id)}</code>: payouts ${account.payouts_enabled ? "enabled" : "not enabled"}, charges ${account.charges_enabled ? "enabled" : "not enabled"}.</p>
<h2>Recent payments</h2>${rows ? `<table><tr><th>ID</th><th>Amount</th><th>Status</th></tr>${rows}</table>` : '<p class="muted">No payments yet.</p>'}</div>`,
    );
  });
}
