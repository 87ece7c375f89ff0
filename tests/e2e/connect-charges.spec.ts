import { readFile } from "node:fs/promises";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createUser, openDatabase, readRow } from "./support/database";
import { createConnectedSeller, createCourse, fillCard, stripeApi, waitForWebhooks } from "./support/payments";
import { DEMO, logIn } from "./support/session";

// These tests switch the platform's charge type; later specs expect the default back.
test.afterEach(() => {
  const db = openDatabase();
  try {
    db.prepare(`UPDATE "PlatformSettings" SET chargeType = 'destination', feeBasisPoints = 1000`).run();
  } finally {
    db.close();
  }
});

async function signedIn(browser: Browser, who: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await logIn(page, who);
  return page;
}

async function chooseChargeType(admin: Page, label: "Destination charges" | "Direct charges") {
  await admin.goto("/admin/settings");
  await admin.getByLabel("Default platform fee (%)").fill("10");
  await admin.getByLabel(label).check();
  await admin.getByRole("button", { name: "Save settings" }).click();
  await expect(admin.getByRole("status")).toHaveText(/Settings saved|Nothing changed/);
}

async function buy(page: Page, course: { slug: string }, price: string, chargeWords: string, seller: string) {
  await page.goto(`/courses/${course.slug}`);
  await expect(page.getByTestId("course-payee")).toContainText(`Paid securely through Stripe to ${seller}.`);
  await expect(page.getByTestId("course-payee")).not.toContainText(chargeWords);
  await page.getByRole("link", { name: "Buy this course" }).click();
  await expect(page.getByTestId("checkout-payee")).toContainText(`Paid to ${seller} through Stripe.`);
  await expect(page.getByRole("button", { name: `Pay ${price}` })).toBeEnabled();
  await fillCard(page, "4242 4242 4242 4242");
  await page.getByRole("button", { name: `Pay ${price}` }).click();
  await expect(page.getByTestId("payment-outcome")).toHaveText("Payment received");
}

function orderRow(buyerId: string, courseId: string) {
  return readRow<{ id: string; status: string; chargeType: string; stripeAccountId: string; applicationFeeMinor: number; stripePaymentIntentId: string }>(
    `SELECT id, status, chargeType, stripeAccountId, applicationFeeMinor, stripePaymentIntentId FROM "Order"
     WHERE buyerId = ? AND courseId = ? ORDER BY createdAt DESC`,
    buyerId,
    courseId,
  );
}

test("a buyer pays by destination charge, then by direct charge after the admin switches; the seller sees both sales and fees and downloads the CSV", async ({ page, browser }) => {
  const seller = await createConnectedSeller("earner");
  const first = createCourse(seller.id, { priceMinor: 2000, title: `Destination course ${seller.id.slice(-6)}` });
  const second = createCourse(seller.id, { priceMinor: 3000, title: `Direct course ${seller.id.slice(-6)}` });
  const buyer = await createUser("buyer", "connect-buyer");
  const admin = await signedIn(browser, DEMO.admin);
  await chooseChargeType(admin, "Destination charges");

  await logIn(page, buyer);
  await buy(page, first, "$20.00", "destination charges", seller.name);
  const destination = orderRow(buyer.id, first.id)!;
  expect(destination).toMatchObject({ status: "paid", chargeType: "destination", stripeAccountId: seller.stripeAccountId, applicationFeeMinor: 200 });
  const platformIntent = await stripeApi("GET", `/v1/payment_intents/${destination.stripePaymentIntentId}`);
  expect(platformIntent).toMatchObject({ amount: 2000, application_fee_amount: 200, transfer_data: { destination: seller.stripeAccountId } });

  await chooseChargeType(admin, "Direct charges");
  await admin.screenshot({ path: test.info().outputPath("admin-settings.png"), fullPage: true });
  await expect(admin.getByTestId("settings-history").locator("li").first()).toContainText("charges destination → direct");

  await buy(page, second, "$30.00", "direct charges", seller.name);
  const direct = orderRow(buyer.id, second.id)!;
  expect(direct).toMatchObject({ status: "paid", chargeType: "direct", stripeAccountId: seller.stripeAccountId, applicationFeeMinor: 300 });
  const sellerIntent = await stripeApi("GET", `/v1/payment_intents/${direct.stripePaymentIntentId}`, undefined, seller.stripeAccountId);
  expect(sellerIntent).toMatchObject({ amount: 3000, application_fee_amount: 300, status: "succeeded" });
  await waitForWebhooks();
  const connectEvent = readRow<{ status: string; account: string }>(
    `SELECT status, account FROM "StripeEvent" WHERE type = 'payment_intent.succeeded' AND payload LIKE ?`,
    `%${direct.stripePaymentIntentId}%`,
  );
  expect(connectEvent).toMatchObject({ status: "handled", account: seller.stripeAccountId });

  const sellerPage = await signedIn(browser, seller);
  await sellerPage.goto("/seller/sales");
  const rows = sellerPage.getByTestId("sale-row");
  await expect(rows).toHaveCount(2);
  const directRow = rows.filter({ hasText: second.title });
  await expect(directRow.getByTestId("ledger-gross")).toHaveText("$30.00");
  await expect(directRow.getByTestId("ledger-fee")).toHaveText("−$3.00");
  await expect(directRow.getByTestId("ledger-net")).toHaveText("$27.00");
  await expect(directRow).toContainText("Direct");
  const destinationRow = rows.filter({ hasText: first.title });
  await expect(destinationRow.getByTestId("ledger-fee")).toHaveText("−$2.00");
  await expect(destinationRow.getByTestId("ledger-net")).toHaveText("$18.00");
  // Sellers see their buyers' names, never their email addresses.
  await expect(destinationRow).toContainText(buyer.name);
  await expect(sellerPage.locator("body")).not.toContainText(buyer.email);
  await expect(sellerPage.getByTestId("total-row").getByTestId("ledger-net")).toHaveText("$45.00");
  await expect(sellerPage.getByTestId("sales-chart").locator("[data-chart-bar]")).toHaveCount(12);
  await sellerPage.screenshot({ path: test.info().outputPath("seller-sales.png"), fullPage: true });

  const [download] = await Promise.all([sellerPage.waitForEvent("download"), sellerPage.getByRole("link", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^sales-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe("row,period,order_id,buyer,course,charge_type,currency,sales,gross,platform_fee,fee_refunded,refunds,disputes,net");
  expect(lines).toHaveLength(5);
  expect(csv).toContain(`"${direct.id}","${buyer.name}","${second.title}","direct","USD",1,30.00,3.00,0.00,0.00,0.00,27.00`);
  expect(csv).toContain(`"${destination.id}","${buyer.name}","${first.title}","destination","USD",1,20.00,2.00,0.00,0.00,0.00,18.00`);
  expect(lines.at(-1)).toBe(`"total","all",,,,,"USD",2,50.00,5.00,0.00,0.00,0.00,45.00`);
  expect(csv).not.toContain(buyer.email);

  // Another seller's export holds none of these sales; a buyer gets no export at all.
  const otherSeller = await signedIn(browser, await createUser("seller", "no-sales"));
  const otherCsv = await otherSeller.request.get("/seller/sales/export");
  expect((await otherCsv.text()).trim().split("\r\n")).toHaveLength(1);
  expect((await page.request.get("/seller/sales/export")).status()).toBe(403);
});

test("a pending order made before the admin switched to direct charges is not charged the old way", async ({ page, browser }) => {
  const seller = await createConnectedSeller("switch");
  const course = createCourse(seller.id, { priceMinor: 2500 });
  const buyer = await createUser("buyer", "switch-buyer");
  const admin = await signedIn(browser, DEMO.admin);
  await chooseChargeType(admin, "Destination charges");

  await logIn(page, buyer);
  await page.goto(`/checkout/${course.slug}`);
  await fillCard(page, "4000 0000 0000 0002");
  await page.getByRole("button", { name: "Pay $25.00" }).click();
  await expect(page.getByTestId("payment-error")).toContainText("declined");
  const pending = orderRow(buyer.id, course.id)!;
  expect(pending).toMatchObject({ status: "pending", chargeType: "destination" });

  await chooseChargeType(admin, "Direct charges");
  await fillCard(page, "4242 4242 4242 4242");
  await page.getByRole("button", { name: "Pay $25.00" }).click();
  await expect(page.getByTestId("payment-error")).toContainText("has just changed. Please reload the page");
  await page.getByRole("button", { name: "Reload the page" }).click();
  await fillCard(page, "4242 4242 4242 4242");
  await page.getByRole("button", { name: "Pay $25.00" }).click();
  await expect(page.getByTestId("payment-outcome")).toHaveText("Payment received");

  const paid = orderRow(buyer.id, course.id)!;
  expect(paid).toMatchObject({ status: "paid", chargeType: "direct", stripeAccountId: seller.stripeAccountId, applicationFeeMinor: 250 });
  expect(paid.id).not.toBe(pending.id);
  expect(readRow<{ status: string }>(`SELECT status FROM "Order" WHERE id = ?`, pending.id)?.status).toBe("canceled");
  expect((await stripeApi("GET", `/v1/payment_intents/${pending.stripePaymentIntentId}`)).status).toBe("canceled");
});

test("the Buy button explains when the seller's account cannot take charges, and checkout refuses", async ({ page }) => {
  const seller = await createConnectedSeller("paused");
  const course = createCourse(seller.id);
  const db = openDatabase();
  try {
    db.prepare(`UPDATE "SellerAccount" SET chargesEnabled = 0, requirementsDue = '["external_account"]' WHERE userId = ?`).run(seller.id);
  } finally {
    db.close();
  }
  const buyer = await createUser("buyer");
  await logIn(page, buyer);
  await page.goto(`/courses/${course.slug}`);
  await expect(page.getByTestId("not-for-sale")).toContainText("the seller’s Stripe account cannot take payments");
  await expect(page.getByRole("link", { name: "Buy this course" })).toHaveCount(0);
  await page.goto(`/checkout/${course.slug}`);
  await expect(page.getByTestId("checkout-notice")).toContainText("cannot take payments right now");
  await expect(page.getByRole("button", { name: /^Pay / })).toHaveCount(0);
});

test("platform settings: admin only, with messages next to bad fields", async ({ page, browser }) => {
  const buyer = await signedIn(browser, await createUser("buyer"));
  const forbidden = await buyer.goto("/admin/settings");
  expect(forbidden?.status()).toBe(403);

  await logIn(page, DEMO.admin);
  await page.goto("/admin/settings");
  await page.getByLabel("Default platform fee (%)").fill("150");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.locator("#feePercent-error")).toHaveText("The fee cannot be more than 100 %.");
  await page.getByLabel("Default platform fee (%)").fill("12.5");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toHaveText("Settings saved. New orders use them from now on.");
  await expect(page.getByTestId("settings-history").locator("li").first()).toContainText("fee 10 % → 12.5 %");
});

test("the platform fee is the admin's: a seller sees it read-only, an admin sets it per seller and per course, and the buyer is charged it", async ({ page, browser }) => {
  const seller = await createConnectedSeller("fee-seller");
  const course = createCourse(seller.id, { priceMinor: 4000 });
  const sellerPage = await signedIn(browser, seller);

  // The course form has no fee field; the fee that applies and the seller's share are shown.
  await sellerPage.goto(`/seller/courses/${course.id}/edit`);
  await expect(sellerPage.getByLabel(/Platform fee/)).toHaveCount(0);
  await expect(sellerPage.getByTestId("course-fee")).toHaveText(
    "Platform fee: 10 %, the platform's standard fee (set by the platform). You receive $36.00 of $40.00 per sale, before Stripe's fees.",
  );
  // A fee posted with the form anyway is ignored.
  await sellerPage.getByLabel("Title").fill(`${course.title} (edited)`);
  // The course form (the page also has the cover's upload form, with a status region of its own).
  const editForm = sellerPage.locator("form", { has: sellerPage.getByRole("button", { name: "Save changes" }) });
  await editForm.evaluate((form) => {
    form.append(Object.assign(document.createElement("input"), { type: "hidden", name: "feePercent", value: "0" }));
  });
  await editForm.getByRole("button", { name: "Save changes" }).click();
  await expect(editForm.getByRole("status")).toHaveText("Saved.");
  expect(readRow<{ feeBasisPoints: number | null }>(`SELECT feeBasisPoints FROM "Course" WHERE id = ?`, course.id)?.feeBasisPoints).toBeNull();

  await logIn(page, DEMO.admin);
  await page.goto("/admin/fees");
  const sellerForm = page.getByTestId("seller-fee-form");
  await sellerForm.getByLabel("Seller's email").fill(seller.email);
  await sellerForm.getByLabel("Platform fee (%)").fill("101");
  await sellerForm.getByRole("button", { name: "Save seller's fee" }).click();
  await expect(sellerForm.locator("#seller-fee-form-feePercent-error")).toHaveText("The fee cannot be more than 100 %.");
  await sellerForm.getByLabel("Platform fee (%)").fill("15");
  await sellerForm.getByRole("button", { name: "Save seller's fee" }).click();
  await expect(sellerForm.getByRole("status")).toHaveText("Fee saved. New orders use it from now on.");
  const courseForm = page.getByTestId("course-fee-form");
  await courseForm.getByLabel("Course address").fill(course.slug);
  await courseForm.getByLabel("Platform fee (%)").fill("7.5");
  await courseForm.getByRole("button", { name: "Save course's fee" }).click();
  await expect(courseForm.getByRole("status")).toHaveText("Fee saved. New orders use it from now on.");
  await page.reload();
  await expect(page.getByTestId("fee-overrides")).toContainText(seller.email);
  await expect(page.getByTestId("fee-history").locator("li").first()).toContainText(`course /${course.slug}: none → 7.5 %`);
  await page.screenshot({ path: test.info().outputPath("admin-fees.png"), fullPage: true });

  await sellerPage.goto("/seller");
  const row = sellerPage.getByTestId("seller-course-row").filter({ hasText: course.title });
  await expect(row.getByTestId("course-fee-percent")).toHaveText("7.5 %");
  await expect(row.getByTestId("course-net")).toHaveText("$37.00");

  const buyer = await createUser("buyer", "fee-buyer");
  const buyerPage = await signedIn(browser, buyer);
  await buy(buyerPage, course, "$40.00", "destination charges", seller.name);
  const order = orderRow(buyer.id, course.id)!;
  expect(order.applicationFeeMinor).toBe(300);
  expect((await stripeApi("GET", `/v1/payment_intents/${order.stripePaymentIntentId}`)).application_fee_amount).toBe(300);
});
