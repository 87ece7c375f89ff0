"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { expireCatalogue } from "@/lib/courses/expire-catalogue";
import { protectedAction } from "@/lib/auth/action";
import { roleSchema } from "@/lib/auth/roles";
import { resyncMembership } from "@/lib/resync/resync-membership";
import { resyncSellerAccount } from "@/lib/resync/resync-seller-account";
import { changeUserRole, setUserDisabled } from "@/lib/users/user-admin";

const userIdSchema = z.string().trim().min(1).max(64);

export const changeRoleAction = protectedAction(
  "admin",
  z.object({ userId: userIdSchema, role: roleSchema }),
  async ({ userId, role }, admin) => {
    const result = await changeUserRole(admin.id, userId, role);
    if (!result.ok) return { error: result.message };
    // A demoted seller's courses were unpublished: they leave the catalogue now.
    expireCatalogue();
    revalidatePath("/admin/users");
    return { ok: true, message: `Role changed to ${role}.` };
  },
);

export const setDisabledAction = protectedAction(
  "admin",
  z.object({ userId: userIdSchema, disabled: z.enum(["true", "false"]).transform((v) => v === "true") }),
  async ({ userId, disabled }, admin) => {
    const result = await setUserDisabled(admin.id, userId, disabled);
    if (!result.ok) return { error: result.message };
    // A disabled seller's courses leave the catalogue (and come back when enabled again).
    expireCatalogue();
    revalidatePath("/admin/users");
    return { ok: true, message: disabled ? "User disabled." : "User enabled." };
  },
);

export const resyncMembershipAction = protectedAction("admin", z.object({ userId: userIdSchema }), async ({ userId }, admin) => {
  const result = await resyncMembership(admin.id, userId);
  if (!result.ok) return { error: result.message };
  revalidatePath("/admin/users");
  return { ok: true, message: result.message };
});

export const resyncSellerAccountAction = protectedAction("admin", z.object({ userId: userIdSchema }), async ({ userId }, admin) => {
  const result = await resyncSellerAccount(admin.id, userId);
  if (!result.ok) return { error: result.message };
  // A re-read can find the platform's access revoked, which unpublishes the seller's courses.
  expireCatalogue();
  revalidatePath("/admin/users");
  return { ok: true, message: result.message };
});
