// axe-core over every page of every role, on a desktop and on a phone, plus the Stripe
// emulator's hosted pages and the mail catcher's page: no serious or critical violation.
import AxeBuilder from "@axe-core/playwright";
import { expect, request as playwrightRequest, test, type Page } from "@playwright/test";
import { E2E_EMULATOR_URL, E2E_MAIL_URL } from "../../playwright.config";
import { createUser } from "./support/database";
import { becomeMember, serverAction } from "./support/http-journeys";
import { PAGE_URLS, pageAs, preparePageFixtures, ROLES, type PageFixtures } from "./support/every-page";
import { stripeApi } from "./support/payments";
import { BASE_URL, logInOverHttp } from "./support/personas";
import { callServerAction } from "./support/server-actions";

const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 360, height: 740 } } as const;
// `npm test` sweeps at phone width, where the layouts differ most and most findings show;
// `npm run test:a11y` (A11Y_FULL=1) adds the desktop width for every page.
const FULL = process.env.A11Y_FULL === "1";
const SWEEP_VIEWPORTS = FULL ? (["desktop", "phone"] as const) : (["phone"] as const);
const BLOCKING = new Set(["serious", "critical"]);

let fx: PageFixtures;

test.beforeAll(async () => {
  fx = await preparePageFixtures();
});

interface Finding {
  where: string;
  rule: string;
  impact: string;
  nodes: number;
  example: string;
}

async function audit(page: Page, where: string): Promise<Finding[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .options({ resultTypes: ["violations"] })
    .analyze();
  return results.violations.map((violation) => ({
    where,
    rule: violation.id,
    impact: violation.impact ?? "unknown",
    nodes: violation.nodes.length,
    example: violation.nodes[0]?.target.join(" ") ?? "",
  }));
}

function report(findings: Finding[]): string {
  const blocking = findings.filter((finding) => BLOCKING.has(finding.impact));
  const counts = `axe: ${findings.length} violations, ${blocking.length} serious or critical`;
  test.info().annotations.push({ type: "axe", description: counts });
  console.log(counts);
  return blocking.map((finding) => `${finding.where}: ${finding.impact} ${finding.rule} ×${finding.nodes} (${finding.example})`).join("\n");
}

for (const role of ROLES) {
  test(`every page passes axe as ${role}, ${FULL ? "on a desktop and on a phone" : "on a phone"}`, async ({ browser }) => {
    test.setTimeout(600_000);
    const page = await pageAs(browser, role, fx, VIEWPORTS[SWEEP_VIEWPORTS[0]]);
    const findings: Finding[] = [];
    // A page this role may not see answers with the login page, a 403 or a 404: each of those is
    // audited once per role, not once for every route that leads to it.
    const refusals = new Set<string>();
    for (const [route, urlOf] of Object.entries(PAGE_URLS)) {
      await page.setViewportSize(VIEWPORTS[SWEEP_VIEWPORTS[0]]);
      const response = await page.goto(urlOf(fx));
      await page.waitForLoadState("load");
      const status = response?.status() ?? 0;
      const refusal = new URL(page.url()).pathname === "/login" && route !== "/login" ? "login" : status === 403 || status === 404 ? `${status}` : null;
      if (refusal) {
        if (refusals.has(refusal)) continue;
        refusals.add(refusal);
      }
      for (const viewport of SWEEP_VIEWPORTS) {
        // The same page at each width: the media queries change the layout, not the content.
        await page.setViewportSize(VIEWPORTS[viewport]);
        findings.push(...(await audit(page, `${route} (${viewport})`)));
      }
    }
    await page.context().close();
    const blocking = report(findings);
    expect(blocking, blocking).toBe("");
  });
}

/** The pages of the emulator a person sees (OAuth, onboarding, 3-D Secure, receipt, invoice, dashboard) and the mail catcher. */
async function outsidePages(): Promise<Record<string, string>> {
  const seller = await createUser("seller", "axe-seller");
  const sellerRequest = await playwrightRequest.newContext({ baseURL: BASE_URL });
  await logInOverHttp(sellerRequest, seller);
  const oauth = await callServerAction(sellerRequest, serverAction("connectWithOAuthAction"), {});
  await sellerRequest.dispose();

  const account = await stripeApi("POST", "/v1/accounts", { type: "express", country: "US", email: "axe@test.example" });
  const link = await stripeApi("POST", "/v1/account_links", { account: account.id, type: "account_onboarding", refresh_url: "http://localhost/r", return_url: "http://localhost/d" });
  const intent = await stripeApi("POST", "/v1/payment_intents", { amount: "1500", currency: "usd", "payment_method_types[]": "card" });
  const charges = await stripeApi("GET", "/v1/charges?limit=1");

  const member = await createUser("buyer", "axe-member");
  const memberRequest = await playwrightRequest.newContext({ baseURL: BASE_URL });
  await logInOverHttp(memberRequest, member);
  await becomeMember({ persona: "buyer", id: member.id, email: member.email, request: memberRequest });
  await memberRequest.dispose();
  const invoices = await stripeApi("GET", "/v1/invoices?limit=1");

  return {
    "emulator: dashboard": `${E2E_EMULATOR_URL}/`,
    "emulator: OAuth authorize": oauth.redirect!,
    "emulator: onboarding": link.url,
    "emulator: 3-D Secure": `${E2E_EMULATOR_URL}/3ds/${intent.id}?client_secret=${encodeURIComponent(intent.client_secret)}`,
    "emulator: receipt": `${E2E_EMULATOR_URL}/receipts/${charges.data[0].id}`,
    "emulator: invoice": invoices.data[0].hosted_invoice_url,
    "mail catcher": `${E2E_MAIL_URL}/`,
  };
}

test("the emulator's hosted pages and the mail catcher pass axe", async ({ browser }) => {
  test.setTimeout(300_000);
  const pages = await outsidePages();
  const findings: Finding[] = [];
  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    for (const [name, url] of Object.entries(pages)) {
      expect(url, name).toBeTruthy();
      await page.goto(url);
      findings.push(...(await audit(page, `${name} (${device})`)));
    }
    await context.close();
  }
  const blocking = report(findings);
  expect(blocking, blocking).toBe("");
});
