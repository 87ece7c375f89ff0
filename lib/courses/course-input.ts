import { z } from "zod";
import { isCurrency, parseMajorAmount } from "@/lib/money";
import { SLUG_PATTERN, slugify } from "./slug";
import { parseTags } from "./tags";

const text = z.string().default("");

/**
 * The course form as the browser sends it (every value a string from FormData). All fields are
 * checked in one pass so a person sees every problem at once, not one field at a time. The
 * platform fee is not a field: only admins set it (lib/fees/), and a posted value is ignored.
 */
export const courseFormSchema = z
  .object({
    title: text,
    slug: text,
    description: text,
    price: text,
    currency: text,
    includedInMembership: z.literal("on").optional(),
    tags: text,
  })
  .transform((form, ctx) => {
    const problem = (field: string, message: string) => ctx.addIssue({ code: "custom", path: [field], message });
    const title = form.title.trim();
    const description = form.description.trim();
    const currency = form.currency.trim().toLowerCase();
    const requestedSlug = form.slug.trim().toLowerCase();
    const slug = requestedSlug === "" ? slugify(title) : requestedSlug;

    if (title === "") problem("title", "Give the course a title.");
    else if (title.length > 120) problem("title", "Keep the title under 120 characters.");
    if (description === "") problem("description", "Describe what buyers will learn.");
    else if (description.length > 5000) problem("description", "Keep the description under 5,000 characters.");
    if (slug.length > 80) problem("slug", "Keep the address under 80 characters.");
    else if (title !== "" && (!SLUG_PATTERN.test(slug) || slug.length < 3)) {
      problem("slug", "Use at least 3 lower-case letters, digits and single hyphens, like intro-to-sql.");
    }

    let priceMinor: number | null = null;
    if (!isCurrency(currency)) {
      problem("currency", "Choose a currency from the list.");
    } else {
      const price = parseMajorAmount(form.price, currency);
      if (price.ok) priceMinor = price.minor;
      else problem("price", price.message);
    }

    const tags = parseTags(form.tags);
    if (!tags.ok) problem("tags", tags.message);

    if (ctx.issues.length > 0 || priceMinor === null || !tags.ok) return z.NEVER;
    return {
      title,
      slug,
      description,
      priceMinor,
      currency,
      includedInMembership: form.includedInMembership === "on",
      tags: tags.tags,
    };
  });

export type CourseInput = z.output<typeof courseFormSchema>;
