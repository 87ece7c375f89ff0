import { expect, test, type Page } from "@playwright/test";
import { countRows, createUser, openDatabase, readRow } from "./support/database";
import { createConnectedSeller, createCourse, fillCard, orderOf, threeDSecure, waitForWebhooks } from "./support/payments";
import { logIn } from "./support/session";

async function openCheckout(page: Page, course: { slug: string; title: string }) {
  await page.goto(`/courses/${course.slug}`);
  await page.getByRole("link", { name: "Buy this course" }).click();
  await expect(page.getByTestId("checkout-course")).toHaveText(course.title);
  await expect(page.getByRole("button", { name: /^Pay / })).toBeEnabled();
}

async function setup(page: Page, priceMinor = 2900) {
  const seller = await createConnectedSeller();
  const buyer = await createUser("buyer");
  const course = createCourse(seller.id, { priceMinor });
  await logIn(page, buyer);
  return { buyer, course };
}

test("a buyer pays with 4242, opens the course and finds the receipt", async ({ page }) => {
  const { buyer, course } = await setup(page, 2900);
  await openCheckout(page, course);
  await expect(page.getByTestId("checkout-price")).toHaveText("$29.00");
  await fillCard(page, "4242 4242 4242 4242");
  await page.screenshot({ path: test.info().outputPath("checkout.png"), fullPage: true });
  const pay = page.getByRole("button", { name: "Pay $29.00" });
  await pay.click();
  await expect(page.getByTestId("payment-outcome")).toHaveText("Payment received");

  await page.getByRole("link", { name: "Open the course" }).click();
  await expect(page.getByTestId("course-content-title")).toHaveText(course.title);

  await page.goto("/library");
  await expect(page.getByTestId("library-course").filter({ hasText: course.title })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("library.png"), fullPage: true });

  await page.goto("/account/orders");
  const row = page.getByTestId("order-row").filter({ hasText: course.title });
  await expect(row).toContainText("$29.00");
  await expect(row).toContainText("Paid");
  await row.getByRole("link", { name: "Receipt" }).click();
  await expect(page.getByTestId("receipt-amount")).toHaveText("$29.00");
  await expect(page.getByTestId("receipt")).toContainText("ending 4242");

  await waitForWebhooks();
  expect(countRows(`SELECT count(*) n FROM "Enrolment" WHERE userId = ? AND courseId = ?`, buyer.id, course.id)).toBe(1);
  expect(countRows(`SELECT count(*) n FROM "Order" WHERE buyerId = ?`, buyer.id)).toBe(1);

  await page.goto(`/courses/${course.slug}`);
  await expect(page.getByRole("link", { name: "Open the course" })).toBeVisible();
  await page.goto(`/checkout/${course.slug}`);
  await expect(page.getByTestId("checkout-notice")).toContainText("You already own this course");
});

test("a declined card shows the bank's answer, and another card pays", async ({ page }) => {
  const { buyer, course } = await setup(page);
  await openCheckout(page, course);
  await fillCard(page, "4000 0000 0000 0002");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByTestId("payment-error")).toHaveText("Your card was declined.");
  expect(orderOf(buyer.id, course.id)?.status).toBe("pending");

  await fillCard(page, "4242 4242 4242 4242");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByTestId("payment-outcome")).toHaveText("Payment received");
  expect(countRows(`SELECT count(*) n FROM "Order" WHERE buyerId = ?`, buyer.id)).toBe(1);
});

test("3-D Secure: the buyer completes authentication and gets the course", async ({ page }) => {
  const { course } = await setup(page);
  await openCheckout(page, course);
  await fillCard(page, "4000 0025 0000 3155");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByRole("button", { name: "Paying…" })).toBeDisabled();
  await threeDSecure(page).getByRole("button", { name: "Complete authentication" }).click();
  await expect(page.getByTestId("payment-outcome")).toHaveText("Payment received");
});

test("3-D Secure: a failed authentication can be retried", async ({ page }) => {
  const { buyer, course } = await setup(page);
  await openCheckout(page, course);
  await fillCard(page, "4000 0025 0000 3155");
  await page.getByRole("button", { name: /^Pay / }).click();
  await threeDSecure(page).getByRole("button", { name: "Fail authentication" }).click();
  await expect(page.getByTestId("payment-error")).toContainText("try again");
  expect(orderOf(buyer.id, course.id)?.status).toBe("pending");

  await page.getByRole("button", { name: /^Pay / }).click();
  await threeDSecure(page).getByRole("button", { name: "Complete authentication" }).click();
  await expect(page.getByTestId("payment-outcome")).toHaveText("Payment received");
  expect(countRows(`SELECT count(*) n FROM "Order" WHERE buyerId = ?`, buyer.id)).toBe(1);
});

test("a buyer who closes the tab right after paying still gets the course, through the webhook", async ({ page, context }) => {
  const { buyer, course } = await setup(page);
  await openCheckout(page, course);
  // The return page never loads: only the webhook can fulfil this order.
  const returnPageRequested = new Promise<void>((resolve) => {
    void page.route("**/checkout/complete/**", async (route) => {
      resolve();
      await route.abort();
    });
  });
  await fillCard(page, "4242 4242 4242 4242");
  await page.getByRole("button", { name: /^Pay / }).click();
  await returnPageRequested;
  await page.close();

  await expect.poll(() => orderOf(buyer.id, course.id)?.status, { timeout: 15_000 }).toBe("paid");
  // The handler's own commit pays the order; the event row is marked handled right after it.
  const eventStatus = () =>
    readRow<{ status: string }>(
      `SELECT status FROM "StripeEvent" WHERE type = 'payment_intent.succeeded' AND payload LIKE ?`,
      `%${orderOf(buyer.id, course.id)!.stripePaymentIntentId}%`,
    )?.status;
  await expect.poll(eventStatus, { timeout: 5_000 }).toBe("handled");

  const next = await context.newPage();
  await next.goto("/library");
  await expect(next.getByTestId("library-course").filter({ hasText: course.title })).toBeVisible();
});

test("a visitor is sent to log in before checkout, and a seller cannot buy their own course", async ({ page }) => {
  const seller = await createUser("seller");
  const course = createCourse(seller.id);
  await page.goto(`/checkout/${course.slug}`);
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await logIn(page, seller);
  await page.goto(`/checkout/${course.slug}`);
  await expect(page.getByTestId("checkout-notice")).toContainText("your own course");
});

test("a price changed after the page was opened is refused before any charge; the new price is shown", async ({ page }) => {
  const { buyer, course } = await setup(page, 2900);
  await openCheckout(page, course);
  const db = openDatabase();
  try {
    db.prepare(`UPDATE "Course" SET priceMinor = 3500 WHERE id = ?`).run(course.id);
  } finally {
    db.close();
  }
  await fillCard(page, "4242 4242 4242 4242");
  await page.getByRole("button", { name: "Pay $29.00" }).click();
  await expect(page.getByTestId("payment-error")).toHaveText("The price of this course is now $35.00. Please check it and pay again.");
  expect(countRows(`SELECT count(*) n FROM "Order" WHERE buyerId = ?`, buyer.id)).toBe(0);

  await page.getByRole("button", { name: "See the new price" }).click();
  await expect(page.getByTestId("checkout-price")).toHaveText("$35.00");
  await fillCard(page, "4242 4242 4242 4242");
  await page.getByRole("button", { name: "Pay $35.00" }).click();
  await expect(page.getByTestId("payment-outcome")).toHaveText("Payment received");
});
