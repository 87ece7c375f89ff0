// The Card Element and stripe.confirmCardPayment through @stripe/react-stripe-js.
import { expect, test, type FrameLocator, type Page } from "@playwright/test";
import { startHarness, type Harness } from "./harness.js";

let h: Harness;
test.beforeAll(async () => {
  h = await startHarness();
});
test.afterAll(async () => {
  await h?.close();
});

async function newIntent(): Promise<{ id: string; client_secret: string }> {
  const pi = await h.stripe.paymentIntents.create({ amount: 1500, currency: "usd" });
  return { id: pi.id, client_secret: pi.client_secret! };
}

async function openCheckout(page: Page, clientSecret: string): Promise<FrameLocator> {
  await page.goto(h.pageUrl("card-element", { cs: clientSecret }));
  const frame = page.frameLocator('iframe[title="Secure card payment input frame"]');
  await expect(frame.getByLabel("Card number")).toBeVisible();
  return frame;
}

async function fillCard(frame: FrameLocator, number: string) {
  await frame.getByLabel("Card number").fill(number);
  await frame.getByLabel("Expiration date").fill("04 / 30");
  await frame.getByLabel("Security code").fill("314");
  await frame.getByLabel("Postal code").fill("10001");
}

test("pays with 4242 4242 4242 4242 through confirmCardPayment", async ({ page }) => {
  const pi = await newIntent();
  const frame = await openCheckout(page, pi.client_secret);
  await fillCard(frame, "4242424242424242");
  await expect(page.getByTestId("brand")).toHaveText("visa");
  await expect(page.locator(".card-box")).toHaveClass(/StripeElement--complete/);
  await page.locator(".card-box").screenshot({ path: test.info().outputPath("card-element.png") });
  await page.getByRole("button", { name: "Pay" }).click();
  await expect(page.getByTestId("status")).toHaveText("succeeded");
  const stored = await h.stripe.paymentIntents.retrieve(pi.id, { expand: ["payment_method"] });
  expect(stored.status).toBe("succeeded");
  const pm = stored.payment_method as { card?: { last4?: string }; billing_details?: { name?: string; address?: { postal_code?: string } } };
  expect(pm.card?.last4).toBe("4242");
  expect(pm.billing_details?.name).toBe("Ada Lovelace");
  expect(pm.billing_details?.address?.postal_code).toBe("10001");
});

test("a declined card shows the error; a second card then pays", async ({ page }) => {
  const pi = await newIntent();
  const frame = await openCheckout(page, pi.client_secret);
  await fillCard(frame, "4000000000000002");
  await page.getByRole("button", { name: "Pay" }).click();
  await expect(page.getByTestId("error")).toHaveText("Your card was declined.");
  await frame.getByLabel("Card number").fill("4242424242424242");
  await page.getByRole("button", { name: "Pay" }).click();
  await expect(page.getByTestId("status")).toHaveText("succeeded");
});

test("3-D Secure card: complete, and on another intent fail", async ({ page }) => {
  const first = await newIntent();
  let frame = await openCheckout(page, first.client_secret);
  await fillCard(frame, "4000002500003155");
  await page.getByRole("button", { name: "Pay" }).click();
  let auth = page.frameLocator('iframe[title="Card authentication (test)"]');
  await auth.getByRole("button", { name: "Complete authentication" }).click();
  await expect(page.getByTestId("status")).toHaveText("succeeded");
  expect((await h.stripe.paymentIntents.retrieve(first.id)).status).toBe("succeeded");

  const second = await newIntent();
  frame = await openCheckout(page, second.client_secret);
  await fillCard(frame, "4000002500003155");
  await page.getByRole("button", { name: "Pay" }).click();
  auth = page.frameLocator('iframe[title="Card authentication (test)"]');
  await auth.getByRole("button", { name: "Fail authentication" }).click();
  await expect(page.getByTestId("error")).toHaveAttribute("data-code", "payment_intent_authentication_failure");
  expect((await h.stripe.paymentIntents.retrieve(second.id)).status).toBe("requires_payment_method");
});

test("change events carry the live validation error to the merchant page", async ({ page }) => {
  const pi = await newIntent();
  const frame = await openCheckout(page, pi.client_secret);
  await frame.getByLabel("Card number").pressSequentially("4000 0566");
  await expect(page.getByTestId("card-error")).toHaveCount(0);
  await frame.getByLabel("Expiration date").focus();
  await expect(page.getByTestId("card-error")).toHaveText("Your card number is incomplete.");
  await expect(page.locator(".card-box")).toHaveClass(/StripeElement--invalid/);
  await frame.getByLabel("Card number").fill("4000 0566 5566 5556");
  await frame.getByLabel("Expiration date").fill("1");
  await frame.getByLabel("Security code").focus();
  await expect(page.getByTestId("card-error")).toHaveText("Your card's expiration date is incomplete.");
  await page.getByRole("button", { name: "Pay" }).click();
  await expect(page.getByTestId("error")).toHaveText("Your card's expiration date is incomplete.");
  expect((await h.stripe.paymentIntents.retrieve(pi.id)).status).toBe("requires_payment_method");
});
