"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { protectedAction, publicAction } from "@/lib/auth/action";
import { currentSessionId } from "@/lib/auth/current-user";
import { forgetSessionCookie } from "@/lib/auth/session-cookie";
import { endAllSessions, endSession } from "@/lib/auth/sessions";

// Logging out ends this browser's session on the server too: a copy of the cookie kept
// elsewhere stops working. A server action (protected against cross-site posts) needs no
// client-side next-auth.
const logOutAction = publicAction(z.object({}), async () => {
  const sessionId = await currentSessionId();
  if (sessionId) await endSession(sessionId);
  await forgetSessionCookie();
  redirect("/");
});

export async function logOut(formData: FormData): Promise<void> {
  await logOutAction(undefined, formData);
}

/** Every session of this user, on every device, this one included. */
const logOutEverywhereAction = protectedAction("any-user", z.object({}), async (_input, user) => {
  await endAllSessions(user.id);
  await forgetSessionCookie();
  redirect("/login?loggedOut=everywhere");
});

/** A plain form's action; a visitor (no session to end) is sent to log in. */
export async function logOutEverywhere(formData: FormData): Promise<void> {
  const result = await logOutEverywhereAction(undefined, formData);
  if (result.error) redirect("/login?callbackUrl=%2Faccount");
}
