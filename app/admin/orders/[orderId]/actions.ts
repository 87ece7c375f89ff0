"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { protectedAction } from "@/lib/auth/action";
import { REFUND_REASONS } from "@/lib/payments/refunds";
import { refundOrder } from "@/lib/refunds/refund-order";
import { resyncOrder } from "@/lib/resync/resync-order";

const refundSchema = z.object({
  orderId: z.string().trim().min(1).max(64),
  formToken: z.uuid(),
  // Parsed against the order's currency and what is left, which only the database knows.
  amount: z.string().trim().min(1, "Enter the amount to refund.").max(20, "Enter the amount as a number, like 12.50."),
  reason: z.enum(REFUND_REASONS, { error: "Choose a reason." }),
  note: z.string().trim().max(500, "Keep the note under 500 characters.").default(""),
});

export const refundOrderAction = protectedAction("admin", refundSchema, async (input, admin) => {
  const outcome = await refundOrder(admin.id, input);
  if (!outcome.ok) return outcome.field ? { error: "Please correct the fields marked below.", fieldErrors: { amount: [outcome.message] } } : { error: outcome.message };
  revalidatePath(`/admin/orders/${input.orderId}`);
  revalidatePath("/admin/orders");
  return { ok: true, message: outcome.message };
});

export const resyncOrderAction = protectedAction("admin", z.object({ orderId: z.string().trim().min(1).max(64) }), async ({ orderId }, admin) => {
  const result = await resyncOrder(admin.id, orderId);
  if (!result.ok) return { error: result.message };
  revalidatePath(`/admin/orders/${orderId}`);
  revalidatePath("/admin/orders");
  return { ok: true, message: result.message };
});
