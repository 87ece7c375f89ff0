"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { protectedAction } from "@/lib/auth/action";
import { notifyOutbox } from "@/lib/email/outbox-worker";
import { resendFailedEmail } from "@/lib/email/resend-email";

const resendSchema = z.object({ emailId: z.string().trim().regex(/^[a-z0-9]{1,64}$/, "There is no such email.") });

export const resendEmailAction = protectedAction("admin", resendSchema, async ({ emailId }, admin) => {
  const result = await resendFailedEmail(admin.id, emailId);
  if (!result.ok) return { error: result.message };
  notifyOutbox();
  revalidatePath("/admin/emails");
  return { ok: true, message: `Queued again for ${result.toAddress}.` };
});
