// /v1/accounts, /v1/account, /v1/account_links, /v1/accounts/:id/login_links
import type { Emulator } from "../core/emulator.js";
import { randomChars } from "../core/ids.js";
import { apiRoute, deletedStub, paginate, type ApiContext } from "../http/api.js";
import { accountInvalid, invalidRequest, resourceMissing } from "../http/errors.js";
import type { Router } from "../http/types.js";
import type { StripeObject } from "../store/store.js";
import { updateAndEmit } from "../webhooks/events.js";
import { insertAccount, type AccountType } from "../connect/accounts_model.js";

function findAccount(ctx: ApiContext, id: string, param = "account"): StripeObject {
  const r = ctx.emu.store.record(id);
  if (!r || r.object !== "account" || r.deleted) throw resourceMissing("account", id, param);
  // A Standard account that revoked the platform's access answers as Stripe does: a permission error.
  if (r.hidden.connected === false) throw accountInvalid(ctx.req.auth?.key ?? "", id);
  if (ctx.account && ctx.account !== id) throw resourceMissing("account", id, param);
  return r.data;
}

function platformAccount(emu: Emulator): StripeObject {
  return {
    id: emu.platformAccountId,
    object: "account",
    business_profile: { name: "Stripe Emulator Platform", url: null, mcc: null, support_email: null },
    business_type: "company",
    capabilities: { card_payments: "active", transfers: "active" },
    charges_enabled: true,
    country: "US",
    default_currency: "usd",
    details_submitted: true,
    email: "platform@example.com",
    payouts_enabled: true,
    settings: { dashboard: { display_name: "Stripe Emulator Platform", timezone: "Etc/UTC" } },
    type: "standard",
  };
}

export function registerAccounts(router: Router, emu: Emulator): void {
  apiRoute(router, emu, "POST", "/v1/accounts", (ctx) => {
    const p = ctx.params;
    if (ctx.account) throw invalidRequest("Connected accounts cannot create other accounts.", "type");
    const controller = p.obj("controller");
    const dashboard = controller?.obj("stripe_dashboard")?.str("type");
    const type = (p.oneOf("type", ["standard", "express", "custom"] as const) ??
      (dashboard === "express" ? "express" : dashboard === "none" ? "custom" : "standard")) as AccountType;
    const caps = p.obj("capabilities");
    const account = insertAccount(emu, {
      type,
      country: p.str("country"),
      email: p.str("email") ?? null,
      businessName: p.obj("business_profile")?.str("name") ?? null,
      metadata: p.metadata({}),
      onboarded: false,
      capabilities: caps ? Object.keys(caps.raw) : undefined,
    });
    if (p.str("business_type")) account.business_type = p.str("business_type");
    return account;
  });

  apiRoute(router, emu, "GET", "/v1/account", (ctx) => (ctx.account ? findAccount(ctx, ctx.account) : platformAccount(emu)));
  apiRoute(router, emu, "GET", "/v1/accounts/:id", (ctx) => findAccount(ctx, ctx.route.id, "id"));

  apiRoute(router, emu, "POST", "/v1/accounts/:id", (ctx) => {
    const account = findAccount(ctx, ctx.route.id, "id");
    const p = ctx.params;
    updateAndEmit(emu, account, "account.updated", (a) => {
      if (p.has("email")) a.email = p.nullableStr("email") ?? null;
      if (p.has("business_type")) a.business_type = p.nullableStr("business_type") ?? null;
      const bp = p.obj("business_profile");
      if (bp) for (const k of Object.keys(bp.raw)) a.business_profile[k] = bp.nullableStr(k) ?? null;
      a.metadata = p.metadata(a.metadata);
      const tos = p.obj("tos_acceptance");
      if (tos) a.tos_acceptance = { date: tos.int("date") ?? null, ip: tos.str("ip") ?? null, user_agent: tos.str("user_agent") ?? null };
      const settings = p.obj("settings");
      const payouts = settings?.obj("payouts")?.obj("schedule");
      if (payouts) a.settings.payouts.schedule = { ...a.settings.payouts.schedule, ...payouts.raw };
      // Fields the person supplied leave the requirement lists (capabilities are enabled by onboarding).
      const supplied = new Set<string>();
      if (bp) for (const k of Object.keys(bp.raw)) supplied.add(`business_profile.${k}`);
      if (p.has("business_type")) supplied.add("business_type");
      if (tos) ["tos_acceptance.date", "tos_acceptance.ip"].forEach((k) => supplied.add(k));
      for (const key of ["currently_due", "eventually_due", "past_due"] as const) {
        a.requirements[key] = a.requirements[key].filter((f: string) => !supplied.has(f));
      }
    });
    return account;
  });

  apiRoute(router, emu, "DELETE", "/v1/accounts/:id", (ctx) => {
    const account = findAccount(ctx, ctx.route.id, "id");
    emu.store.markDeleted(account.id);
    return deletedStub(account.id, "account");
  });

  apiRoute(router, emu, "GET", "/v1/accounts", (ctx) =>
    paginate(ctx, emu.store.list("account", null, (_a, r) => r.hidden.connected !== false), "/v1/accounts"),
  );

  apiRoute(router, emu, "POST", "/v1/account_links", (ctx) => {
    const p = ctx.params;
    const account = findAccount(ctx, p.reqStr("account"));
    const type = p.oneOf("type", ["account_onboarding", "account_update"] as const) ?? "account_onboarding";
    const refreshUrl = p.str("refresh_url");
    const returnUrl = p.str("return_url");
    if (!returnUrl) throw invalidRequest("Missing required param: return_url.", "return_url", "parameter_missing");
    const token = randomChars(24);
    const link: StripeObject = {
      id: `aclink_${token}`,
      object: "emulator_account_link",
      account: account.id,
      type,
      refresh_url: refreshUrl ?? returnUrl,
      return_url: returnUrl,
      used: false,
      created: emu.now(),
      expires_at: emu.now() + 300,
    };
    emu.store.insert(null, link);
    return {
      object: "account_link",
      created: link.created,
      expires_at: link.expires_at,
      url: `${emu.publicUrl()}/connect/onboarding/${token}`,
    };
  });

  apiRoute(router, emu, "POST", "/v1/accounts/:id/login_links", (ctx) => {
    const account = findAccount(ctx, ctx.route.id, "account");
    if (account.type !== "express") {
      throw invalidRequest("Cannot create a login link for an account that does not have access to the Express Dashboard.", "account");
    }
    const token = randomChars(16);
    emu.store.insert(null, { id: `lglink_${token}`, object: "emulator_login_link", account: account.id, created: emu.now() });
    return { object: "login_link", created: emu.now(), url: `${emu.publicUrl()}/express/${account.id}/${token}` };
  });

}
