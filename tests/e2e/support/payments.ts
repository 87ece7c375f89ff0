import { randomUUID } from "node:crypto";
import { expect, type FrameLocator, type Page } from "@playwright/test";
import { E2E_EMULATOR_URL } from "../../../playwright.config";
import { createUser, openDatabase, readRow } from "./database";

/** A published course of a fresh seller, so each test buys something nobody owns yet. */
export function createCourse(sellerId: string, options: { priceMinor?: number; includedInMembership?: boolean; title?: string } = {}) {
  const tag = randomUUID().slice(0, 8);
  const id = `e2ec${randomUUID().replace(/-/g, "")}`;
  const course = {
    id,
    slug: `course-${tag}`,
    title: options.title ?? `Course ${tag}`,
    priceMinor: options.priceMinor ?? 2900,
  };
  const db = openDatabase();
  try {
    const now = new Date().toISOString();
    db.prepare(
      `INSERT INTO "Course" (id, slug, title, description, priceMinor, currency, includedInMembership, published, publishedAt, sellerId, createdAt, updatedAt)
       VALUES (?, ?, ?, 'Everything you need, step by step.', ?, 'usd', ?, 1, ?, ?, ?, ?)`,
    ).run(course.id, course.slug, course.title, course.priceMinor, options.includedInMembership ? 1 : 0, now, sellerId, now, now);
  } finally {
    db.close();
  }
  return course;
}

export function paymentFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe[title="Secure payment input frame"]');
}

export async function fillCard(page: Page, number: string) {
  const frame = paymentFrame(page);
  await frame.getByLabel("Card number").fill(number);
  await frame.getByLabel("Expiration date").fill("12 / 34");
  await frame.getByLabel("Security code").fill("123");
  await frame.getByLabel("Postal code").fill("94103");
}

export function threeDSecure(page: Page) {
  return page.frameLocator('iframe[title="Card authentication (test)"]');
}

/** Calls the emulator's control API (test-only, never used by the app). */
export async function emulator(method: string, path: string, form?: Record<string, string>) {
  const res = await fetch(`${E2E_EMULATOR_URL}/_emulator/${path}`, {
    method,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
  expect(res.ok).toBe(true);
  return res.json();
}

export async function waitForWebhooks() {
  await emulator("POST", "webhooks/wait", { timeout_ms: "10000" });
}

export function orderOf(buyerId: string, courseId: string) {
  return readRow<{ id: string; status: string; stripePaymentIntentId: string }>(
    `SELECT id, status, stripePaymentIntentId FROM "Order" WHERE buyerId = ? AND courseId = ? ORDER BY createdAt DESC`,
    buyerId,
    courseId,
  );
}

/** The platform's side of the Stripe API on the emulator (any sk_test_ key is the platform's). */
export async function stripeApi(method: string, path: string, form?: Record<string, string>, account?: string) {
  const res = await fetch(`${E2E_EMULATOR_URL}${path}`, {
    method,
    headers: {
      authorization: "Bearer sk_test_e2e",
      "content-type": "application/x-www-form-urlencoded",
      ...(account ? { "stripe-account": account } : {}),
    },
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
  return res.json();
}

/**
 * A fresh seller whose Stripe account is onboarded on the emulator (its hosted onboarding,
 * submitted as a person would) and linked, so buyers can pay for their courses.
 */
export async function createConnectedSeller(label = "seller") {
  const seller = await createUser("seller", label);
  const account = await stripeApi("POST", "/v1/accounts", { type: "express", country: "US", email: seller.email });
  const link = await stripeApi("POST", "/v1/account_links", {
    account: account.id,
    type: "account_onboarding",
    refresh_url: "http://localhost/refresh",
    return_url: "http://localhost/return",
  });
  const submitted = await fetch(link.url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ decision: "submit", business_name: seller.name, email: seller.email }),
    redirect: "manual",
  });
  expect(submitted.status).toBeLessThan(400);
  // The onboarding's account.updated is handled before the row exists, so it cannot overwrite
  // what a test sets on the row afterwards.
  await waitForWebhooks();
  const db = openDatabase();
  try {
    const now = new Date().toISOString();
    db.prepare(
      `INSERT INTO "SellerAccount" (id, userId, stripeAccountId, connectedVia, chargesEnabled, payoutsEnabled, detailsSubmitted, requirementsDue, createdAt, updatedAt)
       VALUES (?, ?, ?, 'account_link', 1, 1, 1, '[]', ?, ?)`,
    ).run(`e2es${randomUUID().replace(/-/g, "")}`, seller.id, account.id, now, now);
  } finally {
    db.close();
  }
  return { ...seller, stripeAccountId: account.id as string };
}
