// Secrets never reach the browser, every page carries a strict Content-Security-Policy, and
// password guessing on the real login endpoint is slowed down.
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { E2E_CONNECT_WEBHOOK_SECRET, E2E_DATABASE, E2E_EMULATOR_URL, E2E_WEBHOOK_SECRET } from "../../playwright.config";
import { createUser, readRow } from "./support/database";
import { createCourse } from "./support/payments";
import { BASE_URL, logInOverHttp, signedInEmail } from "./support/personas";
import { DEMO } from "./support/session";

const AUTH_SECRET = "e2e-only-secret-that-is-long-enough-0123456789";

/** What must never appear in anything a browser receives. */
const SECRETS: [string, RegExp][] = [
  ["a Stripe secret key", /\bsk_(test|live)_[A-Za-z0-9]+/],
  ["a Stripe restricted key", /\brk_(test|live)_[A-Za-z0-9]+/],
  ["a webhook signing secret", /\bwhsec_[A-Za-z0-9_]+/],
  ["the platform webhook secret", new RegExp(E2E_WEBHOOK_SECRET)],
  ["the Connect webhook secret", new RegExp(E2E_CONNECT_WEBHOOK_SECRET)],
  ["AUTH_SECRET", new RegExp(AUTH_SECRET)],
  ["a password hash", /\$argon2(id|i|d)\$/],
  ["the database path", new RegExp(E2E_DATABASE.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))],
  ["a database URL", /file:[^\s"']*\.db\b/],
];

function leaksIn(text: string): string[] {
  return SECRETS.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}

function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

test("no secret, password hash or database path in the client bundle", () => {
  const files = filesUnder(path.resolve(".next/static"));
  expect(files.filter((file) => file.endsWith(".js")).length).toBeGreaterThan(10);
  const leaks = files.flatMap((file) => leaksIn(readFileSync(file, "latin1")).map((leak) => `${leak} in ${path.relative(".", file)}`));
  expect(leaks).toEqual([]);
});

async function signedIn(who: { email: string; password: string }): Promise<APIRequestContext> {
  const request = await playwrightRequest.newContext({ baseURL: BASE_URL });
  await logInOverHttp(request, who);
  expect(await signedInEmail(request)).toBe(who.email);
  return request;
}

test("no secret, password hash or database path in rendered pages", async () => {
  const seller = await createUser("seller", "scan-seller");
  const course = createCourse(seller.id);
  const visits: [{ email: string; password: string } | null, string[]][] = [
    [null, ["/", "/courses", `/courses/${course.slug}`, "/login", "/register"]],
    [DEMO.buyer, [`/checkout/${course.slug}`, "/membership", "/library", "/account/orders"]],
    [DEMO.seller, ["/seller", "/seller/sales", "/seller/courses/new", "/seller/sales/export"]],
    [DEMO.admin, ["/admin", "/admin/users", "/admin/orders", "/admin/events", "/admin/settings", "/admin/audit"]],
  ];
  const leaks: string[] = [];
  let scanned = 0;
  for (const [who, paths] of visits) {
    const request = who ? await signedIn(who) : await playwrightRequest.newContext({ baseURL: BASE_URL });
    for (const pagePath of paths) {
      const response = await request.get(pagePath);
      expect(response.status(), pagePath).toBe(200);
      leaks.push(...leaksIn(await response.text()).map((leak) => `${leak} on ${pagePath}`));
      scanned++;
    }
    await request.dispose();
  }
  expect(scanned).toBe(19);
  expect(leaks).toEqual([]);
});

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

test("pages carry a nonce-based Content-Security-Policy and the other security headers", async ({ request }) => {
  const seller = await createUser("seller", "csp-seller");
  const course = createCourse(seller.id);
  const buyer = await signedIn(DEMO.buyer);
  const sellerRequest = await signedIn(DEMO.seller);
  const emulatorOrigin = new URL(E2E_EMULATOR_URL).origin;
  const nonces = new Set<string>();

  const pages: [APIRequestContext, string][] = [
    [request, "/"],
    [request, "/courses"],
    [request, `/courses/${course.slug}`],
    [request, "/login"],
    [buyer, `/checkout/${course.slug}`],
    [buyer, "/membership"],
    [sellerRequest, "/seller"],
  ];
  for (const [client, pagePath] of pages) {
    const response = await client.get(pagePath);
    const headers = response.headers();
    expect(headers["x-content-type-options"], pagePath).toBe("nosniff");
    expect(headers["referrer-policy"], pagePath).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"], pagePath).toBe("DENY");
    const policy = directives(headers["content-security-policy"] ?? "");
    const scriptSrc = policy.get("script-src") ?? [];
    const nonce = scriptSrc.find((source) => source.startsWith("'nonce-"))?.slice(7, -1);
    expect(nonce, `${pagePath}: a nonce`).toBeTruthy();
    nonces.add(nonce!);
    expect(scriptSrc, pagePath).toContain("'strict-dynamic'");
    expect(scriptSrc, pagePath).not.toContain("'unsafe-inline'");
    expect(scriptSrc, pagePath).not.toContain("'unsafe-eval'");
    expect(policy.get("frame-ancestors"), pagePath).toEqual(["'none'"]);
    expect(policy.get("object-src"), pagePath).toEqual(["'none'"]);
    expect(policy.get("base-uri"), pagePath).toEqual(["'self'"]);
    expect(policy.get("default-src"), pagePath).toEqual(["'self'"]);

    // Every script the page ships carries this response's nonce.
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length, pagePath).toBeGreaterThan(0);
    expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`)), `${pagePath}: scripts without the nonce`).toEqual([]);

    // Stripe (here the emulator) and nothing else besides this origin, for scripts, frames, API calls and hosted pages.
    expect(scriptSrc.filter((source) => !source.startsWith("'")), pagePath).toEqual([emulatorOrigin]);
    expect(policy.get("frame-src"), pagePath).toEqual([emulatorOrigin]);
    expect(policy.get("connect-src"), pagePath).toEqual(["'self'", emulatorOrigin]);
    expect(policy.get("form-action"), pagePath).toEqual(["'self'", emulatorOrigin]);
  }
  expect(nonces.size, "a fresh nonce per response").toBe(pages.length);
  await buyer.dispose();
  await sellerRequest.dispose();
});

test("the API answers with the security headers too", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["x-frame-options"]).toBe("DENY");
  expect(response.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
});

test("pages run under the policy without violations, also after a client-side navigation to checkout", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  // The demo seller's account can take charges, so the course page offers "Buy this course".
  const seller = readRow<{ id: string }>(`SELECT id FROM "User" WHERE email = ?`, DEMO.seller.email)!;
  const course = createCourse(seller.id);
  // A client-side navigation from the catalogue to a course (the catalogue is cached, so any course in it).
  await page.goto("/courses");
  await page.locator('main a[href^="/courses/"]').first().click();
  await expect(page).toHaveURL(/\/courses\/[^/?]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO.buyer.email);
  await page.getByLabel("Password").fill(DEMO.buyer.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  await page.goto(`/courses/${course.slug}`);
  await page.getByRole("link", { name: "Buy this course" }).click();
  await expect(page.frameLocator('iframe[title="Secure payment input frame"]').getByLabel("Card number")).toBeVisible();
  expect(violations).toEqual([]);
});

test("login attempts for one email are throttled on the real login endpoint", async () => {
  const user = await createUser("buyer", "throttled");
  const other = await createUser("buyer", "not-throttled");
  const request = await playwrightRequest.newContext({ baseURL: BASE_URL });
  for (let attempt = 1; attempt <= 10; attempt++) {
    const response = await logInOverHttp(request, { email: user.email, password: `wrong-${attempt}` });
    expect(response.status(), `attempt ${attempt}`).toBe(401);
    expect(((await response.json()) as { url: string }).url, `attempt ${attempt}`).toContain("error=CredentialsSignin");
  }
  // The right password no longer gets in for this email...
  const refused = await logInOverHttp(request, user);
  expect(((await refused.json()) as { url: string }).url).toContain("error=TooManyAttempts");
  expect(await signedInEmail(request)).toBeUndefined();
  // ...while another account still logs in from the same client.
  await logInOverHttp(request, other);
  expect(await signedInEmail(request)).toBe(other.email);
  await request.dispose();
});

test("a form posted without script passes the proxy's check and works", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const email = `no-script-${Date.now()}@test.example`;
  await page.goto("/register");
  await page.getByLabel("Name").fill("No Script");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/login\?registered=1$/);
  expect(readRow<{ email: string }>(`SELECT email FROM "User" WHERE email = ?`, email)?.email).toBe(email);
  await context.close();
});
