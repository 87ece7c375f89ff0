import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { requireRole } from "@/lib/auth/guards";
import { checkOAuthState, consumeOAuthState, OAUTH_STATE_COOKIE } from "@/lib/seller-accounts/oauth-state";
import { env } from "@/lib/env";
import { completeOAuthConnection } from "@/lib/seller-accounts/oauth-connection";

export const dynamic = "force-dynamic";

/**
 * Stripe sends the seller back here. The state must be the one minted for this same logged-in
 * seller (cookie + HMAC), and it is used once: the cookie is cleared whatever happens and the
 * state's server-side row is deleted, so a replay of the same callback links nothing.
 */
export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const seller = await requireRole("seller", "/seller");
  const jar = await cookies();
  const stateCheck = checkOAuthState(env().AUTH_SECRET, jar.get(OAUTH_STATE_COOKIE)?.value, params.get("state"), seller.id);
  jar.delete({ name: OAUTH_STATE_COOKIE, path: "/seller/connect" });

  if (stateCheck !== "ok") redirect(`/seller?connect=${stateCheck === "expired" ? "expired" : "invalid_state"}`);
  if (!(await consumeOAuthState(params.get("state")!, seller.id))) redirect("/seller?connect=invalid_state");
  if (params.get("error") === "access_denied") redirect("/seller?connect=denied");
  const code = params.get("code");
  if (!code || params.get("error")) redirect("/seller?connect=error");

  let outcome: string;
  try {
    const result = await completeOAuthConnection(seller.id, code);
    outcome = result.ok ? "connected" : result.reason;
  } catch (error) {
    console.error("Stripe OAuth connection failed", error);
    outcome = "error";
  }
  redirect(`/seller?connect=${outcome}`);
}
