// Every page of every role on a 360 px phone: nothing wider than the screen, tap targets of at
// least 44 px, and the header's menu opens and closes from the keyboard.
import { expect, test, type Page } from "@playwright/test";
import { declaredPageRoutes, PAGE_URLS, pageAs, preparePageFixtures, ROLES, type PageFixtures } from "./support/every-page";

const PHONE = { width: 360, height: 740 };
let fx: PageFixtures;
/** Kept with the test's output (the README's phone views come from these). */
const SCREENSHOTS: Record<string, string> = { "visitor /courses": "phone-catalogue.png", "seller /seller/sales": "phone-sales.png" };

test.beforeAll(async () => {
  fx = await preparePageFixtures();
});

test("every page of the app has a row in the page list", () => {
  expect(Object.keys(PAGE_URLS).sort()).toEqual(declaredPageRoutes());
});

/** Elements sticking out past the right edge of the page (not those clipped inside a scrolling box). */
async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    const clipped = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== "visible") return true;
      }
      return false;
    };
    const culprits = [...document.body.querySelectorAll("*")].filter((element) => element.getBoundingClientRect().right > width + 1 && !clipped(element));
    const names = culprits.map((element) => `<${element.tagName.toLowerCase()} class="${element.getAttribute("class") ?? ""}"> ${element.textContent?.trim().slice(0, 40) ?? ""}`);
    return names.length ? names.slice(0, 5) : [`the page is ${document.documentElement.scrollWidth}px wide`];
  });
}

/** Buttons, fields, the menu toggle and navigation links smaller than 44 px in either direction. */
async function smallTapTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const targets = document.querySelectorAll(
      "button, summary, select, textarea, input:not([type=hidden]):not([type=checkbox]):not([type=radio]), nav a, .btn, .btn-secondary",
    );
    return [...targets]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) return false;
        if (element.closest("[aria-hidden=true], .sr-only")) return false;
        return box.height < 44 - 0.5 || box.width < 44 - 0.5;
      })
      .map((element) => {
        const box = element.getBoundingClientRect();
        return `<${element.tagName.toLowerCase()}> "${(element.textContent ?? "").trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`;
      });
  });
}

for (const role of ROLES) {
  test(`every page fits a 360 px phone, as ${role}`, async ({ browser }) => {
    test.setTimeout(180_000);
    const page = await pageAs(browser, role, fx, PHONE);
    const problems: string[] = [];
    for (const [route, urlOf] of Object.entries(PAGE_URLS)) {
      await page.goto(urlOf(fx));
      await page.waitForLoadState("load");
      for (const culprit of await overflowingElements(page)) problems.push(`${route}: wider than the screen: ${culprit}`);
      for (const target of await smallTapTargets(page)) problems.push(`${route}: tap target under 44 px: ${target}`);
      if (SCREENSHOTS[`${role} ${route}`]) await page.screenshot({ path: test.info().outputPath(SCREENSHOTS[`${role} ${route}`]), fullPage: true });
    }
    await page.context().close();
    expect(problems, problems.join("\n")).toEqual([]);
  });
}

test("the phone menu opens, moves between pages, and closes with Escape", async ({ browser }) => {
  const page = await pageAs(browser, "buyer", fx, { width: 390, height: 800 });
  await page.goto("/courses");
  const toggle = page.locator("summary", { hasText: "Menu" });
  const orders = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Orders" });
  await expect(orders).toBeHidden();
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(orders).toBeVisible();
  await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(orders).toBeHidden();
  await expect(toggle).toBeFocused();

  await toggle.click();
  await orders.click();
  await expect(page).toHaveURL(/\/account\/orders$/);
  await expect(orders).toBeHidden();
  await toggle.click();
  await expect(orders).toHaveAttribute("aria-current", "page");
  await page.screenshot({ path: test.info().outputPath("phone-menu.png") });
  await page.context().close();
});

test("on a wide screen the header shows its links in one row, with no menu toggle", async ({ browser }) => {
  const page = await pageAs(browser, "admin", fx, { width: 1280, height: 800 });
  await page.goto("/admin/users");
  await expect(page.locator("summary", { hasText: "Menu" })).toBeHidden();
  const main = page.getByRole("navigation", { name: "Main" });
  await expect(main.getByRole("link", { name: "Courses" })).toBeVisible();
  await expect(main.getByRole("link", { name: "My orders" })).toHaveAttribute("href", "/account/orders");
  await expect(main.getByRole("link", { name: "Orders", exact: true })).toHaveAttribute("href", "/admin/orders");
  await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();
  const admin = page.getByRole("navigation", { name: "Admin" });
  await expect(admin.getByRole("link")).toHaveText(["Overview", "Users", "Orders", "Events", "Emails", "Audit", "Settings", "Fees"]);
  await expect(admin.getByRole("link", { name: "Users" })).toHaveAttribute("aria-current", "page");
  await page.goto(`/admin/orders/${fx.orderId}`);
  await expect(admin.getByRole("link", { name: "Orders" })).toHaveAttribute("aria-current", "page");
  await expect(main.getByRole("link", { name: "Orders", exact: true })).toHaveAttribute("aria-current", "page");
  await page.screenshot({ path: test.info().outputPath("desktop-admin.png") });
  await page.context().close();
});
