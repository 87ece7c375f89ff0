import { randomUUID } from "node:crypto";
import { expect, type FrameLocator, type Page } from "@playwright/test";
import { E2E_EMULATOR_URL } from "../../../playwright.config";
import { openDatabase, readRow } from "./database";

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
