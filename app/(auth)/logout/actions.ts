"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction } from "@/lib/auth/action";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/options";

// Sessions are JWT cookies that only name the user, so logging out is forgetting the cookie. A
// server action (protected against cross-site posts by Next.js) needs no client-side next-auth.
const logOutAction = publicAction(z.object({}), async () => {
  const jar = await cookies();
  for (const cookie of jar.getAll()) {
    if (!SESSION_COOKIE_NAMES.some((name) => cookie.name === name || cookie.name.startsWith(`${name}.`))) continue;
    // Expired with the attributes next-auth set it with (a __Secure- cookie can only be replaced over https).
    jar.set(cookie.name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: cookie.name.startsWith("__Secure-") });
  }
  redirect("/");
});

export async function logOut(formData: FormData): Promise<void> {
  await logOutAction(undefined, formData);
}
