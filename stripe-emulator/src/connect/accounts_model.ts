// Connected account objects: a new account with requirements due, and the onboarded state.
import type { Emulator } from "../core/emulator.js";
import { newId, randomChars } from "../core/ids.js";
import type { StripeObject } from "../store/store.js";
import { updateAndEmit } from "../webhooks/events.js";

export type AccountType = "standard" | "express" | "custom";

const DUE_FIELDS = [
  "business_profile.mcc",
  "business_profile.url",
  "business_type",
  "external_account",
  "representative.first_name",
  "representative.last_name",
  "tos_acceptance.date",
  "tos_acceptance.ip",
];

function requirements(due: string[]): StripeObject {
  return {
    alternatives: [],
    current_deadline: null,
    currently_due: due,
    disabled_reason: due.length ? "requirements.past_due" : null,
    errors: [],
    eventually_due: due,
    past_due: due,
    pending_verification: [],
  };
}

export interface AccountHidden {
  /** Whether the platform may act for it (false after OAuth deauthorization). */
  connected: boolean;
}

export function insertAccount(
  emu: Emulator,
  o: { type: AccountType; country?: string; email?: string | null; businessName?: string | null; metadata?: Record<string, string>; onboarded: boolean; capabilities?: string[] },
): StripeObject {
  const id = newId("acct");
  const country = o.country ?? "US";
  const caps = o.capabilities ?? ["card_payments", "transfers"];
  const account: StripeObject = {
    id,
    object: "account",
    business_profile: {
      annual_revenue: null,
      estimated_worker_count: null,
      mcc: null,
      minority_owned_business_designation: null,
      name: o.businessName ?? null,
      product_description: null,
      specified_commercial_transactions_act_url: null,
      support_address: null,
      support_email: null,
      support_phone: null,
      support_url: null,
      url: null,
    },
    business_type: null,
    capabilities: Object.fromEntries(caps.map((c) => [c, "inactive"])),
    charges_enabled: false,
    controller:
      o.type === "standard"
        ? { is_controller: true, type: "application", fees: { payer: "account" }, losses: { payments: "stripe" }, requirement_collection: "stripe", stripe_dashboard: { type: "full" } }
        : o.type === "express"
          ? { is_controller: true, type: "application", fees: { payer: "application" }, losses: { payments: "application" }, requirement_collection: "stripe", stripe_dashboard: { type: "express" } }
          : { is_controller: true, type: "application", fees: { payer: "application" }, losses: { payments: "application" }, requirement_collection: "application", stripe_dashboard: { type: "none" } },
    country,
    created: emu.now(),
    default_currency: country === "US" ? "usd" : country === "GB" ? "gbp" : "eur",
    details_submitted: false,
    email: o.email ?? null,
    external_accounts: { object: "list", data: [], has_more: false, total_count: 0, url: `/v1/accounts/${id}/external_accounts` },
    future_requirements: requirements([]),
    metadata: o.metadata ?? {},
    payouts_enabled: false,
    requirements: requirements(DUE_FIELDS),
    settings: {
      branding: { icon: null, logo: null, primary_color: null, secondary_color: null },
      card_payments: {
        decline_on: { avs_failure: false, cvc_failure: false },
        statement_descriptor_prefix: null,
        statement_descriptor_prefix_kana: null,
        statement_descriptor_prefix_kanji: null,
      },
      dashboard: { display_name: o.businessName ?? null, timezone: "Etc/UTC" },
      payments: {
        statement_descriptor: null,
        statement_descriptor_kana: null,
        statement_descriptor_kanji: null,
        statement_descriptor_prefix_kana: null,
        statement_descriptor_prefix_kanji: null,
      },
      payouts: { debit_negative_balances: true, schedule: { delay_days: 2, interval: "daily" }, statement_descriptor: null },
    },
    tos_acceptance: { date: null, ip: null, user_agent: null },
    type: o.type,
  };
  const hidden: AccountHidden = { connected: true };
  emu.store.insert(null, account, hidden);
  if (o.onboarded) applyOnboarded(emu, account);
  return account;
}

/** The state after the person finished onboarding: everything submitted and verified. */
export function applyOnboarded(emu: Emulator, a: StripeObject, details: { businessName?: string | null; email?: string | null } = {}): void {
  a.details_submitted = true;
  a.charges_enabled = true;
  a.payouts_enabled = true;
  a.requirements = requirements([]);
  a.business_type = a.business_type ?? "individual";
  a.business_profile.mcc = a.business_profile.mcc ?? "8299";
  a.business_profile.url = a.business_profile.url ?? "https://example.com";
  if (details.businessName) {
    a.business_profile.name = details.businessName;
    a.settings.dashboard.display_name = details.businessName;
  }
  if (details.email) a.email = details.email;
  a.capabilities = Object.fromEntries(Object.keys(a.capabilities).map((c) => [c, "active"]));
  a.tos_acceptance = { date: emu.now(), ip: "127.0.0.1", user_agent: "Stripe emulator" };
  if (a.external_accounts.data.length === 0) {
    a.external_accounts.data.push({
      id: newId("ba"),
      object: "bank_account",
      account: a.id,
      account_holder_name: null,
      account_holder_type: null,
      account_type: null,
      bank_name: "STRIPE TEST BANK",
      country: a.country,
      currency: a.default_currency,
      default_for_currency: true,
      fingerprint: randomChars(16),
      last4: "6789",
      metadata: {},
      routing_number: "110000000",
      status: "new",
    });
    a.external_accounts.total_count = 1;
  }
}

export function completeOnboarding(emu: Emulator, account: StripeObject, details: { businessName?: string | null; email?: string | null }): void {
  updateAndEmit(emu, account, "account.updated", (a) => applyOnboarded(emu, a, details));
}
