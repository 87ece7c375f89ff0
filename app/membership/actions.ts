"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { protectedAction, type ActionState } from "@/lib/auth/action";
import { confirmMembershipJoin, joinMembership } from "@/lib/membership/join-membership";
import { finishCardUpdate, setMembershipCancellation, startCardUpdate } from "@/lib/membership/manage-membership";

export interface SecretState extends ActionState {
  clientSecret?: string;
}

const noInput = z.object({});

/** Starts (or resumes) joining: the first invoice's client secret for the browser to pay. */
export const startMembership = protectedAction<typeof noInput, SecretState>("any-user", noInput, async (_input, user) => {
  const result = await joinMembership(user.id);
  return result.ok ? { ok: true, clientSecret: result.clientSecret } : { error: result.message };
});

export const confirmMembership = protectedAction("any-user", noInput, async (_input, user) => {
  const status = await confirmMembershipJoin(user.id);
  revalidatePath("/membership");
  revalidatePath("/library");
  if (status === "active" || status === "trialing") return { ok: true, message: "Welcome! Your membership is active." };
  return { error: "We have not received the first payment yet. If you were charged, this page updates in a moment." };
});

export const cancellationAction = protectedAction(
  "any-user",
  z.object({ cancel: z.enum(["true", "false"]).transform((value) => value === "true") }),
  async ({ cancel }, user) => {
    const changed = await setMembershipCancellation(user.id, cancel);
    if (!changed) return { error: "You have no active membership to change." };
    revalidatePath("/membership");
    return {
      ok: true,
      message: cancel ? "Your membership will end at the end of the paid period." : "Your membership continues and renews as usual.",
    };
  },
);

/** A SetupIntent's client secret for the browser to save a new card for renewals. */
export const startCardChange = protectedAction<typeof noInput, SecretState>("any-user", noInput, async (_input, user) => {
  const clientSecret = await startCardUpdate(user.id);
  return clientSecret ? { ok: true, clientSecret } : { error: "You have no active membership to update." };
});

export const finishCardChange = protectedAction(
  "any-user",
  z.object({ setupIntentId: z.string().trim().startsWith("seti_").max(100) }),
  async ({ setupIntentId }, user) => {
    const result = await finishCardUpdate(user.id, setupIntentId);
    revalidatePath("/membership");
    if (result === "updated") return { ok: true, message: "Your new card will be used for renewals." };
    if (result === "not-confirmed") return { error: "The card was not confirmed. Please try again." };
    return { error: "We could not find that card update." };
  },
);
