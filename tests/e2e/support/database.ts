import { hash } from "@node-rs/argon2";
import Database from "better-sqlite3";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { E2E_DATABASE } from "../../../playwright.config";

/** Direct reads of the app's throw-away database, to prove what an action did or did not change. */
export function openDatabase() {
  return new Database(E2E_DATABASE, { fileMustExist: true });
}

export function countRows(sql: string, ...params: unknown[]): number {
  const db = openDatabase();
  try {
    return (db.prepare(sql).get(...params) as { n: number }).n;
  } finally {
    db.close();
  }
}

export function readRow<T>(sql: string, ...params: unknown[]): T | undefined {
  const db = openDatabase();
  try {
    return db.prepare(sql).get(...params) as T | undefined;
  } finally {
    db.close();
  }
}

export const TEST_PASSWORD = "test-password-123";

/** A fresh user, so each test owns its data and can run in any order. */
export async function createUser(role: "buyer" | "seller" | "admin", label: string = role) {
  const email = `${label}-${randomUUID().slice(0, 8)}@test.example`;
  const passwordHash = await hash(TEST_PASSWORD);
  const db = openDatabase();
  try {
    const id = `e2e${randomUUID().replace(/-/g, "")}`;
    const now = new Date().toISOString();
    db.prepare(
      `INSERT INTO "User" (id, email, name, passwordHash, role, disabled, emailVerifiedAt, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)`,
    ).run(id, email, `Test ${label}`, passwordHash, role, now, now, now);
    return { id, email, password: TEST_PASSWORD, name: `Test ${label}` };
  } finally {
    db.close();
  }
}

/**
 * Waits until the app's outbox has sent every new email (it sends in the background, right after
 * the change that queued it), so a before/after comparison of the database sees only the request.
 */
export async function waitForOutbox(timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (countRows(`SELECT count(*) n FROM "OutboxEmail" WHERE status = 'sending' OR (status = 'queued' AND attempts = 0)`) > 0) {
    if (Date.now() > deadline) throw new Error("the outbox did not send its new emails in time");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** An email the outbox gave up on, for the admin's "Send again". */
export function createFailedEmail(): string {
  const id = `e2eemail${randomUUID().replace(/-/g, "")}`;
  const db = openDatabase();
  try {
    const now = new Date().toISOString();
    db.prepare(
      `INSERT INTO "OutboxEmail" (id, dedupeKey, kind, toAddress, subject, textBody, status, attempts, nextAttemptAt, lastError, createdAt, updatedAt)
       VALUES (?, ?, 'sale', 'nobody@example.com', 'Your receipt', 'Thank you for your order.', 'failed', 10, ?, '550 Mailbox unavailable', ?, ?)`,
    ).run(id, `e2e:${id}`, now, now, now);
  } finally {
    db.close();
  }
  return id;
}

/**
 * A link for the user as the app would email it (only the token's hash is stored); `expired` or
 * `used` make one the app must refuse. Returns the token to put in the URL.
 */
export function createAccountToken(
  userId: string,
  purpose: "password_reset" | "email_verification" | "email_change",
  email: string,
  state: "fresh" | "expired" | "used" = "fresh",
): string {
  const token = randomBytes(32).toString("base64url");
  const db = openDatabase();
  try {
    const now = Date.now();
    const expiresAt = new Date(state === "expired" ? now - 60_000 : now + 60 * 60 * 1000).toISOString();
    db.prepare(
      `INSERT INTO "AccountToken" (id, userId, purpose, tokenHash, email, expiresAt, usedAt, createdAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(`e2etoken${randomUUID().replace(/-/g, "")}`, userId, purpose, createHash("sha256").update(token).digest("hex"), email, expiresAt, state === "used" ? new Date(now).toISOString() : null, new Date(now).toISOString());
  } finally {
    db.close();
  }
  return token;
}

/** A user who has not opened their verification link yet. */
export async function createUnverifiedUser(role: "buyer" | "seller" | "admin", label: string = role) {
  const user = await createUser(role, label);
  const db = openDatabase();
  try {
    db.prepare(`UPDATE "User" SET emailVerifiedAt = NULL WHERE id = ?`).run(user.id);
  } finally {
    db.close();
  }
  return user;
}

/** A review written straight into the database (a fixture: the rules are the app's to test). */
export function createReviewRow(courseId: string, authorId: string, rating = 4): string {
  const db = openDatabase();
  try {
    const existing = db.prepare(`SELECT id FROM "Review" WHERE courseId = ? AND authorId = ?`).get(courseId, authorId) as { id: string } | undefined;
    if (existing) return existing.id;
    const id = `e2ereview${randomUUID().replace(/-/g, "")}`;
    const now = new Date().toISOString();
    db.prepare(
      `INSERT INTO "Review" (id, courseId, authorId, rating, body, viaMembership, counted, createdAt, updatedAt) VALUES (?, ?, ?, ?, 'Fixture review.', 0, 1, ?, ?)`,
    ).run(id, courseId, authorId, rating, now, now);
    return id;
  } finally {
    db.close();
  }
}

export function deleteReviewRows(courseId: string, authorId: string): void {
  const db = openDatabase();
  try {
    db.prepare(`DELETE FROM "Review" WHERE courseId = ? AND authorId = ?`).run(courseId, authorId);
  } finally {
    db.close();
  }
}
