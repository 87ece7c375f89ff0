"use server";

import { redirect } from "next/navigation";
import { publicAction } from "@/lib/auth/action";
import { passwordResetSchema, resetPassword } from "@/lib/users/password-reset";

export const resetPasswordAction = publicAction(passwordResetSchema, async ({ token, password }) => {
  const result = await resetPassword(token, password);
  if (!result.ok) return { error: result.message };
  redirect("/login?reset=1");
});
