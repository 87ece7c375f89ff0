import { minorToMajorString, type Currency } from "@/lib/money";

interface CourseFacts {
  slug: string;
  title: string;
  description: string;
  priceMinor: number;
  currency: Currency;
  sellerName: string;
  sellerHandle: string | null;
  imageUrl: string | null;
}

/** schema.org/Course for search engines: the course, its teacher and its price as an offer. */
export function courseStructuredData(course: CourseFacts, appUrl: string) {
  const url = new URL(`/courses/${course.slug}`, appUrl).href;
  return {
    "@context": "https://schema.org",
    "@type": "Course",
    name: course.title,
    description: course.description.slice(0, 500),
    url,
    ...(course.imageUrl ? { image: new URL(course.imageUrl, appUrl).href } : {}),
    provider: {
      "@type": "Person",
      name: course.sellerName,
      ...(course.sellerHandle ? { url: new URL(`/sellers/${course.sellerHandle}`, appUrl).href } : {}),
    },
    offers: {
      "@type": "Offer",
      category: course.priceMinor === 0 ? "Free" : "Paid",
      price: minorToMajorString(course.priceMinor, course.currency),
      priceCurrency: course.currency.toUpperCase(),
      availability: "https://schema.org/InStock",
      url,
    },
  };
}

/** JSON for a <script> element: "<" escaped so a title holding "</script>" cannot end the element. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
