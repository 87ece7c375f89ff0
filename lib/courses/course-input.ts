import { z } from "zod";
import { isCurrency, parseMajorAmount, parsePercentToBasisPoints } from "@/lib/money";
import { SLUG_PATTERN, slugify } from "./slug";

/** The course form as the browser sends it; every value is a string from FormData. */
export const courseFormSchema = z
  .object({
    title: z.string().trim().min(1, "Give the course a title.").max(120, "Keep the title under 120 characters."),
    slug: z.string().trim().toLowerCase().max(80, "Keep the address under 80 characters.").default(""),
    description: z
      .string()
      .trim()
      .min(1, "Describe what buyers will learn.")
      .max(5000, "Keep the description under 5,000 characters."),
    price: z.string().default(""),
    currency: z.string().trim().toLowerCase().default(""),
    feePercent: z.string().trim().default(""),
    includedInMembership: z.literal("on").optional(),
  })
  .transform((form, ctx) => {
    const slug = form.slug === "" ? slugify(form.title) : form.slug;
    if (!SLUG_PATTERN.test(slug) || slug.length < 3) {
      ctx.addIssue({
        code: "custom",
        path: ["slug"],
        message: "Use at least 3 lower-case letters, digits and single hyphens, like intro-to-sql.",
      });
    }
    if (!isCurrency(form.currency)) {
      ctx.addIssue({ code: "custom", path: ["currency"], message: "Choose a currency from the list." });
      return z.NEVER;
    }
    const price = parseMajorAmount(form.price, form.currency);
    if (!price.ok) ctx.addIssue({ code: "custom", path: ["price"], message: price.message });
    let feeBasisPoints: number | null = null;
    if (form.feePercent !== "") {
      const fee = parsePercentToBasisPoints(form.feePercent);
      if (fee.ok) feeBasisPoints = fee.minor;
      else ctx.addIssue({ code: "custom", path: ["feePercent"], message: fee.message });
    }
    if (!price.ok) return z.NEVER;
    return {
      title: form.title,
      slug,
      description: form.description,
      priceMinor: price.minor,
      currency: form.currency,
      feeBasisPoints,
      includedInMembership: form.includedInMembership === "on",
    };
  });

export type CourseInput = z.output<typeof courseFormSchema>;
