import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { countRows, createUser, openDatabase, readRow } from "./support/database";
import { DEMO, logIn } from "./support/session";

test("a visitor is sent to log in from private pages", async ({ page }) => {
  for (const path of ["/library", "/seller", "/seller/courses/new", "/admin", "/admin/users"]) {
    await page.goto(path);
    await expect(page).toHaveURL(new RegExp(`/login\\?callbackUrl=${encodeURIComponent(path)}$`));
  }
});

test("a buyer gets 403 on the seller and admin areas, and no links to them", async ({ page }) => {
  await logIn(page, DEMO.buyer);
  await expect(page.getByRole("link", { name: "Seller", exact: true })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Admin", exact: true })).toHaveCount(0);
  for (const path of ["/seller", "/seller/courses/new", "/admin", "/admin/users"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "This page is not for your account" })).toBeVisible();
  }
});

test("a seller gets 403 on the admin area", async ({ page }) => {
  await logIn(page, DEMO.seller);
  expect((await page.goto("/admin"))?.status()).toBe(403);
});

/** The hidden fields React renders for a server-action form, read from a page that shows it. */
async function actionFields(page: Page, formSelector: string): Promise<Record<string, string>> {
  return page.locator(formSelector).first().evaluate((form) => {
    const fields: Record<string, string> = {};
    for (const input of Array.from(form.querySelectorAll("input[type=hidden]"))) {
      const { name, value } = input as HTMLInputElement;
      if (name) fields[name] = value;
    }
    return fields;
  });
}

test("a buyer's direct POST to a seller action changes nothing", async ({ browser }) => {
  const sellerContext = await browser.newContext();
  const sellerPage = await sellerContext.newPage();
  await logIn(sellerPage, DEMO.seller);
  await sellerPage.goto("/seller/courses/new");
  const createFields = await actionFields(sellerPage, "form:has(#title)");
  await sellerPage.goto("/seller");
  const row = sellerPage.getByTestId("seller-course-row").filter({ hasText: "SQL You Will Actually Use" });
  const publishFields = await actionFields(sellerPage, `[data-testid=seller-course-row]:has-text("SQL You Will Actually Use") form:has(input[name=published])`);
  await expect(row).toBeVisible();
  await sellerContext.close();
  expect(Object.keys(createFields).some((name) => name.startsWith("$ACTION"))).toBe(true);

  const buyerContext = await browser.newContext();
  const buyerPage = await buyerContext.newPage();
  await logIn(buyerPage, DEMO.buyer);
  const coursesBefore = countRows(`SELECT count(*) n FROM "Course"`);
  const title = `Injected ${randomUUID().slice(0, 6)}`;

  const create = await buyerPage.request.post("/seller/courses/new", {
    multipart: { ...createFields, title, description: "x", price: "0.50", currency: "usd", slug: "" },
  });
  expect(create.status()).toBeLessThan(500);
  const unpublish = await buyerPage.request.post("/seller", { multipart: { ...publishFields } });
  expect(unpublish.status()).toBeLessThan(500);

  expect(countRows(`SELECT count(*) n FROM "Course"`)).toBe(coursesBefore);
  expect(countRows(`SELECT count(*) n FROM "Course" WHERE title = ?`, title)).toBe(0);
  expect(readRow<{ published: number }>(`SELECT published FROM "Course" WHERE slug = 'sql-you-will-actually-use'`)?.published).toBe(1);
  await buyerContext.close();
});

test("a forbidden action says so and changes nothing", async ({ browser }) => {
  // A seller whose role is taken away while their form is open.
  const seller = await createUser("seller", "soon-buyer");
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, seller);
  await page.goto("/seller/courses/new");
  const db = openDatabase();
  db.prepare(`UPDATE "User" SET role = 'buyer' WHERE id = ?`).run(seller.id);
  db.close();

  await page.getByLabel("Title").fill("Should never exist");
  await page.getByLabel("Description").fill("Nope.");
  await page.getByLabel("Price").fill("10");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("alert").first()).toHaveText("You are not allowed to do that.");
  expect(countRows(`SELECT count(*) n FROM "Course" WHERE sellerId = ?`, seller.id)).toBe(0);
  await context.close();
});
