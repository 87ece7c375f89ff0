import { z } from "zod";

/** The same rules as at registration. */
export const newPasswordSchema = z.string().min(8, "Use at least 8 characters.").max(200, "Use at most 200 characters.");

export const nameSchema = z.string().trim().min(1, "Tell us your name.").max(100, "Keep your name under 100 characters.");

export const emailSchema = z.string().trim().toLowerCase().email("Enter a valid email address.").max(254, "Enter a valid email address.");
