import { expect, test, type Locator, type Page } from "@playwright/test";
import { createUser, readRow } from "./support/database";
import { createCourse, emulator, fillCard, waitForWebhooks } from "./support/payments";
import { logIn } from "./support/session";

const DAY = 86_400;

/**
 * Clicks a button below a card frame that first needs scrolling. Chromium routes a click that
 * follows a scroll at once by its stale hit-test data, so it can land in the cross-origin card
 * iframe that was there before the scroll (real Stripe.js frames too); scrolling first and
 * letting click() wait for a stable button avoids that.
 */
async function clickBelowCardFrame(button: Locator) {
  await button.scrollIntoViewIfNeeded();
  await button.click();
}

async function joinMembership(page: Page) {
  await page.goto("/membership");
  await expect(page.getByTestId("membership-joining-fee")).toHaveText("$20.00");
  await fillCard(page, "4242 4242 4242 4242");
  await page.screenshot({ path: test.info().outputPath("membership-join.png"), fullPage: true });
  await page.getByRole("button", { name: "Join and pay $32.00" }).click();
  await expect(page.getByTestId("membership-status")).toHaveAttribute("data-status", "active");
}

async function setup(page: Page) {
  const seller = await createUser("seller");
  const buyer = await createUser("buyer");
  const included = createCourse(seller.id, { includedInMembership: true });
  const excluded = createCourse(seller.id);
  await logIn(page, buyer);
  return { buyer, included, excluded };
}

test("a buyer joins with the joining fee, opens a member course, cancels at period end and resumes", async ({ page }) => {
  const { buyer, included, excluded } = await setup(page);
  await page.goto(`/library/${included.slug}`);
  await expect(page.getByTestId("content-locked")).toBeVisible();

  await joinMembership(page);
  await expect(page.getByTestId("invoice-row")).toHaveCount(1);
  await expect(page.getByTestId("invoice-row").first()).toContainText("$32.00");
  await expect(page.getByTestId("membership-card")).toContainText("4242");
  await page.screenshot({ path: test.info().outputPath("membership.png"), fullPage: true });

  await page.goto("/library");
  await page.getByRole("link", { name: `Open ${included.title}` }).click();
  await expect(page.getByTestId("course-content-title")).toHaveText(included.title);
  await page.goto(`/library/${excluded.slug}`);
  await expect(page.getByTestId("content-locked")).toBeVisible();

  await page.goto("/membership");
  const renewal = await page.getByTestId("membership-period-end").textContent();
  await page.getByRole("button", { name: /Cancel at period end/ }).click();
  await expect(page.getByRole("status")).toHaveText("Your membership will end at the end of the paid period.");
  await expect(page.getByText(`Your membership is canceled and ends on ${renewal}`)).toBeVisible();
  await page.getByRole("button", { name: "Resume membership" }).click();
  await expect(page.getByRole("status")).toHaveText("Your membership continues and renews as usual.");
  await expect(page.getByRole("button", { name: /Cancel at period end/ })).toBeVisible();

  await waitForWebhooks();
  const row = readRow<{ status: string; cancelAtPeriodEnd: number }>(`SELECT status, cancelAtPeriodEnd FROM "Membership" WHERE userId = ?`, buyer.id);
  expect(row).toEqual({ status: "active", cancelAtPeriodEnd: 0 });
});

test("a renewal after a clock advance keeps access", async ({ page }) => {
  const { included } = await setup(page);
  await joinMembership(page);
  const firstEnd = await page.getByTestId("membership-period-end").textContent();

  await emulator("POST", "clock/advance", { seconds: String(32 * DAY) });
  await waitForWebhooks();
  await page.reload();
  await expect(page.getByTestId("membership-status")).toHaveAttribute("data-status", "active");
  await expect(page.getByTestId("membership-period-end")).not.toHaveText(firstEnd!);
  await expect(page.getByTestId("invoice-row")).toHaveCount(2);
  await page.goto(`/library/${included.slug}`);
  await expect(page.getByTestId("course-content-title")).toHaveText(included.title);
});

test("a failed renewal shows past due, and a new card brings the membership back", async ({ page }) => {
  await setup(page);
  await joinMembership(page);

  // 4000 0000 0000 0341 saves fine but every later charge is declined.
  await page.getByRole("button", { name: "Update card" }).click();
  await fillCard(page, "4000 0000 0000 0341");
  await clickBelowCardFrame(page.getByRole("button", { name: "Save card" }));
  await expect(page.getByTestId("card-update-message")).toHaveText("Your new card will be used for renewals.");
  await expect(page.getByTestId("membership-card")).toContainText("0341");

  await emulator("POST", "clock/advance", { seconds: String(32 * DAY) });
  await waitForWebhooks();
  await page.reload();
  await expect(page.getByTestId("membership-status")).toHaveAttribute("data-status", "past_due");
  await expect(page.getByTestId("membership-status")).toHaveText("Payment failed: past due");
  await page.screenshot({ path: test.info().outputPath("membership-past-due.png"), fullPage: true });

  await page.getByRole("button", { name: "Update card" }).click();
  await fillCard(page, "4242 4242 4242 4242");
  await clickBelowCardFrame(page.getByRole("button", { name: "Save card" }));
  await expect(page.getByTestId("card-update-message")).toHaveText("Your new card will be used for renewals.");
  await waitForWebhooks();
  await page.reload();
  await expect(page.getByTestId("membership-status")).toHaveAttribute("data-status", "active");
});
