import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { endOtherSessions } from "@/lib/auth/sessions";
import { recordAudit } from "@/lib/audit/audit-log";
import { db } from "@/lib/db";
import { WRONG_PASSWORD } from "./email-verification";

export async function changeName(userId: string, name: string): Promise<boolean> {
  const result = await db.user.updateMany({ where: { id: userId, deletedAt: null, NOT: { name } }, data: { name } });
  return result.count > 0;
}

export type PasswordChange = { ok: true } | { ok: false; message: string };

/** Asks the current password; every other session of the account ends, this one stays. */
export async function changePassword(userId: string, currentPassword: string, newPassword: string, keepSessionId: string | null): Promise<PasswordChange> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) return { ok: false, message: WRONG_PASSWORD };
  if (currentPassword === newPassword) return { ok: false, message: "Choose a password other than your current one." };
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await tx.accountToken.deleteMany({ where: { userId, purpose: "password_reset", usedAt: null } });
    await endOtherSessions(userId, keepSessionId, tx);
    await recordAudit({ actorId: userId, action: "user.password_changed", details: {} }, tx);
  });
  return { ok: true };
}
