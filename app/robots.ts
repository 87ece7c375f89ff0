import type { MetadataRoute } from "next";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/** The shop is public; accounts, checkout, the library and the back offices are not for search engines. */
export default function robots(): MetadataRoute.Robots {
  const base = env().APP_URL;
  return {
    rules: [
      {
        userAgent: "*",
        allow: ["/", "/courses", "/sellers/", "/membership"],
        disallow: ["/account", "/admin", "/seller/", "/library", "/checkout", "/login", "/register", "/logout", "/api/"],
      },
    ],
    sitemap: new URL("/sitemap.xml", base).href,
  };
}
