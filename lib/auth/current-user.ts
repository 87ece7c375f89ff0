import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import { cookies } from "next/headers";
import { cache } from "react";
import { env } from "@/lib/env";
import { authOptions } from "./options";
import type { Role } from "./roles";

/** The session could not be read (the database is unreachable): the request fails, nobody is signed out. */
export class SessionUnavailable extends Error {
  constructor() {
    super("the session could not be read: the database is unreachable");
  }
}

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/**
 * The signed-in user as the database knows them now. The session cookie only names a session:
 * its row, the user's session version, role and disabled status are read on every request (in
 * the jwt callback), so a logout, a demotion or a disable takes effect at once.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions());
  if (session?.unavailable) throw new SessionUnavailable();
  const user = session?.user;
  if (!user?.id || !user.role) return null;
  return { id: user.id, email: user.email ?? "", name: user.name ?? "", role: user.role };
});

/** The session this request's cookie names (server only: it is never sent to the browser). */
export async function currentSessionId(): Promise<string | null> {
  const { AUTH_SECRET, APP_URL } = env();
  const jar = await cookies();
  const token = await getToken({
    req: { headers: {}, cookies: Object.fromEntries(jar.getAll().map((cookie) => [cookie.name, cookie.value])) } as never,
    secret: AUTH_SECRET,
    secureCookie: APP_URL.startsWith("https://"),
  });
  return typeof token?.sid === "string" ? token.sid : null;
}
