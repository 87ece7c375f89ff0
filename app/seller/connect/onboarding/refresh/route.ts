import { redirect } from "next/navigation";
import { requireRole } from "@/lib/auth/guards";
import { createOnboardingLink, NoAccountToOnboard } from "@/lib/seller-accounts/onboarding";
import { connectUrls } from "../../urls";

export const dynamic = "force-dynamic";

/**
 * Stripe sends the seller here when a link expired or was used: hand them a fresh one for the
 * account they already have. A GET must never create an account, so a link followed from
 * another site cannot open one in the seller's name.
 */
export async function GET(): Promise<Response> {
  const seller = await requireRole("seller", "/seller");
  const { onboardingReturn, onboardingRefresh } = connectUrls();
  let url: string;
  try {
    url = await createOnboardingLink(seller, { returnUrl: onboardingReturn, refreshUrl: onboardingRefresh }, { createAccount: false });
  } catch (error) {
    if (error instanceof NoAccountToOnboard) redirect("/seller");
    console.error("could not create a fresh onboarding link", error);
    redirect("/seller?connect=error");
  }
  redirect(url);
}
