"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { protectedAction } from "@/lib/auth/action";
import { currentSessionId } from "@/lib/auth/current-user";
import { forgetSessionCookie } from "@/lib/auth/session-cookie";
import { emailSchema, nameSchema, newPasswordSchema } from "@/lib/users/account-input";
import { deleteAccount } from "@/lib/users/account-deletion";
import { changeName, changePassword } from "@/lib/users/account-settings";
import { requestEmailChange, resendVerificationLink } from "@/lib/users/email-verification";

const currentPassword = z.string().min(1, "Enter your current password.").max(200, "Enter your current password.");

export const changeNameAction = protectedAction("any-user", z.object({ name: nameSchema }), async ({ name }, user) => {
  const changed = await changeName(user.id, name);
  revalidatePath("/", "layout");
  return { ok: true, message: changed ? "Your name is saved." : "Nothing changed." };
});

export const changeEmailAction = protectedAction("any-user", z.object({ email: emailSchema, currentPassword }), async (input, user) => {
  const result = await requestEmailChange(user.id, input.email, input.currentPassword);
  return result.ok ? { ok: true, message: result.message } : { error: result.message };
});

export const changePasswordAction = protectedAction("any-user", z.object({ currentPassword, newPassword: newPasswordSchema }), async (input, user) => {
  const result = await changePassword(user.id, input.currentPassword, input.newPassword, await currentSessionId());
  return result.ok ? { ok: true, message: "Your password is changed. You are logged out on your other devices." } : { error: result.message };
});

export const resendVerificationAction = protectedAction("any-user", z.object({}), async (_input, user) => {
  const result = await resendVerificationLink(user.id);
  return result.ok ? { ok: true, message: result.message } : { error: result.message };
});

export const deleteAccountAction = protectedAction("any-user", z.object({ currentPassword }), async (input, user) => {
  const result = await deleteAccount(user.id, input.currentPassword);
  if (!result.ok) return { error: result.message };
  await forgetSessionCookie();
  redirect("/login?deleted=1");
});
