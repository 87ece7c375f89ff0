"use server";

import { redirect } from "next/navigation";
import { publicAction } from "@/lib/auth/action";
import { registerUser, registrationSchema } from "@/lib/users/registration";

export const register = publicAction(registrationSchema, async (input) => {
  const result = await registerUser(input);
  if (!result.ok) {
    return {
      error: "Please correct the fields marked below.",
      fieldErrors: { email: ["An account with this email already exists. Log in instead."] },
    };
  }
  redirect("/login?registered=1");
});
