// The stand-in's Stripe object used directly (no React): every call shape @stripe/stripe-js apps use.
import { expect, test, type FrameLocator, type Page } from "@playwright/test";
import { startHarness, type Harness } from "./harness.js";

let h: Harness;
test.beforeAll(async () => {
  h = await startHarness();
});
test.afterAll(async () => {
  await h?.close();
});

type Result = Record<string, any>;

async function openPlain(page: Page, account?: string): Promise<void> {
  await page.goto(h.pageUrl("plain", { account }));
  await page.waitForFunction(() => {
    const emu = (window as any).emu;
    return emu && emu.events.filter((e: { type: string }) => e.type === "ready").length >= 4;
  });
}

async function fillCardElement(page: Page, number: string): Promise<void> {
  const frame = page.frameLocator("#card iframe");
  await frame.getByLabel("Card number").fill(number);
  await frame.getByLabel("Expiration date").fill("11 / 31");
  await frame.getByLabel("Security code").fill("999");
  await frame.getByLabel("Postal code").fill("02139");
}

async function fillSplit(page: Page): Promise<void> {
  await page.frameLocator("#number iframe").getByLabel("Card number").fill("5555 5555 5555 4444");
  await page.frameLocator("#expiry iframe").getByLabel("Expiration date").fill("10 / 32");
  await page.frameLocator("#cvc iframe").getByLabel("Security code").fill("321");
}

function authFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe[title="Card authentication (test)"]');
}

test("Stripe object: react-stripe-js's duck-typing checks and the release train", async ({ page }) => {
  await openPlain(page);
  const info = await page.evaluate(() => {
    const w = window as any;
    const s = w.emu.stripe;
    return {
      version: w.Stripe.version,
      fns: ["elements", "createToken", "createPaymentMethod", "confirmCardPayment", "confirmPayment", "_registerWrapper", "registerAppInfo"].every(
        (k) => typeof s[k] === "function",
      ),
      classes: document.getElementById("card")!.className,
    };
  });
  expect(info).toEqual({ version: "endive", fns: true, classes: "StripeElement StripeElement--empty" });
});

test("createPaymentMethod in its three call shapes, and createToken", async ({ page }) => {
  await openPlain(page);
  await fillCardElement(page, "4242424242424242");
  const r = await page.evaluate(async () => {
    const { stripe, card } = (window as any).emu;
    const a = await stripe.createPaymentMethod({ type: "card", card, billing_details: { name: "Grace Hopper" } });
    const b = await stripe.createPaymentMethod("card", card, { billing_details: { email: "g@example.com" } });
    const t = await stripe.createToken(card, { name: "Grace Hopper" });
    return { a, b, t };
  });
  expect(r.a.paymentMethod.id).toMatch(/^pm_/);
  expect(r.a.paymentMethod.card.last4).toBe("4242");
  expect(r.a.paymentMethod.billing_details.name).toBe("Grace Hopper");
  expect(r.a.paymentMethod.billing_details.address.postal_code).toBe("02139");
  expect(r.b.paymentMethod.billing_details.email).toBe("g@example.com");
  expect(r.t.token.id).toMatch(/^tok_/);
  expect(r.t.token.card.last4).toBe("4242");
  const stored = await h.stripe.paymentMethods.retrieve(r.a.paymentMethod.id);
  expect(stored.card?.exp_month).toBe(11);
  expect(stored.card?.exp_year).toBe(2031);
});

test("split card elements (cardNumber, cardExpiry, cardCvc) make one PaymentMethod", async ({ page }) => {
  await openPlain(page);
  await fillSplit(page);
  const r: Result = await page.evaluate(async () => {
    const { stripe, number } = (window as any).emu;
    return stripe.createPaymentMethod({ type: "card", card: number });
  });
  expect(r.error).toBeUndefined();
  expect(r.paymentMethod.card.last4).toBe("4444");
  expect(r.paymentMethod.card.brand).toBe("mastercard");
});

test("an incomplete card gives a validation_error and no API call", async ({ page }) => {
  await openPlain(page);
  await page.frameLocator("#card iframe").getByLabel("Card number").fill("4242 4242");
  const apiCallsBefore = h.emulatorRequests().length;
  const r: Result = await page.evaluate(async () => {
    const { stripe, card, events } = (window as any).emu;
    const result = await stripe.createPaymentMethod({ type: "card", card });
    const lastChange = events.filter((e: { type: string; element: string }) => e.type === "change" && e.element === "card").pop();
    return { result, lastChange };
  });
  expect(r.result.error).toEqual({ type: "validation_error", code: "incomplete_number", message: "Your card number is incomplete." });
  expect(r.lastChange).toMatchObject({ elementType: "card", complete: false, empty: false, brand: "visa", error: { code: "incomplete_number" } });
  expect(h.emulatorRequests().slice(apiCallsBefore)).toEqual([]);
});

test("confirmCardPayment with a PaymentMethod ID, then retrievePaymentIntent", async ({ page }) => {
  await openPlain(page);
  await fillCardElement(page, "4242424242424242");
  const pi = await h.stripe.paymentIntents.create({ amount: 990, currency: "eur" });
  const r: Result = await page.evaluate(async (cs) => {
    const { stripe, card } = (window as any).emu;
    const { paymentMethod } = await stripe.createPaymentMethod({ type: "card", card });
    const confirmed = await stripe.confirmCardPayment(cs, { payment_method: paymentMethod.id });
    const retrieved = await stripe.retrievePaymentIntent(cs);
    return { confirmed, retrieved };
  }, pi.client_secret);
  expect(r.confirmed.paymentIntent.status).toBe("succeeded");
  expect(r.retrieved.paymentIntent.id).toBe(pi.id);
  expect(r.retrieved.paymentIntent.status).toBe("succeeded");
});

test("a decline resolves {error} in Stripe.js's shape, with the PaymentIntent", async ({ page }) => {
  await openPlain(page);
  await fillCardElement(page, "4000000000009995");
  const pi = await h.stripe.paymentIntents.create({ amount: 5000, currency: "usd" });
  const r: Result = await page.evaluate(
    (cs) => (window as any).emu.stripe.confirmCardPayment(cs, { payment_method: { card: (window as any).emu.card } }),
    pi.client_secret,
  );
  expect(r.paymentIntent).toBeUndefined();
  expect(r.error).toMatchObject({
    type: "card_error",
    code: "card_declined",
    decline_code: "insufficient_funds",
    message: "Your card has insufficient funds.",
    payment_intent: { id: pi.id, status: "requires_payment_method" },
  });
});

test("handleActions: false, then handleCardAction opens the 3-D Secure modal", async ({ page }) => {
  await openPlain(page);
  await fillCardElement(page, "4000002500003155");
  const pi = await h.stripe.paymentIntents.create({ amount: 1200, currency: "usd" });
  const first: Result = await page.evaluate(
    (cs) => (window as any).emu.stripe.confirmCardPayment(cs, { payment_method: { card: (window as any).emu.card } }, { handleActions: false }),
    pi.client_secret,
  );
  expect(first.paymentIntent.status).toBe("requires_action");
  const pending = page.evaluate((cs) => (window as any).emu.stripe.handleCardAction(cs), pi.client_secret);
  await authFrame(page).getByRole("button", { name: "Complete authentication" }).click();
  const second: Result = await pending;
  expect(second.paymentIntent.status).toBe("succeeded");
});

test("handleNextAction completes an intent confirmed on the server", async ({ page }) => {
  await openPlain(page);
  const pi = await h.stripe.paymentIntents.create({
    amount: 2500,
    currency: "usd",
    payment_method: "pm_card_threeDSecure2Required",
    confirm: true,
  });
  expect(pi.status).toBe("requires_action");
  const pending = page.evaluate((cs) => (window as any).emu.stripe.handleNextAction({ clientSecret: cs }), pi.client_secret);
  await authFrame(page).getByRole("button", { name: "Complete authentication" }).click();
  const r: Result = await pending;
  expect(r.paymentIntent.status).toBe("succeeded");
  expect((await h.stripe.paymentIntents.retrieve(pi.id)).status).toBe("succeeded");
});

test("confirmCardSetup saves a card on a SetupIntent, with and without 3-D Secure", async ({ page }) => {
  await openPlain(page);
  await fillCardElement(page, "4242424242424242");
  const plain = await h.stripe.setupIntents.create({ usage: "off_session" });
  const r1: Result = await page.evaluate(
    (cs) => (window as any).emu.stripe.confirmCardSetup(cs, { payment_method: { card: (window as any).emu.card } }),
    plain.client_secret,
  );
  expect(r1.setupIntent.status).toBe("succeeded");

  await page.frameLocator("#card iframe").getByLabel("Card number").fill("4000 0025 0000 3155");
  const secure = await h.stripe.setupIntents.create({ usage: "off_session" });
  const pending = page.evaluate(
    (cs) => (window as any).emu.stripe.confirmCardSetup(cs, { payment_method: { card: (window as any).emu.card } }),
    secure.client_secret,
  );
  await authFrame(page).getByRole("button", { name: "Fail authentication" }).click();
  const r2: Result = await pending;
  expect(r2.error.code).toBe("setup_intent_authentication_failure");
  expect(r2.error.setup_intent.status).toBe("requires_payment_method");
});

test("Stripe(pk, {stripeAccount}) pays an intent of a connected account", async ({ page }) => {
  const account = await h.stripe.accounts.create({ type: "standard", country: "US", email: "teacher@example.com" });
  const pi = await h.stripe.paymentIntents.create({ amount: 3000, currency: "usd" }, { stripeAccount: account.id });
  await openPlain(page, account.id);
  await fillCardElement(page, "4242424242424242");
  const r: Result = await page.evaluate(
    (cs) => (window as any).emu.stripe.confirmCardPayment(cs, { payment_method: { card: (window as any).emu.card } }),
    pi.client_secret,
  );
  expect(r.error).toBeUndefined();
  expect(r.paymentIntent.status).toBe("succeeded");
  expect((await h.stripe.paymentIntents.retrieve(pi.id, {}, { stripeAccount: account.id })).status).toBe("succeeded");
});

test("integration mistakes throw like Stripe.js", async ({ page }) => {
  await openPlain(page);
  const r = await page.evaluate(async () => {
    const w = window as any;
    const out: string[] = [];
    try {
      w.Stripe("sk_test_oops");
    } catch (e) {
      out.push((e as Error).name);
    }
    try {
      await w.emu.stripe.confirmCardPayment("not-a-secret");
    } catch (e) {
      out.push((e as Error).name);
    }
    try {
      w.emu.elements.create("card");
    } catch (e) {
      out.push((e as Error).message.includes("already has a card Element") ? "duplicate" : "other");
    }
    return out;
  });
  expect(r).toEqual(["IntegrationError", "IntegrationError", "duplicate"]);
});
