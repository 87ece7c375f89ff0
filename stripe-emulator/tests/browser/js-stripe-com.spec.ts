// Code written for real Stripe, unchanged: a plain page that loads https://js.stripe.com/v3/, which
// the test answers with the emulator's Stripe.js (route interception), as a proxy or a hosts entry would.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { startHarness, type Harness } from "./harness.js";

let h: Harness;
let shop: Server;
let shopUrl = "";
let pageHtml = "";

test.beforeAll(async () => {
  h = await startHarness();
  // The sample's own server (a local one: Chromium lets only local pages frame the local emulator).
  shop = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(pageHtml));
  await new Promise<void>((resolve) => shop.listen(0, "127.0.0.1", resolve));
  shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  await h?.close();
  await new Promise<void>((resolve) => shop?.close(() => resolve()));
});


// Stripe's flagship Payment Element sample in miniature: a Link Authentication Element beside the Payment Element.
const PAGE = (clientSecret: string) => `<!doctype html>
<html><head><meta charset="utf-8"><title>Sample checkout</title><script src="https://js.stripe.com/v3/"></script></head>
<body>
<form id="payment-form">
  <div id="link-authentication-element"></div>
  <div id="payment-element"></div>
  <button id="submit">Pay now</button>
  <div id="payment-message"></div>
</form>
<script>
  const stripe = Stripe("pk_test_sample");
  const elements = stripe.elements({ clientSecret: ${JSON.stringify(clientSecret)}, appearance: { theme: "stripe" } });
  window.events = [];
  const linkAuthenticationElement = elements.create("linkAuthentication", { defaultValues: { email: "" } });
  linkAuthenticationElement.on("change", (event) => window.events.push({ type: "change", elementType: event.elementType, complete: event.complete, email: event.value.email }));
  linkAuthenticationElement.on("ready", () => window.events.push({ type: "ready", elementType: "linkAuthentication" }));
  linkAuthenticationElement.mount("#link-authentication-element");
  const paymentElement = elements.create("payment", { layout: "tabs" });
  paymentElement.on("ready", () => window.events.push({ type: "ready", elementType: "payment" }));
  paymentElement.mount("#payment-element");
  document.querySelector("#payment-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const { error, paymentIntent } = await stripe.confirmPayment({ elements, confirmParams: { return_url: location.href }, redirect: "if_required" });
    document.querySelector("#payment-message").textContent = error ? error.message : paymentIntent.status;
  });
</script>
</body></html>`;

async function openSample(page: Page, clientSecret: string): Promise<void> {
  const served = await (await fetch(`${h.emulatorUrl}/v3/stripe.js`)).text();
  await page.route("https://js.stripe.com/v3/", (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: served }));
  pageHtml = PAGE(clientSecret);
  await page.goto(`${shopUrl}/checkout`);
  await page.waitForFunction(() => (window as unknown as { events: Array<{ type: string }> }).events.filter((e) => e.type === "ready").length === 2);
}

async function fillCard(page: Page, number: string): Promise<void> {
  const frame = page.frameLocator('iframe[title="Secure payment input frame"]');
  await frame.getByLabel("Card number").fill(number);
  await frame.getByLabel("Expiration date").fill("12 / 34");
  await frame.getByLabel("Security code").fill("123");
  await frame.getByLabel("Postal code").fill("94103");
}

test("served in place of js.stripe.com: the card fields appear and a payment succeeds", async ({ page }) => {
  const pi = await h.stripe.paymentIntents.create({ amount: 1999, currency: "usd", automatic_payment_methods: { enabled: true } });
  await openSample(page, pi.client_secret!);
  await fillCard(page, "4242 4242 4242 4242");
  await page.getByRole("button", { name: "Pay now" }).click();
  await expect(page.locator("#payment-message")).toHaveText("succeeded", { timeout: 30_000 });
  expect((await h.stripe.paymentIntents.retrieve(pi.id)).status).toBe("succeeded");
});

test("served in place of js.stripe.com: 3-D Secure opens the modal on the page, not a full-page redirect", async ({ page }) => {
  const pi = await h.stripe.paymentIntents.create({ amount: 1999, currency: "usd", automatic_payment_methods: { enabled: true } });
  await openSample(page, pi.client_secret!);
  await fillCard(page, "4000 0027 6000 3184");
  await page.getByRole("button", { name: "Pay now" }).click();
  await page.frameLocator('iframe[title="Card authentication (test)"]').getByRole("button", { name: "Complete authentication" }).click();
  await expect(page.locator("#payment-message")).toHaveText("succeeded", { timeout: 30_000 });
  expect(page.url()).toBe(`${shopUrl}/checkout`);
});

test("the Link Authentication Element is an email field with Stripe's change events", async ({ page }) => {
  const pi = await h.stripe.paymentIntents.create({ amount: 1999, currency: "usd", automatic_payment_methods: { enabled: true } });
  await openSample(page, pi.client_secret!);
  const email = page.frameLocator('iframe[title="Secure email input frame"]').getByLabel("Email");
  await email.fill("jenny.rosen@example");
  await email.fill("jenny.rosen@example.com");
  const events = await page.evaluate(() => (window as unknown as { events: Array<Record<string, unknown>> }).events.filter((e) => e.type === "change"));
  expect(events.at(-1)).toEqual({ type: "change", elementType: "linkAuthentication", complete: true, email: "jenny.rosen@example.com" });
  expect(events.some((e) => e.complete === false)).toBe(true);
});
