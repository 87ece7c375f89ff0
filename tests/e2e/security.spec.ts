// Secrets never reach the browser, every page carries a strict Content-Security-Policy, and
// password guessing on the real login endpoint is slowed down.
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { readdirSync, readFileSync, statSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { E2E_CONNECT_WEBHOOK_SECRET, E2E_DATABASE, E2E_EMULATOR_URL, E2E_WEBHOOK_SECRET } from "../../playwright.config";
import { createUser, readRow } from "./support/database";
import { approveOnEmulator, serverAction } from "./support/http-journeys";
import { createCourse } from "./support/payments";
import { BASE_URL, logInOverHttp, signedInEmail } from "./support/personas";
import { callServerAction } from "./support/server-actions";
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

test("login attempts for one email are throttled on the real login endpoint, answered 429 with Retry-After", async () => {
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
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(60);
  expect(((await refused.json()) as { url: string }).url).toContain("error=TooManyAttempts");
  expect(await signedInEmail(request)).toBeUndefined();
  // ...while another account still logs in from the same client.
  await logInOverHttp(request, other);
  expect(await signedInEmail(request)).toBe(other.email);
  await request.dispose();
});

// Failed before: 13 of 15 concurrent guesses were checked against a limit of 10.
test("15 concurrent wrong logins for one email: at most 10 are checked, the rest get 429", async () => {
  const user = await createUser("buyer", "concurrent-guesses");
  const clients = await Promise.all(Array.from({ length: 15 }, () => playwrightRequest.newContext({ baseURL: BASE_URL })));
  const answers = await Promise.all(clients.map((client, i) => logInOverHttp(client, { email: user.email, password: `guess-${i}` })));
  const statuses = answers.map((answer) => answer.status());
  expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(10);
  expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(5);
  expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
  await Promise.all(clients.map((client) => client.dispose()));
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

// Failed before: "/%09/evil.example" passed the login page's "//" check and the browser left for evil.example.
test("a login link cannot send anyone to another site afterwards", async ({ page }) => {
  test.slow();
  const user = await createUser("buyer", "redirect");
  for (const target of ["/%09/evil.example", "/%5Cevil.example", "https://evil.example/"]) {
    await page.context().clearCookies();
    await page.goto(`/login?callbackUrl=${encodeURIComponent(decodeURIComponent(target))}`);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByTestId("signed-in-as"), target).toBeVisible();
    expect(new URL(page.url()).origin, target).toBe(BASE_URL);
  }
  // A path on this site is still where the person lands.
  await page.context().clearCookies();
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/library")}`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(`${BASE_URL}/library`);
});

/**
 * Posts `megabytes` MB over a raw socket, chunked (no Content-Length) or with its Content-Length,
 * and returns the status the server answered with. The server may answer and close before the
 * body is sent: writing stops there. When it resets the connection, its answer can be lost
 * with it: "closed early" says it hung up instead of reading the body to its end.
 */
function postLarge(path: string, megabytes: number, headers: Record<string, string>, framing: "chunked" | "content-length"): Promise<number | "closed early"> {
  const { hostname, port } = new URL(BASE_URL);
  const chunk = Buffer.alloc(64 * 1024, "x");
  const total = megabytes * 16;
  const head = [
    `POST ${path} HTTP/1.1`,
    `Host: ${hostname}:${port}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    framing === "chunked" ? "Transfer-Encoding: chunked" : `Content-Length: ${total * chunk.length}`,
    "Connection: close",
    "",
    "",
  ].join("\r\n");
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname === "localhost" ? "127.0.0.1" : hostname);
    let received = "";
    let sent = 0;
    const answered = () => /^HTTP\/1\.1 (\d{3})/.exec(received);
    socket.on("data", (data) => {
      received += data.toString("latin1");
      const status = answered();
      if (status) {
        resolve(Number(status[1]));
        socket.destroy();
      }
    });
    socket.on("error", () => {});
    // A server that read the whole body would answer it (400: the signature is wrong, or the form is).
    socket.on("close", () => (answered() ? undefined : resolve("closed early")));
    const writeMore = () => {
      while (!answered() && !socket.destroyed && sent < total) {
        sent++;
        const ok = socket.write(framing === "chunked" ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]) : chunk);
        if (!ok) return void socket.once("drain", writeMore);
      }
      if (framing === "chunked" && !socket.destroyed) socket.write("0\r\n\r\n");
    };
    socket.on("connect", () => {
      socket.write(head);
      writeMore();
    });
  });
}

// Failed before: both webhook routes read any body whole before checking the signature.
test("bodies over 1 MB are refused with 413, by Content-Length and while streaming", async () => {
  const targets = ["/api/stripe/webhook", "/api/stripe/connect-webhook", "/api/auth/callback/credentials"];
  for (const target of targets) {
    const declared = await postLarge(target, 2, { "content-type": "application/json", "stripe-signature": "t=1,v1=x" }, "content-length");
    expect([413, "closed early"], `${target} with Content-Length`).toContain(declared);
    const chunked = await postLarge(target, 8, { "content-type": "application/x-www-form-urlencoded", "stripe-signature": "t=1,v1=x" }, "chunked");
    expect([413, "closed early"], `${target} chunked`).toContain(chunked);
  }
  const action = serverAction("register");
  const form = await postLarge(action.page, 8, { "next-action": action.id, "content-type": "text/plain;charset=UTF-8", origin: BASE_URL }, "chunked");
  expect([413, "closed early"], "a server action, chunked").toContain(form);
  expect((await fetch(`${BASE_URL}/api/health`)).status, "the app is still up").toBe(200);
});

async function sessionCookieOf(request: APIRequestContext) {
  return (await request.storageState()).cookies.filter((cookie) => cookie.name.includes("session-token"));
}

// Failed before: the cookie kept working after logout, and /api/auth/session renewed it.
test("logging out ends that session: a copy of its cookie is refused and not renewed; other sessions go on", async () => {
  const user = await createUser("buyer", "revoked");
  const laptop = await signedIn(user);
  const phone = await signedIn(user);
  const stolen = await playwrightRequest.newContext({ baseURL: BASE_URL, storageState: await laptop.storageState() });
  expect(await signedInEmail(stolen)).toBe(user.email);

  const answer = await callServerAction(laptop, serverAction("logOut"), {}, "form");
  expect(answer.redirect).toMatch(/\/$/);
  const renewal = await stolen.get("/api/auth/session");
  expect(await renewal.json()).toEqual({});
  expect(renewal.headers()["set-cookie"] ?? "").not.toMatch(/session-token=[^;]{20,}/);
  expect(await sessionCookieOf(stolen)).toEqual([]);
  expect((await stolen.get("/account/orders", { maxRedirects: 0 })).status()).toBe(307);
  expect(await signedInEmail(phone)).toBe(user.email);
  await Promise.all([laptop.dispose(), phone.dispose(), stolen.dispose()]);
});

test("Log out everywhere ends every session of the account, on every device", async ({ page }) => {
  const user = await createUser("buyer", "everywhere");
  const phone = await signedIn(user);
  await page.goto("/login?callbackUrl=%2Faccount");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("heading", { name: "Account", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Log out everywhere" }).click();
  await expect(page.getByText("You are logged out on every device.")).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
  expect(await signedInEmail(phone)).toBeUndefined();
  // Logging in again works.
  const again = await signedIn(user);
  await Promise.all([phone.dispose(), again.dispose()]);
});

test("disabling an account ends its sessions at once", async () => {
  const user = await createUser("seller", "disabled-now");
  const session = await signedIn(user);
  const admin = await signedIn(DEMO.admin);
  const answer = await callServerAction(admin, serverAction("setDisabledAction"), { userId: user.id, disabled: "true" });
  expect(answer.result?.error, JSON.stringify(answer.result)).toBeUndefined();
  expect(await signedInEmail(session)).toBeUndefined();
  await Promise.all([session.dispose(), admin.dispose()]);
});

// Failed before: the state lived only in a cookie, so replaying it with the same cookie linked a second account.
test("an OAuth callback's state is used once: a replay with the same state and cookie links nothing", async () => {
  const seller = await createUser("seller", "oauth-replay");
  const request = await signedIn(seller);
  const started = await callServerAction(request, serverAction("connectWithOAuthAction"), {});
  const authorizeUrl = started.redirect!;
  const stateCookie = (await request.storageState()).cookies.find((cookie) => cookie.name === "connect_oauth_state")!;
  expect(stateCookie).toBeTruthy();

  const first = new URL(await approveOnEmulator(authorizeUrl));
  const linked = await request.get(`${first.pathname}${first.search}`, { maxRedirects: 0 });
  expect(linked.headers()["location"]).toContain("connect=connected");
  const account = readRow<{ stripeAccountId: string }>(`SELECT stripeAccountId FROM "SellerAccount" WHERE userId = ?`, seller.id)!.stripeAccountId;

  // The attacker's own authorization, returned with the seller's state and the seller's cookie put back.
  const replay = new URL(await approveOnEmulator(authorizeUrl));
  const replayed = await playwrightRequest.newContext({
    baseURL: BASE_URL,
    storageState: { cookies: [...(await request.storageState()).cookies.filter((c) => c.name !== "connect_oauth_state"), stateCookie], origins: [] },
  });
  const answer = await replayed.get(`${replay.pathname}${replay.search}`, { maxRedirects: 0 });
  expect(answer.headers()["location"]).toContain("connect=invalid_state");
  expect(readRow<{ stripeAccountId: string }>(`SELECT stripeAccountId FROM "SellerAccount" WHERE userId = ?`, seller.id)!.stripeAccountId).toBe(account);
  await Promise.all([request.dispose(), replayed.dispose()]);
});

// Failed before: both were answered 500.
test("an opaque or empty Origin on a form post and broken percent-encoding in a path get a 4xx", async () => {
  const action = serverAction("register");
  for (const origin of ["null", ""]) {
    const response = await fetch(`${BASE_URL}${action.page}`, {
      method: "POST",
      headers: { "next-action": action.id, "content-type": "text/plain;charset=UTF-8", origin },
      body: JSON.stringify(["$undefined", "$K1"]),
    });
    expect(response.status, `Origin ${JSON.stringify(origin)}`).toBe(403);
  }
  for (const path of ["/courses/%E0%A4%A", "/courses/%", "/%c0%af"]) {
    const response = await fetch(`${BASE_URL}${path}`);
    expect(response.status, path).toBeGreaterThanOrEqual(400);
    expect(response.status, path).toBeLessThan(500);
  }
});

// Failed before: "An account with this email already exists."
test("registration answers the same for a new and a taken address, and emails the owner of the taken one", async ({ page }) => {
  const owner = await createUser("buyer", "taken");
  const answers: string[] = [];
  for (const email of [`fresh-${Date.now()}@test.example`, owner.email]) {
    await page.goto("/register");
    await page.getByLabel("Name").fill("Someone");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("long-enough-password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/login\?registered=1$/);
    answers.push(await page.getByRole("status").innerText());
  }
  expect(answers[1]).toBe(answers[0]);
  expect(readRow<{ n: number }>(`SELECT count(*) n FROM "OutboxEmail" WHERE toAddress = ? AND kind = 'account'`, owner.email)?.n).toBe(1);
  expect(readRow<{ name: string }>(`SELECT name FROM "User" WHERE id = ?`, owner.id)?.name).toBe(owner.name);
});
