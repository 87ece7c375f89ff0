import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { countRows, createUser, readRow } from "./support/database";
import { connectThroughOAuth } from "./support/connect";
import { logIn } from "./support/session";

test("a seller fixes a bad price, publishes the course and finds it in the catalogue", async ({ page }) => {
  const seller = await createUser("seller");
  const title = `Knitting for Programmers ${randomUUID().slice(0, 6)}`;
  await logIn(page, seller);
  await page.getByRole("link", { name: "Seller", exact: true }).click();
  await page.getByRole("link", { name: "New course" }).click();

  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Description").fill("Loops, stitches and patterns, explained like code.");
  await page.getByLabel("Price").fill("-5");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.locator("#price-error")).toHaveText("The price cannot be negative.");
  await expect(page.getByLabel("Price")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Price").fill("12.345");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.locator("#price-error")).toHaveText("Use at most 2 decimal places.");
  expect(countRows(`SELECT count(*) n FROM "Course" WHERE title = ?`, title)).toBe(0);

  await page.getByLabel("Price").fill("24.50");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page).toHaveURL(/\/seller\?saved=/);
  const row = page.getByTestId("seller-course-row").filter({ hasText: title });
  await expect(row).toContainText("$24.50");
  await expect(row).toContainText("Draft");

  await page.goto(`/courses?q=${encodeURIComponent(title)}`);
  await expect(page.getByTestId("course-card")).toHaveCount(0);

  // Without a Stripe account that can take payments, publishing is refused.
  await page.goto("/seller");
  await expect(page.getByTestId("connection-status")).toHaveText("Not connected");
  await row.getByRole("button", { name: `Publish ${title}` }).click();
  await expect(row.getByRole("alert")).toHaveText("Connect a Stripe account that can take payments before publishing.");
  await expect(row).toContainText("Draft");

  await connectThroughOAuth(page);
  await row.getByRole("button", { name: `Publish ${title}` }).click();
  await expect(row).toContainText("Published");

  await page.goto("/courses");
  await page.getByLabel("Search", { exact: true }).fill(title);
  await page.getByRole("button", { name: "Show courses" }).click();
  await page.getByTestId("course-card").getByRole("link", { name: title }).click();
  await expect(page.getByTestId("course-price")).toHaveText("$24.50");
  await expect(page.getByTestId("course-seller")).toHaveText(seller.name);

  await page.goto("/seller");
  await row.getByRole("button", { name: `Unpublish ${title}` }).click();
  await expect(row).toContainText("Draft");
  await page.goto(`/courses?q=${encodeURIComponent(title)}`);
  await expect(page.getByTestId("course-card")).toHaveCount(0);
});

test("the course form explains each bad field", async ({ page }) => {
  const seller = await createUser("seller");
  await logIn(page, seller);
  await page.goto("/seller/courses/new");
  await page.getByLabel("Price").fill("ten dollars");
  await page.getByLabel("Address").fill("stripe-payments-from-scratch");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.locator("#title-error")).toHaveText("Give the course a title.");
  await expect(page.locator("#description-error")).toHaveText("Describe what buyers will learn.");
  await expect(page.locator("#price-error")).toHaveText("Enter the price as a number, like 19.99.");

  await page.getByLabel("Title").fill("A course with a taken address");
  await page.getByLabel("Description").fill("Something worth learning.");
  await page.getByLabel("Price").fill("19.99");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.locator("#slug-error")).toHaveText("That address is already used by another course. Choose another.");
});

test("a seller cannot open another seller's course", async ({ page }) => {
  const other = await createUser("seller", "other-seller");
  await logIn(page, other);
  const { id } = readRow<{ id: string }>(`SELECT id FROM "Course" WHERE slug = 'sql-you-will-actually-use'`)!;
  const response = await page.goto(`/seller/courses/${id}/edit`);
  expect(response?.status()).toBe(404);
  await page.goto("/seller");
  await expect(page.getByText("You have not created a course yet.")).toBeVisible();
});
