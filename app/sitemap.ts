import type { MetadataRoute } from "next";
import { listPublishedCourseSlugs } from "@/lib/courses/catalogue";
import { env } from "@/lib/env";
import { listPublicSellerHandles } from "@/lib/sellers/seller-profiles";

export const dynamic = "force-dynamic";

/** One sitemap file holds at most 50,000 addresses; beyond that the newest changes come first. */
const MAX_COURSES = 40_000;
const MAX_SELLERS = 9_000;

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = env().APP_URL;
  const at = (path: string) => new URL(path, base).href;
  const [courses, sellers] = await Promise.all([listPublishedCourseSlugs(MAX_COURSES), listPublicSellerHandles(MAX_SELLERS)]);
  return [
    { url: at("/"), changeFrequency: "daily", priority: 1 },
    { url: at("/courses"), changeFrequency: "daily", priority: 0.9 },
    { url: at("/membership"), changeFrequency: "weekly", priority: 0.6 },
    ...courses.map((course) => ({ url: at(`/courses/${course.slug}`), lastModified: course.updatedAt, changeFrequency: "weekly" as const, priority: 0.8 })),
    ...sellers.map((seller) => ({ url: at(`/sellers/${seller.handle}`), lastModified: seller.updatedAt, changeFrequency: "weekly" as const, priority: 0.5 })),
  ];
}
