"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { protectedAction } from "@/lib/auth/action";
import { parsePercentToBasisPoints } from "@/lib/money";
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
