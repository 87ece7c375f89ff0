import { z } from "zod";
import { countAttempt, REGISTER_PER_ADDRESS, REGISTER_PER_EMAIL } from "@/lib/auth/attempt-limits";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { registrationAttemptEmail } from "@/lib/email/account-emails";
import { enqueueEmails } from "@/lib/email/enqueue-emails";
import { env } from "@/lib/env";
import { notifyOutbox } from "@/lib/email/outbox-worker";
import { Prisma } from "@/lib/generated/prisma/client";
import { emailSchema, nameSchema, newPasswordSchema } from "./account-input";
import { queueVerificationLink } from "./email-verification";

export const registrationSchema = z.object({ name: nameSchema, email: emailSchema, password: newPasswordSchema });

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
    // The account and its "confirm your email address" link exist together or not at all.
    await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { name: input.name, email: input.email, passwordHash, role: "buyer" }, select: { id: true, name: true, email: true } });
      await queueVerificationLink(user, tx);
    });
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    const owner = await db.user.findUnique({ where: { email: input.email }, select: { id: true, name: true, email: true } });
    if (owner) await enqueueEmails([registrationAttemptEmail(owner, `${env().APP_URL}/login`)]);
  }
  notifyOutbox();
  return { ok: true, outcome: "received" };
}
