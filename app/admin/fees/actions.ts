"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { protectedAction } from "@/lib/auth/action";
import { setCourseFee, setSellerFee, type FeeChangeResult } from "@/lib/fees/platform-fees";
import { parsePercentToBasisPoints } from "@/lib/money";

/** A percentage, or empty to remove the override so the next level's fee applies again. */
const overridePercent = z.string().transform((text, ctx) => {
  if (text.trim() === "") return null;
  const parsed = parsePercentToBasisPoints(text);
  if (parsed.ok) return parsed.minor;
  ctx.addIssue({ code: "custom", message: parsed.message });
  return z.NEVER;
});

function answer(result: FeeChangeResult, removed: boolean) {
  if (!result.ok) return { error: result.message };
  revalidatePath("/admin/fees");
  if (!result.changed) return { ok: true, message: "Nothing changed." };
  return { ok: true, message: removed ? "Override removed. New orders use the next fee that applies." : "Fee saved. New orders use it from now on." };
}

export const setSellerFeeAction = protectedAction(
  "admin",
  z.object({ email: z.string().trim().toLowerCase().min(1, "Enter the seller's email address.").max(254), feePercent: overridePercent }),
  async ({ email, feePercent }, admin) => answer(await setSellerFee(admin.id, email, feePercent), feePercent === null),
);

export const setCourseFeeAction = protectedAction(
  "admin",
  z.object({ slug: z.string().trim().toLowerCase().min(1, "Enter the course's address.").max(80), feePercent: overridePercent }),
  async ({ slug, feePercent }, admin) => answer(await setCourseFee(admin.id, slug, feePercent), feePercent === null),
);
