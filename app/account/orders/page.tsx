import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/guards";
import { DataTable } from "@/components/data-table";
import { getViewerFormat } from "@/lib/locale/viewer";
import { listBuyerOrders } from "@/lib/orders/buyer-orders";
import { orderStatusLabel } from "@/lib/orders/order-status";

export const metadata: Metadata = { title: "My orders" };
export const dynamic = "force-dynamic";

export default async function OrdersPage() {
  const user = await requireUser("/account/orders");
  const [orders, fmt] = await Promise.all([listBuyerOrders(user.id), getViewerFormat()]);

  return (
    <>
      <h1 className="page-title">My orders</h1>
      {orders.length === 0 ? (
        <p className="card text-slate-700">
          No orders yet. <Link href="/courses">Browse courses</Link>.
        </p>
      ) : (
        <DataTable
          label="My orders"
          columns={[{ label: "Date" }, { label: "Course" }, { label: "Amount" }, { label: "Status" }, { label: "Receipt", visuallyHidden: true }]}
        >
            {orders.map((order) => (
              <tr key={order.id} className="border-b border-slate-100 last:border-0" data-testid="order-row">
                <td className="px-4 py-2">{fmt.date(order.paidAt ?? order.createdAt, "date-time")}</td>
                <td className="px-4 py-2">{order.course.title}</td>
                <td className="px-4 py-2">{fmt.money(order.amountMinor, order.currency)}</td>
                <td className="px-4 py-2">{orderStatusLabel(order)}</td>
                <td className="px-4 py-2 text-right">
                  {order.status === "paid" || order.status === "refunded" ? (
                    <Link href={`/account/orders/${order.id}`}>Receipt</Link>
                  ) : order.status === "pending" ? (
                    <Link href={`/checkout/${order.course.slug}`}>Pay</Link>
                  ) : null}
                </td>
              </tr>
            ))}
        </DataTable>
      )}
    </>
  );
}
