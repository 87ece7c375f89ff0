import { env } from "@/lib/env";

export function connectUrls() {
  const base = env().APP_URL;
  return {
    oauthCallback: `${base}/seller/connect/oauth/callback`,
    onboardingReturn: `${base}/seller/connect/onboarding/return`,
    onboardingRefresh: `${base}/seller/connect/onboarding/refresh`,
  };
}
