import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { getCurrentUser } from "@/lib/auth/current-user";
import { canAdminister } from "@/lib/auth/roles";

/** Admin pages check the role themselves; the layout only adds their navigation, and only for admins. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  return (
    <>
      {user && canAdminister(user.role) ? <AdminNav /> : null}
      {children}
    </>
  );
}
