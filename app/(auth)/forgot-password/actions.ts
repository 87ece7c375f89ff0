"use server";

import { headers } from "next/headers";
import { publicAction } from "@/lib/auth/action";
import { clientAddress } from "@/lib/security/client-address";
import { requestPasswordReset, resetRequestSchema } from "@/lib/users/password-reset";

export const requestPasswordResetAction = publicAction(resetRequestSchema, async ({ email }) => {
  const result = await requestPasswordReset(email, clientAddress(await headers()));
  if (!result.ok) {
    const minutes = Math.ceil(result.retryAfterSeconds / 60);
    return { error: `Too many requests for this email or from here. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.` };
  }
  // The same answer whether or not the address has an account.
  return { ok: true, message: `If ${email} belongs to an account, we have sent it a link to choose a new password. The link works for an hour.` };
});
