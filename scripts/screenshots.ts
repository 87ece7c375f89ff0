// Refreshes the README's screenshots from a running app: `npx tsx scripts/screenshots.ts [baseUrl]`.
import { chromium, type Page } from "@playwright/test";

const base = process.argv[2] ?? "http://localhost:3000";

async function logIn(page: Page, email: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("demo1234");
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByTestId("signed-in-as").waitFor();
}

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const shoot = async (email: string | null, path: string, file: string, viewport = { width: 1200, height: 800 }) => {
    const page = await browser.newPage({ viewport });
    if (email) await logIn(page, email);
    await page.goto(`${base}${path}`);
    await page.screenshot({ path: `docs/screenshots/${file}.png` });
    await page.close();
  };
  await shoot(null, "/courses", "catalogue");
  await shoot(null, "/courses/stripe-payments-from-scratch", "course");
  await shoot(null, "/sellers/sam-seller", "seller-page");
  await shoot("seller@example.com", "/seller", "seller");
  await shoot("admin@example.com", "/admin/users", "admin-users");
  const phone = { width: 390, height: 844 };
  await shoot(null, "/courses", "phone-catalogue", phone);
  await shoot("seller@example.com", "/seller/sales", "phone-sales", phone);
  await browser.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
