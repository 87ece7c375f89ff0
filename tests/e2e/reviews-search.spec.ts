import { expect, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { createUser, openDatabase } from "./support/database";
import { createCourse } from "./support/payments";
import { logIn } from "./support/session";

/** An enrolment given straight in the database: owning the course is the starting point here, buying it is tested elsewhere. */
function enrol(userId: string, courseId: string) {
  const db = openDatabase();
  try {
    db.prepare(`INSERT INTO "Enrolment" (id, userId, courseId, source, createdAt) VALUES (?, ?, ?, 'grant', ?)`).run(`e2eenr${randomUUID().replace(/-/g, "")}`, userId, courseId, new Date().toISOString());
  } finally {
    db.close();
  }
}

const cardTitles = (page: import("@playwright/test").Page) => page.getByTestId("course-card").getByRole("heading").allInnerTexts();

test("a visitor searches, filters and sorts; the URL reloads, shares and goes back", async ({ page, browser }) => {
  const seller = await createUser("seller", "filters");
  const word = `Quill${randomUUID().slice(0, 6)}`;
  createCourse(seller.id, { title: `${word} basics`, priceMinor: 1900, includedInMembership: true });
  createCourse(seller.id, { title: `${word} advanced`, priceMinor: 4900, includedInMembership: true });
  createCourse(seller.id, { title: `${word} history`, priceMinor: 2900 });

  await page.goto("/courses");
  const filters = page.getByRole("search", { name: "Search and filter courses" });
  await filters.getByLabel("Search").fill(word.toLowerCase());
  await filters.getByRole("button", { name: "Show courses" }).click();
  await expect(page.getByTestId("result-count")).toHaveText(`3 courses match “${word.toLowerCase()}” · Best match`);

  await filters.getByLabel("Sort by").selectOption({ label: "Price: high to low" });
  await filters.getByText("More filters").click();
  await filters.getByLabel("Included in the membership").check();
  await filters.getByRole("button", { name: "Show courses" }).click();
  await expect(page).toHaveURL(/sort=price-desc/);
  await expect(page).toHaveURL(/membership=1/);
  await expect(page.getByTestId("result-count")).toHaveText(`2 courses match “${word.toLowerCase()}” · Price: high to low`);
  expect(await cardTitles(page)).toEqual([`${word} advanced`, `${word} basics`]);

  const shared = page.url();
  await page.reload();
  expect(await cardTitles(page)).toEqual([`${word} advanced`, `${word} basics`]);
  const other = await browser.newPage();
  await other.goto(shared);
  expect(await cardTitles(other)).toEqual([`${word} advanced`, `${word} basics`]);
  await other.close();

  await page.goBack();
  await expect(page.getByTestId("result-count")).toHaveText(`3 courses match “${word.toLowerCase()}” · Best match`);

  // Nothing left: the page says so and offers each filter to remove.
  await page.goto(`/courses?q=${word}&currency=jpy&sort=cheapest`);
  await expect(page.getByTestId("ignored-filters")).toContainText("Unknown sort “cheapest”");
  await expect(page.getByTestId("no-results")).toContainText("Remove a filter above");
  await page.getByRole("link", { name: /^JPY.*remove this filter/ }).click();
  await expect(page.getByTestId("result-count")).toHaveText(`3 courses match “${word}” · Best match`);
});

test("a buyer reviews a course they own and cannot review one they do not; the seller replies", async ({ page, browser }) => {
  const seller = await createUser("seller", "reviewed");
  const owned = createCourse(seller.id, { title: `Reviewed ${randomUUID().slice(0, 6)}` });
  const notOwned = createCourse(seller.id);
  const buyer = await createUser("buyer", "reviewer");
  enrol(buyer.id, owned.id);

  await logIn(page, buyer);
  await page.goto(`/courses/${notOwned.slug}`);
  await expect(page.getByTestId("cannot-review")).toHaveText("Only people who bought this course or whose membership includes it can review it.");
  await expect(page.getByRole("button", { name: "Publish review" })).toHaveCount(0);

  await page.goto(`/courses/${owned.slug}`);
  await page.getByRole("button", { name: "Publish review" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Please correct the fields marked below." })).toBeVisible();
  await expect(page.getByText("Choose a rating from 1 to 5 stars.")).toBeVisible();
  await page.getByLabel("4 stars").check();
  await page.getByLabel("Your review (optional)").fill("Clear explanations, useful exercises.");
  await page.getByRole("button", { name: "Publish review" }).click();
  // The form gives way to the published review.
  await expect(page.getByTestId("own-review")).toContainText("Clear explanations, useful exercises.");
  await expect(page.getByTestId("review")).toContainText("Clear explanations, useful exercises.");
  await expect(page.getByTestId("rating").first()).toContainText("4.0");

  // The catalogue's card shows the rating at once.
  await page.goto(`/courses?q=${encodeURIComponent(owned.title)}`);
  await expect(page.getByTestId("course-card").getByTestId("rating")).toContainText("4.0(1 review)");

  const sellerContext = await browser.newContext();
  const sellerPage = await sellerContext.newPage();
  await logIn(sellerPage, seller);
  await sellerPage.goto(`/courses/${owned.slug}`);
  await sellerPage.getByText("Reply", { exact: true }).click();
  await sellerPage.getByLabel("Your reply").fill("Thank you, glad it helped!");
  await sellerPage.getByRole("button", { name: "Publish reply" }).click();
  await expect(sellerPage.getByTestId("review-reply")).toContainText("Thank you, glad it helped!");
  await sellerContext.close();

  await page.goto(`/courses/${owned.slug}#reviews`);
  await expect(page.getByTestId("review-reply")).toContainText("Thank you, glad it helped!");
});
