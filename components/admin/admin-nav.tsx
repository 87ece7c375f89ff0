import { NavLinks, type NavLink } from "@/components/navigation/nav-links";

export const ADMIN_PAGES: NavLink[] = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/orders", label: "Orders" },
  { href: "/admin/events", label: "Events" },
  { href: "/admin/emails", label: "Emails" },
  { href: "/admin/audit", label: "Audit" },
  { href: "/admin/settings", label: "Settings" },
  { href: "/admin/fees", label: "Fees" },
];

/** Every admin page's own navigation, the current page marked; wraps onto two rows on a phone. */
export function AdminNav() {
  return (
    <nav aria-label="Admin" className="admin-nav mb-6 border-b border-slate-200">
      <NavLinks links={ADMIN_PAGES} className="flex flex-wrap gap-x-1 text-sm" linkClassName="admin-nav-link" />
    </nav>
  );
}
