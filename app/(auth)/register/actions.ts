"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { publicAction } from "@/lib/auth/action";
import { clientAddress } from "@/lib/security/client-address";
import { registerUser, registrationSchema } from "@/lib/users/registration";

export const register = publicAction(registrationSchema, async (input) => {
  const result = await registerUser(input, clientAddress(await headers()));
  if (!result.ok) {
    const minutes = Math.ceil(result.retryAfterSeconds / 60);
    return { error: `Too many sign-ups from here or for this email. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.` };
  }
  redirect("/login?registered=1");
});
