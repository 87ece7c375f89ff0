"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { expireCatalogue } from "@/lib/courses/expire-catalogue";
import { protectedAction } from "@/lib/auth/action";
import { createOAuthState, OAUTH_STATE_COOKIE, rememberOAuthState } from "@/lib/seller-accounts/oauth-state";
import { env } from "@/lib/env";
import { disconnectSeller, stripeDashboardUrl } from "@/lib/seller-accounts/disconnect";
import { buildAuthorizeUrl } from "@/lib/payments/connected-accounts";
import { createOnboardingLink } from "@/lib/seller-accounts/onboarding";
import { isEmailVerified } from "@/lib/users/email-verification";
import { connectUrls } from "./urls";

const noInput = z.object({});
const CONFIRM_EMAIL_FIRST = "Please confirm your email address before connecting Stripe: open the link we emailed you, or send a new one from your account page.";

/** "Connect Stripe Account": OAuth for sellers who already have a Standard account. */
export const connectWithOAuthAction = protectedAction("seller", noInput, async (_input, seller) => {
  if (!(await isEmailVerified(seller.id))) return { error: CONFIRM_EMAIL_FIRST };
  const { AUTH_SECRET, APP_URL } = env();
  const { state, cookie, maxAgeSeconds } = createOAuthState(AUTH_SECRET, seller.id);
  await rememberOAuthState(state, seller.id);
  (await cookies()).set(OAUTH_STATE_COOKIE, cookie, {
    httpOnly: true,
    sameSite: "lax",
    secure: APP_URL.startsWith("https://"),
    path: "/seller/connect",
    maxAge: maxAgeSeconds,
  });
  redirect(buildAuthorizeUrl({ state, redirectUri: connectUrls().oauthCallback, email: seller.email }));
});

/** Stripe's hosted onboarding for a new account, or to finish the current one. */
export const startOnboardingAction = protectedAction("seller", noInput, async (_input, seller) => {
  if (!(await isEmailVerified(seller.id))) return { error: CONFIRM_EMAIL_FIRST };
  const { onboardingReturn, onboardingRefresh } = connectUrls();
  const url = await createOnboardingLink(seller, { returnUrl: onboardingReturn, refreshUrl: onboardingRefresh });
  redirect(url);
});

export const disconnectAction = protectedAction("seller", noInput, async (_input, seller) => {
  const result = await disconnectSeller(seller.id);
  if (!result.ok) return { error: result.message };
  expireCatalogue();
  revalidatePath("/seller");
  revalidatePath("/courses");
  if (result.alreadyDisconnected) return { ok: true, message: "Your Stripe account is already disconnected." };
  return { ok: true, message: "Disconnected. Your courses are unpublished until you connect again." };
});

export const openDashboardAction = protectedAction("seller", noInput, async (_input, seller) => {
  const url = await stripeDashboardUrl(seller.id);
  if (!url) return { error: "No Stripe account is connected." };
  redirect(url);
});
