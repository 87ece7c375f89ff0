import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/security/client-address";
import { sameOriginTarget } from "@/lib/security/safe-redirect";
import { authenticate, type AuthenticatedUser } from "./authenticate";
import { activeSessionUser, SESSION_MAX_AGE_SECONDS, SessionEnded, startSession } from "./sessions";

export const ACCOUNT_DISABLED = "AccountDisabled";
export const TOO_MANY_ATTEMPTS = "TooManyAttempts";

/** next-auth's session cookie, plain and with the prefix it uses on https (large tokens add ".0", ".1"...). */
export const SESSION_COOKIE_NAMES = ["next-auth.session-token", "__Secure-next-auth.session-token"] as const;

export function authOptions(): NextAuthOptions {
  const { APP_URL, AUTH_SECRET } = env();
  // next-auth v4 builds its callback URLs from NEXTAUTH_URL only.
  process.env.NEXTAUTH_URL ??= APP_URL;
  return {
    secret: AUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    useSecureCookies: APP_URL.startsWith("https://"),
    pages: { signIn: "/login" },
    logger: {
      // An ended session's cookie is expected traffic, not an error worth a log line.
      error(code, metadata) {
        if (metadata instanceof SessionEnded) return;
        console.error(`[next-auth][error][${code}]`, metadata);
      },
      warn() {},
      debug() {},
    },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(raw, request) {
          const result = await authenticate(raw, clientAddress(new Headers(request.headers as Record<string, string>)));
          if (result.ok) return result.user;
          if (result.reason === "throttled") throw new Error(TOO_MANY_ATTEMPTS);
          if (result.reason === "disabled") throw new Error(ACCOUNT_DISABLED);
          return null;
        },
      }),
    ],
    callbacks: {
      // Every request with a session cookie passes here (pages through getServerSession, and
      // /api/auth/session): a session that was logged out, ended everywhere or belongs to a
      // disabled user throws, so next-auth clears the cookie instead of renewing it.
      async jwt({ token, user }) {
        if (user) {
          const signedIn = user as AuthenticatedUser;
          token.sub = signedIn.id;
          token.sid = await startSession(signedIn.id, signedIn.sessionVersion);
          token.role = signedIn.role;
          return token;
        }
        let current: Awaited<ReturnType<typeof activeSessionUser>>;
        try {
          current = token.sub && token.sid ? await activeSessionUser(token.sid, token.sub) : null;
        } catch (error) {
          // The database is unreachable (a restart, a failover): throwing here would make
          // next-auth clear the cookie and sign the person out. The session stays, unread.
          console.error("session check: the database is unreachable", error);
          return { ...token, unavailable: true };
        }
        if (!current) throw new SessionEnded();
        delete token.unavailable;
        token.role = current.role;
        token.name = current.name;
        token.email = current.email;
        return token;
      },
      session({ session, token }) {
        if (token.unavailable) return { ...session, user: undefined as never, unavailable: true };
        if (token.sub && token.role) {
          session.user = { id: token.sub, role: token.role, name: token.name ?? "", email: token.email ?? "" };
        }
        return session;
      },
      redirect({ url }) {
        return new URL(sameOriginTarget(url, "/"), APP_URL).toString();
      },
    },
  };
}
