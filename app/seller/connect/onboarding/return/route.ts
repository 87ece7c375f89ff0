import { redirect } from "next/navigation";
import { requireRole } from "@/lib/auth/guards";
import { getSellerConnection } from "@/lib/seller-accounts/seller-connection";
import { syncConnectedAccount } from "@/lib/seller-accounts/account-sync";

export const dynamic = "force-dynamic";

/** Back from onboarding, finished or not: read the account's status now rather than wait for the webhook. */
export async function GET(): Promise<Response> {
  const seller = await requireRole("seller", "/seller");
  const connection = await getSellerConnection(seller.id);
  if (connection?.stripeAccountId && !connection.disconnectedAt) {
    try {
      await syncConnectedAccount(connection.stripeAccountId);
    } catch (error) {
      console.error("could not refresh the account after onboarding", error);
    }
  }
  redirect("/seller?connect=returned");
}
