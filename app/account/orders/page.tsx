import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/guards";
import { formatMinor } from "@/lib/money";
import { listBuyerOrders } from "@/lib/orders/buyer-orders";
import { orderStatusLabel } from "@/lib/orders/order-status";

export const metadata: Metadata = { title: "My orders" };
export const dynamic = "force-dynamic";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });

export default async function OrdersPage() {
  const user = await requireUser("/account/orders");
  const orders = await listBuyerOrders(user.id);

  return (
    <>
      <h1 className="page-title">My orders</h1>
      {orders.length === 0 ? (
        <p className="card text-slate-700">
          No orders yet. <Link href="/courses">Browse courses</Link>.
        </p>
      ) : (
        <table className="card w-full text-left text-sm">
          <thead className="text-slate-500">
            <tr>
              <th className="py-2 font-medium">Date</th>
              <th className="py-2 font-medium">Course</th>
              <th className="py-2 font-medium">Amount</th>
              <th className="py-2 font-medium">Status</th>
              <th className="py-2"><span className="sr-only">Receipt</span></th>
            </tr>
          </thead>
          <tbody>
            {orders.map((order) => (
              <tr key={order.id} className="border-t border-slate-100" data-testid="order-row">
                <td className="py-2">{dateFormat.format(order.paidAt ?? order.createdAt)}</td>
                <td className="py-2">{order.course.title}</td>
                <td className="py-2">{formatMinor(order.amountMinor, order.currency)}</td>
                <td className="py-2">{orderStatusLabel(order)}</td>
                <td className="py-2 text-right">
                  {order.status === "paid" || order.status === "refunded" ? (
                    <Link href={`/account/orders/${order.id}`}>Receipt</Link>
                  ) : order.status === "pending" ? (
                    <Link href={`/checkout/${order.course.slug}`}>Pay</Link>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
