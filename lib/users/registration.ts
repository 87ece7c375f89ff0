import { z } from "zod";
import { countAttempt, REGISTER_PER_ADDRESS, REGISTER_PER_EMAIL } from "@/lib/auth/attempt-limits";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { registrationAttemptEmail } from "@/lib/email/account-emails";
import { enqueueEmails } from "@/lib/email/enqueue-emails";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";

export const registrationSchema = z.object({
  name: z.string().trim().min(1, "Tell us your name.").max(100, "Keep your name under 100 characters."),
  email: z.string().trim().toLowerCase().email("Enter a valid email address.").max(254),
  password: z
    .string()
    .min(8, "Use at least 8 characters.")
    .max(200, "Use at most 200 characters."),
});

export type RegistrationInput = z.output<typeof registrationSchema>;

/**
 * "received" is the same answer for a new and a taken address, so the form never tells anyone
 * which addresses have accounts: a new one gets its account, a taken one's owner gets an email.
 */
export type RegistrationResult = { ok: true; outcome: "received" } | { ok: false; retryAfterSeconds: number };

/** New accounts are always buyers; only an admin can grant another role. */
export async function registerUser(input: RegistrationInput, address: string): Promise<RegistrationResult> {
  const gate = await countAttempt([
    [REGISTER_PER_EMAIL, input.email],
    [REGISTER_PER_ADDRESS, address],
  ]);
  if (!gate.ok) return { ok: false, retryAfterSeconds: gate.retryAfterSeconds };
  // Hashed either way, so a taken address takes as long to answer as a new one.
  const passwordHash = await hashPassword(input.password);
  try {
    await db.user.create({ data: { name: input.name, email: input.email, passwordHash, role: "buyer" } });
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    const owner = await db.user.findUnique({ where: { email: input.email }, select: { id: true, name: true, email: true } });
    if (owner) await enqueueEmails([registrationAttemptEmail(owner, `${env().APP_URL}/login`)]);
  }
  return { ok: true, outcome: "received" };
}
