import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isRole, type Role } from "./roles";

// A session cookie is a signed JWT that names a row here. The row makes one session revocable
// (logging out deletes it), and the user's sessionVersion ends all of them at once: a session
// issued under an older version is over even if its row was written after the bump.

export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export class SessionEnded extends Error {
  constructor() {
    super("this session has ended");
  }
}

export async function startSession(userId: string, sessionVersion: number, now = new Date()): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await db.authSession.create({
    data: { id, userId, sessionVersion, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) },
  });
  // Ended sessions of this user are dropped as new ones start, so the table never only grows.
  await db.authSession.deleteMany({ where: { userId, expiresAt: { lte: now } } });
  return id;
}

/** The session's user as the database knows them now, or null when the session has ended. */
export async function activeSessionUser(sessionId: string, userId: string, now = new Date()): Promise<SessionUser | null> {
  const row = await db.authSession.findUnique({
    where: { id: sessionId },
    select: {
      userId: true,
      sessionVersion: true,
      expiresAt: true,
      user: { select: { id: true, email: true, name: true, role: true, disabled: true, sessionVersion: true } },
    },
  });
  if (!row || row.userId !== userId || row.expiresAt <= now) return null;
  const { user } = row;
  if (user.disabled || user.sessionVersion !== row.sessionVersion || !isRole(user.role)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** Logging out: this browser's session only. */
export async function endSession(sessionId: string): Promise<void> {
  await db.authSession.deleteMany({ where: { id: sessionId } });
}

type SessionWriter = Pick<Prisma.TransactionClient, "user" | "authSession">;

/**
 * Ends every session of the user: "Log out everywhere", a password change or reset, disabling
 * the account. Pass the transaction of the change that calls for it.
 */
export async function endAllSessions(userId: string, writer: SessionWriter = db): Promise<void> {
  await writer.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  await writer.authSession.deleteMany({ where: { userId } });
}

/**
 * Ends every session of the user but the one given (a password change made in this browser):
 * the version goes up, and only the kept session is moved to it.
 */
export async function endOtherSessions(userId: string, keepSessionId: string | null, writer: SessionWriter = db): Promise<void> {
  const { sessionVersion } = await writer.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
  await writer.authSession.deleteMany({ where: { userId, ...(keepSessionId ? { NOT: { id: keepSessionId } } : {}) } });
  if (keepSessionId) await writer.authSession.updateMany({ where: { id: keepSessionId, userId }, data: { sessionVersion } });
}
