import { expect, test } from "@playwright/test";
import { createUser, openDatabase, readRow } from "./support/database";
import { DEMO, logIn } from "./support/session";

test("an admin promotes a buyer, whose next request to /seller works", async ({ browser }) => {
  const buyer = await createUser("buyer");
  const buyerContext = await browser.newContext();
  const buyerPage = await buyerContext.newPage();
  await logIn(buyerPage, buyer);
  expect((await buyerPage.goto("/seller"))?.status()).toBe(403);

  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await logIn(adminPage, DEMO.admin);
  await adminPage.goto(`/admin/users?q=${encodeURIComponent(buyer.email)}`);
  const row = adminPage.getByTestId(`user-row-${buyer.email}`);
  await row.getByLabel(`Role for ${buyer.email}`, { exact: true }).selectOption("seller");
  await row.getByRole("button", { name: `Save role for ${buyer.email}` }).click();
  // Nothing changes until the admin confirms in the dialog; Cancel leaves the role alone.
  const confirmation = row.getByRole("dialog", { name: `Make ${buyer.email} a seller?` });
  await expect(confirmation).toContainText("they can create and sell courses");
  await confirmation.getByRole("button", { name: "Cancel" }).click();
  await expect(confirmation).toBeHidden();
  expect(readRow<{ role: string }>(`SELECT role FROM "User" WHERE id = ?`, buyer.id)?.role).toBe("buyer");
  await row.getByRole("button", { name: `Save role for ${buyer.email}` }).click();
  await confirmation.getByRole("button", { name: "Yes, make seller" }).click();
  await expect(row.getByRole("status")).toHaveText("Role changed to seller.");

  // The buyer's session was issued before the promotion; the role is read from the database.
  const response = await buyerPage.goto("/seller");
  expect(response?.status()).toBe(200);
  await expect(buyerPage.getByRole("heading", { name: "Your courses" })).toBeVisible();
  await buyerContext.close();
  await adminContext.close();
});

test("a demoted seller keeps their courses, and gets them back when promoted again", async ({ page }) => {
  await logIn(page, DEMO.admin);
  const seller = await createUser("seller", "demoted");
  await page.goto(`/admin/users?q=${encodeURIComponent(seller.email)}`);
  const row = page.getByTestId(`user-row-${seller.email}`);
  // A course written directly, as the seller would have created it.
  const db = openDatabase();
  const now = new Date().toISOString();
  db.prepare(
    `INSERT INTO "Course" (id, slug, title, description, priceMinor, currency, published, sellerId, createdAt, updatedAt)
     VALUES (?, ?, 'Kept course', 'Still here', 1000, 'usd', 0, ?, ?, ?)`,
  ).run(`c${seller.id}`, `kept-${seller.id}`, seller.id, now, now);
  db.close();

  await row.getByLabel(`Role for ${seller.email}`, { exact: true }).selectOption("buyer");
  await row.getByRole("button", { name: `Save role for ${seller.email}` }).click();
  await row.getByRole("button", { name: "Yes, make buyer" }).click();
  await expect(row.getByRole("status")).toHaveText("Role changed to buyer.");
  expect(readRow<{ n: number }>(`SELECT count(*) n FROM "Course" WHERE sellerId = ?`, seller.id)?.n).toBe(1);
  await expect(row).toContainText("buyer");
});

test("an admin disables a user, who then cannot log in and whose session stops working", async ({ browser }) => {
  const victim = await createUser("buyer", "to-disable");
  const victimContext = await browser.newContext();
  const victimPage = await victimContext.newPage();
  await logIn(victimPage, victim);
  await victimPage.goto("/library");
  await expect(victimPage.getByRole("heading", { name: "My library" })).toBeVisible();

  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await logIn(adminPage, DEMO.admin);
  await adminPage.goto(`/admin/users?q=${encodeURIComponent(victim.email)}`);
  const row = adminPage.getByTestId(`user-row-${victim.email}`);
  await row.getByRole("button", { name: `Disable ${victim.email}` }).click();
  await expect(row.getByRole("dialog", { name: `Disable ${victim.email}?` })).toContainText("signed out at once");
  await row.getByRole("button", { name: "Yes, disable" }).click();
  await expect(row.getByRole("status")).toHaveText("User disabled.");
  await expect(row).toContainText("Disabled");
  expect(readRow<{ disabled: number }>(`SELECT disabled FROM "User" WHERE id = ?`, victim.id)?.disabled).toBe(1);

  // The existing session no longer opens protected pages.
  await victimPage.goto("/library");
  await expect(victimPage).toHaveURL(/\/login/);

  // And a new login is refused with an explanation.
  await victimPage.getByLabel("Email").fill(victim.email);
  await victimPage.getByLabel("Password").fill(victim.password);
  await victimPage.getByRole("button", { name: "Log in" }).click();
  await expect(victimPage.getByText("This account has been disabled.")).toBeVisible();

  // Re-enabling restores access.
  await row.getByRole("button", { name: `Enable ${victim.email}` }).click();
  await expect(row.getByRole("status")).toHaveText("User enabled.");
  await logIn(victimPage, victim);
  await victimContext.close();
  await adminContext.close();
});

test("an admin's own row offers no role or disable controls", async ({ page }) => {
  await logIn(page, DEMO.admin);
  await page.goto(`/admin/users?q=${encodeURIComponent(DEMO.admin.email)}`);
  const row = page.getByTestId(`user-row-${DEMO.admin.email}`);
  await expect(row).toContainText("This is you");
  await expect(row.getByRole("combobox")).toHaveCount(0);
  expect(readRow<{ role: string }>(`SELECT role FROM "User" WHERE email = ?`, DEMO.admin.email)?.role).toBe("admin");
});
