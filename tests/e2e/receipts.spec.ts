// Receipts a buyer can keep: printed without the site around them, downloaded as a PDF, in the
// buyer's own language; membership invoices link to Stripe's hosted page and PDF.
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { createUser, readRow } from "./support/database";
import { becomeMember, buyCourse } from "./support/http-journeys";
import { createCourse, orderOf } from "./support/payments";
import { BASE_URL, logInOverHttp } from "./support/personas";
import { DEMO, logIn } from "./support/session";

async function buyerWithOrder() {
  const seller = readRow<{ id: string }>(`SELECT id FROM "User" WHERE email = ?`, DEMO.seller.email)!;
  const course = createCourse(seller.id, { priceMinor: 123456, title: "Receipts in depth" });
  const buyer = await createUser("buyer", "receipt-buyer");
  const request = await playwrightRequest.newContext({ baseURL: BASE_URL });
  await logInOverHttp(request, buyer);
  await buyCourse({ persona: "buyer", id: buyer.id, email: buyer.email, request }, course);
  return { buyer, course, request, orderId: orderOf(buyer.id, course.id)!.id };
}

test("a receipt prints without navigation, names the merchant and downloads as a PDF", async ({ page }) => {
  const { buyer, request, orderId } = await buyerWithOrder();
  await logIn(page, buyer);
  await page.goto(`/account/orders/${orderId}`);
  await expect(page.getByTestId("receipt-amount")).toHaveText("$1,234.56");
  await expect(page.getByTestId("receipt-merchant")).toContainText("Coursemarket");
  await expect(page.getByTestId("receipt-merchant")).toContainText("1 Test Street");

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("link", { name: "Download PDF" })).toBeHidden();
  await expect(page.getByTestId("receipt")).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("receipt-print.png"), fullPage: true });
  await page.emulateMedia({ media: "screen" });

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download PDF" }).click()]);
  expect(download.suggestedFilename()).toBe(`receipt-${orderId}.pdf`);
  const pdf = await request.get(`/account/orders/${orderId}/receipt.pdf`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const bytes = await pdf.body();
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  expect(bytes.length).toBeGreaterThan(1000);
  await request.dispose();
});

test("money and dates follow the viewer's language and, once known, time zone", async ({ browser }) => {
  const { buyer, request, orderId } = await buyerWithOrder();
  await request.dispose();
  const context = await browser.newContext({ baseURL: BASE_URL, locale: "de-DE", timezoneId: "Asia/Tokyo" });
  await logInOverHttp(context.request, buyer);
  const page = await context.newPage();
  await page.goto(`/account/orders/${orderId}`);
  await expect(page.getByTestId("receipt-amount")).toHaveText(/^1\.234,56\s\$$/);
  // The first page told the server the zone (a cookie); from then on dates are in it, and say so.
  await expect.poll(async () => (await context.cookies()).find((cookie) => cookie.name === "tz")?.value).toBe("Asia%2FTokyo");
  await page.reload();
  await expect(page.getByTestId("receipt")).toContainText("(Asia/Tokyo)");
  await context.close();
});

test("membership invoices link to Stripe's hosted invoice and its PDF", async ({ page }) => {
  const member = await createUser("buyer", "invoice-member");
  const request = await playwrightRequest.newContext({ baseURL: BASE_URL });
  await logInOverHttp(request, member);
  await becomeMember({ persona: "buyer", id: member.id, email: member.email, request });
  await request.dispose();
  await logIn(page, member);
  await page.goto("/membership");
  const row = page.getByTestId("invoice-row").first();
  const hosted = await row.getByRole("link", { name: /^View/ }).getAttribute("href");
  const pdf = await row.getByRole("link", { name: /^PDF/ }).getAttribute("href");
  expect(hosted).toMatch(/\/invoices\/in_\w+$/);
  expect(pdf).toMatch(/\/invoices\/in_\w+\/pdf$/);
  const answer = await fetch(pdf!);
  expect(answer.headers.get("content-type")).toBe("application/pdf");
  expect((await answer.text()).startsWith("%PDF-")).toBe(true);
  await row.getByRole("link", { name: /^View/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Invoice");
});
