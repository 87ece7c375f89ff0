import Link from "next/link";
import { getCurrentUser, SessionUnavailable } from "@/lib/auth/current-user";
import { canAdminister, canSell } from "@/lib/auth/roles";
import { LogoutButton } from "./(auth)/logout/logout-button";
import { MenuDisclosure } from "@/components/navigation/menu-disclosure";
import { NavLinks, type NavLink } from "@/components/navigation/nav-links";

export async function SiteHeader() {
  // While the database is unreachable the session cannot be read: the header offers neither the
  // account nor "Log in" (the person is still signed in), and the page below says what failed.
  const user = await getCurrentUser().catch((error: unknown) => {
    if (error instanceof SessionUnavailable) return "unavailable" as const;
    throw error;
  });
  if (user === "unavailable") return <HeaderFrame links={[{ href: "/courses", label: "Courses" }]} account={null} />;
  const admin = user && canAdminister(user.role);
  const links: NavLink[] = [{ href: "/courses", label: "Courses" }];
  if (user) {
    links.push({ href: "/library", label: "My library" });
    links.push({ href: "/membership", label: "Membership" });
    // An admin reading "Orders" means the platform's orders; their own purchases are "My orders".
    links.push({ href: "/account/orders", label: admin ? "My orders" : "Orders" });
    links.push({ href: "/account", label: "Account" });
  }
  if (user && canSell(user.role)) {
    links.push({ href: "/seller", label: "Seller" });
    links.push({ href: "/seller/sales", label: "Sales" });
  }
  if (admin) {
    links.push({ href: "/admin", label: "Admin" });
    links.push({ href: "/admin/orders", label: "Orders" });
  }

  const account = user ? (
    <div className="site-menu-account">
      <span className="text-slate-600" data-testid="signed-in-as">
        {user.name} <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{user.role}</span>
      </span>
      <LogoutButton />
    </div>
  ) : (
    <div className="site-menu-account">
      <Link href="/login" prefetch={false} className="site-menu-link">Log in</Link>
      <Link href="/register" prefetch={false} className="btn no-underline">
        Sign up
      </Link>
    </div>
  );
  return <HeaderFrame links={links} account={account} />;
}

function HeaderFrame({ links, account }: { links: NavLink[]; account: React.ReactNode }) {
  return (
    <header className="site-header relative border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-6 px-4 py-2">
        <Link href="/" prefetch={false} className="flex min-h-11 items-center text-lg font-semibold text-slate-900 no-underline hover:no-underline">
          Coursemarket
        </Link>
        <MenuDisclosure>
          <nav aria-label="Main" className="lg:flex-1">
            <NavLinks links={links} className="site-menu-links" linkClassName="site-menu-link" />
          </nav>
          {account}
        </MenuDisclosure>
      </div>
    </header>
  );
}
