// Parameters refused as Stripe refuses them, per endpoint family, from the description generated
// out of stripe-node's types (src/api-description/description.json).
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/index.js";
import { DESCRIPTION_FILE, generateDescription } from "../../scripts/generate-api-description.js";
import { call, PUBLISHABLE_KEY, SECRET_KEY, start } from "./helpers.js";

let emu: RunningEmulator;
let customer = "";
let intent: { id: string; client_secret: string };

beforeAll(async () => {
  ({ emu } = await start());
  customer = (await call(emu, "POST", "/v1/customers", { key: SECRET_KEY, form: { email: "p@example.com" } })).body.id;
  intent = (
    await call(emu, "POST", "/v1/payment_intents", { key: SECRET_KEY, form: { amount: "1000", currency: "usd" } })
  ).body;
});
afterAll(() => emu.close());

interface Refusal {
  family: string;
  method: "GET" | "POST" | "DELETE";
  path: () => string;
  query: string;
  code?: string;
  param: string;
  message: string;
}

const refused: Refusal[] = [
  { family: "customers", method: "POST", path: () => "/v1/customers", query: "not_a_param=1", code: "parameter_unknown", param: "not_a_param", message: "Received unknown parameter: not_a_param" },
  { family: "customers", method: "POST", path: () => `/v1/customers/${customer}`, query: "invoice_settings[bogus]=1", code: "parameter_unknown", param: "invoice_settings[bogus]", message: "Received unknown parameter: invoice_settings[bogus]" },
  { family: "customers", method: "GET", path: () => "/v1/customers", query: "bogus=1", code: "parameter_unknown", param: "bogus", message: "Received unknown parameter: bogus" },
  { family: "customers", method: "GET", path: () => "/v1/customers", query: "limit=ten", code: "parameter_invalid_integer", param: "limit", message: "Invalid integer: ten" },
  { family: "customers", method: "POST", path: () => "/v1/customers", query: "tax_exempt=sometimes", param: "tax_exempt", message: "Invalid tax_exempt: must be one of exempt, none, or reverse" },
  { family: "payment_intents", method: "POST", path: () => "/v1/payment_intents", query: "amount=100&currency=usd&bogus[nested]=1", code: "parameter_unknown", param: "bogus", message: "Received unknown parameter: bogus" },
  { family: "payment_intents", method: "POST", path: () => "/v1/payment_intents", query: "amount=abc&currency=usd", code: "parameter_invalid_integer", param: "amount", message: "Invalid integer: abc" },
  { family: "payment_intents", method: "POST", path: () => "/v1/payment_intents", query: "currency=usd", code: "parameter_missing", param: "amount", message: "Missing required param: amount." },
  { family: "payment_intents", method: "POST", path: () => "/v1/payment_intents", query: "amount=100&currency=usd&capture_method=later", param: "capture_method", message: "Invalid capture_method: must be one of automatic, automatic_async, or manual" },
  { family: "payment_intents", method: "POST", path: () => "/v1/payment_intents", query: "amount=100&currency=usd&confirm=maybe", param: "confirm", message: "Invalid boolean: maybe" },
  { family: "payment_intents", method: "POST", path: () => `/v1/payment_intents/${intent.id}/confirm`, query: "payment_method_options[card][bogus]=1", code: "parameter_unknown", param: "payment_method_options[card][bogus]", message: "Received unknown parameter: payment_method_options[card][bogus]" },
  { family: "setup_intents", method: "POST", path: () => "/v1/setup_intents", query: "usage=forever", param: "usage", message: "Invalid usage: must be one of off_session or on_session" },
  { family: "subscriptions", method: "POST", path: () => "/v1/subscriptions", query: `customer=${customer}&items[0][price]=price_x&items[0][bogus]=1`, code: "parameter_unknown", param: "items[0][bogus]", message: "Received unknown parameter: items[0][bogus]" },
  { family: "subscriptions", method: "POST", path: () => "/v1/subscriptions", query: "items[0][price]=price_x", code: "parameter_missing", param: "customer", message: "Missing required param: customer." },
  { family: "prices", method: "POST", path: () => "/v1/prices", query: "currency=usd&unit_amount=100&product=prod_x&recurring[interval]=fortnight", param: "recurring[interval]", message: "Invalid recurring[interval]: must be one of day, month, week, or year" },
  { family: "products", method: "POST", path: () => "/v1/products", query: "name=Course&metadata=x", param: "metadata", message: "Invalid object" },
  { family: "refunds", method: "POST", path: () => "/v1/refunds", query: "charge=ch_x&reason=changed_mind", param: "reason", message: "Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer" },
  { family: "accounts", method: "POST", path: () => "/v1/accounts", query: "type=premium", param: "type", message: "Invalid type: must be one of custom, express, or standard" },
  { family: "transfers", method: "POST", path: () => "/v1/transfers", query: "amount=100&currency=usd&destination=acct_x&color=red", code: "parameter_unknown", param: "color", message: "Received unknown parameter: color" },
  { family: "invoices", method: "GET", path: () => "/v1/invoices", query: "status=late", param: "status", message: "Invalid status: must be one of draft, open, paid, uncollectible, or void" },
  { family: "events", method: "GET", path: () => "/v1/events", query: "types=charge.succeeded", param: "types", message: "Invalid array" },
  { family: "expand", method: "GET", path: () => `/v1/customers/${customer}`, query: "expand[]=bogus", param: "expand", message: "This property cannot be expanded (bogus)." },
  { family: "expand", method: "GET", path: () => `/v1/payment_intents/${intent.id}`, query: "expand[]=amount", param: "expand", message: "This property cannot be expanded (amount)." },
  { family: "expand", method: "GET", path: () => "/v1/payment_intents", query: "expand[]=customer", param: "expand", message: "This property cannot be expanded (customer)." },
  { family: "expand", method: "GET", path: () => "/v1/invoices", query: "expand[]=data.payments.data.payment.payment_intent.customer.default_source", param: "expand", message: "You cannot expand more than 4 levels of a property. Property: data.payments.data.payment.payment_intent.customer.default_source" },
];

describe("parameters refused as Stripe refuses them", () => {
  it.each(refused)("$family: $method $query", async (r) => {
    const path = r.path();
    const res =
      r.method === "POST"
        ? await fetch(`${emu.url}${path}`, {
            method: "POST",
            headers: { authorization: `Bearer ${SECRET_KEY}`, "content-type": "application/x-www-form-urlencoded" },
            body: r.query,
          })
        : await fetch(`${emu.url}${path}?${r.query}`, { method: r.method, headers: { authorization: `Bearer ${SECRET_KEY}` } });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: Record<string, unknown> };
    expect(error).toMatchObject({ type: "invalid_request_error", param: r.param, message: r.message });
    expect(error.code).toBe(r.code);
  });

  it("accepts valid nested parameters, expansions through lists, and Stripe.js's own parameters with a publishable key", async () => {
    const ok = await call(emu, "POST", "/v1/payment_intents", {
      key: SECRET_KEY,
      form: {
        amount: "1500",
        currency: "usd",
        customer,
        "metadata[order]": "42",
        "payment_method_options[card][request_three_d_secure]": "automatic",
        "automatic_payment_methods[enabled]": "true",
      },
    });
    expect(ok.status).toBe(200);
    const listed = await fetch(`${emu.url}/v1/payment_intents?expand[]=data.customer&limit=5`, {
      headers: { authorization: `Bearer ${SECRET_KEY}` },
    });
    expect(listed.status).toBe(200);
    const browser = await call(emu, "GET", `/v1/payment_intents/${intent.id}?client_secret=${intent.client_secret}`, { key: PUBLISHABLE_KEY });
    expect(browser.status).toBe(200);
  });

  it("changes nothing when it refuses a request", async () => {
    const before = (await call(emu, "GET", "/v1/customers?limit=100", { key: SECRET_KEY })).body.data.length;
    await fetch(`${emu.url}/v1/customers`, {
      method: "POST",
      headers: { authorization: `Bearer ${SECRET_KEY}`, "content-type": "application/x-www-form-urlencoded" },
      body: "email=x@example.com&not_a_param=1",
    });
    expect((await call(emu, "GET", "/v1/customers?limit=100", { key: SECRET_KEY })).body.data.length).toBe(before);
  });
});

describe("the API description", () => {
  it("is what the generator makes from the installed stripe-node (regenerate it when stripe-node changes)", () => {
    const fresh = `${JSON.stringify(generateDescription())}\n`;
    expect(fresh === readFileSync(DESCRIPTION_FILE, "utf8")).toBe(true);
  }, 180_000);
});
