// OAuth for Standard accounts, as at connect.stripe.com: the authorize page, /oauth/token, /oauth/deauthorize.
import type { Emulator } from "../core/emulator.js";
import { randomChars } from "../core/ids.js";
import { bodyField, esc, page, redirect, withQuery } from "../hosted/layout.js";
import type { EmulatorRequest, EmulatorResponse, Router } from "../http/types.js";
import { emitEvent } from "../webhooks/events.js";
import { insertAccount, type AccountType } from "./accounts_model.js";

function oauthError(status: number, error: string, description: string): EmulatorResponse {
  return { status, body: { error, error_description: description } };
}

function authorizePage(emu: Emulator, req: EmulatorRequest, express: boolean): EmulatorResponse {
  const q = req.query;
  const clientId = q.get("client_id") ?? "";
  const redirectUri = q.get("redirect_uri") ?? "";
  if (clientId !== emu.options.connectClientId) {
    return page("Invalid client", `<div class="card"><h1>Invalid client_id</h1><p class="muted">No application matches <code>${esc(clientId || "(none)")}</code>. The emulator's Connect client ID is <code>${esc(emu.options.connectClientId)}</code>.</p></div>`, { status: 400 });
  }
  if (!redirectUri) {
    return page("Missing redirect_uri", `<div class="card"><h1>Missing redirect_uri</h1><p class="muted">The emulator needs <code>redirect_uri</code> in the authorize URL to know where to send the person back.</p></div>`, { status: 400 });
  }
  if ((q.get("response_type") ?? "code") !== "code") {
    return redirect(withQuery(redirectUri, { error: "unsupported_response_type", error_description: "Only response_type=code is supported.", state: q.get("state") }));
  }
  const accounts = emu.store.list("account", null).filter((a) => a.type === (express ? "express" : "standard"));
  const hidden = ["client_id", "redirect_uri", "scope", "state", "response_type"]
    .map((k) => `<input type="hidden" name="${k}" value="${esc(q.get(k) ?? (k === "scope" ? "read_write" : ""))}">`)
    .join("");
  const existing = accounts
    .map(
      (a, i) => `<label class="choice"><input type="radio" name="account" value="${esc(a.id)}" ${i === 0 ? "checked" : ""}>
<span><strong>${esc(a.business_profile?.name ?? a.settings?.dashboard?.display_name ?? a.email ?? a.id)}</strong><br><span class="muted"><code>${esc(a.id)}</code> ${esc(a.email ?? "")}</span></span></label>`,
    )
    .join("");
  const email = q.get("stripe_user[email]") ?? "";
  const business = q.get("stripe_user[business_name]") ?? "";
  return page(
    "Connect your Stripe account",
    `<div class="card">
<h1>Connect with ${esc("Stripe Emulator Platform")}</h1>
<p class="muted">The platform is asking for <strong>${esc(q.get("scope") ?? "read_write")}</strong> access to a ${express ? "Express" : "Standard"} Stripe account. Nothing leaves this machine: this is the Stripe emulator.</p>
<form method="post" action="${express ? "/express" : ""}/oauth/authorize/decision">${hidden}
<h2>Use an existing account</h2>
${existing || '<p class="muted">No emulated accounts yet.</p>'}
<label class="choice"><input type="radio" name="account" value="new" ${accounts.length === 0 ? "checked" : ""}>
<span><strong>Create a new account</strong> (onboarding is completed at once)</span></label>
<label for="email">Email</label><input type="email" id="email" name="email" value="${esc(email || `seller-${randomChars(5).toLowerCase()}@example.com`)}">
<label for="business_name">Business name</label><input type="text" id="business_name" name="business_name" value="${esc(business || "Test Seller")}">
<label for="country">Country</label><select id="country" name="country"><option>US</option><option>GB</option><option>FR</option><option>DE</option></select>
<div class="actions"><button class="primary" type="submit" name="decision" value="connect">Connect</button>
<button class="secondary" type="submit" name="decision" value="cancel">Cancel</button></div>
</form></div>`,
  );
}

function authorizeDecision(emu: Emulator, req: EmulatorRequest, express: boolean): EmulatorResponse {
  const b = req.body;
  const redirectUri = bodyField(b, "redirect_uri") ?? "";
  const state = bodyField(b, "state") ?? null;
  if (bodyField(b, "client_id") !== emu.options.connectClientId || !redirectUri) {
    return page("Invalid request", `<div class="card"><h1>Invalid authorization request</h1></div>`, { status: 400 });
  }
  if (bodyField(b, "decision") !== "connect") {
    return redirect(withQuery(redirectUri, { error: "access_denied", error_description: "The user denied your request", state }));
  }
  const choice = bodyField(b, "account") ?? "new";
  let accountId: string;
  if (choice === "new") {
    const type: AccountType = express ? "express" : "standard";
    accountId = insertAccount(emu, {
      type,
      country: bodyField(b, "country") ?? "US",
      email: bodyField(b, "email") ?? null,
      businessName: bodyField(b, "business_name") ?? null,
      onboarded: true,
    }).id;
  } else {
    const r = emu.store.record(choice);
    if (!r || r.object !== "account" || r.deleted) {
      return redirect(withQuery(redirectUri, { error: "invalid_request", error_description: "No such account", state }));
    }
    r.hidden.connected = true;
    accountId = choice;
  }
  const scope = bodyField(b, "scope") || "read_write";
  const code = `ac_${randomChars(32)}`;
  emu.oauthGrants.set(code, { code, account: accountId, scope, used: false, created: emu.now() });
  emitEvent(emu, "account.application.authorized", accountId, applicationObject(emu));
  return redirect(withQuery(redirectUri, { code, scope, state }));
}

function applicationObject(emu: Emulator): Record<string, unknown> {
  return { id: emu.options.connectClientId, object: "application", name: "Stripe Emulator Platform" };
}

function token(emu: Emulator, req: EmulatorRequest): EmulatorResponse {
  if (req.auth?.kind !== "secret") return oauthError(401, "invalid_client", "The token endpoint needs your secret key as client_secret (Bearer).");
  const b = req.body;
  const grantType = bodyField(b, "grant_type");
  let account: string;
  let scope: string;
  if (grantType === "authorization_code") {
    const code = bodyField(b, "code");
    if (!code) return oauthError(400, "invalid_request", "No authorization code provided");
    const grant = emu.oauthGrants.get(code);
    if (!grant) return oauthError(400, "invalid_grant", `Authorization code does not exist: ${code}`);
    if (grant.used) return oauthError(400, "invalid_grant", `Authorization code provided has already been used: ${code}`);
    if (emu.now() - grant.created > 300) return oauthError(400, "invalid_grant", `Authorization code expired: ${code}`);
    grant.used = true;
    account = grant.account;
    scope = grant.scope;
  } else if (grantType === "refresh_token") {
    const rt = bodyField(b, "refresh_token") ?? "";
    const acct = emu.refreshTokens.get(rt);
    if (!acct) return oauthError(400, "invalid_grant", `Invalid refresh token: ${rt}`);
    account = acct;
    scope = bodyField(b, "scope") ?? "read_write";
  } else {
    return oauthError(400, "unsupported_grant_type", `Unsupported grant type: ${grantType ?? "(none)"}`);
  }
  const refreshToken = `rt_${randomChars(40)}`;
  emu.refreshTokens.set(refreshToken, account);
  emu.onChange();
  return {
    status: 200,
    body: {
      access_token: `sk_test_${randomChars(40)}`,
      livemode: false,
      refresh_token: refreshToken,
      scope,
      stripe_publishable_key: `pk_test_${randomChars(40)}`,
      stripe_user_id: account,
      token_type: "bearer",
    },
  };
}

function deauthorize(emu: Emulator, req: EmulatorRequest): EmulatorResponse {
  const clientId = bodyField(req.body, "client_id");
  const accountId = bodyField(req.body, "stripe_user_id") ?? "";
  if (clientId !== emu.options.connectClientId) return oauthError(401, "invalid_client", `No such application: '${clientId ?? ""}'`);
  const r = emu.store.record(accountId);
  if (!r || r.object !== "account" || r.deleted || r.hidden.connected === false) {
    return oauthError(401, "invalid_client", "This application is not connected to stripe account " + accountId + ", or that account does not exist.");
  }
  r.hidden.connected = false;
  emitEvent(emu, "account.application.deauthorized", accountId, applicationObject(emu));
  return { status: 200, body: { stripe_user_id: accountId } };
}

export function registerOAuth(router: Router, emu: Emulator): void {
  router.add("GET", "/oauth/authorize", (req) => authorizePage(emu, req, false));
  router.add("POST", "/oauth/authorize/decision", (req) => authorizeDecision(emu, req, false));
  router.add("GET", "/express/oauth/authorize", (req) => authorizePage(emu, req, true));
  router.add("POST", "/express/oauth/authorize/decision", (req) => authorizeDecision(emu, req, true));
  router.add("POST", "/oauth/token", (req) => token(emu, req));
  router.add("POST", "/oauth/deauthorize", (req) => deauthorize(emu, req));
}
