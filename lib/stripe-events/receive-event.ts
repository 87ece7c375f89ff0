import type Stripe from "stripe";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { handlerFor, platformEventHandlers, type HandlerMap } from "./event-table";
import { RefusedEvent } from "./refused-event";

export type ReceiveOutcome = "handled" | "ignored" | "duplicate" | "failed" | "refused";

/**
 * Stores a verified event once by its ID, then hands it to the handler for its type. A repeat
 * delivery of an event already handled does nothing; one whose handling failed runs again
 * (handlers are idempotent). A copy that arrives while the first is still being handled (in this
 * process or another) finds the row claimed and does nothing: Stripe retries the first if it
 * failed. "failed" means Stripe should retry.
 */
export async function receiveEvent(
  event: Stripe.Event,
  handlers: HandlerMap = platformEventHandlers,
): Promise<ReceiveOutcome> {
  // Most events are of types we do not act on: those are stored already settled, in one write.
  const handled = !!handlerFor(handlers, event);
  const stored = await storeOnce(event, handled ? "received" : "ignored");
  if (stored.created && !handled) return "ignored";
  if (stored.status === "handled" || stored.status === "ignored") return "duplicate";
  if (!(await claim(event.id))) return "duplicate";

  return runHandler(event, handlers);
}

/** A claim older than this is taken to belong to a delivery that died (the app stopped mid-handler). */
const CLAIM_LEASE_MS = 2 * 60_000;

/**
 * Stripe sends the same event again while the first delivery is still being handled (a slow
 * handler, a retry after a timeout): only one of them runs the handler; the other is answered 2xx.
 */
async function claim(eventId: string): Promise<boolean> {
  const now = new Date();
  const claimed = await db.stripeEvent.updateMany({
    where: {
      id: eventId,
      status: { in: ["received", "failed"] },
      OR: [{ claimedAt: null }, { claimedAt: { lt: new Date(now.getTime() - CLAIM_LEASE_MS) } }],
    },
    data: { claimedAt: now },
  });
  return claimed.count === 1;
}

export type HandlingOutcome = Exclude<ReceiveOutcome, "duplicate">;

/** Runs the handler for a stored event and records the result on its row. */
export async function runHandler(
  event: Stripe.Event,
  handlers: HandlerMap,
): Promise<HandlingOutcome> {
  const handler = handlerFor(handlers, event);
  if (!handler) {
    await db.stripeEvent.update({ where: { id: event.id }, data: { status: "ignored", error: null, handledAt: new Date(), claimedAt: null } });
    return "ignored";
  }
  try {
    await handler(event);
    await db.stripeEvent.update({
      where: { id: event.id },
      data: { status: "handled", error: null, handledAt: new Date(), claimedAt: null, attempts: { increment: 1 } },
    });
    return "handled";
  } catch (error) {
    if (error instanceof RefusedEvent) {
      await db.stripeEvent.update({
        where: { id: event.id },
        data: { status: "failed", error: `Refused: ${error.message}`.slice(0, 2000), claimedAt: null, attempts: { increment: 1 } },
      });
      return "refused";
    }
    console.error(`stripe webhook ${event.type} ${event.id} failed`, error);
    await db.stripeEvent.update({
      where: { id: event.id },
      data: {
        status: "failed",
        error: error instanceof Error ? error.message.slice(0, 2000) : "unknown error",
        claimedAt: null,
        attempts: { increment: 1 },
      },
    });
    return "failed";
  }
}

async function storeOnce(event: Stripe.Event, status: "received" | "ignored"): Promise<{ created: boolean; status: string }> {
  try {
    const row = await db.stripeEvent.create({
      data: {
        id: event.id,
        type: event.type,
        account: event.account ?? null,
        payload: JSON.stringify(event),
        createdAt: new Date(event.created * 1000),
        status,
        handledAt: status === "ignored" ? new Date() : null,
      },
      select: { status: true },
    });
    return { created: true, status: row.status };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const row = await db.stripeEvent.findUniqueOrThrow({ where: { id: event.id }, select: { status: true } });
      return { created: false, status: row.status };
    }
    throw error;
  }
}
