"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { protectedAction } from "@/lib/auth/action";
import { parsePercentToBasisPoints } from "@/lib/money";
import { updateMerchantDetails } from "@/lib/settings/merchant-details";
import { CHARGE_TYPES, updatePlatformSettings } from "@/lib/settings/platform-settings";

const settingsSchema = z.object({
  feePercent: z.string().transform((text, ctx) => {
    const parsed = parsePercentToBasisPoints(text);
    if (parsed.ok) return parsed.minor;
    ctx.addIssue({ code: "custom", message: parsed.message });
    return z.NEVER;
  }),
  chargeType: z.enum(CHARGE_TYPES, { error: "Choose destination or direct charges." }),
});

export const updatePlatformSettingsAction = protectedAction("admin", settingsSchema, async ({ feePercent, chargeType }, admin) => {
  const changed = await updatePlatformSettings(admin.id, { feeBasisPoints: feePercent, chargeType });
  revalidatePath("/admin/settings");
  return { ok: true, message: changed ? "Settings saved. New orders use them from now on." : "Nothing changed." };
});

const merchantSchema = z.object({
  merchantName: z.string().trim().min(1, "Enter the name shown on receipts.").max(200, "Keep the name under 200 characters."),
  merchantAddress: z
    .string()
    .max(500, "Keep the address under 500 characters.")
    .refine((text) => text.split(/\r?\n/).filter((line) => line.trim()).length <= 8, "Use at most 8 lines."),
});

export const updateMerchantDetailsAction = protectedAction("admin", merchantSchema, async ({ merchantName, merchantAddress }, admin) => {
  const changed = await updateMerchantDetails(admin.id, { name: merchantName, address: merchantAddress });
  revalidatePath("/admin/settings");
  return { ok: true, message: changed ? "Merchant details saved. Receipts and emails use them from now on." : "Nothing changed." };
});
