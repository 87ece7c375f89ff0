import { expect, type Page } from "@playwright/test";

/** From /seller: "Connect Stripe Account", create an account on the emulator's authorize page, come back ready. */
export async function connectThroughOAuth(page: Page) {
  await page.goto("/seller");
  await page.getByRole("button", { name: "Connect Stripe Account" }).click();
  await expect(page.getByRole("heading", { name: /Connect with/ })).toBeVisible();
  // Earlier tests' accounts are listed too (and already linked to their sellers): make a new one.
  await page.getByLabel(/Create a new account/).check();
  await page.getByRole("button", { name: "Connect", exact: true }).click();
  await expect(page).toHaveURL(/\/seller\?connect=connected/);
  await expect(page.getByTestId("connect-outcome")).toHaveText("Your Stripe account is connected.");
  await expect(page.getByTestId("connection-status")).toHaveText("Ready to sell");
}
