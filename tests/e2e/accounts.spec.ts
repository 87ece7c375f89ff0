import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createUser } from "./support/database";
import { DEMO, logIn } from "./support/session";

test("a visitor registers, then logs in and out", async ({ page }) => {
  const email = `new-${randomUUID().slice(0, 8)}@test.example`;
  await page.goto("/register");
  await page.getByLabel("Name").fill("Nia New");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 8 characters.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email);

  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/login\?registered=1/);
  await expect(page.getByRole("status")).toContainText("If this email address was new, your account is ready");

  await logIn(page, { email, password: "a-long-enough-password" });
  await expect(page.getByTestId("signed-in-as")).toContainText("Nia New");
  await expect(page.getByTestId("signed-in-as")).toContainText("buyer");

  await page.goto("/library");
  await expect(page.getByText("You have no courses yet.")).toBeVisible();

  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();
  await page.goto("/library");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Flibrary/);
});

test("registering a taken email answers as for a new one and changes nothing", async ({ page }) => {
  await page.goto("/register");
  await page.getByLabel("Name").fill("Someone");
  await page.getByLabel("Email").fill(DEMO.buyer.email);
  await page.getByLabel("Password").fill("another-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/login\?registered=1/);
  await expect(page.getByRole("status")).toContainText("If it already had an account, we have emailed its owner instead.");
  // The owner's password still works and the attempt's one does not.
  await page.getByLabel("Email").fill(DEMO.buyer.email);
  await page.getByLabel("Password").fill("another-password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByText("The email or password is not right.")).toBeVisible();
  await logIn(page, DEMO.buyer);
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
});

test("a wrong password is refused", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO.buyer.email);
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByText("The email or password is not right.")).toBeVisible();
});

test("login returns to the page that asked for it", async ({ page }) => {
  const buyer = await createUser("buyer");
  await page.goto("/library");
  await expect(page).toHaveURL(/callbackUrl=%2Flibrary/);
  await page.getByLabel("Email").fill(buyer.email);
  await page.getByLabel("Password").fill(buyer.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/library$/);
});
