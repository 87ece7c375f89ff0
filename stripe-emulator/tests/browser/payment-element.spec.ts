// The Payment Element through @stripe/react-stripe-js on the emulator's Stripe.js stand-in.
import { expect, test, type FrameLocator, type Page } from "@playwright/test";
import { startHarness, type Harness } from "./harness.js";

let h: Harness;
test.beforeAll(async () => {
  h = await startHarness();
});
test.afterAll(async () => {
  await h?.close();
});

async function newIntent(amount = 2000): Promise<{ id: string; client_secret: string }> {
  const pi = await h.stripe.paymentIntents.create({ amount, currency: "usd", automatic_payment_methods: { enabled: true } });
  return { id: pi.id, client_secret: pi.client_secret! };
}

function paymentFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe[title="Secure payment input frame"]');
}

async function fillCard(frame: FrameLocator, number: string, expiry = "12 / 34", cvc = "123", postal = "94103") {
  await frame.getByLabel("Card number").fill(number);
  await frame.getByLabel("Expiration date").fill(expiry);
  await frame.getByLabel("Security code").fill(cvc);
  await frame.getByLabel("Postal code").fill(postal);
}

async function openCheckout(page: Page, params: Record<string, string | number | undefined>) {
  await page.goto(h.pageUrl("payment-element", params));
  await expect(page.getByTestId("element-state")).toHaveText(/^ready/);
}

test("pays with 4242 4242 4242 4242", async ({ page }) => {
  const pi = await newIntent();
  await openCheckout(page, { cs: pi.client_secret });
  const frame = paymentFrame(page);
  await fillCard(frame, "4242 4242 4242 4242");
  await expect(page.getByTestId("element-state")).toHaveText("ready / complete");
  await page.locator("#payment-element").screenshot({ path: test.info().outputPath("payment-element.png") });
  await page.getByRole("button", { name: "Pay" }).click();
  await expect(page.getByTestId("status")).toHaveText("succeeded");
  const stored = await h.stripe.paymentIntents.retrieve(pi.id, { expand: ["payment_method"] });
  expect(stored.status).toBe("succeeded");
  expect((stored.payment_method as { card?: { last4?: string } }).card?.last4).toBe("4242");
});

test("a declined card shows Stripe's message and another card can be used", async ({ page }) => {
  const pi = await newIntent();
  await openCheckout(page, { cs: pi.client_secret });
  const frame = paymentFrame(page);
  await fillCard(frame, "4000 0000 0000 0002");
  await page.getByRole("button", { name: "Pay" }).click();
  await expect(page.getByTestId("error")).toHaveText("Your card was declined.");
  await expect(page.getByTestId("error")).toHaveAttribute("data-code", "card_declined");
  expect((await h.stripe.paymentIntents.retrieve(pi.id)).status).toBe("requires_payment_method");

  await frame.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByRole("button", { name: "Pay" }).click();
  await expect(page.getByTestId("status")).toHaveText("succeeded");
  expect((await h.stripe.paymentIntents.retrieve(pi.id)).status).toBe("succeeded");
});

test("3-D Secure: completing authentication in the modal succeeds", async ({ page }) => {
  const pi = await newIntent();
  await openCheckout(page, { cs: pi.client_secret });
  await fillCard(paymentFrame(page), "4000 0025 0000 3155");
  await page.getByRole("button", { name: "Pay" }).click();
  const modal = page.locator('[data-stripe-emulator="three-d-secure"]');
  await expect(modal).toBeVisible();
  const auth = page.frameLocator('iframe[title="Card authentication (test)"]');
  await expect(auth.getByRole("button", { name: "Complete authentication" })).toBeVisible();
  await expect(auth.getByRole("button", { name: "Fail authentication" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("three-d-secure-modal.png") });
  await auth.getByRole("button", { name: "Complete authentication" }).click();
  await expect(modal).toHaveCount(0);
  await expect(page.getByTestId("status")).toHaveText("succeeded");
  expect((await h.stripe.paymentIntents.retrieve(pi.id)).status).toBe("succeeded");
});

test("3-D Secure: failing authentication shows the error and leaves the intent payable", async ({ page }) => {
  const pi = await newIntent();
  await openCheckout(page, { cs: pi.client_secret });
  await fillCard(paymentFrame(page), "4000 0025 0000 3155");
  await page.getByRole("button", { name: "Pay" }).click();
  const auth = page.frameLocator('iframe[title="Card authentication (test)"]');
  await auth.getByRole("button", { name: "Fail authentication" }).click();
  await expect(page.getByTestId("error")).toHaveAttribute("data-code", "payment_intent_authentication_failure");
  await expect(page.getByTestId("error")).not.toBeEmpty();
  const stored = await h.stripe.paymentIntents.retrieve(pi.id);
  expect(stored.status).toBe("requires_payment_method");
  expect(stored.last_payment_error?.code).toBe("payment_intent_authentication_failure");
});

test("live validation messages inside the element", async ({ page }) => {
  const pi = await newIntent();
  await openCheckout(page, { cs: pi.client_secret });
  const frame = paymentFrame(page);
  const number = frame.getByLabel("Card number");
  await number.pressSequentially("4242 4242");
  await frame.getByLabel("Expiration date").focus();
  await expect(frame.getByText("Your card number is incomplete.")).toBeVisible();
  await number.fill("4242 4242 4242 4241");
  await expect(frame.getByText("Your card number is invalid.")).toBeVisible();
  await frame.getByLabel("Expiration date").fill("01 / 20");
  await expect(frame.getByText("Your card's expiration year is in the past.")).toBeVisible();
  // Submitting an incomplete form shows every remaining problem and does not confirm.
  await number.fill("4242 4242 4242 4242");
  await frame.getByLabel("Expiration date").fill("12 / 34");
  await page.getByRole("button", { name: "Pay" }).click();
  await expect(frame.getByText("Your card's security code is incomplete.")).toBeVisible();
  await expect(frame.getByText("Your postal code is incomplete.")).toBeVisible();
  await expect(page.getByTestId("error")).toHaveAttribute("data-code", "incomplete_cvc");
  await page.locator("#payment-element").screenshot({ path: test.info().outputPath("payment-element-errors.png") });
  expect((await h.stripe.paymentIntents.retrieve(pi.id)).status).toBe("requires_payment_method");
});

test("the card number never reaches the merchant page's origin", async ({ page }) => {
  const pi = await newIntent();
  const cardInRequests: Array<{ url: string; fromMerchantFrame: boolean }> = [];
  page.on("request", (req) => {
    const text = `${req.url()} ${req.postData() ?? ""} ${JSON.stringify(req.headers())}`;
    if (/4242\s?4242\s?4242\s?4242|4242%204242/.test(text)) {
      cardInRequests.push({ url: req.url(), fromMerchantFrame: req.frame() === page.mainFrame() });
    }
  });
  await openCheckout(page, { cs: pi.client_secret });
  await fillCard(paymentFrame(page), "4242 4242 4242 4242");
  await page.getByRole("button", { name: "Pay" }).click();
  await expect(page.getByTestId("status")).toHaveText("succeeded");

  // The merchant's server saw nothing of the card ...
  expect(h.merchantRequests.length).toBeGreaterThan(0);
  for (const r of h.merchantRequests) expect(`${r.url} ${r.body} ${JSON.stringify(r.headers)}`).not.toMatch(/4242\s?4242\s?4242\s?4242|4242%20/);
  // ... the merchant page's own DOM holds no card data ...
  expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain("4242 4242");
  // ... and the only request carrying it is the card frame's own call to the emulator.
  expect(cardInRequests).toEqual([{ url: `${h.emulatorUrl}/v1/payment_methods`, fromMerchantFrame: false }]);
});

test("deferred intent: elements from mode/amount/currency, submit(), then confirmPayment with the secret", async ({ page }) => {
  const pi = await newIntent(4500);
  await openCheckout(page, { cs: pi.client_secret, flow: "deferred", amount: 4500 });
  await fillCard(paymentFrame(page), "4242 4242 4242 4242");
  await page.getByRole("button", { name: "Pay" }).click();
  await expect(page.getByTestId("status")).toHaveText("succeeded");
  expect((await h.stripe.paymentIntents.retrieve(pi.id)).status).toBe("succeeded");
});

test("redirect: 'always' sends the browser to return_url with Stripe's parameters", async ({ page }) => {
  const pi = await newIntent();
  await openCheckout(page, { cs: pi.client_secret, redirect: "always" });
  await fillCard(paymentFrame(page), "4242 4242 4242 4242");
  await page.getByRole("button", { name: "Pay" }).click();
  await page.waitForURL(/\/done\?/);
  const url = new URL(page.url());
  expect(url.searchParams.get("payment_intent")).toBe(pi.id);
  expect(url.searchParams.get("payment_intent_client_secret")).toBe(pi.client_secret);
  expect(url.searchParams.get("redirect_status")).toBe("succeeded");
});

test("confirmSetup saves a card from the Payment Element on a SetupIntent", async ({ page }) => {
  const customer = await h.stripe.customers.create({ email: "learner@example.com" });
  const si = await h.stripe.setupIntents.create({ customer: customer.id, usage: "off_session" });
  await openCheckout(page, { cs: si.client_secret! });
  await fillCard(paymentFrame(page), "4242 4242 4242 4242");
  await page.getByRole("button", { name: "Pay" }).click();
  await expect(page.getByTestId("status")).toHaveText("succeeded");
  const stored = await h.stripe.setupIntents.retrieve(si.id);
  expect(stored.status).toBe("succeeded");
  expect(typeof stored.payment_method).toBe("string");
});

test("pays by US bank account: processing, then succeeded when the emulator's clock reaches settlement", async ({ page }) => {
  const pi = await newIntent(4900);
  // Deferred, as an app that creates the intent on submit does: the element offers the bank from mode and currency.
  await openCheckout(page, { cs: pi.client_secret, flow: "deferred", amount: 4900, redirect: "if_required" });
  const frame = paymentFrame(page);
  await frame.getByRole("tab", { name: "US bank account" }).click();
  await expect(page.getByTestId("element-state")).toHaveText("ready / incomplete");
  await page.getByRole("button", { name: "Pay" }).click();
  await expect(frame.getByText("Please enter the account holder's full name.")).toBeVisible();
  await frame.getByLabel("Full name").fill("Jenny Rosen");
  await frame.getByLabel("Routing number").fill("110000000");
  await frame.getByLabel("Account number").fill("000123456789");
  await expect(page.getByTestId("element-state")).toHaveText("ready / complete");
  await page.locator("#payment-element").screenshot({ path: test.info().outputPath("payment-element-bank.png") });
  await page.getByRole("button", { name: "Pay" }).click();
  await expect(page.getByTestId("status")).toHaveText("processing");
  const stored = await h.stripe.paymentIntents.retrieve(pi.id, { expand: ["payment_method"] });
  expect(stored.status).toBe("processing");
  expect((stored.payment_method as { us_bank_account?: { last4?: string } }).us_bank_account?.last4).toBe("6789");
  await fetch(`${h.emulatorUrl}/_emulator/clock/advance`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ seconds: 4 * 86_400 }) });
  expect((await h.stripe.paymentIntents.retrieve(pi.id)).status).toBe("succeeded");
});
