import { expect, test } from "@playwright/test";
import { createUser } from "./support/database";
import { createConnectedSeller, createCourse, emulator, fillCard, orderOf, stripeApi, waitForWebhooks } from "./support/payments";
import { DEMO, logIn } from "./support/session";

test("a buyer pays with the dispute card and the course is on hold; the dispute is won and access returns", async ({ page, browser }) => {
  const seller = await createConnectedSeller("disputed");
  const course = createCourse(seller.id, { priceMinor: 3000, title: `Disputed course ${seller.id.slice(-6)}` });
  const buyer = await createUser("buyer", "dispute-buyer");

  await logIn(page, buyer);
  await page.goto(`/checkout/${course.slug}`);
  await expect(page.getByRole("button", { name: "Pay $30.00" })).toBeEnabled();
  await fillCard(page, "4000 0000 0000 0259");
  await page.getByRole("button", { name: "Pay $30.00" }).click();
  await expect(page.getByTestId("payment-outcome")).toHaveText("Payment received");
  await waitForWebhooks();

  await page.goto("/library");
  const onHold = page.getByTestId("library-course-on-hold");
  await expect(onHold).toContainText(course.title);
  await expect(onHold).toContainText("On hold while a payment dispute is reviewed.");
  await page.screenshot({ path: test.info().outputPath("library-on-hold.png"), fullPage: true });
  await page.goto(`/library/${course.slug}`);
  await expect(page.getByTestId("content-on-hold")).toContainText("on hold while a payment dispute is reviewed");
  await expect(page.getByTestId("course-content")).toHaveCount(0);
  await page.goto(`/courses/${course.slug}`);
  await expect(page.getByTestId("course-on-hold")).toContainText("on hold while a payment dispute is reviewed");
  await expect(page.getByRole("link", { name: "Buy this course" })).toHaveCount(0);
  await page.goto("/account/orders");
  await expect(page.getByRole("row", { name: new RegExp(course.title) })).toContainText("Disputed");

  const order = orderOf(buyer.id, course.id)!;
  const admin = await (await browser.newContext()).newPage();
  await logIn(admin, DEMO.admin);
  await admin.goto(`/admin/orders/${order.id}`);
  await expect(admin.getByTestId("admin-order-status")).toHaveText("Disputed");
  await expect(admin.getByTestId("admin-order-access")).toHaveText("On hold while the dispute is reviewed");
  await admin.screenshot({ path: test.info().outputPath("admin-order-disputed.png"), fullPage: true });

  // The bank decides for the seller (the emulator's control API stands in for it).
  const disputes = await stripeApi("GET", `/v1/disputes?payment_intent=${order.stripePaymentIntentId}`);
  expect(disputes.data).toHaveLength(1);
  await emulator("POST", `disputes/${disputes.data[0].id}/resolve`, { outcome: "won" });
  await waitForWebhooks();

  await admin.reload();
  await expect(admin.getByTestId("admin-order-status")).toHaveText("Paid · dispute won");
  await expect(admin.getByTestId("admin-order-access")).toHaveText("Has access");
  await page.goto(`/library/${course.slug}`);
  await expect(page.getByTestId("course-content-title")).toHaveText(course.title);
  await page.goto("/account/orders");
  await expect(page.getByRole("row", { name: new RegExp(course.title) })).toContainText("Paid · dispute won");
});
