import type Stripe from "stripe";
import { recordAudit } from "@/lib/audit/audit-log";
import { db } from "@/lib/db";
import { connectEventHandlers, platformEventHandlers } from "./event-table";
import { runHandler, type HandlingOutcome } from "./receive-event";

export type ReplayResult = { ok: true; outcome: HandlingOutcome; error: string | null } | { ok: false; message: string };

/**
 * Runs a stored event's handler again from the payload Stripe sent. Handlers are idempotent, so
 * replaying an event already handled changes nothing but its attempt count. The event's
 * `account` decides which endpoint's handlers apply, as it did when it arrived.
 */
export async function replayEvent(actorId: string, eventId: string): Promise<ReplayResult> {
  const stored = await db.stripeEvent.findUnique({ where: { id: eventId }, select: { id: true, status: true, payload: true } });
  if (!stored) return { ok: false, message: "This event was never received." };
  let event: Stripe.Event;
  try {
    event = JSON.parse(stored.payload) as Stripe.Event;
  } catch {
    return { ok: false, message: "The stored payload of this event cannot be read." };
  }
  if (event.id !== stored.id) return { ok: false, message: "The stored payload belongs to another event." };

  const outcome = await runHandler(event, event.account ? connectEventHandlers : platformEventHandlers);
  const after = await db.stripeEvent.findUniqueOrThrow({ where: { id: eventId }, select: { status: true, error: true, attempts: true } });
  await recordAudit({
    actorId,
    action: "stripe_event.replayed",
    details: { eventId, type: event.type, account: event.account ?? null, before: stored.status, after: after.status, attempts: after.attempts, error: after.error },
  });
  return { ok: true, outcome, error: after.error };
}
