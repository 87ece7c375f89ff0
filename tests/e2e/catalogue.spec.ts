import { expect, test } from "@playwright/test";
import { createUser } from "./support/database";
import { createCourse } from "./support/payments";
import { DEMO, logIn } from "./support/session";

test("a visitor browses, searches and opens a course", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Browse the catalogue" }).click();
  await expect(page).toHaveURL(/\/courses$/);
  await expect(page.getByRole("heading", { name: "Courses", level: 1 })).toBeVisible();
  await expect(page.getByTestId("course-card").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Stripe Payments from Scratch" })).toBeVisible();

  await page.getByLabel("Search", { exact: true }).fill("sql");
  await page.getByRole("button", { name: "Show courses" }).click();
  await expect(page).toHaveURL(/q=sql/);
  await expect(page.getByTestId("course-card")).toHaveCount(1);
  await expect(page.getByText("1 course matches “sql” · Best match")).toBeVisible();

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
  await expect(page.getByText("No course matches all of these.")).toBeVisible();
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

test("the cached catalogue drops a disabled seller's course at once, and shows it again when enabled", async ({ browser, page }) => {
  const seller = await createUser("seller", "catalogue-cache");
  const course = createCourse(seller.id, { title: `Cached ${seller.id.slice(-6)}` });
  const search = `/courses?q=${encodeURIComponent(course.title)}`;
  await page.goto(search);
  await expect(page.getByTestId("course-card")).toHaveCount(1);
  await page.goto(`/courses/${course.slug}`);
  await expect(page.getByRole("heading", { name: course.title, level: 1 })).toBeVisible();

  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await logIn(adminPage, DEMO.admin);
  await adminPage.goto(`/admin/users?q=${encodeURIComponent(seller.email)}`);
  const row = adminPage.getByTestId(`user-row-${seller.email}`);
  await row.getByRole("button", { name: `Disable ${seller.email}` }).click();
  await row.getByRole("button", { name: "Yes, disable" }).click();
  await expect(row.getByRole("status")).toHaveText("User disabled.");

  await page.goto(search);
  await expect(page.getByText("No course matches all of these.")).toBeVisible();
  expect((await page.goto(`/courses/${course.slug}`))?.status()).toBe(404);

  await row.getByRole("button", { name: `Enable ${seller.email}` }).click();
  await expect(row.getByRole("status")).toHaveText("User enabled.");
  await page.goto(search);
  await expect(page.getByTestId("course-card")).toHaveCount(1);
  await adminContext.close();
});
