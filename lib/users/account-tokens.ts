import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export const TOKEN_PURPOSES = ["password_reset", "email_verification", "email_change"] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

const HOUR_MS = 60 * 60 * 1000;
export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  password_reset: HOUR_MS,
  email_verification: 24 * HOUR_MS,
  email_change: 24 * HOUR_MS,
};

type Writer = Pick<Prisma.TransactionClient, "accountToken">;

/** Only the hash is stored: whoever reads the database cannot open the links it describes. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * A new link for the user and purpose. Earlier unused links of the same purpose stop working, so
 * only the newest email in someone's inbox opens anything.
 */
export async function issueToken(userId: string, purpose: TokenPurpose, email: string, now = new Date(), writer: Writer = db): Promise<{ token: string; id: string }> {
  const token = randomBytes(32).toString("base64url");
  await writer.accountToken.deleteMany({ where: { userId, purpose, usedAt: null } });
  // Links past their hour or day are of no use to anyone: dropped as new ones are made, so the table never only grows.
  await writer.accountToken.deleteMany({ where: { expiresAt: { lte: new Date(now.getTime() - 24 * 60 * 60 * 1000) } } });
  const row = await writer.accountToken.create({
    data: { userId, purpose, email, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]) },
    select: { id: true },
  });
  return { token, id: row.id };
}

export type TokenProblem = "invalid" | "used" | "expired";

export const TOKEN_PROBLEM_MESSAGES: Record<TokenProblem, string> = {
  invalid: "This link is not valid. Please ask for a new one.",
  used: "This link has already been used. Please ask for a new one if you still need it.",
  expired: "This link has expired. Please ask for a new one.",
};

export interface UsableToken {
  id: string;
  userId: string;
  email: string;
}

export type TokenCheck = { ok: true; token: UsableToken } | { ok: false; problem: TokenProblem };

/** What a link is worth now, without using it (the page shows the form or the reason it cannot). */
export async function checkToken(token: string, purposes: readonly TokenPurpose[], now = new Date(), reader: Writer = db): Promise<TokenCheck> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { ok: false, problem: "invalid" };
  const row = await reader.accountToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, email: true, purpose: true, expiresAt: true, usedAt: true, user: { select: { deletedAt: true, disabled: true } } },
  });
  if (!row || !(purposes as readonly string[]).includes(row.purpose) || row.user.deletedAt || row.user.disabled) return { ok: false, problem: "invalid" };
  if (row.usedAt) return { ok: false, problem: "used" };
  if (row.expiresAt <= now) return { ok: false, problem: "expired" };
  return { ok: true, token: { id: row.id, userId: row.userId, email: row.email } };
}

/**
 * Uses a link once: the check and the mark happen in the caller's transaction, and the mark only
 * applies to a row still unused, so two clicks at once cannot both succeed.
 */
export async function useToken(token: string, purposes: readonly TokenPurpose[], tx: Writer, now = new Date()): Promise<TokenCheck & { purpose?: TokenPurpose }> {
  const check = await checkToken(token, purposes, now, tx);
  if (!check.ok) return check;
  const marked = await tx.accountToken.updateMany({ where: { id: check.token.id, usedAt: null }, data: { usedAt: now } });
  if (marked.count !== 1) return { ok: false, problem: "used" };
  const row = await tx.accountToken.findUniqueOrThrow({ where: { id: check.token.id }, select: { purpose: true } });
  return { ...check, purpose: row.purpose as TokenPurpose };
}
