import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/current-user";
import { canAdminister, canSell } from "@/lib/auth/roles";
import { LogoutButton } from "./logout-button";

export async function SiteHeader() {
  const user = await getCurrentUser();
  const links: Array<{ href: string; label: string }> = [{ href: "/courses", label: "Courses" }];
  if (user) {
    links.push({ href: "/library", label: "My library" });
    links.push({ href: "/membership", label: "Membership" });
    links.push({ href: "/account/orders", label: "Orders" });
    links.push({ href: "/account", label: "Account" });
  }
  if (user && canSell(user.role)) {
    links.push({ href: "/seller", label: "Seller" });
    links.push({ href: "/seller/sales", label: "Sales" });
  }
  if (user && canAdminister(user.role)) links.push({ href: "/admin", label: "Admin" });

  // The header's links are not prefetched: on every page view they would each cost the server a
  // render (twice over, as the router prefetches again after hydrating), for pages most visitors
  // never open from there.
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav aria-label="Main" className="mx-auto flex max-w-5xl items-center gap-6 px-4 py-3">
        <Link href="/" prefetch={false} className="text-lg font-semibold text-slate-900 no-underline hover:no-underline">
          Coursemarket
        </Link>
        <ul className="flex flex-1 items-center gap-4 text-sm">
          {links.map((link) => (
            <li key={link.href}>
              <Link href={link.href} prefetch={false} className="text-slate-700 hover:text-indigo-700">
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
        {user ? (
          <div className="flex items-center gap-3 text-sm">
            <span className="text-slate-600" data-testid="signed-in-as">
              {user.name} <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{user.role}</span>
            </span>
            <LogoutButton />
          </div>
        ) : (
          <div className="flex items-center gap-3 text-sm">
            <Link href="/login" prefetch={false}>Log in</Link>
            <Link href="/register" prefetch={false} className="btn no-underline">
              Sign up
            </Link>
          </div>
        )}
      </nav>
    </header>
  );
}
