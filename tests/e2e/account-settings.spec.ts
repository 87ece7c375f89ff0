// Account basics in the browser: verification, a forgotten password, and the settings on /account.
import { randomUUID } from "node:crypto";
import { expect, request as playwrightRequest, test, type Browser, type Page } from "@playwright/test";
import { E2E_MAIL_URL } from "../../playwright.config";
import { createUser, openDatabase, TEST_PASSWORD } from "./support/database";
import { BASE_URL, logInOverHttp, signedInEmail } from "./support/personas";
import { DEMO, logIn } from "./support/session";

/** The link in the newest email to the address with this subject, once the outbox has sent it. */
async function linkInMail(to: string, subject: string): Promise<{ url: string; id: string }> {
  let found: { url: string; id: string } | undefined;
  await expect(async () => {
    const response = await fetch(`${E2E_MAIL_URL}/api/messages?to=${encodeURIComponent(to)}`);
    const { data } = (await response.json()) as { data: Array<{ id: string; subject: string; text: string; html?: string }> };
    const message = data.find((candidate) => candidate.subject === subject);
    expect(message, `an email "${subject}" to ${to}`).toBeTruthy();
    expect(message!.html, "sent as HTML too").toContain("<!DOCTYPE html");
    const url = /https?:\/\/\S+token=[A-Za-z0-9_-]+/.exec(message!.text)![0];
    found = { url: new URL(url).pathname + new URL(url).search, id: message!.id };
  }).toPass({ timeout: 20_000 });
  return found!;
}

/** A second browser signed in as the user: the "other device". */
async function otherDevice(who: { email: string; password: string }) {
  const device = await playwrightRequest.newContext({ baseURL: BASE_URL });
  await logInOverHttp(device, who);
  expect(await signedInEmail(device)).toBe(who.email);
  return device;
}

// Each journey reads mail the outbox sends in the background: allow for a busy machine.
test.describe.configure({ timeout: 90_000 });

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext({ baseURL: BASE_URL })).newPage();
}

test("a new account confirms its email address; a seller cannot connect Stripe before that", async ({ page, browser }) => {
  const email = `verify-${randomUUID().slice(0, 8)}@test.example`;
  await page.goto("/register");
  await page.getByLabel("Name").fill("Vera Verify");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/login\?registered=1/);
  await logIn(page, { email, password: "a-long-enough-password" });
  await page.goto("/account");
  await expect(page.getByTestId("account-email")).toHaveText(`${email} · not confirmed yet`);

  // Made a seller by an admin, still unconfirmed: Stripe stays out of reach.
  const db = openDatabase();
  db.prepare(`UPDATE "User" SET role = 'seller' WHERE email = ?`).run(email);
  db.close();
  await page.goto("/seller");
  await expect(page.getByTestId("confirm-email-first")).toBeVisible();
  await page.getByRole("button", { name: "Connect Stripe Account" }).click();
  await expect(page.getByRole("main").getByRole("alert").filter({ hasText: "confirm your email address before connecting Stripe" })).toBeVisible();

  const { url, id } = await linkInMail(email, "Confirm your email address");
  // The mail catcher shows the HTML version.
  const mail = await browser.newPage();
  await mail.goto(`${E2E_MAIL_URL}/messages/${id}`);
  await expect(mail.frameLocator('[data-testid="message-html"]').getByRole("link", { name: "Confirm this email address" })).toBeVisible();
  await mail.close();

  await page.goto(url);
  await page.getByRole("button", { name: "Confirm this address" }).click();
  await expect(page.getByRole("status")).toHaveText(`Thank you: ${email} is confirmed.`);
  await page.goto("/seller");
  await expect(page.getByTestId("confirm-email-first")).toHaveCount(0);
  await page.goto(url);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("This link has already been used.");
});

test("a forgotten password is reset from the emailed link, which ends every session and works once", async ({ page }) => {
  const user = await createUser("buyer", "forgot");
  const device = await otherDevice(user);
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  // The login page has an Email field too: wait for this page's.
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email").fill(user.email);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByRole("status")).toContainText(`If ${user.email} belongs to an account, we have sent it a link`);

  const { url } = await linkInMail(user.email, "Choose a new password");
  await page.goto(url);
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByLabel("New password")).toBeFocused();
  await page.getByLabel("New password").fill("a-brand-new-password");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page).toHaveURL(/\/login\?reset=1/);
  expect(await signedInEmail(device), "the other device is logged out").toBeFalsy();
  await device.dispose();
  await logIn(page, { email: user.email, password: "a-brand-new-password" });

  await page.goto(url);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("This link has already been used.");
  await page.goto("/reset-password?token=forged-forged-forged-forged-forged");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("This link is not valid.");
});

test("on /account a user changes name, email (confirmed at the new address), password (other devices logged out), then deletes the account", async ({ page, browser }) => {
  const user = await createUser("buyer", "settings");
  await logIn(page, user);
  await page.goto("/account");

  await page.getByLabel("Name").fill("Sam Settings");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByTestId("name-form").getByRole("status")).toHaveText("Your name is saved.");
  await expect(page.getByTestId("signed-in-as")).toContainText("Sam Settings");

  const emailForm = page.getByTestId("email-form");
  await emailForm.getByLabel("New email address").fill(DEMO.buyer.email);
  await emailForm.getByLabel("Current password").fill(TEST_PASSWORD);
  await emailForm.getByRole("button", { name: "Send a confirmation link" }).click();
  await expect(emailForm.getByRole("alert")).toHaveText("That email address already belongs to another account. Use another one.");
  const newEmail = `moved-${randomUUID().slice(0, 8)}@test.example`;
  await emailForm.getByLabel("New email address").fill(newEmail);
  await emailForm.getByLabel("Current password").fill(TEST_PASSWORD);
  await emailForm.getByRole("button", { name: "Send a confirmation link" }).click();
  await expect(emailForm.getByRole("status")).toContainText(`We have sent a link to ${newEmail}`);
  const { url } = await linkInMail(newEmail, "Confirm your new email address");
  const linkPage = await newPage(browser);
  await linkPage.goto(url);
  await linkPage.getByRole("button", { name: "Confirm this address" }).click();
  await expect(linkPage.getByRole("status")).toHaveText(`Done: your account's email address is now ${newEmail}.`);
  await linkPage.close();
  await page.reload();
  await expect(page.getByTestId("account-email")).toHaveText(`${newEmail} · confirmed`);

  const device = await otherDevice({ email: newEmail, password: TEST_PASSWORD });
  const passwordForm = page.getByTestId("password-form");
  await passwordForm.getByLabel("Current password").fill("not-my-password");
  await passwordForm.getByLabel("New password").fill("another-long-password");
  await passwordForm.getByRole("button", { name: "Change password" }).click();
  await expect(passwordForm.getByRole("alert")).toHaveText("Your current password is not right.");
  expect(await signedInEmail(device)).toBe(newEmail);
  await passwordForm.getByLabel("Current password").fill(TEST_PASSWORD);
  await passwordForm.getByLabel("New password").fill("another-long-password");
  await passwordForm.getByRole("button", { name: "Change password" }).click();
  await expect(passwordForm.getByRole("status")).toHaveText("Your password is changed. You are logged out on your other devices.");
  expect(await signedInEmail(device), "the other device is logged out").toBeFalsy();
  await device.dispose();
  await page.reload();
  await expect(page.getByTestId("signed-in-as")).toContainText("Sam Settings");

  const deleteForm = page.getByTestId("delete-form");
  await deleteForm.getByLabel("Current password").fill("another-long-password");
  await deleteForm.getByRole("button", { name: "Delete my account" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Yes, delete my account" }).click();
  await expect(page).toHaveURL(/\/login\?deleted=1/);
  await page.getByLabel("Email").fill(newEmail);
  await page.getByLabel("Password").fill("another-long-password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("The email or password is not right.");
});
