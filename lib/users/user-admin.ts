import { recordAudit } from "@/lib/audit/audit-log";
import type { Role } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { endAllSessions } from "@/lib/auth/sessions";
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
 * The demotion rule: a seller who stops being a seller (made a buyer or an admin) stops selling.
 * Their published courses are unpublished in the same transaction, so nothing of theirs stays on
 * sale without someone to manage it; everything else stays attached to the user: the courses
 * themselves, their Stripe connection, orders, sales and buyers' access to what they bought.
 * Promotion back gives the seller their controls again, and they publish what they choose (their
 * Stripe account must still be able to take charges). The audit record lists what was unpublished.
 */
const DELETED_BY_OWNER = "This account was deleted by its owner: it stays only for the books and cannot be changed.";

export async function changeUserRole(actorId: string, userId: string, role: Role): Promise<UserChangeResult> {
  if (actorId === userId) return { ok: false, message: NOT_YOURSELF };
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { role: true, email: true, deletedAt: true } });
    if (!before) return { ok: false, message: NO_SUCH_USER };
    if (before.deletedAt) return { ok: false, message: DELETED_BY_OWNER };
    if (before.role === role) return { ok: true };
    await tx.user.update({ where: { id: userId }, data: { role } });
    const details: Record<string, unknown> = { userId, email: before.email, before: before.role, after: role };
    if (before.role === "seller") {
      const published = await tx.course.findMany({ where: { sellerId: userId, published: true }, select: { id: true } });
      await tx.course.updateMany({ where: { sellerId: userId, published: true }, data: { published: false, publishedAt: null } });
      details.unpublishedCourseIds = published.map((course) => course.id);
    }
    await recordAudit({ actorId, action: "user.role_changed", details }, tx);
    return { ok: true };
  });
}

/** Disabling keeps every row and ends every session: re-enabling later does not revive old cookies. */
export async function setUserDisabled(
  actorId: string,
  userId: string,
  disabled: boolean,
): Promise<UserChangeResult> {
  if (actorId === userId) return { ok: false, message: NOT_YOURSELF };
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { disabled: true, email: true, deletedAt: true } });
    if (!before) return { ok: false, message: NO_SUCH_USER };
    if (before.deletedAt) return { ok: false, message: DELETED_BY_OWNER };
    if (before.disabled === disabled) return { ok: true };
    await tx.user.update({ where: { id: userId }, data: { disabled } });
    if (disabled) await endAllSessions(userId, tx);
    await recordAudit({ actorId, action: disabled ? "user.disabled" : "user.enabled", details: { userId, email: before.email } }, tx);
    return { ok: true };
  });
}
