import { hash } from "@node-rs/argon2";
import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
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
      `INSERT INTO "User" (id, email, name, passwordHash, role, disabled, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, ?, 0, ?, ?)`,
    ).run(id, email, `Test ${label}`, passwordHash, role, now, now);
    return { id, email, password: TEST_PASSWORD, name: `Test ${label}` };
  } finally {
    db.close();
  }
}
