import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "./site-header";
import { TimeZoneCookie } from "@/components/time-zone-cookie";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Coursemarket", template: "%s · Coursemarket" },
  description: "Courses from independent teachers, paid securely with Stripe.",
};

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
