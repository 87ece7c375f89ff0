// Server actions read their caller with getCurrentUser(). Integration tests replace that module with
// this one (vi.mock("@/lib/auth/current-user", () => import("./support/signed-in"))) and say who is
// signed in with signInAs; the action still checks the role and authorizes through its queries.
type SignedInUser = { id: string; email: string; name: string; role: string };

let current: SignedInUser | null = null;

export function signInAs(user: SignedInUser | null): void {
  current = user && { id: user.id, email: user.email, name: user.name, role: user.role };
}

export async function getCurrentUser(): Promise<SignedInUser | null> {
  return current;
}
