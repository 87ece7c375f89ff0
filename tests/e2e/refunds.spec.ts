import { expect, test, type Browser, type Page } from "@playwright/test";
import { createUser } from "./support/database";
import { createConnectedSeller, createCourse, fillCard, stripeApi, waitForWebhooks } from "./support/payments";
import { DEMO, logIn } from "./support/session";

async function signedIn(browser: Browser, who: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await logIn(page, who);
  return page;
}

test("an admin refunds an order in part, is refused more than is left, refunds the rest, and the buyer loses access", async ({ page, browser }) => {
  const seller = await createConnectedSeller("refunded");
  const course = createCourse(seller.id, { priceMinor: 2000, title: `Refunded course ${seller.id.slice(-6)}` });
  const buyer = await createUser("buyer", "refund-buyer");

  await logIn(page, buyer);
  await page.goto(`/checkout/${course.slug}`);
  await expect(page.getByRole("button", { name: "Pay $20.00" })).toBeEnabled();
  await fillCard(page, "4242 4242 4242 4242");
  await page.getByRole("button", { name: "Pay $20.00" }).click();
  await expect(page.getByTestId("payment-outcome")).toHaveText("Payment received");
  await page.goto(`/library/${course.slug}`);
  await expect(page.getByTestId("course-content-title")).toHaveText(course.title);

  const admin = await signedIn(browser, DEMO.admin);
  await admin.goto("/admin");
  await admin.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Orders" }).click();
  await admin.getByLabel("Seller").selectOption({ label: `${seller.name} (${seller.email})` });
  await admin.getByLabel("Status").selectOption("paid");
  await admin.getByRole("button", { name: "Filter" }).click();
  await expect(admin.getByTestId("orders-total")).toHaveText("1 order.");
  const row = admin.locator('[data-testid^="order-row-"]');
  await expect(row).toContainText(course.title);
  await expect(row).toContainText("$20.00");
  await expect(row).toContainText("$2.00");
  await expect(row).toContainText("destination charge");
  await admin.screenshot({ path: test.info().outputPath("admin-orders.png"), fullPage: true });
  await row.getByRole("link", { name: course.title }).click();

  await admin.getByLabel(/Amount to refund/).fill("5.00");
  await admin.getByLabel("Reason").selectOption("requested_by_customer");
  await admin.getByLabel(/Note/).fill("Buyer asked for a partial refund");
  await admin.getByRole("button", { name: "Refund", exact: true }).click();
  // The confirmation names the amount, what happens to access, and who gives the money back.
  const confirmation = admin.getByRole("dialog", { name: "Refund 5.00 USD?" });
  await expect(confirmation).toContainText("the buyer keeps access");
  await expect(confirmation).toContainText("The platform fee ($2.00 on the whole order) is refunded in proportion.");
  await expect(confirmation).toContainText("The seller's transfer is reversed in proportion");
  await confirmation.getByRole("button", { name: "Yes, refund 5.00 USD" }).click();
  await expect(admin.getByRole("status")).toHaveText("Refunded $5.00.");
  await expect(admin.getByTestId("admin-order-status")).toHaveText("Partly refunded");
  await admin.screenshot({ path: test.info().outputPath("admin-order.png"), fullPage: true });
  await page.reload();
  await expect(page.getByTestId("course-content-title")).toHaveText(course.title);

  await admin.getByLabel(/Amount to refund/).fill("50.00");
  await admin.getByRole("button", { name: "Refund", exact: true }).click();
  await admin.getByRole("button", { name: "Yes, refund 50.00 USD" }).click();
  await expect(admin.locator("#amount-error")).toHaveText("That is more than is left to refund: at most $15.00.");
  // One alert for the whole form, and focus on the field to fix.
  // One alert for the form (Next.js's route announcer is an alert of its own, outside main).
  await expect(admin.getByRole("main").getByRole("alert")).toHaveText(["Please correct the fields marked below."]);
  await expect(admin.getByLabel(/Amount to refund/)).toBeFocused();

  await admin.getByLabel(/Amount to refund/).fill("15.00");
  await admin.getByRole("button", { name: "Refund", exact: true }).click();
  await expect(admin.getByTestId("refund-confirm-access")).toHaveText("This refunds everything that is left: the buyer loses access to the course.");
  await admin.getByRole("button", { name: "Yes, refund 15.00 USD" }).click();
  await expect(admin.getByTestId("admin-order-status")).toHaveText("Refunded");
  await expect(admin.getByText("This order has been refunded in full.")).toBeVisible();
  await expect(admin.getByTestId("refund-requests").locator("li")).toHaveCount(2);

  // Stripe's side: the charge refunded in full, the seller's transfer reversed, the fee given back.
  await waitForWebhooks();
  const intentId = (await admin.locator("a code").first().textContent())!;
  const intent = await stripeApi("GET", `/v1/payment_intents/${intentId}`);
  const charge = await stripeApi("GET", `/v1/charges/${intent.latest_charge}`);
  expect(charge.amount_refunded).toBe(2000);
  expect((await stripeApi("GET", `/v1/transfers/${charge.transfer}`)).amount_reversed).toBe(2000);
  expect((await stripeApi("GET", `/v1/application_fees/${charge.application_fee}`)).amount_refunded).toBe(200);

  await page.reload();
  await expect(page.getByTestId("content-locked")).toBeVisible();
});

test("the orders page and refunds are for admins only", async ({ page }) => {
  await logIn(page, DEMO.buyer);
  expect((await page.goto("/admin/orders"))?.status()).toBe(403);
  expect((await page.goto("/admin/orders/anything"))?.status()).toBe(403);
});
