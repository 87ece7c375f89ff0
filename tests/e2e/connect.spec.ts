import { expect, test } from "@playwright/test";
import { createUser, readRow } from "./support/database";
import { connectThroughOAuth } from "./support/connect";
import { logIn } from "./support/session";

test("a seller connects with OAuth; only the acct_ ID is stored", async ({ page }) => {
  const seller = await createUser("seller", "oauth");
  await logIn(page, seller);
  await connectThroughOAuth(page);
  const row = readRow<{ stripeAccountId: string; connectedVia: string; chargesEnabled: number }>(
    `SELECT stripeAccountId, connectedVia, chargesEnabled FROM "SellerAccount" WHERE userId = ?`,
    seller.id,
  );
  expect(row).toMatchObject({ connectedVia: "oauth", chargesEnabled: 1 });
  expect(row?.stripeAccountId).toMatch(/^acct_/);
});

test("cancelling on Stripe's page connects nothing", async ({ page }) => {
  const seller = await createUser("seller", "cancel");
  await logIn(page, seller);
  await page.goto("/seller");
  await page.getByRole("button", { name: "Connect Stripe Account" }).click();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("connect-outcome")).toHaveText("You cancelled the connection in Stripe. Nothing was connected.");
  await expect(page.getByTestId("connection-status")).toHaveText("Not connected");
});

test("a forged or replayed state is refused", async ({ page }) => {
  const seller = await createUser("seller", "forged");
  await logIn(page, seller);
  await page.goto("/seller/connect/oauth/callback?code=ac_forged&state=forged-state");
  await expect(page.getByTestId("connect-outcome")).toContainText("was not started from this session");
  await expect(page.getByTestId("connection-status")).toHaveText("Not connected");
  expect(readRow(`SELECT id FROM "SellerAccount" WHERE userId = ?`, seller.id)).toBeUndefined();
});

test("a seller whose onboarding is incomplete cannot publish, and can finish later", async ({ page }) => {
  const seller = await createUser("seller", "onboarding");
  await logIn(page, seller);
  await page.goto("/seller/courses/new");
  await page.getByLabel("Title").fill(`Draft by ${seller.email}`);
  await page.getByLabel("Description").fill("Waiting for Stripe.");
  await page.getByLabel("Price").fill("15");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page).toHaveURL(/\/seller\?saved=/);

  await page.getByRole("button", { name: "Create a new Stripe account" }).click();
  await expect(page.getByRole("heading", { name: /Set up your express account/ })).toBeVisible();
  await page.getByRole("button", { name: "Save and return later" }).click();
  await expect(page.getByTestId("connection-status")).toHaveText("Details needed");

  const row = page.getByTestId("seller-course-row").filter({ hasText: `Draft by ${seller.email}` });
  await row.getByRole("button", { name: /^Publish/ }).click();
  await expect(row.getByRole("alert")).toHaveText("Connect a Stripe account that can take payments before publishing.");

  await page.getByRole("button", { name: "Finish onboarding" }).click();
  await page.getByRole("button", { name: "Agree and submit" }).click();
  await expect(page.getByTestId("connection-status")).toHaveText("Ready to sell");
  await row.getByRole("button", { name: /^Publish/ }).click();
  await expect(row).toContainText("Published");
  expect(readRow<{ connectedVia: string }>(`SELECT connectedVia FROM "SellerAccount" WHERE userId = ?`, seller.id)?.connectedVia).toBe(
    "account_link",
  );
});

test("disconnecting unpublishes the seller's courses", async ({ page }) => {
  const seller = await createUser("seller", "disconnect");
  await logIn(page, seller);
  await connectThroughOAuth(page);
  await page.goto("/seller/courses/new");
  const title = `Soon hidden ${seller.id.slice(-6)}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Description").fill("Visible for a moment.");
  await page.getByLabel("Price").fill("20");
  await page.getByRole("button", { name: "Save draft" }).click();
  const row = page.getByTestId("seller-course-row").filter({ hasText: title });
  await row.getByRole("button", { name: `Publish ${title}` }).click();
  await expect(row).toContainText("Published");

  await page.getByText("Disconnect…").click();
  await page.getByRole("button", { name: "Disconnect Stripe account" }).click();
  // The panel re-renders in its disconnected state, which explains what happened.
  await expect(page.getByTestId("connection-status")).toHaveText("Disconnected");
  await expect(page.getByText("Your Stripe account was disconnected, so your courses were unpublished.")).toBeVisible();
  await expect(row).toContainText("Draft");
  await page.goto(`/courses?q=${encodeURIComponent(title)}`);
  await expect(page.getByTestId("course-card")).toHaveCount(0);
});

test("an account already linked to another seller is refused", async ({ browser }) => {
  const first = await createUser("seller", "first-owner");
  const firstPage = await (await browser.newContext()).newPage();
  await logIn(firstPage, first);
  await connectThroughOAuth(firstPage);
  const accountId = readRow<{ stripeAccountId: string }>(`SELECT stripeAccountId FROM "SellerAccount" WHERE userId = ?`, first.id)!
    .stripeAccountId;

  const second = await createUser("seller", "second-owner");
  const page = await (await browser.newContext()).newPage();
  await logIn(page, second);
  await page.goto("/seller");
  await page.getByRole("button", { name: "Connect Stripe Account" }).click();
  await page.locator(`input[type=radio][value="${accountId}"]`).check();
  await page.getByRole("button", { name: "Connect", exact: true }).click();
  await expect(page.getByTestId("connect-outcome")).toHaveText(
    "That Stripe account is already connected to another seller here. Use another account.",
  );
  await expect(page.getByTestId("connection-status")).toHaveText("Not connected");
  expect(readRow(`SELECT id FROM "SellerAccount" WHERE userId = ?`, second.id)).toBeUndefined();
});
