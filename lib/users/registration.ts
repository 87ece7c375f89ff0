import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";

export const registrationSchema = z.object({
  name: z.string().trim().min(1, "Tell us your name.").max(100, "Keep your name under 100 characters."),
  email: z.string().trim().toLowerCase().email("Enter a valid email address.").max(254),
  password: z
    .string()
    .min(8, "Use at least 8 characters.")
    .max(200, "Use at most 200 characters."),
});

export type RegistrationInput = z.output<typeof registrationSchema>;

export type RegistrationResult = { ok: true; userId: string } | { ok: false; emailTaken: true };

/** New accounts are always buyers; only an admin can grant another role. */
export async function registerUser(input: RegistrationInput): Promise<RegistrationResult> {
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: { name: input.name, email: input.email, passwordHash, role: "buyer" },
      select: { id: true },
    });
    return { ok: true, userId: user.id };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, emailTaken: true };
    }
    throw error;
  }
}
