// Paying by US bank account (ACH Direct Debit): a payment that settles days later. The emulator
// settles it when its clock passes the settlement time, as Stripe's bank would.
import { expect, test, type Page } from "@playwright/test";
import { countRows, createUser, readRow } from "./support/database";
import { createConnectedSeller, createCourse, emulator, fillCard, orderOf, paymentFrame, stripeApi, waitForWebhooks } from "./support/payments";
import { logIn } from "./support/session";

const SETTLEMENT_SECONDS = String(4 * 86_400);

// Each journey visits several pages and waits for two rounds of webhooks.
test.describe.configure({ timeout: 120_000 });

async function payByBank(page: Page, course: { slug: string }, accountNumber: string) {
  await page.goto(`/checkout/${course.slug}`);
  await expect(page.getByRole("button", { name: /^Pay / })).toBeEnabled();
  const frame = paymentFrame(page);
  await frame.getByRole("tab", { name: "US bank account" }).click();
  await frame.getByLabel("Full name").fill("Jenny Rosen");
  await frame.getByLabel("Routing number").fill("110000000");
  await frame.getByLabel("Account number").fill(accountNumber);
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByTestId("payment-outcome")).toHaveText("Payment processing");
}

async function setup(page: Page) {
  const seller = await createConnectedSeller();
  const buyer = await createUser("buyer");
  const course = createCourse(seller.id, { priceMinor: 4900 });
  await logIn(page, buyer);
  return { buyer, course };
}

/** Charges Stripe made for the intent, by status: one payment, however the buyer clicked. */
async function chargesOf(intentId: string): Promise<string[]> {
  const list = await stripeApi("GET", `/v1/charges?payment_intent=${intentId}`);
  return (list.data as Array<{ status: string }>).map((c) => c.status).sort();
}

test("a bank payment shows as processing, blocks paying twice, and gives access once the bank confirms it", async ({ page }) => {
  const { buyer, course } = await setup(page);
  await payByBank(page, course, "000123456789");
  await page.screenshot({ path: test.info().outputPath("bank-processing.png"), fullPage: true });
  await waitForWebhooks();

  await page.goto("/account/orders");
  await expect(page.getByTestId("order-row").filter({ hasText: course.title })).toContainText("Payment processing");
  await page.goto(`/library/${course.slug}`);
  await expect(page.getByTestId("course-content-title")).toHaveCount(0);
  // No second payment meanwhile: the checkout says it is processing instead of offering the form.
  await page.goto(`/checkout/${course.slug}`);
  await expect(page.getByTestId("checkout-notice")).toContainText("Your bank payment for this course is processing");
  await expect(page.getByRole("button", { name: /^Pay / })).toHaveCount(0);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath("bank-processing-checkout-390.png"), fullPage: true });

  await emulator("POST", "clock/advance", { seconds: SETTLEMENT_SECONDS });
  await waitForWebhooks();
  const order = orderOf(buyer.id, course.id)!;
  expect(order.status).toBe("paid");
  await page.goto("/account/orders");
  await expect(page.getByTestId("order-row").filter({ hasText: course.title })).toContainText("Paid");
  await page.goto(`/library/${course.slug}`);
  await expect(page.getByTestId("course-content-title")).toHaveText(course.title);
  expect(countRows(`SELECT count(*) n FROM "Order" WHERE buyerId = ?`, buyer.id)).toBe(1);
  expect(await chargesOf(order.stripePaymentIntentId)).toEqual(["succeeded"]);
});

test("a failed bank payment lets the buyer pay again, with a card, on the same order", async ({ page }) => {
  const { buyer, course } = await setup(page);
  await payByBank(page, course, "000111111113");
  await emulator("POST", "clock/advance", { seconds: SETTLEMENT_SECONDS });
  await waitForWebhooks();
  const failed = readRow<{ status: string; lastPaymentError: string | null; paymentProcessingAt: string | null }>(
    `SELECT status, lastPaymentError, paymentProcessingAt FROM "Order" WHERE buyerId = ? AND courseId = ?`,
    buyer.id,
    course.id,
  )!;
  expect(failed).toMatchObject({ status: "pending", lastPaymentError: "The customer's bank account has been closed.", paymentProcessingAt: null });
  await page.goto("/account/orders");
  await expect(page.getByTestId("order-row").filter({ hasText: course.title })).toContainText("Awaiting payment");

  await page.goto(`/checkout/${course.slug}`);
  await expect(page.getByRole("button", { name: /^Pay / })).toBeEnabled();
  await fillCard(page, "4242 4242 4242 4242");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByTestId("payment-outcome")).toHaveText("Payment received");
  await waitForWebhooks();
  expect(countRows(`SELECT count(*) n FROM "Order" WHERE buyerId = ?`, buyer.id)).toBe(1);
  expect(countRows(`SELECT count(*) n FROM "Enrolment" WHERE userId = ? AND courseId = ?`, buyer.id, course.id)).toBe(1);
  expect(await chargesOf(orderOf(buyer.id, course.id)!.stripePaymentIntentId)).toEqual(["failed", "succeeded"]);
});
