import { expect, test } from "@playwright/test";

test("a visitor browses, searches and opens a course", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Browse the catalogue" }).click();
  await expect(page).toHaveURL(/\/courses$/);
  await expect(page.getByRole("heading", { name: "Courses", level: 1 })).toBeVisible();
  await expect(page.getByTestId("course-card").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Stripe Payments from Scratch" })).toBeVisible();

  await page.getByLabel("Search courses by title").fill("sql");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=sql/);
  await expect(page.getByTestId("course-card")).toHaveCount(1);
  await expect(page.getByText("1 course matches “sql”.")).toBeVisible();

  await page.getByRole("link", { name: "SQL You Will Actually Use" }).click();
  await expect(page.getByRole("heading", { name: "SQL You Will Actually Use", level: 1 })).toBeVisible();
  await expect(page.getByTestId("course-seller")).toHaveText("Sam Seller");
  await expect(page.getByTestId("course-price")).toHaveText("$29.00");
});

test("prices are formatted for their currency", async ({ page }) => {
  await page.goto("/courses/japanese-for-developers");
  await expect(page.getByTestId("course-price")).toHaveText("¥4,500");
  await page.goto("/courses/accessible-forms");
  await expect(page.getByTestId("course-price")).toHaveText("€15.00");
});

test("a search with no match says so", async ({ page }) => {
  await page.goto("/courses?q=zzzz-no-such-course");
  await expect(page.getByText("No course title matches your search.")).toBeVisible();
});

test("an unknown course answers 404", async ({ page }) => {
  const response = await page.goto("/courses/no-such-course");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
});

test("the health check reports the app and the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: { status: "ok" } });
});
