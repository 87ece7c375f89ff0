// An Element above a submit button that starts below the fold of a 720 px window (the membership
// page's "Save card" report). The frame must not move or resize while the button is scrolled to and
// clicked, and the click must reach the button.
//
// Findings behind these tests: a bare `click()` there fails about half the time, and it fails in the
// same way with a plain fixed-size emulator iframe (/elements/3ds.html, no Stripe.js at all).
// Playwright scrolls the button into view and sends the mouse event immediately. Chromium routes
// mouse events between a page and its cross-origin (out-of-process) iframes by using the
// compositor's hit-test data, which still shows the layout from before the scroll, so the click
// goes to the iframe at the button's old position. Nothing on the page moves. Scrolling first
// (`scrollIntoViewIfNeeded()`, then `click()`, whose stability check waits for frames to be painted)
// avoids it, as does real Stripe.js, whose Elements are cross-origin iframes too.
import { expect, test, type Page } from "@playwright/test";
import { startHarness, type Harness } from "./harness.js";

let h: Harness;
test.beforeAll(async () => {
  h = await startHarness();
});
test.afterAll(async () => {
  await h?.close();
});

test.use({ viewport: { width: 1280, height: 720 } });

// Space above the Element: the button under it starts below the fold (the membership page's layout).
const ABOVE = { payment: 500, card: 680 };

async function openForm(page: Page, element: "payment" | "card") {
  const si = await h.stripe.setupIntents.create({ usage: "off_session" });
  await page.goto(h.pageUrl("scroll-form", { cs: si.client_secret!, above: ABOVE[element], element }));
  await expect.poll(() => page.evaluate(() => (window as any).emu.focusEvents.includes("ready"))).toBe(true);
}

/** Watches the Element's iframe for size and position changes from now on. */
async function watchFrame(page: Page) {
  await page.evaluate(() => {
    const iframe = document.querySelector("#element iframe") as HTMLIFrameElement;
    const w = window as any;
    const docRect = () => {
      const r = iframe.getBoundingClientRect();
      return { top: Math.round(r.top + scrollY), height: Math.round(r.height) };
    };
    w.frameStart = docRect();
    w.frameChanges = [] as string[];
    new MutationObserver(() => w.frameChanges.push(`style: ${iframe.style.height}`)).observe(iframe, { attributes: true });
    new ResizeObserver(() => {
      const now = docRect();
      if (now.height !== w.frameStart.height) w.frameChanges.push(`resized to ${now.height}`);
    }).observe(iframe);
    w.frameNow = docRect;
  });
}

async function clickSave(page: Page) {
  const save = page.getByRole("button", { name: "Save card" });
  expect(await save.evaluate((b) => b.getBoundingClientRect().top > innerHeight)).toBe(true); // needs scrolling
  await save.scrollIntoViewIfNeeded();
  await save.click();
  await expect(page.locator("#submitted")).toHaveAttribute("data-count", "1");
}

test("Payment Element: no layout shift while the button below it is scrolled to; the click reaches the button", async ({ page }) => {
  await openForm(page, "payment");
  const frame = page.frameLocator('iframe[title="Secure payment input frame"]');
  await frame.getByLabel("Card number").fill("4242 4242 4242 4242");
  await frame.getByLabel("Expiration date").fill("12 / 34");
  await frame.getByLabel("Security code").fill("123");
  await frame.getByLabel("Postal code").fill("94103");
  await watchFrame(page);
  await clickSave(page);
  await page.waitForTimeout(200); // late messages from the frame would land here
  const w = await page.evaluate(() => ({ start: (window as any).frameStart, now: (window as any).frameNow(), changes: (window as any).frameChanges }));
  expect(w.changes).toEqual([]);
  expect(w.now).toEqual(w.start);
  // Focus left the card frame for the button; it did not go back to the card number.
  await expect.poll(() => page.evaluate(() => (window as any).emu.focusEvents.at(-1))).toBe("blur");
  await expect(page.locator("#save")).toBeFocused();
});

test("Card Element: no layout shift while the button below it is scrolled to; the click reaches the button", async ({ page }) => {
  await openForm(page, "card");
  const frame = page.frameLocator('iframe[title="Secure card payment input frame"]');
  await frame.getByLabel("Card number").fill("4242 4242 4242 4242");
  await frame.getByLabel("Expiration date").fill("12 / 34");
  await frame.getByLabel("Security code").fill("123");
  await frame.getByLabel("Postal code").fill("94103");
  await watchFrame(page);
  await clickSave(page);
  await page.waitForTimeout(200);
  const w = await page.evaluate(() => ({ start: (window as any).frameStart, now: (window as any).frameNow(), changes: (window as any).frameChanges }));
  expect(w.changes).toEqual([]);
  expect(w.now).toEqual(w.start);
  await expect(page.locator("#save")).toBeFocused();
});
