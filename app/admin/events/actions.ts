"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { protectedAction } from "@/lib/auth/action";
import { replayEvent } from "@/lib/stripe-events/replay-event";

const replaySchema = z.object({ eventId: z.string().trim().regex(/^evt_[A-Za-z0-9_]{1,200}$/, "Unknown event.") });

const OUTCOME_MESSAGES = {
  handled: "Replayed: handled.",
  ignored: "Replayed: no handler for this type, ignored.",
} as const;

export const replayEventAction = protectedAction("admin", replaySchema, async ({ eventId }, admin) => {
  const result = await replayEvent(admin.id, eventId);
  if (!result.ok) return { error: result.message };
  revalidatePath(`/admin/events/${eventId}`);
  revalidatePath("/admin/events");
  if (result.outcome === "failed" || result.outcome === "refused") return { error: "Replayed, and it failed again. The error is shown on this page." };
  return { ok: true, message: OUTCOME_MESSAGES[result.outcome] };
});
