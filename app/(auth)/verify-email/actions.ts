"use server";

import { z } from "zod";
import { publicAction } from "@/lib/auth/action";
import { confirmEmail } from "@/lib/users/email-verification";

export const confirmEmailAction = publicAction(z.object({ token: z.string().max(200) }), async ({ token }) => {
  const result = await confirmEmail(token);
  if (!result.ok) return { error: result.message };
  return { ok: true, message: result.changed ? `Done: your account's email address is now ${result.email}.` : `Thank you: ${result.email} is confirmed.` };
});
