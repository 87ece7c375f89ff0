import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { FilterForm, SelectFilter } from "@/components/filter-form";
import { Pagination } from "@/components/pagination";
import { requireRole } from "@/lib/auth/guards";
import { adminOrdersHref, listAdminOrders, listOrderSellers, parseAdminOrderFilters } from "@/lib/orders/admin-orders";
import { DISPUTE_FILTERS, DISPUTE_FILTER_LABELS, ORDER_STATUSES, ORDER_STATUS_LABELS, orderStatusLabel } from "@/lib/orders/order-status";
import { dashboardLinksOf } from "@/lib/payments/dashboard-links";
import { getViewerFormat } from "@/lib/locale/viewer";

export const metadata: Metadata = { title: "Orders" };
export const dynamic = "force-dynamic";

function StripeId({ id, href }: { id: string | null; href: string | null }) {
  if (!id) return <span className="text-slate-500">—</span>;
  const code = <code className="text-xs">{id}</code>;
  return href ? <a href={href} target="_blank" rel="noreferrer">{code}</a> : code;
}

export default async function AdminOrdersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireRole("admin", "/admin/orders");
  const fmt = await getViewerFormat();
  const filters = parseAdminOrderFilters(await searchParams);
  const [{ orders, total, pageCount }, sellers] = await Promise.all([listAdminOrders(filters), listOrderSellers()]);

  return (
    <>
      <h1 className="page-title">Orders</h1>
      <FilterForm action="/admin/orders" label="Filter orders">
        <SelectFilter
          name="status"
          label="Status"
          value={filters.status}
          options={ORDER_STATUSES.map((status) => ({ value: status, label: ORDER_STATUS_LABELS[status] }))}
        />
        <SelectFilter
          name="dispute"
          label="Dispute"
          value={filters.dispute}
          options={DISPUTE_FILTERS.map((dispute) => ({ value: dispute, label: DISPUTE_FILTER_LABELS[dispute] }))}
        />
        <SelectFilter
          name="seller"
          label="Seller"
          value={filters.seller}
          options={sellers.map((seller) => ({ value: seller.id, label: `${seller.name} (${seller.email})` }))}
        />
        <label>
          <span className="label">From (UTC)</span>
          <input type="date" name="from" defaultValue={filters.from ?? ""} className="input" />
        </label>
        <label>
          <span className="label">To (UTC)</span>
          <input type="date" name="to" defaultValue={filters.to ?? ""} className="input" />
        </label>
      </FilterForm>
      <p className="mb-4 text-sm text-slate-600" data-testid="orders-total">
        {fmt.number(total)} {total === 1 ? "order" : "orders"}.
      </p>
      <DataTable
        testId="admin-orders"
        columns={[
          { label: "Order" },
          { label: "Buyer → seller" },
          { label: "Amount · fee · refunded", align: "right" },
          { label: "Status" },
          { label: "Stripe" },
        ]}
      >
        {orders.map((order) => {
          const links = dashboardLinksOf(order);
          const money = (minor: number) => fmt.money(minor, order.currency);
          return (
            <tr key={order.id} className="border-b border-slate-100 align-top last:border-0" data-testid={`order-row-${order.id}`}>
              <td className="px-4 py-2">
                <Link href={`/admin/orders/${order.id}`} className="font-medium">{order.course.title}</Link>
                <div className="whitespace-nowrap text-slate-500">{fmt.date(order.createdAt, "date-time")}</div>
              </td>
              <td className="px-4 py-2">
                <div title={order.buyer.email}>{order.buyer.name} <span className="text-slate-500">{order.buyer.email}</span></div>
                <div title={order.seller.email}>→ {order.seller.name} <span className="text-slate-500">{order.seller.email}</span></div>
              </td>
              <td className="whitespace-nowrap px-4 py-2 text-right">
                <div>{money(order.amountMinor)}</div>
                <div className="text-slate-500">fee {order.applicationFeeMinor === null ? "—" : money(order.applicationFeeMinor)}</div>
                {order.refundedMinor > 0 ? <div className="text-red-700">refunded {money(order.refundedMinor)}</div> : null}
              </td>
              <td className="px-4 py-2">
                <div data-testid="order-status">
                  {orderStatusLabel(order)}
                </div>
                <div className="text-slate-500">{order.chargeType ?? "platform"} charge</div>
              </td>
              <td className="break-all px-4 py-2">
                <div><StripeId id={order.stripePaymentIntentId} href={links.payment} /></div>
                {order.stripeAccountId ? <div><StripeId id={order.stripeAccountId} href={links.account} /></div> : null}
              </td>
            </tr>
          );
        })}
      </DataTable>
      {orders.length === 0 ? <p className="mt-4 text-sm text-slate-500">No orders match these filters.</p> : null}
      <Pagination page={Math.min(filters.page, pageCount)} pageCount={pageCount} hrefFor={(page) => adminOrdersHref({ ...filters, page })} />
    </>
  );
}
