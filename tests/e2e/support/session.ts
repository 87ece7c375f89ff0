import { expect, type Page } from "@playwright/test";

export const DEMO = {
  admin: { email: "admin@example.com", password: "demo1234" },
  seller: { email: "seller@example.com", password: "demo1234" },
  buyer: { email: "buyer@example.com", password: "demo1234" },
};

export async function logIn(page: Page, who: { email: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
}
