import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createUser, openDatabase, readRow } from "./support/database";
import { createConnectedSeller, createCourse, fillCard, orderOf, waitForWebhooks } from "./support/payments";
import { DEMO, logIn } from "./support/session";

/** A platform event stored as failed, as if its first handling had timed out. */
function storeFailedEvent(): string {
  const id = `evt_e2e${randomUUID().replace(/-/g, "")}`;
  const created = Math.floor(Date.now() / 1000);
  // An intent without an order (a membership's invoice payment): its handler succeeds and does nothing.
  const payload = {
    id,
    object: "event",
    type: "payment_intent.succeeded",
    created,
    data: { object: { id: `pi_e2e${id.slice(7, 20)}`, object: "payment_intent", amount: 500, currency: "usd", status: "succeeded", metadata: { note: "<b>not bold</b>" } } },
  };
  const db = openDatabase();
  try {
    db.prepare(
      `INSERT INTO "StripeEvent" (id, type, account, status, error, payload, attempts, createdAt, receivedAt)
       VALUES (?, ?, NULL, 'failed', 'database timeout', ?, 1, ?, ?)`,
    ).run(id, payload.type, JSON.stringify(payload), new Date(created * 1000).toISOString(), new Date().toISOString());
  } finally {
    db.close();
  }
  return id;
}

test("an admin finds a failed event, reads its payload and replays it", async ({ page }) => {
  const id = storeFailedEvent();
  await logIn(page, DEMO.admin);
  await page.goto("/admin/events?status=failed&type=payment_intent.");
  const row = page.getByTestId(`event-row-${id}`);
  await expect(row.getByTestId("event-status")).toHaveText("failed");
  await expect(row).toContainText("database timeout");
  await row.getByRole("link", { name: "payment_intent.succeeded" }).click();

  await expect(page.getByRole("heading", { name: `Event ${id}` })).toBeVisible();
  // The payload is shown as text, never as markup.
  await expect(page.getByTestId("event-payload")).toContainText('"note": "<b>not bold</b>"');
  await page.screenshot({ path: "test-results/admin-event.png", fullPage: true });
  await page.getByRole("button", { name: "Replay" }).click();
  await expect(page.getByRole("status")).toHaveText("Replayed: handled.");
  await page.reload();
  await expect(page.getByTestId("event-status")).toHaveText("handled");
  await expect(page.getByTestId("event-attempts")).toHaveText("2");
  expect(readRow<{ status: string; error: string | null }>(`SELECT status, error FROM "StripeEvent" WHERE id = ?`, id)).toEqual({ status: "handled", error: null });

  await page.goto("/admin/events");
  await page.screenshot({ path: "test-results/admin-events.png", fullPage: true });
});

test("the events pages and replay are for admins only", async ({ page }) => {
  const id = storeFailedEvent();
  const seller = await createUser("seller");
  await logIn(page, seller);
  expect((await page.goto("/admin/events"))?.status()).toBe(403);
  expect((await page.goto(`/admin/events/${id}`))?.status()).toBe(403);
  expect((await page.goto("/admin/audit"))?.status()).toBe(403);
});

test("the audit log lists a role change with who made it", async ({ page }) => {
  const buyer = await createUser("buyer", "audited");
  await logIn(page, DEMO.admin);
  await page.goto(`/admin/users?q=${encodeURIComponent(buyer.email)}`);
  const row = page.getByTestId(`user-row-${buyer.email}`);
  await row.getByLabel(`Role for ${buyer.email}`, { exact: true }).selectOption("seller");
  await row.getByRole("button", { name: `Save role for ${buyer.email}` }).click();
  await row.getByRole("button", { name: "Yes, make seller" }).click();
  await expect(row.getByRole("status")).toHaveText("Role changed to seller.");

  await page.goto("/admin/audit");
  await page.getByLabel("Action").selectOption("user.role_changed");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=user\.role_changed/);
  const entry = page.getByTestId("audit-row").filter({ hasText: buyer.email });
  await expect(entry).toContainText(DEMO.admin.email);
  await expect(entry).toContainText('"after": "seller"');
  await page.screenshot({ path: "test-results/admin-audit.png", fullPage: true });
});

test("an admin re-syncs a seller's connected account from the users page", async ({ page }) => {
  const seller = await createConnectedSeller("resynced");
  const db = openDatabase();
  try {
    db.prepare(`UPDATE "SellerAccount" SET chargesEnabled = 0 WHERE userId = ?`).run(seller.id);
  } finally {
    db.close();
  }
  await logIn(page, DEMO.admin);
  await page.goto(`/admin/users?q=${encodeURIComponent(seller.email)}`);
  const account = page.getByTestId(`user-row-${seller.email}`).getByTestId("user-seller-account");
  await expect(account).toContainText("charges off");
  await account.getByRole("button", { name: "Re-sync account" }).click();
  await expect(account.getByRole("status")).toHaveText("Re-synced: charges enabled, payouts enabled.");
  await page.reload();
  await expect(page.getByTestId(`user-row-${seller.email}`).getByTestId("user-seller-account")).toContainText("charges on");
  await page.screenshot({ path: "test-results/admin-users-resync.png", fullPage: true });
});

test("an admin re-syncs an order whose payment was missed here, and the buyer gets access once", async ({ page, browser }) => {
  const seller = await createConnectedSeller("resync-order");
  const course = createCourse(seller.id, { priceMinor: 1500, title: `Re-synced course ${seller.id.slice(-6)}` });
  const buyer = await createUser("buyer", "resync-buyer");
  await logIn(page, buyer);
  await page.goto(`/checkout/${course.slug}`);
  await expect(page.getByRole("button", { name: "Pay $15.00" })).toBeEnabled();
  await fillCard(page, "4242 4242 4242 4242");
  await page.getByRole("button", { name: "Pay $15.00" }).click();
  await expect(page.getByTestId("payment-outcome")).toHaveText("Payment received");
  await waitForWebhooks();

  // As if the succeeded event had never arrived: the order is pending here and grants nothing.
  const order = orderOf(buyer.id, course.id)!;
  const db = openDatabase();
  try {
    db.prepare(`DELETE FROM "Enrolment" WHERE orderId = ?`).run(order.id);
    db.prepare(`UPDATE "Order" SET status = 'pending', paidAt = NULL WHERE id = ?`).run(order.id);
  } finally {
    db.close();
  }

  const adminPage = await (await browser.newContext()).newPage();
  await logIn(adminPage, DEMO.admin);
  await adminPage.goto(`/admin/orders/${order.id}`);
  await expect(adminPage.getByTestId("admin-order-status")).toHaveText("Awaiting payment");
  await adminPage.getByRole("button", { name: "Re-sync from Stripe" }).click();
  await expect(adminPage.getByRole("status")).toHaveText("Re-synced: the order is now paid.");
  await adminPage.reload();
  await expect(adminPage.getByTestId("admin-order-status")).toHaveText("Paid");
  await adminPage.screenshot({ path: "test-results/admin-order-resync.png", fullPage: true });
  expect(readRow<{ n: number }>(`SELECT count(*) n FROM "Enrolment" WHERE orderId = ?`, order.id)?.n).toBe(1);

  await page.goto(`/library/${course.slug}`);
  await expect(page.getByTestId("course-content-title")).toHaveText(course.title);
});

test("the overview shows the money numbers and a chart drawn without script", async ({ page }) => {
  await logIn(page, DEMO.admin);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Money" })).toBeVisible();
  await expect(page.getByRole("definition").first()).toBeVisible();
  const chart = page.getByTestId("daily-sales-chart");
  await expect(chart.locator("[data-chart-bar]")).toHaveCount(30);
  expect(await chart.locator("script").count()).toBe(0);
  await page.screenshot({ path: "test-results/admin-overview.png", fullPage: true });
});
