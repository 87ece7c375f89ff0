import type { Role } from "@/lib/auth/roles";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role; name?: string | null; email?: string | null };
    /** The session could not be checked (the database was unreachable): neither signed in nor out. */
    unavailable?: boolean;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: Role;
    /** The AuthSession row this cookie stands for. */
    sid?: string;
    /** Set for this request only when the session row could not be read. */
    unavailable?: boolean;
  }
}
