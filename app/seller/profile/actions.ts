"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { expireCatalogue } from "@/lib/courses/expire-catalogue";
import { protectedAction } from "@/lib/auth/action";
import { BIO_MAX, updateSellerProfile } from "@/lib/sellers/seller-profiles";

const profileSchema = z.object({
  handle: z.string().max(200),
  bio: z.string().max(BIO_MAX, `Keep the bio under ${BIO_MAX.toLocaleString("en")} characters.`),
});

export const updateSellerProfileAction = protectedAction("seller", profileSchema, async (input, seller) => {
  const result = await updateSellerProfile(seller.id, input);
  if (!result.ok) return { error: "Please correct the fields marked below.", fieldErrors: { [result.field]: [result.message] } };
  // Cards and course pages link to the handle.
  expireCatalogue();
  revalidatePath(`/sellers/${result.previousHandle}`);
  revalidatePath(`/sellers/${result.handle}`);
  return { ok: true, message: "Profile saved." };
});
