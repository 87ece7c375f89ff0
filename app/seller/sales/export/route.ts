import { getCurrentUser } from "@/lib/auth/current-user";
import { canSell } from "@/lib/auth/roles";
import { salesCsv } from "@/lib/sales/sales-csv";
import { listSellerSales } from "@/lib/sales/seller-sales";

export const dynamic = "force-dynamic";

/** The seller's own sales as CSV; the role and the ownership are checked here, not only on the page. */
export async function GET(): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return new Response("Please log in.", { status: 401 });
  if (!canSell(user.role)) return new Response("You are not allowed to do that.", { status: 403 });
  const sales = await listSellerSales(user.id);
  const date = new Date().toISOString().slice(0, 10);
  return new Response(salesCsv(sales), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="sales-${date}.csv"`,
      "cache-control": "private, no-store",
    },
  });
}
