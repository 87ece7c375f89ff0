import { recordAudit } from "@/lib/audit/audit-log";
import type { Role } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { containsIgnoringCase } from "@/lib/db-text-search";

export const USERS_PAGE_SIZE = 25;

export async function listUsers({ search = "", page = 1 }: { search?: string; page?: number }) {
  const term = search.trim().slice(0, 100);
  const where = term ? { OR: [{ email: containsIgnoringCase(term) }, { name: containsIgnoringCase(term) }] } : {};
  const [users, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        disabled: true,
        createdAt: true,
        _count: { select: { courses: true } },
        membership: { select: { status: true, stripeSubscriptionId: true } },
        sellerAccount: { select: { stripeAccountId: true, chargesEnabled: true, payoutsEnabled: true, disconnectedAt: true } },
      },
    }),
    db.user.count({ where }),
  ]);
  return { users, total, page, pageCount: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)) };
}

export type UserChangeResult = { ok: true } | { ok: false; message: string };

const NO_SUCH_USER = "That user no longer exists.";
const NOT_YOURSELF = "You cannot change your own account here: ask another admin.";

/**
 * Changes only the role column. The seller's courses and Stripe connection stay attached to
 * the user, so promoting them back restores everything.
 */
export async function changeUserRole(actorId: string, userId: string, role: Role): Promise<UserChangeResult> {
  if (actorId === userId) return { ok: false, message: NOT_YOURSELF };
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { role: true, email: true } });
    if (!before) return { ok: false, message: NO_SUCH_USER };
    if (before.role === role) return { ok: true };
    await tx.user.update({ where: { id: userId }, data: { role } });
    await recordAudit({ actorId, action: "user.role_changed", details: { userId, email: before.email, before: before.role, after: role } }, tx);
    return { ok: true };
  });
}

/** Disabling keeps every row; the user's sessions stop working on their next request. */
export async function setUserDisabled(
  actorId: string,
  userId: string,
  disabled: boolean,
): Promise<UserChangeResult> {
  if (actorId === userId) return { ok: false, message: NOT_YOURSELF };
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { disabled: true, email: true } });
    if (!before) return { ok: false, message: NO_SUCH_USER };
    if (before.disabled === disabled) return { ok: true };
    await tx.user.update({ where: { id: userId }, data: { disabled } });
    await recordAudit({ actorId, action: disabled ? "user.disabled" : "user.enabled", details: { userId, email: before.email } }, tx);
    return { ok: true };
  });
}
