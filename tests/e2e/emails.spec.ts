import { expect, test } from "@playwright/test";
import { E2E_MAIL_URL } from "../../playwright.config";
import { createUser } from "./support/database";
import { createConnectedSeller, createCourse, fillCard } from "./support/payments";
import { DEMO, logIn } from "./support/session";

test("after a purchase in the browser the receipt and the seller's notice appear in the mail catcher", async ({ page, browser }) => {
  const seller = await createConnectedSeller();
  const buyer = await createUser("buyer");
  const course = createCourse(seller.id, { priceMinor: 4200 });
  await logIn(page, buyer);
  await page.goto(`/checkout/${course.slug}`);
  await fillCard(page, "4242 4242 4242 4242");
  await page.getByRole("button", { name: "Pay $42.00" }).click();
  await expect(page.getByTestId("payment-outcome")).toHaveText("Payment received");

  const receiptSubject = `Your receipt for "${course.title}"`;
  const mail = await browser.newPage();
  // The page is static: reload it until both emails have arrived.
  await expect(async () => {
    await mail.goto(`${E2E_MAIL_URL}/`);
    await expect(mail.getByTestId("message-row").filter({ hasText: buyer.email })).toHaveCount(1, { timeout: 500 });
    await expect(mail.getByTestId("message-row").filter({ hasText: seller.email })).toHaveCount(1, { timeout: 500 });
  }).toPass({ timeout: 20_000 });
  await expect(mail.getByTestId("message-row").filter({ hasText: seller.email })).toContainText(`You sold "${course.title}" for $42.00`);
  await mail.screenshot({ path: test.info().outputPath("mail-catcher.png"), fullPage: true });

  await mail.getByRole("link", { name: receiptSubject }).click();
  await expect(mail.getByTestId("message-subject")).toHaveText(receiptSubject);
  await expect(mail.getByTestId("message-to")).toHaveText(buyer.email);
  const text = mail.getByTestId("message-text");
  await expect(text).toContainText("Amount paid: $42.00");
  await expect(text).toContainText(`/library/${course.slug}`);
  await mail.screenshot({ path: test.info().outputPath("mail-message.png"), fullPage: true });

  // Admins see the same two emails as sent in the outbox.
  const admin = await browser.newPage();
  await logIn(admin, DEMO.admin);
  await admin.goto("/admin/emails?status=sent");
  const row = admin.getByTestId("email-row").filter({ hasText: buyer.email });
  await expect(row).toContainText(receiptSubject);
  await expect(row.getByTestId("email-status")).toHaveText("sent");
  await expect(row).toContainText("1 attempt");
  await admin.screenshot({ path: test.info().outputPath("admin-emails.png"), fullPage: true });
});

test("the outbox page is for admins only", async ({ page }) => {
  await logIn(page, DEMO.seller);
  expect((await page.goto("/admin/emails"))?.status()).toBe(403);
});
