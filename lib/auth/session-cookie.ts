import { cookies } from "next/headers";
import { SESSION_COOKIE_NAMES } from "./options";

/** Expires the session cookie with the attributes next-auth set it with (a __Secure- cookie can only be replaced over https). */
export async function forgetSessionCookie(): Promise<void> {
  const jar = await cookies();
  for (const cookie of jar.getAll()) {
    if (!SESSION_COOKIE_NAMES.some((name) => cookie.name === name || cookie.name.startsWith(`${name}.`))) continue;
    jar.set(cookie.name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: cookie.name.startsWith("__Secure-") });
  }
}
