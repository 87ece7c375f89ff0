import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "./site-header";
import { TimeZoneCookie } from "@/components/time-zone-cookie";
import { env } from "@/lib/env";
import "./globals.css";

const DESCRIPTION = "Courses from independent teachers: buy once and keep it, or learn from every included course with the membership.";

/** Read per request, so one build serves any APP_URL: links in shared previews and the sitemap are absolute. */
export function generateMetadata(): Metadata {
  return {
    metadataBase: new URL(env().APP_URL),
    title: { default: "Coursemarket", template: "%s · Coursemarket" },
    description: DESCRIPTION,
    openGraph: { siteName: "Coursemarket", type: "website", title: "Coursemarket", description: DESCRIPTION },
  };
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2">
          Skip to content
        </a>
        <TimeZoneCookie />
        <SiteHeader />
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
          {children}
        </main>
        <footer className="site-footer border-t border-slate-200 py-6 text-center text-xs text-slate-600">
          Coursemarket · payments by Stripe
        </footer>
      </body>
    </html>
  );
}
