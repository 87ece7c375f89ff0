"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export interface NavLink {
  href: string;
  label: string;
}

/** The link whose path is the longest whole-segment prefix of the current path is the current page. */
export function currentHref(links: NavLink[], pathname: string): string | undefined {
  const matches = links.filter((link) => pathname === link.href || pathname.startsWith(`${link.href}/`));
  return matches.sort((a, b) => b.href.length - a.href.length)[0]?.href;
}

/** A list of links with the current page marked (aria-current), for the header and the admin navigation. */
export function NavLinks({ links, className, linkClassName }: { links: NavLink[]; className?: string; linkClassName?: string }) {
  const current = currentHref(links, usePathname() ?? "");
  return (
    <ul className={className}>
      {links.map((link) => (
        <li key={link.href}>
          {/* Not prefetched: on every page view each link would cost the server a render, for pages most visitors never open from here. */}
          <Link href={link.href} prefetch={false} aria-current={link.href === current ? "page" : undefined} className={linkClassName}>
            {link.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
