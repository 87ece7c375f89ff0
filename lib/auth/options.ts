import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { clearLoginFailures, isLoginThrottled, recordLoginFailure } from "./login-throttle";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { isRole } from "./roles";

export const ACCOUNT_DISABLED = "AccountDisabled";
export const TOO_MANY_ATTEMPTS = "TooManyAttempts";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

/** next-auth's session cookie, plain and with the prefix it uses on https (large tokens add ".0", ".1"...). */
export const SESSION_COOKIE_NAMES = ["next-auth.session-token", "__Secure-next-auth.session-token"] as const;

export function authOptions(): NextAuthOptions {
  const { APP_URL, AUTH_SECRET } = env();
  // next-auth v4 builds its callback URLs from NEXTAUTH_URL only.
  process.env.NEXTAUTH_URL ??= APP_URL;
  return {
    secret: AUTH_SECRET,
    session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
    useSecureCookies: APP_URL.startsWith("https://"),
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(raw) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const { email } = parsed.data;
          if (isLoginThrottled(email)) throw new Error(TOO_MANY_ATTEMPTS);
          const user = await db.user.findUnique({
            where: { email: parsed.data.email },
            select: { id: true, email: true, name: true, role: true, disabled: true, passwordHash: true },
          });
          if (!user) {
            await verifyAgainstDummy(parsed.data.password);
            recordLoginFailure(email);
            return null;
          }
          if (!(await verifyPassword(user.passwordHash, parsed.data.password))) {
            recordLoginFailure(email);
            return null;
          }
          if (user.disabled) throw new Error(ACCOUNT_DISABLED);
          clearLoginFailures(email);
          return { id: user.id, email: user.email, name: user.name, role: user.role };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          const role = (user as { role?: string }).role;
          if (role && isRole(role)) token.role = role;
        }
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) {
          session.user.id = token.sub;
          session.user.role = token.role ?? "buyer";
        }
        return session;
      },
    },
  };
}
