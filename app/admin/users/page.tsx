import type { Metadata } from "next";
import { ActionButton } from "@/components/action-button";
import { DataTable } from "@/components/data-table";
import { UserControls } from "@/components/admin/user-controls";
import { ListHeader } from "@/components/list-header";
import { Pagination } from "@/components/pagination";
import { requireRole } from "@/lib/auth/guards";
import { listHref, parseListParams } from "@/lib/list-params";
import { listUsers } from "@/lib/users/user-admin";
import { changeRoleAction, resyncMembershipAction, resyncSellerAccountAction, setDisabledAction } from "./actions";

export const metadata: Metadata = { title: "Users" };

export default async function AdminUsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const admin = await requireRole("admin", "/admin/users");
  const { q, page } = parseListParams(await searchParams);
  const { users, total, pageCount } = await listUsers({ search: q, page });

  return (
    <>
      <ListHeader title="Users" action="/admin/users" searchLabel="Search users by email or name" placeholder="Email or name" query={q} />
      <p className="mb-4 text-sm text-slate-600">{total} {total === 1 ? "user" : "users"}{q ? ` matching “${q}”` : ""}.</p>
      <DataTable
        columns={[
          { label: "User" },
          { label: "Role" },
          { label: "Courses" },
          { label: "Status" },
          { label: "At Stripe" },
          { label: "Actions", visuallyHidden: true },
        ]}
      >
        {users.map((user) => (
          <tr key={user.id} className="border-b border-slate-100 align-top last:border-0" data-testid={`user-row-${user.email}`}>
            <td className="px-4 py-3">
              <div className="font-medium">{user.name}</div>
              <div className="text-slate-500">{user.email}</div>
            </td>
            <td className="px-4 py-3">{user.role}</td>
            <td className="px-4 py-3">{user._count.courses}</td>
            <td className="px-4 py-3">
              {user.disabled ? <span className="text-red-700">Disabled</span> : <span className="text-green-700">Active</span>}
            </td>
            <td className="space-y-2 px-4 py-3">
              {user.membership?.stripeSubscriptionId ? (
                <div data-testid="user-membership">
                  <div>Membership: {user.membership.status}</div>
                  <ActionButton action={resyncMembershipAction} fields={{ userId: user.id }} label="Re-sync membership" pendingLabel="Re-syncing…" variant="secondary" />
                </div>
              ) : null}
              {user.sellerAccount?.stripeAccountId ? (
                <div data-testid="user-seller-account">
                  <div>
                    <code className="text-xs">{user.sellerAccount.stripeAccountId}</code>
                    {user.sellerAccount.disconnectedAt ? " (disconnected)" : user.sellerAccount.chargesEnabled ? " · charges on" : " · charges off"}
                  </div>
                  <ActionButton action={resyncSellerAccountAction} fields={{ userId: user.id }} label="Re-sync account" pendingLabel="Re-syncing…" variant="secondary" />
                </div>
              ) : null}
              {!user.membership?.stripeSubscriptionId && !user.sellerAccount?.stripeAccountId ? <span className="text-slate-500">—</span> : null}
            </td>
            <td className="px-4 py-3">
              {user.id === admin.id ? (
                <p className="text-right text-sm text-slate-500">This is you: another admin can change your account.</p>
              ) : (
                <UserControls user={user} changeRole={changeRoleAction} setDisabled={setDisabledAction} />
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => listHref("/admin/users", { q, page: p })} />
    </>
  );
}
