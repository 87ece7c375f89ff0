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

const joinAction = protectedAction("any-user", noInput, async (_input, user) => {
  const result = await joinMembership(user.id);
  const state: SecretState = result.ok ? { ok: true, clientSecret: result.clientSecret } : { error: result.message };
  return state;
});

/** Starts (or resumes) joining: the first invoice's client secret for the browser to pay. */
export async function startMembership(formData: FormData): Promise<SecretState> {
  // protectedAction is typed for plain ActionState; the handler above returns SecretState.
  return (await joinAction(undefined, formData)) as SecretState;
}

const confirmJoinAction = protectedAction("any-user", noInput, async (_input, user) => {
  const status = await confirmMembershipJoin(user.id);
  revalidatePath("/membership");
  revalidatePath("/library");
  if (status === "active" || status === "trialing") return { ok: true, message: "Welcome! Your membership is active." };
  return { error: "We have not received the first payment yet. If you were charged, this page updates in a moment." };
});

export async function confirmMembership(formData: FormData): Promise<ActionState> {
  return confirmJoinAction(undefined, formData);
}

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

const cardSetupAction = protectedAction("any-user", noInput, async (_input, user) => {
  const clientSecret = await startCardUpdate(user.id);
  const state: SecretState = clientSecret ? { ok: true, clientSecret } : { error: "You have no active membership to update." };
  return state;
});

export async function startCardChange(formData: FormData): Promise<SecretState> {
  return (await cardSetupAction(undefined, formData)) as SecretState;
}

const finishCardAction = protectedAction(
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

export async function finishCardChange(formData: FormData): Promise<ActionState> {
  return finishCardAction(undefined, formData);
}
